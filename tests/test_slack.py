"""The Slack bot end to end, on loopback only.

A real HTTP server plays Slack's Web API (and response URLs) and records every call; the bot
runs inside a real uvicorn server and receives signed requests at `/slack/events`, exactly as
Slack would send them. Answers come from the real corpus index. Lazy listeners answer in
worker threads, so assertions poll the fake Slack with a bounded wait.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from assistant.config import Settings
from assistant.conversations import ConversationStore
from assistant.core import Assistant
from bots.slack import render
from bots.slack.app import SlackBot, TTLSet, build_app
from bots.slack.http import mount_slack

SECRET = "test-signing-secret"
TEAM = "T0VRAAG"
OWNER = f"slack:{TEAM}"
BOT_USER = "UBOT"
BOT_ID = "BBOT"
WAIT = 20.0


# ---- a fake Slack ---------------------------------------------------------------------


class FakeSlack:
    """Slack's Web API and response URLs on 127.0.0.1, recording every call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self.ws_url = ""
        self._lock = threading.Lock()
        self._ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
                if "json" in (self.headers.get("content-type") or ""):
                    payload = json.loads(raw or "{}")
                else:
                    payload = {k: v[0] for k, v in parse_qs(raw).items()}
                    for key in ("blocks",):
                        if isinstance(payload.get(key), str):
                            payload[key] = json.loads(payload[key])
                status, headers, body = fake.record(self.path, payload)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def record(self, path: str, payload: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        if path.startswith("/response/"):
            with self._lock:
                self.calls.append({"method": "response_url", "path": path, **payload})
            return 200, {"content-type": "text/plain"}, b"ok"
        method = path.removeprefix("/api/")
        with self._lock:
            self.calls.append({"method": method, **payload})
            queue = self.failures.get(method)
            if queue:
                return queue.pop(0)
            self._ts += 1
            ts = f"9{self._ts:04d}.000100"
        if method == "chat.postMessage":
            return 200, {}, {"ok": True, "channel": payload.get("channel"), "ts": ts}
        if method == "chat.update":
            return 200, {}, {"ok": True, "channel": payload.get("channel"), "ts": payload.get("ts")}
        if method == "auth.test":
            return 200, {}, {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": TEAM}
        if method == "apps.connections.open":
            return 200, {}, {"ok": True, "url": self.ws_url}
        return 200, {}, {"ok": True}

    def fail(self, method: str, *responses: tuple[int, dict[str, str], dict[str, Any]]) -> None:
        with self._lock:
            self.failures.setdefault(method, []).extend(responses)

    def find(self, method: str, **match: Any) -> list[dict[str, Any]]:
        with self._lock:
            calls = list(self.calls)
        return [
            c
            for c in calls
            if c["method"] == method and all(c.get(k) == v for k, v in match.items())
        ]

    def wait_for(
        self, method: str, count: int = 1, timeout: float = WAIT, **match: Any
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(method, **match)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no {count}x {method} {match} within {timeout}s: {self.calls}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---- a real server with the bot mounted -----------------------------------------------


class Server:
    """uvicorn on a free loopback port, in a thread."""

    def __init__(self, app: FastAPI) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]})
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def slack_settings(make_settings: Callable[..., Settings], fake_slack: FakeSlack) -> Settings:
    return make_settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=f"{fake_slack.url}/api/",
    )


@pytest.fixture(scope="module")
def assistant(corpus_assistant: Assistant, slack_settings: Settings) -> Assistant:
    """The shared corpus index, with a conversation store of this module's own."""
    store = ConversationStore(slack_settings.data_dir / "slack.sqlite3")
    return Assistant(
        corpus_assistant.settings, corpus_assistant.retriever, corpus_assistant.composer, store
    )


@pytest.fixture(scope="module")
def server(
    assistant: Assistant, slack_settings: Settings, fake_slack: FakeSlack
) -> Iterator[Server]:
    app = FastAPI()
    mount_slack(app, lambda: assistant, slack_settings)
    running = Server(app)
    yield running
    running.close()


@pytest.fixture(scope="module")
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


# ---- signed requests ------------------------------------------------------------------


def sign(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def post_event(
    http: httpx.Client,
    event: dict[str, Any],
    event_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    body = json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM,
            "api_app_id": "A0VRAAG",
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "event": {"event_ts": event.get("ts"), **event},
        }
    )
    return http.post(
        "/slack/events",
        content=body,
        headers={"content-type": "application/json", **sign(body), **(headers or {})},
    )


