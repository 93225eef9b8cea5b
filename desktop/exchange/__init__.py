"""The exchange package (district → region): its format, version and schema.

Written by :mod:`desktop.export.package`, read by :mod:`desktop.importers.package`; the
format is documented in ``docs/exchange-format.md``. No Qt, no database here.
"""
