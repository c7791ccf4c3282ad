-- Events get a date window (UCDP GED's date_start/date_end: the first and the last day
-- the event can have happened on, YYYY-MM-DD) and articles their detected language.
-- New ingests compute the window from the whole article (ceasefire.dates.window); for the
-- events already stored, the window is what their stored date alone tells: the period it
-- names, closed at publication for reported acts (asserted, negated). A reported act dated
-- after its publication loses that date (it was never the act's time). Undated events
-- stored before keep no window until they are ingested again into a new database.
ALTER TABLE events ADD COLUMN date_start TEXT;
ALTER TABLE events ADD COLUMN date_end TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
UPDATE events e SET date = NULL, date_precision = 'none'
FROM articles a
WHERE a.article_id = e.article_id AND e.status IN ('asserted', 'negated') AND e.date IS NOT NULL
  AND substr(e.date || '-01-01', 1, 10) > a.published;
UPDATE events SET
  date_start = CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-01' WHEN 4 THEN date || '-01-01' END,
  date_end = CASE length(date) WHEN 10 THEN date
                               WHEN 7 THEN to_char((date || '-01')::date + interval '1 month' - interval '1 day',
                                                   'YYYY-MM-DD')
                               WHEN 4 THEN date || '-12-31' END
WHERE date IS NOT NULL AND status <> 'hypothetical';
UPDATE events e SET date_end = a.published
FROM articles a
WHERE a.article_id = e.article_id AND e.status IN ('asserted', 'negated') AND e.date_end IS NOT NULL
  AND e.date_end > a.published;
-- Listings sort by the date stated, else the window's start (ceasefire.query.sql.Schema.sort_date).
CREATE INDEX events_sort_id ON events (coalesce(date, date_start, date_end), id);
