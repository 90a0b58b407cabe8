-- Schema 2: a queue that several processes can share, priorities, thumbnails.
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
-- "host:pid:start" of the process working on the job, and until when its claim holds.
ALTER TABLE jobs ADD COLUMN claimed_by TEXT;
ALTER TABLE jobs ADD COLUMN claimed_until BIGINT;
ALTER TABLE jobs ADD COLUMN thumbnail_path TEXT;
-- Version 1 let each process start its own job for a drill, so a store may hold several
-- unfinished jobs with one spec. Each goes on to its video (a remote one may already be paid); all
-- but the oldest get a spec hash of their own, so that the index below holds and new requests
-- join the oldest.
UPDATE jobs SET spec_hash = spec_hash || '~' || id
    WHERE status IN ('queued', 'creating', 'submitted', 'running', 'downloading')
      AND EXISTS (SELECT 1 FROM jobs AS older
                  WHERE older.spec_hash = jobs.spec_hash AND older.id <> jobs.id
                    AND older.status IN ('queued', 'creating', 'submitted', 'running',
                                         'downloading')
                    AND (older.created_at < jobs.created_at
                         OR (older.created_at = jobs.created_at AND older.id < jobs.id)));
-- Two processes that submit the same drill at once end with one job: the second insert fails
-- and joins the first.
CREATE UNIQUE INDEX jobs_one_active_per_spec ON jobs (spec_hash)
    WHERE status IN ('queued', 'creating', 'submitted', 'running', 'downloading');
CREATE INDEX jobs_queue ON jobs (status, priority, created_at);
CREATE INDEX jobs_last_accessed ON jobs (last_accessed_at);
CREATE INDEX jobs_completed_at ON jobs (completed_at);
