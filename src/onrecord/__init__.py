"""onrecord: who said what, to whom, about whom, and when, from news articles."""

from importlib.metadata import PackageNotFoundError, version

from .api import extract, extract_many
from .config import Settings
from .errors import Failure, InputError, ModelError, OnrecordError
from .pipeline import process_batch
from .record import Article, Record

try:
    __version__ = version("onrecord")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article", "Failure", "InputError", "ModelError", "OnrecordError", "Record", "Settings",
    "extract", "extract_many", "process_batch", "__version__",
]
