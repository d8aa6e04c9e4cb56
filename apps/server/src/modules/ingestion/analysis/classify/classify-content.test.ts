import { describe, expect, it } from "vitest";
import { classifyContent } from "./classify-content.js";

describe("classifyContent", () => {
  it("classifies an invoice as financial and lists the deciding terms with counts", () => {
    const text =
      "INVOICE #2024-113. Invoice date 3 May. Amount due: $4,200.00. Subtotal $3,500.00, VAT $700.00. Payment terms: net 30. Please pay the invoice by the due date.";
    const result = classifyContent(text);
    expect(result.content_category).toBe("financial");
    expect(result.evidence).toContain("invoice x3");
    expect(result.evidence).toContain("amount due x1");
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.classifications).toEqual(["financial", "invoice"]);
  });

  it("classifies a contract as legal", () => {
    const text =
      "This Agreement is made between the Parties. WHEREAS the Supplier agrees to indemnify the Customer; the governing law is that of England, and any dispute goes to arbitration. In witness whereof the parties sign this contract.";
    const result = classifyContent(text);
    expect(result.content_category).toBe("legal");
    expect(result.evidence).toEqual(expect.arrayContaining(["whereas x1", "governing law x1"]));
    expect(result.classifications).toContain("contract");
  });

  it("classifies clinical notes as medical", () => {
    const text =
      "Patient presents with chest pain. Medical history: hypertension. Diagnosis: angina. Prescribed aspirin 81 mg daily; dosage reviewed. Blood pressure 150/95.";
    expect(classifyContent(text).content_category).toBe("medical");
  });

  it("classifies a resume as hr", () => {
    const text =
      "Curriculum vitae. Work experience: five years as a recruiting partner in human resources, running interview loops, onboarding and performance review cycles. Skills: hiring, compensation benchmarks.";
    expect(classifyContent(text).content_category).toBe("hr");
  });

  it("classifies technical documentation, helped by the file type", () => {
    const text =
      "Call the API endpoint with a JSON body. The server returns HTTP 201; see the stack trace on errors.";
    const result = classifyContent(text, { fileName: "client.ts", format: "text" });
    expect(result.content_category).toBe("technical");
    expect(result.evidence).toContain("file type: .ts");
  });

  it("uses the file name as evidence", () => {
    const result = classifyContent("Totals for March are attached.", {
      fileName: "Bank_Statement_March.pdf",
    });
    expect(result.content_category).toBe("financial");
    expect(result.evidence).toContain("file name: bank statement");
  });

  it("classifies a letter as correspondence", () => {
    const text =
      "Dear Ms. Smith, thank you for your note. Please find attached the photos. Kind regards, Tom";
    expect(classifyContent(text).content_category).toBe("correspondence");
  });

  it("falls back to general without a clear signal", () => {
    const result = classifyContent("The weather was nice and we walked along the river for an hour.");
    expect(result.content_category).toBe("general");
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.classifications).toEqual([]);
  });

  it("stays bounded on long texts by sampling", () => {
    const text = "Revenue and net income grew; the balance sheet is attached. ".repeat(50_000);
    const result = classifyContent(text);
    expect(result.content_category).toBe("financial");
    expect(result.evidence.length).toBeLessThanOrEqual(8);
  });
});
