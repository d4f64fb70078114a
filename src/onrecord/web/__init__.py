"""The web app (``onrecord serve``): a JSON API under /api and server-rendered pages.

Needs the ``web`` extra: ``pip install 'onrecord[web]'``. Importing this package does not import
FastAPI, so the command line works without the extra.
"""


def create_app(*args, **kwargs):
    """The FastAPI application over a store: see ``onrecord.web.app.create_app``."""
    from .app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
