import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { TeamMember } from "@tributary/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, page, renderWithQuery, stubFetch } from "../../../testing/component-test-utils";
import type { GroupRole } from "./group-roles";
import {
  me,
  memberId,
  organization,
  organizationId,
  orgMember,
  ownerId,
  team,
  teamId,
  teamMember,
} from "./organization-fixtures";
import { OrganizationView } from "./organization-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const orgPath = `/api/v1/organizations/${organizationId}`;

/** The organization as seen by a caller with `myRole`, with an owner, the caller and a member. */
function stubOrganization(myRole: GroupRole, teamMembers: TeamMember[] = []) {
  return stubFetch(({ method, url, body }) => {
    const path = url.split("?")[0];
    if (method === "GET" && path === orgPath) return json(organization(myRole));
    if (method === "GET" && path === `${orgPath}/members`)
      return json(
        page([
          orgMember(ownerId, "Olga", "owner"),
          orgMember(me, "Mia", myRole),
          orgMember(memberId, "Max", "member"),
        ]),
      );
    if (method === "GET" && path === `${orgPath}/teams`) return json(page([team]));
    if (method === "GET" && path === `/api/v1/teams/${teamId}/members`) return json(page(teamMembers));
    if (method === "PATCH" && path === `/api/v1/teams/${teamId}/members/${memberId}`)
      return json({ ...teamMember(memberId, "Max", "member"), ...(body as object) });
    if (method === "POST" && path === `${orgPath}/members`)
      return json({ ...orgMember(memberId, "New", "member"), ...(body as object) }, 201);
    return undefined;
  });
}

function renderView() {
  return renderWithQuery(
    <OrganizationView organizationId={organizationId} myUserId={me} onDeleted={vi.fn()} />,
  );
}

