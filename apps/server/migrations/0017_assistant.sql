-- Assistant: conversations and their messages, and the query history of every answer.
-- Conversations and history entries are their user's own: every read filters user_id as well as
-- the tenant (RLS), and space admins see only aggregates of the history.
CREATE TABLE assistant_conversations (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  user_id uuid NOT NULL,
  title text NOT NULL,
  message_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_conversations_user_idx ON assistant_conversations (tenant_id, space_id, user_id, id DESC);
ALTER TABLE assistant_conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assistant_conversations
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE TABLE assistant_messages (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  conversation_id uuid NOT NULL REFERENCES assistant_conversations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  content text NOT NULL,
  -- User messages: the question rewritten without the conversation's context (what was searched).
  standalone_question text,
  -- Assistant messages: how the answer was made, its verified citations and the gateway's usage.
  mode text CHECK (mode IN ('generative', 'extractive', 'not_found')),
  grounded boolean,
  citations jsonb NOT NULL DEFAULT '[]'::jsonb,
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  model text,
  usage jsonb,
  router_metadata jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_messages_conversation_idx ON assistant_messages (conversation_id, id);
ALTER TABLE assistant_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assistant_messages
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE TABLE assistant_query_history (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  space_id text NOT NULL,
  user_id uuid NOT NULL,
  -- Deleting a conversation deletes the history of its questions too.
  conversation_id uuid REFERENCES assistant_conversations (id) ON DELETE CASCADE,
  question text NOT NULL,
  standalone_question text NOT NULL,
  answer text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('generative', 'extractive', 'not_found')),
  grounded boolean NOT NULL,
  citations jsonb NOT NULL DEFAULT '[]'::jsonb,
  model text,
  usage jsonb,
  total_tokens integer NOT NULL DEFAULT 0,
  cost_usd numeric(18, 9) NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_query_history_user_idx ON assistant_query_history (tenant_id, space_id, user_id, id DESC);
CREATE INDEX assistant_query_history_space_idx ON assistant_query_history (tenant_id, space_id, created_at);
ALTER TABLE assistant_query_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistant_query_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assistant_query_history
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
