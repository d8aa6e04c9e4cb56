/** User ids are UUIDs; anything else typed in "email or user id" is taken as an email address. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API adds members by exactly one of `user_id` or `email`. */
export function memberIdentity(input: string): { user_id: string } | { email: string } {
  const value = input.trim();
  return uuid.test(value) ? { user_id: value.toLowerCase() } : { email: value };
}