def post_form(http: httpx.Client, fields: dict[str, str]) -> httpx.Response:
    body = urlencode(fields)
    return http.post(
        "/slack/events",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded", **sign(body)},
    )


def click(
    http: httpx.Client, fake: FakeSlack, action_id: str, value: str, response: str, **extra: Any
) -> httpx.Response:
    payload = {
        "type": "block_actions",
        "user": {"id": "U0CLICK", "team_id": TEAM},
        "team": {"id": TEAM},
        "api_app_id": "A0VRAAG",
        "token": "legacy",
        "trigger_id": "1.2.3",
        "channel": {"id": "C0ACTIONS"},
        "container": {"type": "message", "channel_id": "C0ACTIONS", "message_ts": "1.1"},
        "response_url": f"{fake.url}/response/{response}",
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b",
                "value": value,
                "action_ts": str(time.time()),
            }
        ],
        **extra,
    }
    return post_form(http, {"payload": json.dumps(payload)})


def mention(channel: str, ts: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "U0ASKER",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        **extra,
    }


def message(channel: str, ts: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "user": "U0ASKER",
        "text": text,
        "ts": ts,
        "channel": channel,
        "channel_type": "channel",
        **extra,
    }


def blocks_text(blocks: list[dict[str, Any]]) -> str:
    parts = []
    for block in blocks:
        if "text" in block:
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):
            text = element.get("text")
            parts.append(text["text"] if isinstance(text, dict) else str(text or ""))
    return "\n".join(parts)


def buttons(blocks: list[dict[str, Any]]) -> dict[str, str]:
    return {
        e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]
    }


def settle(seconds: float = 1.0) -> None:
    """Give lazy listeners that should do nothing time to do something wrong."""
    time.sleep(seconds)


# ---- HTTP mode ------------------------------------------------------------------------


@pytest.mark.slow
def test_startup_makes_no_slack_call(server: Server, fake_slack: FakeSlack) -> None:
    # The app is built and serving; Slack was never contacted (no auth.test at start-up).
    assert fake_slack.find("auth.test") == []


@pytest.mark.slow
def test_url_verification(http: httpx.Client) -> None:
    body = json.dumps({"token": "legacy", "challenge": "abc123", "type": "url_verification"})
    r = http.post(
        "/slack/events", content=body, headers={"content-type": "application/json", **sign(body)}
    )
    assert r.status_code == 200
    assert "abc123" in r.text


@pytest.mark.slow
def test_mention_is_answered_in_thread_with_sources_and_buttons(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant
) -> None:
    started = time.monotonic()
    r = post_event(http, mention("C0MENTION", "1700000000.000100", "Wat is de SNF-norm?"))
    assert r.status_code == 200
    assert time.monotonic() - started < 3.0  # acked well within Slack's 3 seconds

    (reply,) = fake_slack.wait_for("chat.postMessage", channel="C0MENTION")
    assert reply["thread_ts"] == "1700000000.000100"
    text = blocks_text(reply["blocks"])
    assert "*Bronnen*" in text
    assert "[1] " in text and " — " in text  # numbered "title — locator"
    assert "SNF" in text
    assert reply["text"]  # notification fallback
    assert all(len(b["text"]["text"]) <= 3000 for b in reply["blocks"] if "text" in b)

    actions = buttons(reply["blocks"])
    assert set(actions) == {render.ACTION_FEEDBACK_UP, render.ACTION_FEEDBACK_DOWN}
    message_id, language = render.parse_action_value(actions[render.ACTION_FEEDBACK_UP])
    assert language == "nl"
    stored = assistant.store.message(message_id)
    assert stored["question"] == "Wat is de SNF-norm?"  # the <@UBOT> mention is stripped
    assert stored["channel"] == "slack"

    # It showed it was working: :eyes: on the question, removed once answered.
    (reaction,) = fake_slack.wait_for("reactions.add", channel="C0MENTION")
    assert reaction["name"] == "eyes" and reaction["timestamp"] == "1700000000.000100"
    fake_slack.wait_for("reactions.remove", channel="C0MENTION")
    assert assistant.store.find(OWNER, "C0MENTION:1700000000.000100") == stored["conversation_id"]


