"""The web application: the page, its static files and the HTTP API (Starlette).

    GET  /                   the page (checker/serve/templates/index.html)
    GET  /static/...         its script and style sheet (served from the package: no CDN)
    GET  /api/health         {"ok": true, "version", "workers"}
    GET  /api/rules          the list of rules
    GET  /api/explain/CODE   a rule's documentation
    POST /api/check          the JSON of `rasoat check --format json` for the uploaded draft
    POST /api/tasks          `rasoat tasks --format json` (?format=csv: the CSV for Excel)
    POST /api/citations      `rasoat citations --format json` (?format=csv)
    POST /api/annotate       the .docx with one Word comment per finding
    POST /api/fix            the fixed copy (safe fixes); ?format=diff: the unified diff as JSON
    POST /api/review         what the page shows: findings placed in paragraphs, tasks, citations

A draft is sent as multipart/form-data (field `file`, or field `text` with an optional
`filename`), or as JSON {"text": ..., "filename": ...}. Settings come as form fields, JSON keys
or query parameters: stage, lang, today, select, ignore, tone_style.

The body is read into memory only (never spooled to a temporary file), up to the [limits] of the
configuration; the check itself runs in a pool of worker processes (one per core), each with the
rules, registries and grammar loaded once.
"""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request as HttpRequest
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..config import Config
from . import work

HERE = Path(__file__).parent
MIB = 1024 * 1024
FIELD_MAX = 64 * 1024   # a form field that is not the file (settings, pasted text is a file)
MAX_PARTS = 16
TEXT_SUFFIX_DEFAULT = "du-thao.txt"
SETTINGS = ("stage", "lang", "today", "select", "ignore", "tone_style", "filename", "format")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

MESSAGES = {
    "too_large": ("Tệp tải lên quá lớn ({size} byte; giới hạn {limit} byte, đổi bằng [limits] của cấu hình).",
                  "The upload is too large ({size} bytes; limit {limit} bytes, see [limits] in the configuration)."),
    "no_draft": ("Không có dự thảo: hãy gửi một tệp (trường 'file') hoặc văn bản (trường 'text').",
                 "No draft: send a file (field 'file') or text (field 'text')."),
    "bad_form": ("Yêu cầu không đọc được: {detail}.", "Unreadable request: {detail}."),
    "bad_setting": ("Tùy chọn không hợp lệ: {detail}.", "Invalid setting: {detail}."),
    "media": ("Kiểu nội dung không được hỗ trợ: dùng multipart/form-data, application/json hoặc text/plain.",
              "Unsupported content type: use multipart/form-data, application/json or text/plain."),
    "crashed": ("Tiến trình rà soát bị dừng bất thường khi xử lý tệp này; máy chủ vẫn chạy, hãy thử lại.",
                "The checking process stopped abnormally on this file; the server is still running, try again."),
    "internal": ("Lỗi nội bộ khi rà soát tệp này ({detail}); máy chủ vẫn chạy.",
                 "Internal error while checking this file ({detail}); the server is still running."),
}


class ApiError(Exception):
    def __init__(self, status: int, key: str, lang: str = "vi", **kw):
        vi, en = MESSAGES[key]
        self.status = status
        self.message = (en if lang == "en" else vi).format(**kw)


def _limits(config: Config) -> dict:
    from ..readers import MAX_DOCX_FILE_BYTES, MAX_TEXT_BYTES

    lim = dict(config.get("limits") or {})
    docx = int(lim.get("max-docx-bytes", MAX_DOCX_FILE_BYTES))
    text = int(lim.get("max-file-bytes", MAX_TEXT_BYTES))
    # a body holds one file and a few small fields: the larger file limit plus room for the form
    return {"body": max(docx, text) + MIB}


