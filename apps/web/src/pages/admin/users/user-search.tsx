import { type FormEvent, useState } from "react";
import { Button } from "../../../ui/button";
import { InputField, SelectField } from "../../../ui/field";
import type { UserStatusFilter } from "./use-admin-users";

/** Finds accounts by part of the email and by status; searching is explicit, not per keystroke. */
export function UserSearch({
  email,
  status,
  onSearch,
}: {
  email: string;
  status: UserStatusFilter;
  onSearch: (email: string, status: UserStatusFilter) => void;
}) {
  const [draft, setDraft] = useState(email);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(draft.trim(), status);
  }
  return (
    <form aria-label="Find users" onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-56">
        <InputField
          label="Search by email"
          type="search"
          value={draft}
          placeholder="part of an email address"
          onChange={(event) => setDraft(event.target.value)}
        />
      </div>
      <div className="w-40">
        <SelectField
          label="Status"
          value={status}
          onChange={(event) => onSearch(draft.trim(), event.target.value as UserStatusFilter)}
        >
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
          <option value="inactive">Inactive</option>
        </SelectField>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
