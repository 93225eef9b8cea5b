"""«Дорожная карта»: roadmaps of support for schools with low educational results."""

__version__ = "0.1.0"
