import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../../ui/feedback";

const linkClass =
  "inline-block rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2";

/** A personal space belongs to no organization: says where organizations come from. */
export function PersonalSpaceNotice() {
  return (
    <div data-testid="organization-personal">
      <EmptyState
        title="This is your personal space"
        action={
          <Link to="/spaces" className={linkClass}>
            Go to your spaces
          </Link>
        }
      >
        <p>
          Organizations hold shared spaces, their members and their teams. Create one with “Create space…” in
          the space menu or on your spaces page: a new space comes with a new organization that you own. Then
          switch to that space to manage its organization here.
        </p>
      </EmptyState>
    </div>
  );
}