@pytest.mark.slow
def test_thread_follow_up_without_mention_uses_history(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant
) -> None:
    channel, root = "C0FOLLOW", "1700000100.000100"
    post_event(http, mention(channel, root, "Wat is de SNF-norm?"))
    fake_slack.wait_for("chat.postMessage", channel=channel)

    post_event(
        http, message(channel, "1700000100.000200", "En hoeveel m2 per persoon?", thread_ts=root)
    )
    replies = fake_slack.wait_for("chat.postMessage", count=2, channel=channel)
    assert replies[1]["thread_ts"] == root

    conversation_id = assistant.store.find(OWNER, f"{channel}:{root}")
    assert conversation_id is not None
    turns = assistant.store.history(conversation_id, OWNER)
    assert [t.question for t in turns] == ["Wat is de SNF-norm?", "En hoeveel m2 per persoon?"]
    # The follow-up was searched together with the thread's subject.
    assert "SNF-norm" in turns[1].search_query


@pytest.mark.slow
def test_mention_in_a_known_thread_is_answered_once(
    http: httpx.Client, fake_slack: FakeSlack
) -> None:
    """Slack sends a mention in a channel thread twice: as app_mention and as message."""
    channel, root = "C0TWICE", "1700000150.000100"
    post_event(http, mention(channel, root, "Wat is de SNF-norm?"))
    fake_slack.wait_for("chat.postMessage", channel=channel)
    follow_up = {"thread_ts": root}
    text = "En voor statushouders?"
    post_event(http, mention(channel, "1700000150.000200", text, **follow_up))
    post_event(http, message(channel, "1700000150.000200", f"<@{BOT_USER}> {text}", **follow_up))
    fake_slack.wait_for("chat.postMessage", count=2, channel=channel)
    settle()
    assert len(fake_slack.find("chat.postMessage", channel=channel)) == 2


@pytest.mark.slow
def test_channel_messages_outside_known_threads_are_not_answered(
    http: httpx.Client, fake_slack: FakeSlack
) -> None:
    # A top-level channel message without a mention, and a reply in a thread the bot is not in.
    post_event(http, message("C0QUIET", "1700000200.000100", "Wat is de SNF-norm?"))
    post_event(
        http,
        message(
            "C0QUIET", "1700000200.000300", "Wat is de SNF-norm?", thread_ts="1700000200.000200"
        ),
    )
    # A DM sent afterwards is answered, so the events above have been processed by now.
    post_event(
        http, message("D0SENTINEL", "1700000200.000400", "Wat is de SNF-norm?", channel_type="im")
    )
    (dm_reply,) = fake_slack.wait_for("chat.postMessage", channel="D0SENTINEL")
    assert dm_reply["thread_ts"] == "1700000200.000400"
    settle()
    assert fake_slack.find("chat.postMessage", channel="C0QUIET") == []
    assert fake_slack.find("reactions.add", channel="C0QUIET") == []


@pytest.mark.slow
def test_bot_messages_edits_and_joins_are_ignored(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant
) -> None:
    channel, root = "C0IGNORE", "1700000300.000100"
    post_event(http, mention(channel, root, "Wat is de SNF-norm?"))
    fake_slack.wait_for("chat.postMessage", channel=channel)
    thread = {"thread_ts": root}

    ignored = [
        # our own answer, echoed back by Slack
        message(
            channel, "1700000300.000200", "Dit staat er", user=BOT_USER, bot_id=BOT_ID, **thread
        ),
        # another bot in the thread
        message(
            channel,
            "1700000300.000300",
            "Wat is de SNF-norm?",
            subtype="bot_message",
            bot_id="BOTHER",
            user=None,
            **thread,
        ),
        # another bot mentioning us
        mention(channel, "1700000300.000400", "Wat is de SNF-norm?", bot_id="BOTHER"),
        # an edit
        message(
            channel,
            "1700000300.000500",
            "",
            subtype="message_changed",
            user=None,
            message={"user": "U0ASKER", "text": "Wat is de SNF-norm?", "ts": root},
            **thread,
        ),
        # joins and leaves
        message(
            channel, "1700000300.000600", "<@U0NEW> has joined", subtype="channel_join", **thread
        ),
        message(
            channel, "1700000300.000700", "<@U0NEW> has left", subtype="channel_leave", **thread
        ),
    ]
    for event in ignored:
        assert post_event(http, event).status_code == 200
    post_event(
        http, message("D0SENTINEL2", "1700000300.000800", "Wat is de SNF-norm?", channel_type="im")
    )
    fake_slack.wait_for("chat.postMessage", channel="D0SENTINEL2")
    settle()
    assert len(fake_slack.find("chat.postMessage", channel=channel)) == 1  # only the first answer
    conversation_id = assistant.store.find(OWNER, f"{channel}:{root}")
    assert conversation_id is not None
    assert len(assistant.store.history(conversation_id, OWNER)) == 1


