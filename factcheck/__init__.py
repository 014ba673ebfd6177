"""factcheck: find and check the quantitative claims in news articles.

Kept deliberately light: the CLI runs as a pre-commit hook, so nothing heavy is
imported here. Import stages from their own modules (``factcheck.pipeline``...).
``factcheck.check_texts`` (the library API, ``factcheck.api``) is loaded on first use.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from factcheck.api import check_texts

__version__ = "0.1.0"
__all__ = ["__version__", "check_texts"]


def __getattr__(name: str) -> object:
    if name == "check_texts":
        from factcheck.api import check_texts

        return check_texts
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
