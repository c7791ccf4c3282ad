-- Event listings and exports go by (date, id): date order, ties in ingest order.
-- One index in that order lets Store.iter_events read each page by keyset
-- straight from the index instead of sorting the rest of the table per page.
CREATE INDEX events_date_id ON events (date, id);
DROP INDEX events_date;
