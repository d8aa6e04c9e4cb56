import type { InvitationPreview } from "@tributary/contracts";

const roleMeaning: Record<InvitationPreview["role"], string> = {
  admin: "manage the space and its members",
  member: "add and edit content",
  viewer: "read its content",
};

/** Which space the invitation is for, in which role and from whom, before the user decides. */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const expires = new Date(preview.expires_at);
  return (
    <dl
      className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
      data-testid="invitation-summary"
    >
      <dt className="text-slate-600 dark:text-slate-300">Space</dt>
      <dd
        className="break-words font-medium text-slate-900 dark:text-slate-100"
        data-testid="invitation-space"
      >
        {preview.space_name}
      </dd>
      <dt className="text-slate-600 dark:text-slate-300">Role</dt>
      <dd className="text-slate-900 dark:text-slate-100" data-testid="invitation-role">
        <span className="capitalize">{preview.role}</span>
        <span className="text-slate-600 dark:text-slate-300"> — can {roleMeaning[preview.role]}</span>
      </dd>
      <dt className="text-slate-600 dark:text-slate-300">Invited by</dt>
      <dd className="break-words text-slate-900 dark:text-slate-100" data-testid="invitation-inviter">
        {preview.invited_by_name ?? "A former member of the space"}
      </dd>
      <dt className="text-slate-600 dark:text-slate-300">Sent to</dt>
      <dd className="break-all text-slate-900 dark:text-slate-100">{preview.email}</dd>
      <dt className="text-slate-600 dark:text-slate-300">Expires</dt>
      <dd className="text-slate-900 dark:text-slate-100">
        <time dateTime={preview.expires_at}>{expires.toLocaleString()}</time>
      </dd>
    </dl>
  );
}
