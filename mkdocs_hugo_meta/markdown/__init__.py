"""Markdown as Hugo renders it: the extensions that match its renderer."""
