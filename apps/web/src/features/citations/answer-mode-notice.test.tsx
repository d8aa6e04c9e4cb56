import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AnswerModeNotice } from "./answer-mode-notice";

afterEach(cleanup);

describe("AnswerModeNotice", () => {
  it("says plainly that nothing was found", () => {
    render(<AnswerModeNotice mode="not_found" grounded />);
    expect(screen.getByTestId("answer-not-found").textContent).toContain("No evidence found");
  });

  it("explains an extractive answer and lists its warnings", () => {
    render(<AnswerModeNotice mode="extractive" grounded warnings={["Marker [4] pointed to no passage"]} />);
    const notice = screen.getByTestId("answer-extractive");
    expect(notice.textContent).toContain("No language model is configured");
    expect(notice.textContent).toContain("Marker [4] pointed to no passage");
  });

  it("warns about an ungrounded model answer", () => {
    render(<AnswerModeNotice mode="generative" grounded={false} />);
    expect(screen.getByTestId("answer-ungrounded")).toBeTruthy();
  });

  it("says nothing about a grounded model answer", () => {
    const { container } = render(<AnswerModeNotice mode="generative" grounded />);
    expect(container.textContent).toBe("");
  });
});
