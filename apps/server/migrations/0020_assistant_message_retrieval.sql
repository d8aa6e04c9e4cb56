-- The passages an answer considered (the answer's `retrieval`: the standalone query, the search
-- mode, its time and each passage with its scores and whether it was evidence), so a stored
-- conversation can show why it said what it said, or what came closest when it found nothing.
-- Null for questions, and for answers stored before this column existed.
ALTER TABLE assistant_messages ADD COLUMN retrieval jsonb;