@pytest.mark.slow
def test_retried_event_is_answered_once(http: httpx.Client, fake_slack: FakeSlack) -> None:
    event = mention("C0RETRY", "1700000400.000100", "Wat is de SNF-norm?")
    first = post_event(http, event, event_id="Ev0RETRY01")
    retry = post_event(
        http,
        event,
        event_id="Ev0RETRY01",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert first.status_code == 200 and retry.status_code == 200
    fake_slack.wait_for("chat.postMessage", channel="C0RETRY")
    settle()
    assert len(fake_slack.find("chat.postMessage", channel="C0RETRY")) == 1
    assert len(fake_slack.find("reactions.add", channel="C0RETRY")) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Signature": "v0=" + "0" * 64},  # wrong signature
        "stale",  # correct signature, timestamp ten minutes old
        "other-secret",  # signed with another secret
        {},  # unsigned
    ],
    ids=["wrong", "stale", "other-secret", "unsigned"],
)
@pytest.mark.slow
def test_bad_signature_is_rejected_and_nothing_happens(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant, headers: Any
) -> None:
    channel = f"C0FORGED{uuid.uuid4().hex[:6].upper()}"
    before = len(fake_slack.calls)
    body = json.dumps(
        {
            "team_id": TEAM,
            "type": "event_callback",
            "event_id": f"Ev{uuid.uuid4().hex[:8]}",
            "event": mention(channel, "1700000500.000100", "Wat is de SNF-norm?"),
        }
    )
    if headers == "stale":
        headers = sign(body, timestamp=int(time.time()) - 600)
    elif headers == "other-secret":
        headers = sign(body, secret="not-the-secret")
    elif "X-Slack-Signature" in headers:
        headers = {**headers, "X-Slack-Request-Timestamp": str(int(time.time()))}
    r = http.post(
        "/slack/events", content=body, headers={"content-type": "application/json", **headers}
    )
    assert r.status_code == 401
    settle(0.5)
    assert len(fake_slack.calls) == before
    assert assistant.store.find(OWNER, f"{channel}:1700000500.000100") is None