def pool_context():
    """The start method of the server's workers: forkserver (with the checker imported in the
    server process that forks them), or spawn where there is no forkserver (Windows, macOS)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["checker.serve.work"])
        return ctx
    return multiprocessing.get_context("spawn")


class Workers:
    """A pool of warm worker processes; a pool broken by one upload is replaced for the next."""

    def __init__(self, size: int, config: Config):
        self.size = size
        self.config = config
        self.pool: ProcessPoolExecutor | None = None
        self.lock: asyncio.Lock | None = None
        self.gate: asyncio.Semaphore | None = None

    def _new(self) -> ProcessPoolExecutor:
        import multiprocessing

        # never "fork": the pool is made (and remade after a crash) once the server runs, with the
        # event loop's, uvicorn's and the previous pool's threads; a forked child could hang on a
        # lock one of them held. forkserver (a clean single-threaded process that has imported
        # the checker once) where there is one, else spawn; each worker then loads the rules.
        ctx = pool_context()
        return ProcessPoolExecutor(max_workers=self.size, mp_context=ctx, initializer=work.warm,
                                   initargs=(self.config,))

    async def start(self) -> None:
        work.warm(self.config)  # in this process too (bad rule data fails here, with its message)
        self.lock = asyncio.Lock()
        # at most this many uploads are held in memory at once; later requests wait their turn
        # before their body is read (and uvicorn's limit_concurrency answers 503 beyond that)
        self.gate = asyncio.Semaphore(self.size * 4)
        self.pool = self._new()
        # start every worker now (each loads the rule data once), not at the first upload
        await asyncio.gather(*(asyncio.wrap_future(self.pool.submit(os.getpid)) for _ in range(self.size)))

    async def run(self, fn, *args):
        pool = self.pool
        if pool is None:
            raise RuntimeError("worker pool not started")
        try:
            return await asyncio.wrap_future(pool.submit(fn, *args))
        except BrokenProcessPool:
            async with self.lock:
                if self.pool is pool:  # the first request to see it replaces it
                    pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self._new()
            raise

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


# ------------------------------------------------------------------------------ reading requests

async def _body(request: HttpRequest, limit: int, lang: str) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", lang, size=int(declared), limit=limit)
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > limit:
            raise ApiError(413, "too_large", lang, size=f"> {limit}", limit=limit)
    return bytes(buf)


def _multipart(body: bytes, content_type: str, lang: str) -> tuple[dict[str, str], tuple[str, bytes] | None]:
    """Fields and the file of a multipart/form-data body, parsed in memory."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise ApiError(400, "bad_form", lang, detail="multipart without boundary")
    parts: list[dict] = []
    cur: dict = {}
    header = [b"", b""]

    def on_part_begin():
        if len(parts) >= MAX_PARTS:
            raise ApiError(400, "bad_form", lang, detail=f"more than {MAX_PARTS} parts")
        cur.clear()
        cur.update(headers={}, data=bytearray())

    def on_header_field(data, start, end):
        header[0] += data[start:end]

    def on_header_value(data, start, end):
        header[1] += data[start:end]

    def on_header_end():
        cur["headers"][header[0].lower()] = header[1]
        header[0], header[1] = b"", b""

    def on_part_data(data, start, end):
        cur["data"] += data[start:end]

    def on_part_end():
        parts.append(dict(cur))

    parser = MultipartParser(boundary, {"on_part_begin": on_part_begin, "on_header_field": on_header_field,
                                        "on_header_value": on_header_value, "on_header_end": on_header_end,
                                        "on_part_data": on_part_data, "on_part_end": on_part_end})
    try:
        parser.write(body)
        parser.finalize()
    except ApiError:
        raise
    except Exception as exc:  # noqa: BLE001 - any malformed body is the client's error
        raise ApiError(400, "bad_form", lang, detail=type(exc).__name__) from None
    fields: dict[str, str] = {}
    upload = None
    for p in parts:
        _, disp = parse_options_header(p["headers"].get(b"content-disposition", b""))
        name = disp.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in disp:
            fname = disp[b"filename"].decode("utf-8", "replace")
            if name == "file" and upload is None:
                upload = (fname, bytes(p["data"]))
            continue
        if len(p["data"]) > FIELD_MAX and name != "text":
            raise ApiError(400, "bad_form", lang, detail=f"field '{name}' too long")
        fields[name] = bytes(p["data"]).decode("utf-8", "replace")
    return fields, upload


def _names(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(x).strip() for x in items if str(x).strip()]


