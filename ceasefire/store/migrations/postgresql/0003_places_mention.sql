-- `--place NAME` first looks NAME up among the place mentions stored ("Raqqa" was
-- geocoded to Ar Raqqah, "Syria" to the country): an index on the lower-cased
-- mention keeps that lookup from reading the whole places table.
CREATE INDEX places_mention ON places (lower(place_mention));
