"""HTTP API, SSE streaming and the host of the embeddable web widget.

A thin adapter over the one `Assistant`: it authenticates the caller, validates input, maps the
core's exceptions to 4xx answers with a Dutch and English message, and renders the core's
`Answer` in the `ask` JSON shape of DESIGN.md. Retrieval, abstention, citations and
conversations stay in the core.

Who may call:
- API clients send `Authorization: Bearer <key>` with a key from `VRAAGBAAK_API_KEYS`. Without
  keys configured the server is a loopback-only development server (see `server.py`) and calls
  without a key are accepted.
- The widget runs in a browser and is identified by the `Origin` header: allowed only from
  `VRAAGBAAK_WIDGET_ORIGINS` or from the server's own origin (the demo page), rate-limited per
  client address. Its conversations belong to a random session id that it gets from
  `POST /v1/session` and sends back in the `X-Vraagbaak-Session` header.
"""

import hashlib
import hmac
import html
import json
import logging
import math
import posixpath
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import quote, urlsplit

from fastapi import Depends, FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.security import APIKeyHeader, HTTPBearer
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.config import Settings
from assistant.conversations import ConversationNotFound, MessageNotFound
from assistant.models import (
    Answer,
    AnswerEvent,
    Citation,
    DocumentInfo,
    Filters,
    Hit,
    source_path,
)

if TYPE_CHECKING:
    from assistant.core import Assistant

log = logging.getLogger("vraagbaak.api")

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
SESSION_HEADER = "X-Vraagbaak-Session"
MAX_BODY_BYTES = 64 * 1024
"""Requests are small JSON objects; anything bigger is refused before it is parsed."""
ID_PATTERN = r"^[A-Za-z0-9_-]{1,100}$"
"""Conversation and message ids are `new_id()` tokens; anything else cannot exist."""
SESSION_PATTERN = re.compile(r"^s_[A-Za-z0-9_-]{22,64}$")
MAX_COMMENT_CHARS = 2000
MAX_QUERY_CHARS = 2000


# ---- errors -----------------------------------------------------------------------------------
class ApiError(Exception):
    """A 4xx/5xx answer with a stable code and a message in Dutch and English."""

    def __init__(
        self,
        status: int,
        code: str,
        nl: str,
        en: str,
        *,
        headers: dict[str, str] | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(f"{code}: {en}")
        self.status = status
        self.code = code
        self.nl = nl
        self.en = en
        self.headers = headers or {}
        self.retry_after = retry_after


class Message(BaseModel):
    nl: str
    en: str


class ErrorResponse(BaseModel):
    """Every error has this shape, so the widget can show `message.nl` or `message.en`."""

    error: str = Field(description="stable machine-readable code, e.g. `question_too_long`")
    message: Message
    detail: str = Field(description="`<Dutch> / <English>`, for logs and curl users")
    retry_after: int | None = Field(None, description="seconds, only with 429")


def _error_body(exc: ApiError) -> dict[str, Any]:
    body = ErrorResponse(
        error=exc.code,
        message=Message(nl=exc.nl, en=exc.en),
        detail=f"{exc.nl} / {exc.en}",
        retry_after=exc.retry_after,
    )
    return body.model_dump(exclude_none=True)


def _unknown_conversation(conversation_id: str) -> ApiError:
    return ApiError(
        404,
        "unknown_conversation",
        f"Gesprek {conversation_id!r} bestaat niet (of hoort bij een andere gebruiker). "
        "Begin een nieuw gesprek zonder conversation_id.",
        f"Conversation {conversation_id!r} does not exist (or belongs to another client). "
        "Start a new conversation without conversation_id.",
    )


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "malformed request"},
    401: {"model": ErrorResponse, "description": "missing or wrong API key / widget session"},
    403: {"model": ErrorResponse, "description": "browser origin not allowed"},
    422: {"model": ErrorResponse, "description": "invalid input"},
    429: {"model": ErrorResponse, "description": "rate limit; see Retry-After"},
    503: {"model": ErrorResponse, "description": "index not loaded yet"},
}


