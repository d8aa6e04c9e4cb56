-- A rotation's answer can be lost (the page that asked navigates away, the connection drops):
-- the client still holds the token it presented, which is now rotated. For a short grace the
-- old token is answered with the same successor again, so that retry does not look like reuse.
-- The successor is kept sealed (TRIBUTARY_SECRET_KEY), and only until the successor is used.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed text;
