-- The durable job queue (platform/jobs). Status set, closed:
--   queued     waiting to run; a retry waiting out its backoff is queued with run_at in the future
--   running    leased by a worker until locked_until; an expired lease is reclaimed by the next claim
--   completed  the handler returned; result holds its return value
--   dead       failed max_attempts times (or its worker was lost on the last attempt); last_error kept
--   cancelled  cancelled while queued, or while running once its handler stopped
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  queue text NOT NULL,
  -- NULL for platform jobs that belong to no tenant.
  tenant_id text,
  payload jsonb NOT NULL,
  -- low 0, normal 1, high 2, critical 3.
  priority smallint NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'completed', 'dead', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  locked_by text,
  -- New on every claim: a worker whose lease was taken over can no longer finish the job.
  lease_token uuid,
  cancel_requested boolean NOT NULL DEFAULT false,
  dedupe_key text,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

-- The claim query: eligible queued jobs of one queue, best priority first, then oldest run_at.
CREATE INDEX jobs_claim_idx ON jobs (queue, priority DESC, run_at, id) WHERE status = 'queued';
-- Expired leases to reclaim, and running jobs counted per tenant for the concurrency limit.
CREATE INDEX jobs_running_idx ON jobs (queue, locked_until) WHERE status = 'running';
CREATE INDEX jobs_dead_idx ON jobs (queue, updated_at) WHERE status = 'dead';
-- A dedupe key is unique per queue and tenant while the job is unfinished.
CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (queue, (coalesce(tenant_id, '')), dedupe_key)
  WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running');

-- Tenants see their own jobs; tenant-less platform jobs and cross-tenant work need system mode.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jobs
  USING (current_setting('app.system', true) = 'on' OR tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (current_setting('app.system', true) = 'on' OR tenant_id = current_setting('app.tenant_id', true));
