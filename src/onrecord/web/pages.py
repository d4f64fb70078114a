"""The browser pages, rendered on the server with autoescaping Jinja2 templates.

Every page works without JavaScript; ``static/app.js`` adds the quotation details on hover and
focus, and draws the network.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..store import queries
from . import data, markup
from .api import Conn, Cursor

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Text = Annotated[str | None, Query()]


def render(request: Request, template: str, **context):
    return request.app.state.templates.TemplateResponse(request, template, context)


def query_link(request: Request, **changes) -> str:
    """This page's URL with some parameters changed (None removes one) and the cursor reset."""
    params = {k: v for k, v in request.query_params.items() if k != "cursor"}
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = str(value)
    return str(request.url.replace_query_params(**params))


@router.get("/")
def home(request: Request, conn: Conn):
    return render(request, "home.html", stats=queries.stats(conn), articles=data.article_page(conn, limit=20).items,
                  entities=data.entity_list(conn, None, "quotes", None, 15).items)


@router.get("/articles")
def articles(request: Request, conn: Conn, cursor: Cursor = None):
    return render(request, "articles.html", page=data.article_page(conn, cursor, 50),
                  next_link=query_link(request))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, conn: Conn):
    detail = data.article_detail(conn, article_id)
    palette = markup.colours(detail)
    nodes = markup.tree(detail["article"]["text"], markup.marks(detail))
    return render(request, "article.html", detail=detail, nodes=nodes, palette=palette)


@router.get("/entities")
def entities(request: Request, conn: Conn, type: Text = None, cursor: Cursor = None):
    return render(request, "entities.html", page=data.entity_list(conn, type or None, "quotes", cursor, 100),
                  type=type or "", next_link=query_link(request))


@router.get("/entities/{ref}")
def entity(request: Request, ref: str, conn: Conn):
    page = data.entity_detail(conn, ref)
    return render(request, "entity.html", e=page, chart=_chart(page["quotes_per_month"]))


def _chart(months: list[dict], width: int = 600, height: int = 140) -> dict:
    """Bars of quotes per month, laid out here so the page needs no script or inline style."""
    if not months:
        return {"bars": [], "width": width, "height": height}
    top = max(m["quotes"] for m in months)
    step = width / len(months)
    bars = [{"x": round(i * step + 2, 1), "w": round(max(step - 4, 2), 1), "h": round(m["quotes"] / top * (height - 30), 1),
             "month": m["month"], "quotes": m["quotes"]} for i, m in enumerate(months)]
    for bar in bars:
        bar["y"] = round(height - 20 - bar["h"], 1)
    return {"bars": bars, "width": width, "height": height, "label_every": max(1, len(bars) // 8)}


@router.get("/search")
def search(request: Request, conn: Conn, q: Text = None, speaker: Text = None, kind: Text = None, month: Text = None,
           source: Text = None, cursor: Cursor = None):
    filters = data.clean_filters({"search": q, "speaker": speaker, "kind": kind, "month": month, "source": source})
    page = data.quote_page(conn, filters, cursor, 50)
    return render(request, "search.html", page=page, facets=data.facets(conn, filters), q=q or "",
                  chosen={"speaker": speaker, "kind": kind, "month": month, "source": source},
                  link=lambda **kw: query_link(request, **kw), next_link=query_link(request))


@router.get("/timeline")
def timeline(request: Request, conn: Conn, entity: Text = None, since: Text = None, until: Text = None,
             cursor: Cursor = None):
    page = data.timeline_page(conn, entity or None, since, until, cursor, 200)
    return render(request, "timeline.html", page=page, entity=entity or "", since=since or "", until=until or "",
                  next_link=query_link(request))


@router.get("/network")
def network(request: Request, conn: Conn):
    graph = data.network(conn)
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return render(request, "network.html", graph=graph, names=names)
