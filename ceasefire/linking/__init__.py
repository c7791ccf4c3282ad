"""One event across many reports: near-duplicate articles (:mod:`.neardup`)."""
