import type { User } from "@tributary/contracts";

/** Where a user lands after signing in: their personal space, or the space list when they have none. */
export function landingPathFor(user: User): string {
  return user.personal_space_id ? `/s/${user.personal_space_id}/knowledge` : "/spaces";
}
