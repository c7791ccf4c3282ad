"""Ingest: turn paths, URLs and stdin into :class:`~ceasefire.models.Document` records.

Public surface: :class:`ReadOptions`, :func:`iter_documents`.
"""