@pytest.mark.slow
def test_slash_command_is_ephemeral_and_can_be_shared(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant, slack_settings: Settings
) -> None:
    fields = {
        "token": "legacy",
        "team_id": TEAM,
        "team_domain": "gemeente",
        "channel_id": "C0SLASH",
        "channel_name": "arbeidsmigratie",
        "user_id": "U0ASKER",
        "user_name": "asker",
        "command": "/vraag",
        "text": "Wat is de SNF-norm?",
        "api_app_id": "A0VRAAG",
        "response_url": f"{fake_slack.url}/response/slash1",
        "trigger_id": "1.2.3",
    }
    r = post_form(http, fields)
    assert r.status_code == 200
    ack = r.json()
    assert ack["response_type"] == "ephemeral"
    assert "Even zoeken" in ack["text"]

    (answer,) = fake_slack.wait_for("response_url", path="/response/slash1")
    assert answer["response_type"] == "ephemeral"
    assert "*Bronnen*" in blocks_text(answer["blocks"])
    assert "Wat is de SNF-norm?" in blocks_text(answer["blocks"])  # the question is echoed
    actions = buttons(answer["blocks"])
    assert render.ACTION_SHARE in actions and render.ACTION_FEEDBACK_UP in actions
    # Nothing was posted in the channel for everyone.
    assert fake_slack.find("chat.postMessage", channel="C0SLASH") == []

    r = click(
        http,
        fake_slack,
        render.ACTION_SHARE,
        actions[render.ACTION_SHARE],
        "share1",
        container={"type": "message", "channel_id": "C0SLASH", "is_ephemeral": True},
    )
    assert r.status_code == 200
    shared, deleted = fake_slack.wait_for("response_url", count=2, path="/response/share1")
    assert shared["response_type"] == "in_channel"
    assert "*Bronnen*" in blocks_text(shared["blocks"])
    assert "<@U0CLICK>" in blocks_text(shared["blocks"])  # credits who shared it
    assert render.ACTION_SHARE not in buttons(shared["blocks"])
    assert deleted.get("delete_original") is True

    # The answer to share comes from the core's store, not the bot's memory: a bot started
    # afterwards (a restart, or another replica) shares it too.
    restarted = FastAPI()
    mount_slack(restarted, lambda: assistant, slack_settings)
    with Server(restarted) as other, httpx.Client(base_url=other.url, timeout=10) as http2:
        r = click(http2, fake_slack, render.ACTION_SHARE, actions[render.ACTION_SHARE], "share2")
        assert r.status_code == 200
        again, _ = fake_slack.wait_for("response_url", count=2, path="/response/share2")
    assert again["response_type"] == "in_channel"
    assert blocks_text(again["blocks"]).replace("<@U0CLICK>", "") == blocks_text(
        shared["blocks"]
    ).replace("<@U0CLICK>", "")
    # an unknown message id gets a private "no longer available", never a channel post
    click(http, fake_slack, render.ACTION_SHARE, "m_unknown|nl", "share3")
    (gone,) = fake_slack.wait_for("response_url", path="/response/share3")
    assert gone.get("response_type") == "ephemeral" and "blocks" not in gone

    # A question over the API's length limit is refused at once, as the API does.
    r = post_form(
        http, {**fields, "text": "waarom " * 400, "response_url": f"{fake_slack.url}/response/l"}
    )
    assert "te lang" in r.json()["text"]

    # An empty /vraag explains the usage and asks nothing.
    r = post_form(http, {**fields, "text": "  ", "response_url": f"{fake_slack.url}/response/e"})
    assert "/vraag" in r.json()["text"]
    settle(0.5)
    assert fake_slack.find("response_url", path="/response/e") == []
    assert fake_slack.find("response_url", path="/response/l") == []


@pytest.mark.slow
def test_feedback_click_is_stored(
    http: httpx.Client, fake_slack: FakeSlack, assistant: Assistant
) -> None:
    post_event(http, mention("C0FEEDBACK", "1700000600.000100", "Wat is de SNF-norm?"))
    (reply,) = fake_slack.wait_for("chat.postMessage", channel="C0FEEDBACK")
    value = buttons(reply["blocks"])[render.ACTION_FEEDBACK_DOWN]
    message_id, _ = render.parse_action_value(value)

    r = click(http, fake_slack, render.ACTION_FEEDBACK_DOWN, value, "feedback1")
    assert r.status_code == 200
    (thanks,) = fake_slack.wait_for("response_url", path="/response/feedback1")
    assert thanks["response_type"] == "ephemeral" and thanks["replace_original"] is False
    rows = assistant.store.feedback_rows(message_id)
    assert rows == [
        {
            "message_id": message_id,
            "rating": "down",
            "comment": None,
            "channel": "slack",
            "user": "U0CLICK",
        }
    ]

    # A click on a message the store does not know is not stored, and says so.
    click(http, fake_slack, render.ACTION_FEEDBACK_UP, "m_unknown|nl", "feedback2")
    (failed,) = fake_slack.wait_for("response_url", path="/response/feedback2")
    assert "niet" in failed["text"]
    assert assistant.store.feedback_rows("m_unknown") == []