const rows = async () => screen.findAllByTestId("organization-member-row");
const row = (rowsFound: HTMLElement[], name: string) => {
  const found = rowsFound.find((element) => element.textContent?.includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return within(found);
};

describe("OrganizationView", () => {
  it("lets an owner edit, add members with any role, change every role, remove others and delete", async () => {
    stubOrganization("owner");
    renderView();
    const found = await rows();
    expect(screen.getByText("Glacier Lab · your role: Owner")).toBeTruthy();
    expect((screen.getByLabelText("Organization name") as HTMLInputElement).readOnly).toBe(false);
    expect(screen.getByTestId("save-organization")).toBeTruthy();
    const roleOptions = within(screen.getByTestId("add-organization-member-form"))
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(roleOptions).toEqual(["Owner", "Admin", "Member"]);
    expect(row(found, "Olga").getByLabelText("Role of Olga")).toBeTruthy();
    expect(row(found, "Olga").getByRole("button", { name: "Remove Olga" })).toBeTruthy();
    expect(row(found, "Mia").getByRole("button", { name: "Leave organization" })).toBeTruthy();
    expect(screen.getByTestId("create-team-form")).toBeTruthy();
    expect(screen.getByTestId("delete-organization")).toBeTruthy();
  });

  it("lets an admin manage non-owners only, without granting owner, and not delete", async () => {
    stubOrganization("admin");
    renderView();
    const found = await rows();
    expect(row(found, "Olga").queryByLabelText("Role of Olga")).toBeNull();
    expect(row(found, "Olga").getByText("Owner")).toBeTruthy();
    expect(row(found, "Olga").queryByRole("button", { name: "Remove Olga" })).toBeNull();
    const maxRoles = within(row(found, "Max").getByLabelText("Role of Max"))
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(maxRoles).toEqual(["Admin", "Member"]);
    expect(row(found, "Max").getByRole("button", { name: "Remove Max" })).toBeTruthy();
    expect(screen.getByTestId("create-team-form")).toBeTruthy();
    expect(screen.queryByTestId("delete-organization")).toBeNull();
  });

  it("shows a member the organization read-only, with only leaving as an action", async () => {
    stubOrganization("member");
    renderView();
    const found = await rows();
    expect((screen.getByLabelText("Organization name") as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByTestId("save-organization")).toBeNull();
    expect(screen.queryByTestId("add-organization-member-form")).toBeNull();
    expect(screen.queryAllByTestId("organization-member-role")).toHaveLength(0);
    expect(screen.queryByRole("button", { name: /^Remove/ })).toBeNull();
    expect(row(found, "Mia").getByRole("button", { name: "Leave organization" })).toBeTruthy();
    expect(screen.queryByTestId("create-team-form")).toBeNull();
    expect(screen.queryByTestId("delete-organization")).toBeNull();
  });

  it("gives an organization member the team actions of their team role once the team is opened", async () => {
    stubOrganization("member", [teamMember(me, "Mia", "admin"), teamMember(ownerId, "Olga", "owner")]);
    renderView();
    const item = within(await screen.findByTestId("team-item"));
    expect(item.queryByRole("button", { name: "Rename Drilling" })).toBeNull();
    fireEvent.click(item.getByRole("button", { name: "Show members of Drilling" }));
    expect(await item.findByRole("button", { name: "Rename Drilling" })).toBeTruthy();
    // A team admin cannot delete the team nor remove its owner, but may add members and leave.
    expect(item.queryByRole("button", { name: "Delete Drilling" })).toBeNull();
    expect(item.queryByRole("button", { name: "Remove Olga from Drilling" })).toBeNull();
    expect(item.getByRole("button", { name: "Leave Drilling" })).toBeTruthy();
    const teamRoles = within(item.getByTestId("add-team-member-form"))
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(teamRoles).toContain("Admin");
    expect(teamRoles).not.toContain("Owner");
  });

  it("lets a team manager change a team member's role", async () => {
    const calls = stubOrganization("owner", [
      teamMember(ownerId, "Olga", "owner"),
      teamMember(memberId, "Max", "member"),
    ]);
    renderView();
    const item = within(await screen.findByTestId("team-item"));
    fireEvent.click(item.getByRole("button", { name: "Show members of Drilling" }));
    const picker = await item.findByLabelText("Team role of Max");
    expect([...picker.querySelectorAll("option")].map((option) => option.textContent)).toEqual([
      "Owner",
      "Admin",
      "Member",
    ]);
    fireEvent.change(picker, { target: { value: "admin" } });
    await waitFor(() => expect(calls.some((call) => call.method === "PATCH")).toBe(true));
    expect(calls.find((call) => call.method === "PATCH")).toMatchObject({
      url: `/api/v1/teams/${teamId}/members/${memberId}`,
      body: { role: "admin" },
    });
  });

  it("adds a member by email or by user id and shows the API's refusal", async () => {
    const calls = stubOrganization("owner");
    renderView();
    await rows();
    const form = within(screen.getByTestId("add-organization-member-form"));
    fireEvent.change(form.getByLabelText("Email or user ID"), { target: { value: "new@example.com" } });
    fireEvent.change(form.getByLabelText("Role in the organization"), { target: { value: "admin" } });
    fireEvent.click(form.getByRole("button", { name: "Add member" }));
    await waitFor(() => expect(calls.some((call) => call.method === "POST")).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      email: "new@example.com",
      role: "admin",
    });

    stubFetch(({ method }) =>
      method === "POST"
        ? json({ error: { code: "NOT_FOUND", message: "No user with this id" } }, 404)
        : undefined,
    );
    fireEvent.change(form.getByLabelText("Email or user ID"), { target: { value: memberId } });
    fireEvent.click(form.getByRole("button", { name: "Add member" }));
    expect(await form.findByText("No user with this id")).toBeTruthy();
  });

  it("explains a 404 as an organization the caller is not in", async () => {
    stubFetch(() => json({ error: { code: "NOT_FOUND", message: "Organization not found" } }, 404));
    renderView();
    expect(await screen.findByTestId("organization-not-member")).toBeTruthy();
  });
});
