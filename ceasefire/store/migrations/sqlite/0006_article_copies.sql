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