@pytest.mark.slow
def test_slack_api_failures_are_retried_and_survived(
    http: httpx.Client, fake_slack: FakeSlack
) -> None:
    # reactions.add keeps failing (5xx): retried, then given up without losing the answer.
    fake_slack.fail("reactions.add", *[(500, {}, {"ok": False})] * 3)
    # chat.postMessage is rate limited once: retried after Retry-After.
    fake_slack.fail(
        "chat.postMessage", (429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"})
    )
    post_event(http, mention("C0FLAKY", "1700000700.000100", "Wat is de SNF-norm?"))
    posts = fake_slack.wait_for("chat.postMessage", count=2, channel="C0FLAKY")
    assert posts[0]["blocks"] == posts[1]["blocks"]
    assert len(fake_slack.find("reactions.add", channel="C0FLAKY")) == 3  # 1 try + 2 retries

    # A permanent error (the bot was removed from the channel) is logged; the server lives on.
    fake_slack.fail("chat.postMessage", (200, {}, {"ok": False, "error": "channel_not_found"}))
    post_event(http, mention("C0GONE", "1700000700.000200", "Wat is de SNF-norm?"))
    fake_slack.wait_for("chat.postMessage", channel="C0GONE")
    post_event(http, mention("C0AFTER", "1700000700.000300", "Wat is de SNF-norm?"))
    fake_slack.wait_for("chat.postMessage", channel="C0AFTER")


@pytest.mark.slow
def test_a_failing_assistant_gets_an_apology_not_a_crash(
    fake_slack: FakeSlack, slack_settings: Settings
) -> None:
    def broken() -> Assistant:
        raise RuntimeError("index could not be opened")

    app = FastAPI()
    mount_slack(app, broken, slack_settings)
    server = Server(app)
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            event = message("D0BROKEN", "1700000750.000100", "Wat is de SNF-norm?")
            assert post_event(client, {**event, "channel_type": "im"}).status_code == 200
            (reply,) = fake_slack.wait_for("chat.postMessage", channel="D0BROKEN")
            assert "ging iets mis" in reply["text"]
            fake_slack.wait_for("reactions.remove", channel="D0BROKEN")
            body = json.dumps({"type": "url_verification", "challenge": "still-alive"})
            r = client.post("/slack/events", content=body, headers=sign(body))
            assert "still-alive" in r.text
    finally:
        server.close()


@pytest.mark.slow
def test_abstention_points_to_nearest_sources_and_support(
    http: httpx.Client, fake_slack: FakeSlack
) -> None:
    post_event(
        http,
        message(
            "D0ABSTAIN", "1700000800.000100", "What is the capital of France?", channel_type="im"
        ),
    )
    (reply,) = fake_slack.wait_for("chat.postMessage", channel="D0ABSTAIN")
    text = blocks_text(reply["blocks"])
    assert "do not answer" in text  # plainly, and in the question's language
    assert "*Nearest sources*" in text
    assert "arbeidsmigranten@vng.nl" in text
    assert render.ACTION_FEEDBACK_UP in buttons(reply["blocks"])


# ---- streaming with an LLM composer ---------------------------------------------------


class SlowLLM:
    """Stands in for an LLM composer: the extractive answer, written out slowly."""

    mode = "llm"

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def compose(self, question, hits, language, history):  # type: ignore[no-untyped-def]
        return self.inner.compose(question, hits, language, history)

    def stream(self, question, hits, language, history):  # type: ignore[no-untyped-def]
        composition = self.inner.compose(question, hits, language, history)
        if not composition.abstained:
            words = composition.text.split(" ")
            step = max(1, len(words) // 8)
            for i in range(0, len(words), step):
                time.sleep(0.15)
                yield " ".join(words[i : i + step]) + " "
        yield composition


@pytest.mark.slow
def test_llm_answer_streams_into_a_placeholder(
    make_settings: Callable[..., Settings],
    corpus_assistant: Assistant,
    fake_slack: FakeSlack,
    slack_settings: Settings,
) -> None:
    store = ConversationStore(slack_settings.data_dir / "stream.sqlite3")
    llm_assistant = Assistant(
        corpus_assistant.settings,
        corpus_assistant.retriever,
        SlowLLM(corpus_assistant.composer),
        store,
    )
    app = FastAPI()
    bot = SlackBot(slack_settings, lambda: llm_assistant, stream_interval=0.3)
    mount_slack(app, lambda: llm_assistant, slack_settings, bot=bot)
    server = Server(app)
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            post_event(client, mention("C0STREAM", "1700000900.000100", "Wat is de SNF-norm?"))
            (placeholder,) = fake_slack.wait_for("chat.postMessage", channel="C0STREAM")
            assert "Even zoeken" in placeholder["text"]
            assert placeholder["thread_ts"] == "1700000900.000100"
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline:
                updates = fake_slack.find("chat.update", channel="C0STREAM")
                if updates and updates[-1].get("blocks"):
                    break
                time.sleep(0.05)
            partial, final = updates[:-1], updates[-1]
            assert partial, "the placeholder was never updated while the answer was written"
            assert all(u["text"].endswith("…") for u in partial)
            assert "*Bronnen*" in blocks_text(final["blocks"])
            assert render.ACTION_FEEDBACK_UP in buttons(final["blocks"])
            assert len({u["ts"] for u in updates}) == 1  # always the placeholder
            assert len(fake_slack.find("chat.postMessage", channel="C0STREAM")) == 1
    finally:
        server.close()


# ---- Socket Mode ----------------------------------------------------------------------


@pytest.mark.slow
def test_socket_mode_answers_over_a_websocket(
    fake_slack: FakeSlack, assistant: Assistant, make_settings: Callable[..., Settings]
) -> None:
    from websockets.sync.server import serve

    from bots.slack.socket_mode import build_socket_mode_handler

    acks: list[dict[str, Any]] = []
    envelope = {
        "envelope_id": "env-1",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "payload": {
            "team_id": TEAM,
            "api_app_id": "A0VRAAG",
            "type": "event_callback",
            "event_id": "Ev0SOCKET1",
            "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
            "event": mention("C0SOCKET", "1700001000.000100", "Wat is de SNF-norm?"),
        },
    }

    def session(ws: Any) -> None:
        ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        ws.send(json.dumps(envelope))
        try:
            for raw in ws:
                acks.append(json.loads(raw))
        except Exception:
            pass

    with serve(session, "127.0.0.1", 0) as ws_server:
        threading.Thread(target=ws_server.serve_forever, daemon=True).start()
        fake_slack.ws_url = f"ws://127.0.0.1:{ws_server.socket.getsockname()[1]}/link"
        settings = make_settings(
            slack_bot_token="xoxb-test-token",
            slack_app_token="xapp-test-token",
            slack_api_url=f"{fake_slack.url}/api",  # no trailing slash: normalised
        )
        handler = build_socket_mode_handler(settings, lambda: assistant)
        try:
            handler.connect()
            (reply,) = fake_slack.wait_for("chat.postMessage", channel="C0SOCKET")
            assert reply["thread_ts"] == "1700001000.000100"
            assert "*Bronnen*" in blocks_text(reply["blocks"])
            deadline = time.monotonic() + 5
            while not any(a.get("envelope_id") == "env-1" for a in acks):
                assert time.monotonic() < deadline, f"envelope not acknowledged: {acks}"
                time.sleep(0.05)
        finally:
            handler.close()
            ws_server.shutdown()
    (opened,) = fake_slack.find("apps.connections.open")
    assert opened  # with the app-level token, at connect time only


@pytest.mark.slow
def test_socket_mode_without_tokens_exits_with_a_message(
    make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str]
) -> None:
    from bots.slack.socket_mode import run_socket_mode

    assert run_socket_mode(make_settings(slack_bot_token="xoxb-x")) == 2
    assert "SLACK_APP_TOKEN" in capsys.readouterr().err


@pytest.mark.slow
def test_http_mode_refuses_to_run_without_signing_secret(
    make_settings: Callable[..., Settings],
) -> None:
    with pytest.raises(ValueError, match="SLACK_SIGNING_SECRET"):
        mount_slack(FastAPI(), lambda: None, make_settings(slack_bot_token="xoxb-x"))  # type: ignore[arg-type,return-value]
    # Building the app with an unreachable Slack is fine: nothing is called at start-up.
    build_app(
        make_settings(
            slack_bot_token="xoxb-x",
            slack_signing_secret="s",
            slack_api_url="http://127.0.0.1:9/api/",
        ),
        lambda: None,  # type: ignore[arg-type,return-value]
    )


# ---- rendering (no server) ------------------------------------------------------------


def test_markdown_becomes_mrkdwn() -> None:
    md = (
        "# Kop\n**Vet** en *schuin* en __ook vet__ en ~~weg~~.\n"
        "- punt een\n* punt twee\n"
        "Zie [de wet](https://wetten.overheid.nl/x?a=1&b=2) of <https://vng.nl>.\n"
        "Let op: 3 < 4 & <!channel> `code **niet** <b>` blijft."
    )
    out = render.to_mrkdwn(md)
    assert out.startswith("*Kop*\n*Vet* en _schuin_ en *ook vet* en ~weg~.")
    assert "• punt een\n• punt twee" in out
    assert "<https://wetten.overheid.nl/x?a=1&amp;b=2|de wet>" in out
    assert "<https://vng.nl>" in out
    assert "3 &lt; 4 &amp; &lt;!channel&gt;" in out  # no @channel ping from a document
    assert "`code **niet** &lt;b&gt;`" in out  # code is escaped but not reformatted


def test_long_text_is_split_under_slack_limits() -> None:
    link = "[een heel lange linktekst](https://example.org/pad)"
    paragraph = " ".join(["woord"] * 80 + [link] * 5)
    md = "\n\n".join([paragraph] * 20) + "\n\n" + "z" * 7000
    pieces = render.split_text(render.to_mrkdwn(md))
    assert all(len(p) <= render.SECTION_LIMIT for p in pieces)
    joined = "".join(pieces)
    assert joined.count("<https://example.org/pad|een heel lange linktekst>") == 100
    assert "".join(joined.split()) == "".join(render.to_mrkdwn(md).split())  # nothing lost


def test_many_sources_are_split_into_messages_of_at_most_50_blocks() -> None:
    from assistant.models import Answer, Citation

    citations = [
        Citation(
            n=i,
            source=f"doc{i}.md",
            title=f"Document {i} " + "t" * 200,
            locator=f"Artikel {i}",
            url=f"https://example.org/{i}" if i % 2 else None,
            quote="q",
            chunk_id=f"c{i}",
        )
        for i in range(1, 400)
    ]
    answer = Answer(
        answer="**Antwoord** [1]\n\n" + ("Een zin. " * 400 + "\n\n") * 40,
        abstained=False,
        citations=citations,
        message_id="m_test",
    )
    messages = render.answer_messages(answer)
    assert len(messages) > 1
    for m in messages:
        assert len(m.blocks) <= render.MAX_BLOCKS
        assert all(len(b["text"]["text"]) <= 3000 for b in m.blocks if "text" in b)
        assert m.text
    assert render.ACTION_FEEDBACK_UP in buttons(messages[-1].blocks)
    assert all(not buttons(m.blocks) for m in messages[:-1])
    text = "\n".join(blocks_text(m.blocks) for m in messages)
    assert "[398] Document 398 " in text
    assert "[399] <https://example.org/399|Document 399 " in text
    assert "<https://example.org/1|Document 1 " in text


def test_slack_text_becomes_a_plain_question() -> None:
    assert (
        render.question_text(
            f"<@{BOT_USER}>: wat is de &lt;SNF&gt;-norm &amp; <https://x.nl|deze link>?"
        )
        == "wat is de <SNF>-norm & deze link?"
    )
    assert render.question_text(f"<@{BOT_USER}>") == ""
    assert render.question_text("zie <#C123|arbeidsmigratie> <!here>") == "zie #arbeidsmigratie"


def test_retry_memory_expires() -> None:
    seen = TTLSet(ttl=0.2)
    assert seen.add("Ev1") and not seen.add("Ev1")
    time.sleep(0.25)
    assert seen.add("Ev1")


@pytest.mark.slow
def test_mounted_by_the_api_app(
    assistant: Assistant, slack_settings: Settings, fake_slack: FakeSlack
) -> None:
    """`create_app` mounts the endpoint when Slack is configured; it is not in the OpenAPI."""
    from assistant.api.app import create_app

    server = Server(create_app(slack_settings, assistant))
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            assert "/slack/events" not in client.get("/openapi.json").json()["paths"]
            body = json.dumps({"type": "url_verification", "challenge": "c1"})
            assert (
                client.post("/slack/events", content=body, headers=sign(body + " ")).status_code
                == 401
            )
            post_event(client, mention("C0API", "1700001100.000100", "Wat is de SNF-norm?"))
            (reply,) = fake_slack.wait_for("chat.postMessage", channel="C0API")
            assert "*Bronnen*" in blocks_text(reply["blocks"])
    finally:
        server.close()


def test_manifest_declares_what_the_bot_uses() -> None:
    import yaml

    manifest = yaml.safe_load(
        (Path(render.__file__).parent / "manifest.yml").read_text(encoding="utf-8")
    )
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {
        "app_mentions:read",
        "chat:write",
        "im:history",
        "im:read",
        "im:write",
        "reactions:write",
        "commands",
        "channels:history",
        "groups:history",
    } <= scopes
    settings = manifest["settings"]
    assert {"app_mention", "message.im", "message.channels"} <= set(
        settings["event_subscriptions"]["bot_events"]
    )
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert settings["interactivity"]["is_enabled"] is True
    assert "socket_mode_enabled" in settings
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == "/vraag" and command["url"].endswith("/slack/events")
