"""The main window's pages: one module per navigation entry."""
