"""Ingest: raw files in, cleaned :class:`~framing.ingest.article.Article` objects out."""
