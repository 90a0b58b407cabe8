-- Schema 3: the drill library. Recorded demonstrations, tagged with the drills they show, and
-- the words that name each drill, shared by everyone on the same store.
CREATE TABLE library_videos (
    id TEXT PRIMARY KEY,
    -- relative to the video folder: library/<sha256>.mp4 (cache eviction never removes these)
    file_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    size TEXT NOT NULL,
    thumbnail_path TEXT,
    spritesheet_path TEXT,
    -- the imported file as it was, when the settings keep originals
    original_path TEXT,
    source_name TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    -- coaching cues, one per line
    cues TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX library_videos_sha256 ON library_videos (sha256);

-- The drills a library video shows, in the order given (the first is its main drill).
CREATE TABLE library_tags (
    video_id TEXT NOT NULL REFERENCES library_videos (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (video_id, position)
);
CREATE INDEX library_tags_name ON library_tags (name);

-- Words that name a drill. drill is the renderer's key ("high-knees") for the drills it knows,
-- or the name an admin gave a drill of their own. Built-in rows are written by the program.
CREATE TABLE drill_synonyms (
    drill TEXT NOT NULL,
    term TEXT NOT NULL,
    language TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (drill, term)
);
CREATE INDEX drill_synonyms_term ON drill_synonyms (term);

-- Why a run was answered with a library video (shown by status pages); the run's link itself
-- lives in runs, like any other.
CREATE TABLE library_matches (
    run_id BIGINT PRIMARY KEY,
    video_id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    matched_at BIGINT NOT NULL
);
