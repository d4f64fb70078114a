"""Fixtures shared by the store tests (loaded with ``pytest_plugins``): a store on each backend."""

from __future__ import annotations

import pytest
from pg import PgCluster, PgUnavailable

from onrecord.store.engine import connect


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = PgCluster()
    try:
        cluster.start()
    except (PgUnavailable, OSError, TimeoutError) as err:
        cluster.stop()
        pytest.fail(f"PostgreSQL could not be started: {err}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A store URL on each backend: a SQLite file, or a fresh database in the throwaway cluster."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def engine(db_url):
    engine = connect(db_url)
    yield engine
    engine.dispose()
