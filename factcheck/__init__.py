"""factcheck: find and check the quantitative claims in news articles.

Kept deliberately light: the CLI runs as a pre-commit hook, so nothing heavy is
imported here. Import stages from their own modules (``factcheck.pipeline``...).
"""

__version__ = "0.1.0"
