-- Events: the transactional outbox and the bookkeeping of its consumers.
-- Every table carries tenant_id under the same RLS policy: a tenant transaction sees and writes only its
-- own rows; the relay and the consumers run as system transactions (app.system = 'on') that span tenants.

-- An event is written in the same transaction as the state it describes; the relay publishes it afterwards.
-- event_id is text, not uuid: we mint UUIDv7, but TAS producers send ids such as evt_abc123def456.
CREATE TABLE outbox_events (
  position bigserial PRIMARY KEY,
  event_id text NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 255),
  event_type text NOT NULL,
  source text NOT NULL,
  timestamp_ms bigint NOT NULL,
  tenant_id text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
-- The relay only ever scans what is still unpublished, in commit-ish order.
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (position) WHERE published_at IS NULL;
-- Replay (timestamp >= since) and retention pruning.
CREATE INDEX outbox_events_timestamp_idx ON outbox_events (timestamp_ms);

-- One row per (consumer, event) once the consumer's handler committed (or the event was dead-lettered):
-- written in the handler's own transaction, so effects and "processed" commit together.
CREATE TABLE event_consumptions (
  consumer text NOT NULL,
  event_id text NOT NULL,
  tenant_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_consumptions_processed_at_idx ON event_consumptions (processed_at);

-- Failed attempts so far, kept outside the handler's (rolled back) transaction; survives restarts.
CREATE TABLE event_delivery_failures (
  consumer text NOT NULL,
  event_id text NOT NULL,
  tenant_id text NOT NULL,
  attempts integer NOT NULL,
  last_error text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Events a consumer gave up on after the configured number of deliveries, with the last error.
CREATE TABLE event_dead_letters (
  consumer text NOT NULL,
  event_id text NOT NULL,
  tenant_id text NOT NULL,
  event jsonb NOT NULL,
  attempts integer NOT NULL,
  last_error text NOT NULL,
  dead_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_dead_letters_dead_at_idx ON event_dead_letters (dead_at);

ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_events
  USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on')
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on');

ALTER TABLE event_consumptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_consumptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_consumptions
  USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on')
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on');

ALTER TABLE event_delivery_failures ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_delivery_failures FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_delivery_failures
  USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on')
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on');

ALTER TABLE event_dead_letters ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_dead_letters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_dead_letters
  USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on')
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.system', true) = 'on');
