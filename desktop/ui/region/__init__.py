"""Widgets of the «Районы» page: a district roadmap read-only, the package export."""
