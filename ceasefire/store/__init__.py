"""Store: SQLite (default) persistence of documents, articles and extractions.

Public surface: :func:`open_store`, :class:`Store`.
"""
