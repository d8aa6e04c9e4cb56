import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useAuth } from "../../auth/auth-context";
import { PageHeader, Spinner } from "../../ui/feedback";
import { ProfileView } from "./profile-view";
import { useFreshUser } from "./use-fresh-user";

/** `/s/$spaceId/profile`: the signed-in user's account. */
export function ProfilePage() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const fresh = useFreshUser();
  const [signingOut, setSigningOut] = useState(false);

  if (!user) {
    // Only while signing out: the route lets no signed-out visitor in.
    return (
      <>
        <PageHeader title="Your profile" />
        <Spinner label="Signing out" />
      </>
    );
  }
  return (
    <ProfileView
      user={user}
      refreshError={fresh.error}
      signingOut={signingOut}
      onSignOut={async () => {
        setSigningOut(true);
        await signOut();
        await navigate({ to: "/sign-in", search: {} });
      }}
    />
  );
}
