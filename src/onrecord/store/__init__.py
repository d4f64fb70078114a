"""The store: records kept durably in SQLite or PostgreSQL, and the questions asked of them.

``connect(db)`` opens (and migrates) a store; ``write.store_record`` and ``write.ingest`` fill it;
``queries`` answers; ``export`` streams it out; ``cli.register(app)`` adds the commands.
"""

from .engine import connect

__all__ = ["connect"]
