import type { User } from "@tributary/contracts";
import { useState } from "react";
import { AsyncConfirmDialog as ConfirmDialog } from "../../../ui/confirm-dialog";
import { EmptyState, PageHeader, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { AdminLoadError, isForbidden } from "../admin-access";
import { type UserStatusFilter, useAdminUsers, useSetUserStatus } from "./use-admin-users";
import { UserList } from "./user-list";
import { UserSearch } from "./user-search";

/** Every account on the platform: find one, suspend or reactivate it. */
export function UsersView({ currentUserId }: { currentUserId: string | null }) {
  const [email, setEmail] = useState("");
  const [status, setStatus] = useState<UserStatusFilter>("");
  const users = useAdminUsers(email, status);
  const setUserStatus = useSetUserStatus();
  const [pending, setPending] = useState<{ user: User; action: "suspend" | "reactivate" } | null>(null);

  if (isForbidden(users.error)) {
    return (
      <>
        <PageHeader title="Users" />
        <AdminLoadError error={users.error} what="users" />
      </>
    );
  }

  const filtered = email !== "" || status !== "";
  return (
    <>
      <PageHeader title="Users" description="Every account on this Tributary server." />
      <UserSearch
        email={email}
        status={status}
        onSearch={(nextEmail, nextStatus) => {
          setEmail(nextEmail);
          setStatus(nextStatus);
        }}
      />
      {users.isPending ? (
        <Spinner label="Loading users" />
      ) : users.error ? (
        <AdminLoadError error={users.error} what="users" />
      ) : users.items.length === 0 ? (
        <EmptyState title={filtered ? "No user matches" : "No users yet"}>
          {filtered
            ? "Try another part of the email, or any status."
            : "Users appear here once they sign up."}
        </EmptyState>
      ) : (
        <>
          <UserList
            users={users.items}
            currentUserId={currentUserId}
            onSuspend={(user) => setPending({ user, action: "suspend" })}
            onReactivate={(user) => setPending({ user, action: "reactivate" })}
          />
          <LoadMore
            hasMore={users.hasNextPage}
            loading={users.isFetchingNextPage}
            onLoadMore={() => users.fetchNextPage()}
          />
        </>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.action === "suspend" ? "Suspend this account?" : "Reactivate this account?"}
        confirmLabel={pending?.action === "suspend" ? "Suspend account" : "Reactivate account"}
        tone={pending?.action === "suspend" ? "danger" : "primary"}
        onConfirm={() => (pending ? setUserStatus.mutateAsync(pending) : Promise.resolve())}
        onClose={() => setPending(null)}
      >
        {pending?.action === "suspend" ? (
          <p>
            {pending.user.email} is signed out everywhere now, and their tokens and API keys stop working
            within a second. You can reactivate the account later.
          </p>
        ) : (
          <p>{pending?.user.email} can sign in again and their API keys work again.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
