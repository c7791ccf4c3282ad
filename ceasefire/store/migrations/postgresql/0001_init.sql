-- 0001 (PostgreSQL twin of sqlite/0001_init.sql): documents, articles
-- (+ tsvector full-text column with a GIN index), canonical actors and their
-- mentions, events, quotes, places, failed inputs.
-- Every list of the extract contract keeps its order through an `ord` column,
-- and every ActorRef/Place is stored as it appeared in the record (prefixed
-- columns), so that get_article() returns exactly what save_document() got.

CREATE TABLE documents (
    doc_id      TEXT PRIMARY KEY,           -- sha256 of the input bytes
    source      TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}', -- JSON object (Document.meta)
    n_bytes     BIGINT NOT NULL,
    ingested_at TEXT NOT NULL               -- ISO 8601 UTC
);
CREATE INDEX documents_source ON documents (source);

CREATE TABLE articles (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- ingest order
    article_id TEXT NOT NULL UNIQUE,        -- "<doc_id>:<index>"
    doc_id     TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    role       TEXT NOT NULL,
    title      TEXT,
    subtitle   TEXT,
    authors    TEXT NOT NULL DEFAULT '[]',  -- JSON list
    publisher  TEXT,
    published  TEXT,                        -- YYYY-MM-DD
    url        TEXT,
    text       TEXT NOT NULL,
    removed    TEXT NOT NULL DEFAULT '[]',  -- JSON list of boilerplate lines dropped
    tsv        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', text), 'B')) STORED,
    UNIQUE (doc_id, idx)
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE actors (                       -- canonical actors, latest name/kind seen
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    country TEXT
);
CREATE INDEX actors_name ON actors (lower(name));

CREATE TABLE actor_mentions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    actor_id      TEXT NOT NULL REFERENCES actors (id),
    actor_name    TEXT NOT NULL,
    actor_kind    TEXT NOT NULL,
    actor_country TEXT,
    actor_mention TEXT,
    actor_start   INTEGER,
    actor_end     INTEGER,
    UNIQUE (article_id, ord)
);
CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id);
CREATE INDEX actor_mentions_mention ON actor_mentions (lower(actor_mention));

CREATE TABLE events (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    ord              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    mode             TEXT,
    source_id        TEXT REFERENCES actors (id),
    source_name      TEXT,
    source_kind      TEXT,
    source_country   TEXT,
    source_mention   TEXT,
    source_start     INTEGER,
    source_end       INTEGER,
    target_id        TEXT REFERENCES actors (id),
    target_name      TEXT,
    target_kind      TEXT,
    target_country   TEXT,
    target_mention   TEXT,
    target_start     INTEGER,
    target_end       INTEGER,
    claimant_id      TEXT REFERENCES actors (id),
    claimant_name    TEXT,
    claimant_kind    TEXT,
    claimant_country TEXT,
    claimant_mention TEXT,
    claimant_start   INTEGER,
    claimant_end     INTEGER,
    loc_name         TEXT,
    loc_mention      TEXT,
    loc_lat          DOUBLE PRECISION,
    loc_lon          DOUBLE PRECISION,
    loc_country      TEXT,
    loc_admin1       TEXT,
    loc_geonameid    BIGINT,
    loc_feature      TEXT,
    loc_start        INTEGER,
    loc_end          INTEGER,
    date             TEXT,
    date_precision   TEXT NOT NULL,
    status           TEXT NOT NULL,
    trigger_text     TEXT,
    sentence         TEXT NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source_id);
CREATE INDEX events_target ON events (target_id);
CREATE INDEX events_claimant ON events (claimant_id);

CREATE TABLE quotes (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    ord             INTEGER NOT NULL,
    speaker_id      TEXT REFERENCES actors (id),
    speaker_name    TEXT,
    speaker_kind    TEXT,
    speaker_country TEXT,
    speaker_mention TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    text            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);

CREATE TABLE places (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    ord             INTEGER NOT NULL,
    place_name      TEXT NOT NULL,
    place_mention   TEXT,
    place_lat       DOUBLE PRECISION,
    place_lon       DOUBLE PRECISION,
    place_country   TEXT,
    place_admin1    TEXT,
    place_geonameid BIGINT,
    place_feature   TEXT,
    place_start     INTEGER,
    place_end       INTEGER,
    UNIQUE (article_id, ord)
);
CREATE INDEX places_geonameid ON places (place_geonameid);

CREATE TABLE errors (                       -- inputs that could not be read
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    UNIQUE (source, reason)
);
