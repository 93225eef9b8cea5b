"""The orders page's parts: editor form, points tree, tables, print settings, preview, printing."""
