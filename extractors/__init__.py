"""Pure extractors: functions of the document text that return items with evidence offsets.

Each extractor takes the normalised ``text`` (and a ``DocContext`` derived from that same text)
and returns a list of schema items, never ``None``. Lexicons are data files in ``extractors/data``.
"""
