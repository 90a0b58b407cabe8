-- DrillStudio job store, schema version 1.
-- Portable between SQLite and PostgreSQL: TEXT ids, BIGINT milliseconds since the epoch.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per generation: a video and how it was made.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    drill_text TEXT NOT NULL,
    spec_hash TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    size TEXT NOT NULL,
    seconds INTEGER NOT NULL,
    prompt TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0,
    remote_id TEXT,
    request_id TEXT,
    error_code TEXT,
    error_message TEXT,
    estimated_cost DOUBLE PRECISION NOT NULL DEFAULT 0,
    actual_cost DOUBLE PRECISION,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    completed_at BIGINT,
    expires_at BIGINT,
    last_accessed_at BIGINT,
    file_path TEXT,
    bytes BIGINT,
    sha256 TEXT,
    duration_ms BIGINT
);
CREATE INDEX jobs_spec_hash ON jobs (spec_hash);
CREATE INDEX jobs_status ON jobs (status);
CREATE INDEX jobs_created_at ON jobs (created_at);

-- A run (one runner's analysis) links to the video made for its drill. Many runs share a video.
CREATE TABLE runs (
    run_id BIGINT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    drill_text TEXT NOT NULL,
    linked_at BIGINT NOT NULL
);
CREATE INDEX runs_job_id ON runs (job_id);
