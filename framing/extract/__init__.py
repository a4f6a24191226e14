"""Feature extractors: each takes a :class:`~framing.text.Doc` and the lexicons, returns spans."""