def _settings(values: dict, lang: str) -> dict:
    out: dict = {}
    stage = values.get("stage") or None
    if stage not in (None, "draft", "issued"):
        raise ApiError(400, "bad_setting", lang, detail=f"stage={stage!r} (draft | issued)")
    tone = values.get("tone_style") or values.get("tone-style") or None
    if tone not in (None, "consistent", "òa", "oà"):
        raise ApiError(400, "bad_setting", lang, detail=f"tone_style={tone!r} (consistent | òa | oà)")
    today = values.get("today") or None
    if today is not None:
        try:
            today = dt.date.fromisoformat(str(today))
        except ValueError:
            raise ApiError(400, "bad_setting", lang, detail=f"today={today!r} (YYYY-MM-DD)") from None
    from ..engine import load_rules

    known = load_rules()
    select, ignore = _names(values.get("select")), _names(values.get("ignore"))
    for code in select + ignore:
        if code.upper() != "ALL" and not any(c.startswith(code.upper()) for c in known):
            raise ApiError(400, "bad_setting", lang, detail=f"no rule code or prefix '{code}'")
    out.update(stage=stage, tone_style=tone, today=today, select=select, ignore=ignore)
    return out


async def read_draft(request: HttpRequest, limit: int) -> tuple[work.Request, str]:
    """The draft and settings of a request, and the output format asked for."""
    query = dict(request.query_params)
    lang = query.get("lang") or "vi"
    ctype = request.headers.get("content-type", "")
    body = await _body(request, limit, lang)
    values: dict = dict(query)
    name, data = None, None
    if ctype.startswith("multipart/form-data"):
        fields, upload = _multipart(body, ctype, lang)
        values.update(fields)
        if upload is not None:
            name, data = upload
        elif "text" in fields:
            data = fields["text"].encode("utf-8")
    elif ctype.startswith("application/json"):
        try:
            obj = json.loads(body or b"null")
        except ValueError as exc:
            raise ApiError(400, "bad_form", lang, detail=f"JSON: {exc}") from None
        if not isinstance(obj, dict):
            raise ApiError(400, "bad_form", lang, detail="JSON body must be an object")
        values.update({k: v for k, v in obj.items() if k in SETTINGS or k == "tone-style"})
        if isinstance(obj.get("text"), str):
            data = obj["text"].encode("utf-8")
    elif ctype.startswith("text/plain") or (not ctype and body):
        data = body
    elif body:
        raise ApiError(415, "media", lang)
    lang = values.get("lang") or "vi"
    if lang not in ("vi", "en"):
        raise ApiError(400, "bad_setting", "vi", detail=f"lang={lang!r} (vi | en)")
    if data is None:
        raise ApiError(400, "no_draft", lang)
    name = _safe_name(name or values.get("filename") or TEXT_SUFFIX_DEFAULT)
    s = _settings(values, lang)
    req = work.Request(name=name, data=data, lang=lang, **s)
    return req, str(values.get("format") or "json")


