-- Where each PII finding lies in its chunk's content ({type, start, end, confidence}, offsets
-- relative to the chunk, end exclusive), so the document page can mark names and places as well
-- as the patterns a browser can find again. Chunks written before this column existed have none
-- until their document is reprocessed.
ALTER TABLE document_chunks ADD COLUMN pii_findings jsonb NOT NULL DEFAULT '[]'::jsonb;
