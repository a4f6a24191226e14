"""Renderers: turn features and scores into tables, text and documents."""
