"""The web app: ``create_app(db_url, token=None)`` serves the JSON API under /api and the pages.

Read-only unless ``token`` is set: only then do the upload endpoints exist, and they require it.
Every response carries a strict Content-Security-Policy (no inline script or style), and errors are
JSON under /api and an HTML page elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from ..store.engine import connect
from ..store.queries import NotFound
from .data import BadRequest

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Swagger UI at /docs is served from the swagger-ui-bundle package (no network at run time); FastAPI
# starts it with one inline script, and the page shows no article text.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}


def create_app(db_url: str | None = None, token: str | None = None) -> FastAPI:
    """The app over the store ``db_url`` (a SQLite path or a postgresql:// URL)."""
    # A read-only app never migrates (writes to) the store; one that accepts uploads brings it up to date.
    engine = connect(db_url, migrate=bool(token))
    app = FastAPI(title="onrecord", version="1", summary="Who said what, to whom, about whom, and when.",
                  docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.token = token or None
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_docs(app)
    from . import api, pages

    app.include_router(api.router)
    if token:
        app.include_router(api.upload_router)
    app.include_router(pages.router)
    _add_headers(app)
    _add_errors(app)
    app.router.on_shutdown.append(engine.dispose)
    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from local files: FastAPI's default loads it from a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="onrecord API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")


def templates() -> Jinja2Templates:
    """Templates that escape every value, whatever the file's name."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    return Jinja2Templates(env=env)


def _add_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        docs = request.url.path in ("/docs", "/docs/oauth2-redirect")
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, message: str):
    if _is_api(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException):
        response = error_response(request, err.status_code, str(err.detail))
        for name, value in (err.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in err.errors())
        return error_response(request, 422, problems or "invalid request")

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, err: BadRequest):
        return error_response(request, 400, str(err))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound):
        return error_response(request, 404, str(err))

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, err: SQLAlchemyError):
        return error_response(request, 503, "the store could not answer; try again later")
