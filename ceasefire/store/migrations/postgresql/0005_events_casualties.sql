-- Killed and wounded counts of an event (ceasefire.casualties): the counts as the
-- JSON list of Event.to_json()["casualties"], and `fatalities`, ACLED's conservative
-- figure (the lowest reported), as a column the exports and filters read directly.
-- Events stored before this migration have no counts: '[]' and NULL.
ALTER TABLE events ADD COLUMN casualties TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN fatalities INTEGER;
