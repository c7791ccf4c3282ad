"""Tests of ceasefire.store (both backends)."""
