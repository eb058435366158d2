"""Ingestion, the spaCy pipeline, and the surfaces (CLI, batch, exports, archive, API, review)."""
