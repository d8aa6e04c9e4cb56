-- Spaces, organizations and teams: organizations are soft-deleted (kept with their tenant, spaces
-- and memberships for the retention period, tas-identity-content §6 M3); an organization's
-- additional spaces are found by organization_id.

ALTER TABLE organizations ADD COLUMN deleted_at timestamptz;
CREATE INDEX spaces_organization_idx ON spaces (organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX team_members_user_idx ON team_members (user_id);
