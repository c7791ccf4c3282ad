"""Clean and split: boilerplate removal, line re-joining, article splitting, metadata.

Public surface: :func:`articles_from_document`, :class:`BoilerplateStats`.
"""
