-- When each periodic task last ran, so that with many scheduler nodes each task still runs once per interval.
CREATE TABLE scheduled_task_runs (
  name text PRIMARY KEY,
  last_run_at timestamptz NOT NULL
);
