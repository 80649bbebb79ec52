"""`rasoat serve`: a local web page (and an HTTP API) to check drafts without a terminal.

Optional: needs the `serve` extra (`pip install "rasoat[serve]"`: Starlette, uvicorn, Jinja2,
python-multipart). Nothing is written to disk and nothing leaves the machine: the page, its
script and style sheet are served from this package, uploads are held in memory for the request.
"""
from __future__ import annotations


def create_app(*args, **kwargs):
    from .app import create_app as _create

    return _create(*args, **kwargs)