def _safe_name(name: str) -> str:
    """The base name of an upload (a client may send a full path), printable, at most 200 chars."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?')[:200].strip()
    return name or TEXT_SUFFIX_DEFAULT


# ----------------------------------------------------------------------------------- the app

def create_app(config: Config | None = None, workers: int | None = None) -> Starlette:
    """The application; `workers` worker processes (default: one per core)."""
    config = config or Config(values={}, path=None)
    size = max(1, workers or os.cpu_count() or 1)
    limits = _limits(config)
    pool = Workers(size, config)

    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True))

    async def job(request: HttpRequest, fn, *extra):
        async with pool.gate:  # wait for a place: bodies of queued requests are not read yet
            req, fmt = await read_draft(request, limits["body"])
            try:
                return req, fmt, await pool.run(fn, req, *extra)
            except BrokenProcessPool:
                raise ApiError(500, "crashed", req.lang) from None
            except Exception as exc:  # noqa: BLE001 - a bug shows as a clear 500, never a traceback page
                raise ApiError(500, "internal", req.lang, detail=f"{type(exc).__name__}: {exc}") from None

    def error(exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    async def page(request: HttpRequest):
        lang = request.query_params.get("lang", "vi")
        html = env.get_template("index.html").render(version=__version__, lang="en" if lang == "en" else "vi")
        return HTMLResponse(html)

    async def health(request: HttpRequest):
        return JSONResponse({"ok": True, "version": __version__, "workers": size})

    async def rules(request: HttpRequest):
        lang = "en" if request.query_params.get("lang") == "en" else "vi"
        return JSONResponse(work.rules_list(lang))

    async def explain(request: HttpRequest):
        lang = "en" if request.query_params.get("lang") == "en" else "vi"
        info = work.explain(request.path_params["code"], lang)
        if info is None:
            msg = "không có quy tắc này" if lang == "vi" else "no such rule"
            return JSONResponse({"error": f"{msg}: {request.path_params['code']}"}, status_code=404)
        return JSONResponse(info)

    def _fmt(fmt: str, allowed: tuple[str, ...], lang: str) -> str:
        if fmt not in allowed:
            raise ApiError(400, "bad_setting", lang, detail=f"format={fmt!r} ({' | '.join(allowed)})")
        return fmt

    async def check(request: HttpRequest):
        try:
            req, fmt, (ok, text) = await job(request, work.check_json)
        except ApiError as exc:
            return error(exc)
        return Response(text, status_code=200 if ok else 422, media_type="application/json")

    def table(fn):
        async def endpoint(request: HttpRequest):
            try:
                fmt = _fmt(request.query_params.get("format", "json"), ("json", "csv"), "vi")
                req, _, (ok, text) = await job(request, fn, fmt)
            except ApiError as exc:
                return error(exc)
            if fmt == "csv" and ok:
                stem = os.path.splitext(req.name)[0]
                suffix = ".nhiem-vu.csv" if fn is work.tasks_json else ".trich-dan.csv"
                return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                                headers=_attachment(stem + suffix))
            return Response(text, status_code=200 if ok else 422, media_type="application/json")
        return endpoint

    async def annotate(request: HttpRequest):
        try:
            req, _, (ok, data) = await job(request, work.annotate)
        except ApiError as exc:
            return error(exc)
        if not ok:
            return Response(data, status_code=422, media_type="application/json")
        name = os.path.splitext(req.name)[0] + ".reviewed.docx"
        return Response(data, media_type=DOCX_TYPE, headers=_attachment(name))

    async def fix(request: HttpRequest):
        try:
            req, fmt, (ok, out) = await job(request, work.fix)
            fmt = _fmt(fmt, ("file", "json", "diff"), req.lang)
        except ApiError as exc:
            return error(exc)
        if not ok:
            return JSONResponse(out, status_code=422)
        if fmt in ("json", "diff"):
            body = {"filename": _fixed_name(req.name), "count": out["count"], "diff": out["diff"]}
            if fmt == "json":
                body["data"] = base64.b64encode(out["data"]).decode("ascii")
            return JSONResponse(body)
        media = DOCX_TYPE if req.name.lower().endswith(".docx") else "text/plain; charset=utf-8"
        return Response(out["data"], media_type=media, headers=_attachment(_fixed_name(req.name)))

    async def review(request: HttpRequest):
        try:
            req, _, (ok, out) = await job(request, work.review)
        except ApiError as exc:
            return error(exc)
        out["filename"] = req.name
        return JSONResponse(out, status_code=200 if ok else 422)

    @asynccontextmanager
    async def lifespan(app):
        await pool.start()
        try:
            yield
        finally:
            pool.stop()

    routes = [
        Route("/", page),
        Route("/api/health", health),
        Route("/api/rules", rules),
        Route("/api/explain/{code}", explain),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/tasks", table(work.tasks_json), methods=["POST"]),
        Route("/api/citations", table(work.citations_json), methods=["POST"]),
        Route("/api/annotate", annotate, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/review", review, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(_SecurityHeaders)
    app.state.workers = pool
    return app


def _fixed_name(name: str) -> str:
    stem, ext = os.path.splitext(name)
    return f"{stem}.fixed{ext or '.txt'}"


def _attachment(name: str) -> dict:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    return {"content-disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}


class _SecurityHeaders:
    """Scripts and styles only from this server, nothing framed, no content sniffing: even a
    mistake in the page could not run text that came from a draft."""

    HEADERS = [
        (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)