# ---- request and response models --------------------------------------------------------------
class ChatRequest(BaseModel):
    question: str = Field(
        description="The question, 1 to VRAAGBAAK_MAX_QUESTION_CHARS (2000) characters.",
        examples=["Wat regelt de Wet goed verhuurderschap voor arbeidsmigranten?"],
    )
    conversation_id: str | None = Field(
        None,
        pattern=ID_PATTERN,
        description="Continue a conversation created by the same API key or widget session.",
    )
    filters: Filters | None = Field(
        None, description="Optional metadata filters: doc_type, theme (unknown values: 422)."
    )


class CitationOut(BaseModel):
    n: int
    source: str
    title: str
    locator: str
    url: str | None = None
    quote: str
    href: str = Field(
        description="A working link to the cited passage: `url`, or this server's source view "
        "(relative to the API base) when the document has no URL."
    )


class SourceOut(BaseModel):
    """A retrieved passage in the `search` hit shape of DESIGN.md, plus `href`."""

    rank: int
    score: float
    source: str
    title: str
    doc_type: str
    locator: str
    url: str | None = None
    text: str
    href: str


class ChatResponse(BaseModel):
    """The `ask` shape of DESIGN.md plus `message_id` (for feedback) and the nearest sources."""

    answer: str
    abstained: bool
    conversation_id: str
    message_id: str
    citations: list[CitationOut]
    sources: list[SourceOut] = Field(
        description="Nearest passages; shown to the user instead of citations when abstaining."
    )
    language: Literal["nl", "en"]
    mode: Literal["extractive", "llm"]
    note: str | None = None


class SearchResponse(BaseModel):
    query: str
    hits: list[SourceOut]


class DocumentsResponse(BaseModel):
    documents: list[DocumentInfo]


class FeedbackRequest(BaseModel):
    message_id: str = Field(pattern=ID_PATTERN, description="`message_id` from /v1/chat")
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


class FeedbackResponse(BaseModel):
    ok: bool = True
    feedback_id: int


class SessionResponse(BaseModel):
    session_id: str = Field(description=f"Send back in the `{SESSION_HEADER}` header.")


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"


class ReadyResponse(BaseModel):
    ready: bool
    index: bool = False
    chunks: int = 0
    embedder: str | None = None
    mode: str | None = None
    loading: bool = False
    error: str | None = None


def _href(url: str | None, source: str, chunk_id: str) -> str:
    if url:
        return url
    return source_path(source, chunk_id)


def citation_out(c: Citation) -> CitationOut:
    return CitationOut(
        **c.model_dump(exclude={"chunk_id"}), href=_href(c.url, c.source, c.chunk_id)
    )


def source_out(h: Hit) -> SourceOut:
    return SourceOut(
        **h.model_dump(exclude={"chunk_id", "themes"}), href=_href(h.url, h.source, h.chunk_id)
    )


def chat_response(answer: Answer) -> ChatResponse:
    return ChatResponse(
        answer=answer.answer,
        abstained=answer.abstained,
        conversation_id=answer.conversation_id,
        message_id=answer.message_id,
        citations=[citation_out(c) for c in answer.citations],
        sources=[source_out(h) for h in answer.hits[:5]],
        language=answer.language,
        mode=answer.mode,
        note=answer.note,
    )


# ---- access: keys, origins, sessions, rate limit ------------------------------------------------
@dataclass(frozen=True)
class Client:
    """Who is calling, resolved once per request by the `client` dependency."""

    kind: Literal["key", "widget", "local"]
    channel: str
    owner: str | None
    """Conversation owner; None for a widget call without a session."""
    address: str

    def require_owner(self) -> str:
        if self.owner is None:
            raise ApiError(
                401,
                "session_required",
                f"Widget-aanroepen hebben een sessie nodig: vraag die op met POST /v1/session "
                f"en stuur hem mee in de kop {SESSION_HEADER}.",
                f"Widget calls need a session: get one from POST /v1/session and send it in "
                f"the {SESSION_HEADER} header.",
            )
        return self.owner


