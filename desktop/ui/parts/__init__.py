"""Tabs of the roadmap properties dialog for the document's parts around the table."""
