-- Near-duplicate articles (ceasefire.linking.neardup). `article_bands` holds the MinHash
-- LSH band keys of each article's text (one row per band), so a new article finds the
-- stored articles it may copy with one indexed lookup; `article_copies` holds each pair
-- found to be a copy (a_id stored before b_id), with the Jaccard similarity of their word
-- shingles and the containment of the shorter in the longer. Articles stored before this
-- migration get their keys and copies at the next ingest (Store.link_unlinked_articles).
CREATE TABLE article_bands (
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    band       INTEGER NOT NULL,
    bucket     TEXT NOT NULL,
    PRIMARY KEY (article_id, band)
);
CREATE INDEX article_bands_bucket ON article_bands (band, bucket);
CREATE TABLE article_shingled (            -- articles whose band keys are stored
    article_id  TEXT PRIMARY KEY REFERENCES articles (article_id) ON DELETE CASCADE,
    n_shingles  INTEGER NOT NULL
);
CREATE TABLE article_copies (
    a_id        TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    b_id        TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    jaccard     REAL NOT NULL,
    containment REAL NOT NULL,
    PRIMARY KEY (a_id, b_id)
);
CREATE INDEX article_copies_b ON article_copies (b_id);
-- Event coreference across articles (ceasefire.linking.coref). Every stored event gets a
-- row in `event_links`: its cluster, or the reason it is unlinkable (no date, no place,
-- not a reported act), and the blocking keys (country, type family, first and last day of
-- its date window as day numbers) by which a new event finds its candidates. A cluster has
-- a stable id (from the first report's article hash and order), a canonical event, source
-- counts and the conflicting values of its reports; `event_cluster_history` records each
-- cluster created, changed, merged into another or deleted, for `--changed-since`.
CREATE TABLE event_clusters (
    cluster_id      TEXT PRIMARY KEY,
    canonical_event INTEGER REFERENCES events (id) ON DELETE SET NULL,
    type            TEXT NOT NULL,
    date_start      TEXT,
    date_end        TEXT,
    country         TEXT,
    place           TEXT,
    num_mentions    INTEGER NOT NULL,
    num_sources     INTEGER NOT NULL,
    num_independent_sources INTEGER NOT NULL,
    conflicts       TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX event_clusters_updated ON event_clusters (updated_at);
CREATE TABLE event_links (
    event_id   INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    cluster_id TEXT REFERENCES event_clusters (cluster_id) ON DELETE SET NULL,
    unlinkable TEXT,
    country    TEXT,
    family     TEXT,
    day_start  INTEGER,
    day_end    INTEGER,
    score      REAL
);
CREATE INDEX event_links_block ON event_links (country, family, day_start);
CREATE INDEX event_links_cluster ON event_links (cluster_id);
CREATE TABLE event_cluster_history (
    id         INTEGER PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    change     TEXT NOT NULL,              -- created | modified | merged | deleted
    replaced   TEXT NOT NULL DEFAULT '[]', -- JSON list of the cluster ids it absorbed, or the one it went into
    at         TEXT NOT NULL
);
CREATE INDEX event_cluster_history_at ON event_cluster_history (at);
