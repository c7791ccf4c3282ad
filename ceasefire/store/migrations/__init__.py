"""Numbered SQL migrations per backend, applied in order by :mod:`ceasefire.store.migrate`."""
