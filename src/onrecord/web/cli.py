"""``onrecord serve``: the browser UI and the JSON API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from sqlalchemy.exc import SQLAlchemyError

from ..console import fail, say
from ..store.cli import Db, error_reason
from ..store.engine import DEFAULT_DB, normalise_url


def serve_command(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 for every one).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        help="Accept uploads (POST /api/records, /api/ingest) with this bearer token [env: ONRECORD_TOKEN] "
        "[default: none, read-only].", envvar="ONRECORD_TOKEN", show_envvar=False)] = None,
) -> None:
    """Serve the browser UI and the JSON API over the store (read-only unless --token is given)."""
    try:
        import uvicorn

        from . import create_app
    except ModuleNotFoundError as err:
        raise fail(f"the web app needs {err.name}: pip install 'onrecord[web]'") from None
    url = normalise_url(db)
    if url.startswith("sqlite:///") and not token and not Path(url.removeprefix("sqlite:///")).exists():
        raise fail(f"no store at {db or DEFAULT_DB}: fill one with onrecord ingest first")
    try:
        app = create_app(db, token=token)
    except ModuleNotFoundError as err:
        raise fail(f"PostgreSQL stores need {err.name}: pip install 'onrecord[postgres]'") from None
    except (SQLAlchemyError, OSError, RuntimeError) as err:
        raise fail(f"cannot open the store {db or DEFAULT_DB}: {error_reason(err)}") from None
    shown = f"[{host}]" if ":" in host else host
    say(f"onrecord: serving {db or DEFAULT_DB} at http://{shown}:{port}/ ({'uploads on' if token else 'read-only'};"
         " Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