class SlidingWindowLimiter:
    """In-memory sliding-window rate limit per client key (one process; see docs for scale-out)."""

    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 50_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_clients = max_clients
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """Count one request; return None when allowed, else seconds until the next is."""
        if self.limit <= 0:
            return None
        now = self.clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= self.max_clients:
                    self._prune(now)
                hits = self._hits[key] = deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(hits[0] + self.window - now, 0.001)
            hits.append(now)
            return None

    def _prune(self, now: float) -> None:
        stale = [k for k, q in self._hits.items() if not q or q[-1] <= now - self.window]
        for k in stale:
            del self._hits[k]
        if len(self._hits) >= self.max_clients:  # still full of active clients: forget oldest
            for k in sorted(self._hits, key=lambda k: self._hits[k][-1])[: self.max_clients // 10]:
                del self._hits[k]


def _normalise_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def key_owner(key: str) -> str:
    """Conversation owner for an API key: a hash prefix, so the key itself is never stored."""
    return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class Access:
    """The access rules of DESIGN.md/issue 4, kept together so they can be read in one place."""

    def __init__(self, settings: Settings) -> None:
        self.keys = [k for k in settings.api_keys if k]
        self.origins = {_normalise_origin(o) for o in settings.widget_origins if o.strip()}
        self.any_origin = "*" in self.origins
        self.limiter = SlidingWindowLimiter(settings.rate_limit_per_minute)

    def _valid_key(self, token: str) -> bool:
        given = token.encode("utf-8", "surrogateescape")
        ok = False
        for key in self.keys:  # compare with every key: no early exit that leaks which matched
            ok |= hmac.compare_digest(given, key.encode("utf-8"))
        return ok

    @staticmethod
    def same_origin(request: Request, origin: str) -> bool:
        host = request.headers.get("host", "").lower()
        return bool(host) and urlsplit(origin).netloc == host

    def origin_allowed(self, request: Request, origin: str) -> bool:
        origin = _normalise_origin(origin)
        return self.any_origin or origin in self.origins or self.same_origin(request, origin)

    def identify(self, request: Request) -> Client:
        address = request.client.host if request.client else "unknown"
        authorization = request.headers.get("authorization")
        if authorization:
            scheme, _, token = authorization.partition(" ")
            token = token.strip()
            if scheme.lower() != "bearer" or not token:
                raise ApiError(
                    401,
                    "invalid_authorization",
                    "Gebruik de kop 'Authorization: Bearer <sleutel>'.",
                    "Use the header 'Authorization: Bearer <key>'.",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            if self.keys and not self._valid_key(token):
                raise ApiError(
                    401,
                    "invalid_api_key",
                    "Deze API-sleutel is niet geldig.",
                    "This API key is not valid.",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            return Client("key", "api", key_owner(token), address)

        origin = request.headers.get("origin")
        if origin is None and request.headers.get("sec-fetch-site") == "same-origin":
            origin = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin is not None:
            if not self.origin_allowed(request, origin):
                origin = origin[:200]
                log.warning("refused widget call from origin %r (%s)", origin, address)
                raise ApiError(
                    403,
                    "origin_not_allowed",
                    f"De chat mag niet worden gebruikt vanaf {origin}. Voeg dit adres toe aan "
                    "VRAAGBAAK_WIDGET_ORIGINS.",
                    f"The chat may not be used from {origin}. Add this origin to "
                    "VRAAGBAAK_WIDGET_ORIGINS.",
                )
            wait = self.limiter.check(f"ip:{address}")
            if wait is not None:
                seconds = max(1, math.ceil(wait))
                raise ApiError(
                    429,
                    "rate_limited",
                    f"Te veel vragen kort na elkaar. Probeer het over {seconds} seconden opnieuw.",
                    f"Too many questions in a short time. Please try again in {seconds} seconds.",
                    headers={"Retry-After": str(seconds)},
                    retry_after=seconds,
                )
            session = request.headers.get(SESSION_HEADER.lower())
            owner = f"widget:{session}" if session and SESSION_PATTERN.match(session) else None
            return Client("widget", "widget", owner, address)

        if self.keys:
            raise ApiError(
                401,
                "api_key_required",
                "Deze API vraagt een sleutel: stuur 'Authorization: Bearer <sleutel>'.",
                "This API needs a key: send 'Authorization: Bearer <key>'.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return Client("local", "api", "local", address)


# ---- the assistant, loaded lazily ------------------------------------------------------------
class AssistantHolder:
    """Builds the Assistant on first use (or in the background at start-up).

    Loading the embedder and opening the index takes seconds; `/healthz` must answer at once and
    `/readyz` must say whether loading is done, so nothing loads at import or app creation.
    """

    def __init__(self, settings: Settings, assistant: "Assistant | None" = None) -> None:
        self.settings = settings
        self._assistant = assistant
        self._lock = threading.Lock()
        self._loading = False
        self.error: str | None = None
        self._has_chunks = False

    def peek(self) -> "Assistant | None":
        return self._assistant

    @property
    def loading(self) -> bool:
        return self._loading

    def get(self) -> "Assistant":
        """The assistant, loading it now if needed; a failed load is retried on the next call."""
        if self._assistant is not None:
            return self._assistant
        with self._lock:
            if self._assistant is None:
                from assistant.core import Assistant

                self._loading = True
                try:
                    self._assistant = Assistant.from_settings(self.settings)
                    self.error = None
                except Exception as exc:
                    self.error = f"{type(exc).__name__}: {exc}"
                    log.exception("could not load the assistant")
                    raise
                finally:
                    self._loading = False
        return self._assistant

    def start_background(self) -> None:
        if self._assistant is None and not self._loading:
            threading.Thread(target=self._load_quietly, name="vraagbaak-load", daemon=True).start()

    def _load_quietly(self) -> None:
        with suppress(Exception):  # the error is kept in self.error and shown by /readyz
            self.get()

    def ready_assistant(self) -> "Assistant":
        """The assistant with a non-empty index, or a 503 that says what to do."""
        try:
            assistant = self.get()
        except Exception as exc:
            raise ApiError(
                503,
                "not_ready",
                f"De Vraagbaak kon niet starten: {exc}",
                f"Vraagbaak could not start: {exc}",
            ) from exc
        if not self._has_chunks:
            self._has_chunks = bool(assistant.ready().get("index"))
            if not self._has_chunks:
                raise ApiError(
                    503,
                    "index_empty",
                    "Er zijn nog geen documenten geïndexeerd; voer 'vraagbaak ingest' uit.",
                    "No documents have been indexed yet; run 'vraagbaak ingest'.",
                )
        return assistant


# ---- helpers ------------------------------------------------------------------------------------
def _check_text(value: str, what_nl: str, what_en: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApiError(
            422,
            "invalid_text",
            f"{what_nl} bevat ongeldige tekens.",
            f"The {what_en} contains invalid characters.",
        ) from exc


def check_question(question: str, limit: int) -> str:
    """Strip and bound the question before anything runs, so nothing is stored for bad input."""
    question = question.strip()
    if not question:
        raise ApiError(
            422, "empty_question", "Stel een vraag: de vraag is leeg.", "The question is empty."
        )
    if len(question) > limit:
        raise ApiError(
            422,
            "question_too_long",
            f"De vraag is te lang ({len(question)} tekens); het maximum is {limit}.",
            f"The question is too long ({len(question)} characters); the maximum is {limit}.",
        )
    _check_text(question, "De vraag", "question")
    return question


def _filters(filters: Filters | None) -> Filters | None:
    return None if filters is None or filters.is_empty() else filters


def wants_event_stream(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "").lower()


def _next_event(gen: Iterator[AnswerEvent]) -> AnswerEvent | None:
    """`next()` for a worker thread: StopIteration cannot cross a thread/future boundary."""
    try:
        return next(gen)
    except StopIteration:
        return None


def sse(event: str, data: Any) -> str:
    """One server-sent event; JSON never contains a raw newline, so one `data:` line is enough."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _event_payload(event: AnswerEvent) -> Any:
    """Render core events in the API's shapes (citations with `href`, `done` = chat response)."""
    if event.type == "citations":
        cits = [Citation.model_validate(c) for c in event.data.get("citations", [])]
        return {"citations": [citation_out(c).model_dump() for c in cits]}
    if event.type == "done":
        return chat_response(Answer.model_validate(event.data["answer"])).model_dump()
    return event.data


STREAM_ERROR = Message(
    nl="Er ging iets mis tijdens het beantwoorden. Probeer het opnieuw.",
    en="Something went wrong while answering. Please try again.",
)


async def stream_events(gen: Iterator[AnswerEvent], first: AnswerEvent) -> AsyncIterator[str]:
    """SSE body: the core's events in order; a failure becomes an `error` event, never a cut."""
    try:
        yield sse(first.type, _event_payload(first))
        async for event in iterate_in_threadpool(gen):
            yield sse(event.type, _event_payload(event))
    except Exception:
        log.exception("answer stream failed")
        yield sse(
            "error",
            {
                "error": "stream_failed",
                "message": STREAM_ERROR.model_dump(),
                "detail": f"{STREAM_ERROR.nl} / {STREAM_ERROR.en}",
            },
        )
    finally:
        # On a client disconnect the generator may still be running in a worker thread;
        # then it is left to the garbage collector (the core stores nothing half).
        with suppress(ValueError):
            close = getattr(gen, "close", None)
            if close is not None:
                close()


class BodyLimitMiddleware:
    """Refuse API request bodies over `limit` bytes by Content-Length, before they are read.

    Only `/v1/` is limited: mounted channels (Slack) set their own limits.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith("/v1/"):
            for name, value in scope.get("headers", []):
                if name == b"content-length":
                    try:
                        too_big = int(value) > self.limit
                    except ValueError:
                        too_big = True
                    if too_big:
                        error = ApiError(
                            413,
                            "body_too_large",
                            f"De aanvraag is te groot (maximaal {self.limit} bytes).",
                            f"The request body is too large (at most {self.limit} bytes).",
                        )
                        response = JSONResponse(_error_body(error), status_code=413)
                        await response(scope, receive, send)
                        return
        await self.app(scope, receive, send)


# ---- source view (working citation links for documents without a URL) -------------------------
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


def _inline_html(text: str, source: str) -> str:
    """Escape text; turn Markdown links into links (relative .md links to other source pages)."""
    out: list[str] = []
    pos = 0
    for m in _MD_LINK.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        label, target = m.group(1), m.group(2)
        href: str | None = None
        if target.startswith(("http://", "https://")):
            href = target
        elif not target.startswith(("/", "#")) and ":" not in target:
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
            if not resolved.startswith(".."):
                href = "/sources/" + quote(resolved, safe="/")
        if href:
            out.append(f'<a href="{html.escape(href)}">{html.escape(label)}</a>')
        else:
            out.append(html.escape(label))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _block_html(block: str, source: str) -> str:
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if lines and all(ln.lstrip().startswith(("- ", "* ")) for ln in lines):
        items = "".join(f"<li>{_inline_html(ln.lstrip()[2:], source)}</li>" for ln in lines)
        return f"<ul>{items}</ul>"
    return f"<p>{_inline_html(' '.join(ln.strip() for ln in lines), source)}</p>"


def source_sections(assistant: "Assistant", source: str) -> list[tuple[str, dict[str, Any], str]]:
    """(chunk id, metadata, text) of one document in reading order, from the retrieval snapshot."""
    snap = assistant.retriever.snapshot()
    rows = [
        (snap.ids[i], snap.metas[i], snap.texts[i])
        for i in range(len(snap.ids))
        if snap.metas[i].get("source") == source
    ]
    rows.sort(key=lambda r: int(r[1].get("chunk_index", 0) or 0))
    return rows


def render_source_page(source: str, sections: list[tuple[str, dict[str, Any], str]]) -> str:
    meta = sections[0][1]
    title = str(meta.get("title") or source)
    url = meta.get("doc_url") or meta.get("url") or ""
    parts = []
    for cid, m, text in sections:
        blocks = [b for b in text.split("\n\n") if b.strip()]
        if blocks and blocks[0].startswith(title):  # the "title — locator" line added for search
            blocks = blocks[1:]
        locator = str(m.get("locator") or "")
        body = "".join(_block_html(b, source) for b in blocks)
        parts.append(
            f'<section id="{html.escape(cid)}" tabindex="-1"><h2>{html.escape(locator)}</h2>'
            f"{body}</section>"
        )
    link = (
        f'<p>Oorspronkelijke bron / original source: <a href="{html.escape(url)}">'
        f"{html.escape(url)}</a></p>"
        if url
        else ""
    )
    return SOURCE_PAGE.format(
        title=html.escape(title),
        source=html.escape(source),
        doc_type=html.escape(str(meta.get("doc_type", ""))),
        link=link,
        sections="\n".join(parts),
    )


SOURCE_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Vraagbaak</title>
<style>
body {{ font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
  color: #1b1b1b; background: #f6f7f9; }}
main {{ max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; background: #fff; }}
h1 {{ font-size: 1.5rem; color: #154273; }} h2 {{ font-size: 1.1rem; margin-top: 1.6rem; }}
section {{ padding: .2rem .8rem; border-left: 4px solid transparent; }}
section:target {{ border-left-color: #154273; background: #eef4fb; }}
a {{ color: #154273; }} a:focus-visible, section:focus-visible {{ outline: 3px solid #ffb612; }}
.meta {{ color: #555; font-size: .9rem; }}
</style></head>
<body><main>
<p class="meta">Bron in de Vraagbaak / source in Vraagbaak: {source} ({doc_type})</p>
<h1>{title}</h1>
{link}
{sections}
</main></body></html>
"""


def _not_found_page(source: str) -> str:
    s = html.escape(source)
    return (
        '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Niet gevonden</title>'
        f"<p>Document {s} staat niet in de index. / Document {s} is not in the index.</p></html>"
    )


def _demo_page(base_url: str, mode: str) -> str:
    page = (WEB_DIR / "demo.html").read_text(encoding="utf-8")
    return page.replace("{{BASE}}", html.escape(base_url)).replace("{{MODE}}", mode)


# ---- the app ------------------------------------------------------------------------------------
def create_app(settings: Settings | None = None, assistant: "Assistant | None" = None) -> FastAPI:
    """The FastAPI app; the assistant is built lazily from `settings` unless one is given."""
    settings = settings or Settings()
    holder = AssistantHolder(settings, assistant)
    access = Access(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        holder.start_background()  # so the first question does not pay for loading
        yield

    app = FastAPI(
        title="Vraagbaak API",
        version="1.0",
        description=(
            "Vragen over arbeidsmigranten, beantwoord met controleerbare bronvermeldingen. / "
            "Questions about labour migrants answered with verifiable citations.\n\n"
            "API clients: `Authorization: Bearer <key>` (VRAAGBAAK_API_KEYS). Browser widget: "
            "allowed origins only (VRAAGBAAK_WIDGET_ORIGINS), session from `POST /v1/session` "
            f"in `{SESSION_HEADER}`, rate-limited per client. Errors: `{{error, message: {{nl, "
            "en}, detail}`."
        ),
        lifespan=lifespan,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.holder = holder
    app.state.access = access

    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"] if access.any_origin else sorted(access.origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Accept", SESSION_HEADER],
        expose_headers=["Retry-After"],
        max_age=600,
    )
    app.add_middleware(BodyLimitMiddleware)

    # -- error handlers: one shape, both languages, logged
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        level = logging.ERROR if exc.status >= 500 else logging.INFO
        log.log(level, "%s %s -> %d %s", request.method, request.url.path, exc.status, exc.code)
        return JSONResponse(_error_body(exc), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            error = ApiError(
                400,
                "malformed_json",
                "De aanvraag is geen geldige JSON.",
                "The request body is not valid JSON.",
            )
        else:
            problems = []
            for e in errors[:5]:
                where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query"))
                msg = str(e.get("msg", "")).removeprefix("Value error, ")
                problems.append(f"{where or 'body'}: {msg}")
            joined = "; ".join(problems)
            error = ApiError(
                422, "invalid_input", f"Ongeldige invoer: {joined}", f"Invalid input: {joined}"
            )
        return await _api_error(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            error = ApiError(
                404, "not_found", "Deze pagina bestaat niet.", "This page does not exist."
            )
        elif exc.status_code == 405:
            error = ApiError(
                405, "method_not_allowed", "Deze methode kan hier niet.", "Method not allowed."
            )
        else:
            error = ApiError(exc.status_code, "http_error", str(exc.detail), str(exc.detail))
        return await _api_error(request, error)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        error = ApiError(
            500,
            "internal_error",
            "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
            "Something went wrong on our side. Please try again later.",
        )
        return JSONResponse(_error_body(error), status_code=500)

    # -- access dependency (the Security params only document the schemes in OpenAPI)
    bearer_scheme = HTTPBearer(auto_error=False, description="A key from VRAAGBAAK_API_KEYS")
    session_scheme = APIKeyHeader(
        name=SESSION_HEADER, auto_error=False, description="Widget session from POST /v1/session"
    )

    async def client(
        request: Request,
        _bearer: Annotated[Any, Security(bearer_scheme)],
        _session: Annotated[Any, Security(session_scheme)],
    ) -> Client:
        return access.identify(request)

    async def ready_assistant() -> "Assistant":
        return await run_in_threadpool(holder.ready_assistant)

    # -- API
    @app.post(
        "/v1/chat",
        response_model=ChatResponse,
        responses={
            **ERROR_RESPONSES,
            404: {"model": ErrorResponse, "description": "unknown conversation"},
            200: {
                "description": "JSON, or with `Accept: text/event-stream` server-sent events "
                "`meta` {conversation_id, message_id}, `delta` {text, replace?}, `citations` "
                "{citations}, `done` (this JSON shape) and `error` on failure mid-stream.",
                "content": {"text/event-stream": {"schema": {"type": "string"}}},
            },
        },
        tags=["chat"],
    )
    async def chat(
        body: ChatRequest, request: Request, who: Annotated[Client, Depends(client)]
    ) -> Any:
        """Answer a question with citations; follow-ups pass the `conversation_id`."""
        owner = who.require_owner()
        question = check_question(body.question, settings.max_question_chars)
        bot = await ready_assistant()
        args: dict[str, Any] = {
            "conversation_id": body.conversation_id,
            "owner": owner,
            "filters": _filters(body.filters),
            "channel": who.channel,
        }
        if wants_event_stream(request):
            gen = bot.stream(question, **args)
            try:  # the first event resolves the conversation: errors here are still a 4xx
                first = await run_in_threadpool(_next_event, gen)
            except ConversationNotFound as exc:
                raise _unknown_conversation(str(body.conversation_id)) from exc
            if first is None:
                raise RuntimeError("the answer stream ended before it started")
            return StreamingResponse(
                stream_events(gen, first),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        try:
            answer = await run_in_threadpool(partial(bot.ask, question, **args))
        except ConversationNotFound as exc:
            raise _unknown_conversation(str(body.conversation_id)) from exc
        return chat_response(answer)

    @app.get(
        "/v1/search", response_model=SearchResponse, responses=ERROR_RESPONSES, tags=["search"]
    )
    async def search(
        who: Annotated[Client, Depends(client)],
        q: Annotated[
            str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="search text")
        ],
        k: Annotated[int, Query(ge=1, le=50)] = 10,
        doc_type: Annotated[
            str | None, Query(description="publicatie | regelgeving | praktijktip")
        ] = None,
        theme: Annotated[str | None, Query(description="a theme slug, see /v1/documents")] = None,
    ) -> SearchResponse:
        """The passages retrieval finds for a query (no answer composed)."""
        if not q.strip():
            raise ApiError(422, "empty_query", "De zoekvraag is leeg.", "The query is empty.")
        try:
            filters = Filters(doc_type=doc_type or None, theme=theme or None)
        except ValidationError as exc:
            msg = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
            raise ApiError(422, "invalid_filter", msg, msg) from exc
        bot = await ready_assistant()
        hits = await run_in_threadpool(partial(bot.search, q, k=k, filters=_filters(filters)))
        return SearchResponse(query=q, hits=[source_out(h) for h in hits])

    @app.get(
        "/v1/documents",
        response_model=DocumentsResponse,
        responses=ERROR_RESPONSES,
        tags=["search"],
    )
    async def documents(who: Annotated[Client, Depends(client)]) -> DocumentsResponse:
        """The indexed documents."""
        bot = await ready_assistant()
        return DocumentsResponse(documents=await run_in_threadpool(bot.documents))

    @app.post(
        "/v1/feedback",
        response_model=FeedbackResponse,
        status_code=201,
        responses={
            **ERROR_RESPONSES,
            404: {"model": ErrorResponse, "description": "unknown message"},
        },
        tags=["chat"],
    )
    async def feedback(
        body: FeedbackRequest, who: Annotated[Client, Depends(client)]
    ) -> FeedbackResponse:
        """Rate an answer (👍 `up` / 👎 `down`), optionally with a comment."""
        owner = who.require_owner()
        comment = (body.comment or "").strip() or None
        if comment:
            _check_text(comment, "Het commentaar", "comment")
        bot = await ready_assistant()
        try:
            fid = await run_in_threadpool(
                partial(
                    bot.feedback,
                    body.message_id,
                    body.rating,
                    comment,
                    channel=who.channel,
                    user=None,
                    owner=owner,
                )
            )
        except MessageNotFound as exc:
            raise ApiError(
                404,
                "unknown_message",
                f"Antwoord {body.message_id!r} bestaat niet (of hoort bij een andere gebruiker).",
                f"Answer {body.message_id!r} does not exist (or belongs to another client).",
            ) from exc
        return FeedbackResponse(feedback_id=fid)

    @app.post(
        "/v1/session",
        response_model=SessionResponse,
        status_code=201,
        responses=ERROR_RESPONSES,
        tags=["widget"],
    )
    async def session(who: Annotated[Client, Depends(client)]) -> SessionResponse:
        """A new random widget session id; the widget's conversations belong to it."""
        return SessionResponse(session_id="s_" + secrets.token_urlsafe(24))

    @app.get("/healthz", response_model=HealthResponse, tags=["ops"])
    async def healthz() -> HealthResponse:
        """The process is alive (does not load anything)."""
        return HealthResponse()

    @app.get(
        "/readyz",
        response_model=ReadyResponse,
        responses={503: {"model": ReadyResponse, "description": "not ready yet"}},
        tags=["ops"],
    )
    async def readyz() -> JSONResponse:
        """Index and embedder loaded and the index has documents (503 until then)."""
        bot = holder.peek()
        if bot is None:
            holder.start_background()
            state = ReadyResponse(ready=False, loading=holder.loading, error=holder.error)
            return JSONResponse(state.model_dump(), status_code=503)
        try:
            info = await run_in_threadpool(bot.ready)
        except Exception as exc:
            log.exception("readiness check failed")
            state = ReadyResponse(ready=False, error=f"{type(exc).__name__}: {exc}")
            return JSONResponse(state.model_dump(), status_code=503)
        state = ReadyResponse(
            ready=bool(info.get("index")),
            index=bool(info.get("index")),
            chunks=int(info.get("chunks", 0) or 0),  # type: ignore[call-overload]
            embedder=str(info.get("embedder", "")),
            mode=str(info.get("mode", "")),
        )
        return JSONResponse(state.model_dump(), status_code=200 if state.ready else 503)

    # -- widget, demo page and source view (not part of the JSON API)
    @app.get("/widget.js", include_in_schema=False)
    async def widget_js() -> Response:
        return Response(
            (WEB_DIR / "widget.js").read_bytes(),
            media_type="text/javascript; charset=utf-8",
            headers={
                "Cache-Control": "public, max-age=300",
                "Cross-Origin-Resource-Policy": "cross-origin",
                "X-Content-Type-Options": "nosniff",
            },
        )

    @app.get("/", include_in_schema=False)
    async def demo(request: Request, mode: str = "inline") -> HTMLResponse:
        base = str(request.base_url).rstrip("/")
        return HTMLResponse(
            _demo_page(base, "bubble" if mode == "bubble" else "inline"),
            headers={
                "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data:; base-uri 'none'; frame-ancestors 'self'",
                "X-Content-Type-Options": "nosniff",
            },
        )

    @app.get("/sources/{source:path}", include_in_schema=False)
    async def source_page(source: str) -> HTMLResponse:
        """Readable view of an indexed document, so citations without a URL still link."""
        bot = await ready_assistant()
        sections = await run_in_threadpool(source_sections, bot, source)
        if not sections:
            return HTMLResponse(_not_found_page(source), status_code=404)
        return HTMLResponse(
            render_source_page(source, sections),
            headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                "X-Content-Type-Options": "nosniff",
            },
        )

    if settings.slack_configured:
        try:
            from bots.slack.http import mount_slack

            mount_slack(app, holder.get, settings)
        except (ImportError, ValueError) as exc:
            log.error("Slack is configured but its endpoint could not be mounted: %s", exc)

    return app
