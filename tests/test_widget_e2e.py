"""The widget in a real headless Chromium against a real uvicorn server on loopback.

Covers what only a browser shows: the custom element and its shadow DOM, the streamed answer
read with fetch(), citation links that work, 👍 feedback reaching SQLite, the conversation
surviving a reload (sessionStorage), keyboard use of the bubble, the page language, CORS for
an allowed and a refused host page, and the messages for rate limits and an unreachable server.
Debian's chromium is used (`executable_path`); browsers are never downloaded.
"""

from __future__ import annotations

import html
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from assistant.api.app import create_app
from assistant.api.server import background_server
from assistant.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WGV_QUESTION = "Welke regels stelt de Wet goed verhuurderschap aan verhuur aan arbeidsmigranten?"
SCREENSHOT_INLINE = Path("/tmp/vraagbaak-widget-inline.png")
SCREENSHOT_BUBBLE = Path("/tmp/vraagbaak-widget-bubble.png")
TIMEOUT_MS = 30_000

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def host_page_app() -> FastAPI:
    """Another web site that embeds the widget with one script tag (e.g. a municipal intranet)."""
    site = FastAPI()

    @site.get("/page.html", response_class=HTMLResponse)
    def page(api: str, lang: str = "nl") -> str:
        api, lang = html.escape(api), html.escape(lang)
        return (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<script src="{api}/widget.js" defer></script></head><body><h1>Intranet</h1>'
            f'<vraagbaak-chat api="{api}" mode="inline"></vraagbaak-chat></body></html>'
        )

    return site


@pytest.fixture(scope="module")
def host_site() -> Iterator[dict[str, str]]:
    """One loopback server, two origins: `localhost` is allowed, `127.0.0.1` is not.

    Real servers, not Playwright routes: Chromium only lets a page on a loopback address call a
    loopback API (Local Network Access), and a routed page has no address.
    """
    with background_server(host_page_app()) as url:
        port = url.rsplit(":", 1)[1]
        yield {"allowed": f"http://localhost:{port}", "refused": f"http://127.0.0.1:{port}"}


@pytest.fixture(scope="module")
def e2e_app(
    make_settings: Callable[..., Settings],
    corpus_settings: Settings,
    corpus_assistant,
    host_site: dict[str, str],
) -> FastAPI:
    # keys are configured: the demo page must work through the same-origin widget path anyway
    settings = make_settings(
        data_dir=corpus_settings.data_dir,
        api_keys=["e2e-secret-key"],
        widget_origins=[host_site["allowed"]],
        rate_limit_per_minute=1000,
    )
    return create_app(settings, assistant=corpus_assistant)


@pytest.fixture(scope="module")
def server(e2e_app: FastAPI) -> Iterator[str]:
    with background_server(e2e_app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); .ci/run installs it")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    expect_api = pytest.importorskip("playwright.sync_api")
    expect_api.expect.set_options(timeout=TIMEOUT_MS)
    pg = context.new_page()
    yield pg
    context.close()


def widget_state(page, api: str) -> dict:
    raw = page.evaluate(f"sessionStorage.getItem({json.dumps(f'vraagbaak:{api}:chat')})")
    return json.loads(raw) if raw else {}


def ask(page, question: str):
    """Type a question like a user and wait for the finished answer card."""
    from playwright.sync_api import expect

    box = page.get_by_role("textbox", name="Uw vraag")
    box.fill(question)
    with page.expect_response(lambda r: r.url.endswith("/v1/chat")) as info:
        box.press("Enter")
    card = page.locator("vraagbaak-chat article.msg.bot").last
    expect(card).to_have_attribute("aria-busy", "false")
    return info.value, card


def test_demo_page_streams_a_cited_answer_and_stores_feedback(
    page, server: str, corpus_settings: Settings
) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/")
    expect(page.locator("vraagbaak-chat")).to_be_attached()
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")

    response, card = ask(page, WGV_QUESTION)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/event-stream")

    answer = card.locator(".answer")
    expect(answer).to_contain_text("verhuur")
    expect(card.locator("button.ref").first).to_be_visible()  # [n] markers

    link = card.locator("a.cite-link").first
    expect(link).to_be_visible()
    expect(link).to_contain_text("—")  # "title — locator"
    href = link.get_attribute("href") or ""
    assert href.startswith(("http://", "https://"))
    if href.startswith(server):  # the built-in source view must open at the cited passage
        target = page.request.get(href)
        assert target.status == 200
        anchor = href.split("#", 1)[1]
        assert f'id="{anchor}"' in target.text()

    card.locator("summary").first.click()
    expect(card.locator("blockquote").first).to_be_visible()
    expect(card.locator("blockquote").first).not_to_be_empty()

    page.screenshot(path=str(SCREENSHOT_INLINE), full_page=True)

    card.get_by_role("button", name="Ja, nuttig").click()
    expect(card.get_by_text("Bedankt voor uw feedback.")).to_be_visible()
    expect(card.get_by_role("button", name="Ja, nuttig")).to_have_attribute("aria-pressed", "true")

    message_id = widget_state(page, server)["items"][-1]["answer"]["message_id"]
    with sqlite3.connect(str(corpus_settings.sqlite_path)) as db:
        rows = db.execute(
            "SELECT rating, channel FROM feedback WHERE message_id=?", (message_id,)
        ).fetchall()
    assert rows == [("up", "widget")]


def test_conversation_survives_a_reload_and_follow_ups_continue_it(
    page, server: str, corpus_settings: Settings
) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/")
    ask(page, WGV_QUESTION)
    conversation = widget_state(page, server)["conversation"]
    assert conversation.startswith("c_")

    page.reload()
    expect(page.locator("vraagbaak-chat .msg.user").first).to_contain_text(
        "Wet goed verhuurderschap"
    )
    expect(page.locator("vraagbaak-chat a.cite-link").first).to_be_visible()

    ask(page, "En welke boete kan de gemeente opleggen?")
    assert widget_state(page, server)["conversation"] == conversation
    with sqlite3.connect(str(corpus_settings.sqlite_path)) as db:
        (n,) = db.execute(
            "SELECT COUNT(*) FROM messages WHERE conversation_id=?", (conversation,)
        ).fetchone()
    assert n == 2

    page.get_by_role("button", name="Nieuw gesprek").click()
    expect(page.locator("vraagbaak-chat .msg")).to_have_count(0)
    assert widget_state(page, server)["conversation"] is None


def test_bubble_is_keyboard_usable_with_visible_focus(page, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/?mode=bubble")
    launcher = page.get_by_role("button", name="Stel een vraag — Vraagbaak-chat")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    panel = page.locator("vraagbaak-chat section.panel")
    expect(panel).to_be_hidden()

    launcher.focus()
    page.keyboard.press("Enter")
    expect(panel).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    focused = "document.querySelector('vraagbaak-chat').shadowRoot.activeElement"
    assert page.evaluate(f"{focused}.id") == "vraagbaak-question"
    outline = page.evaluate(f"getComputedStyle({focused}).outlineStyle")
    assert outline not in ("none", "")

    page.keyboard.type("Wat is de SNF-norm?")
    page.keyboard.press("Enter")
    expect(page.locator("vraagbaak-chat a.cite-link").first).to_be_visible()
    page.screenshot(path=str(SCREENSHOT_BUBBLE))

    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert page.evaluate(f"{focused}.className") == "launcher"
    assert page.evaluate(f"getComputedStyle({focused}).outlineStyle") not in ("none", "")


def test_widget_on_an_allowed_intranet_page_in_english(
    page, server: str, host_site: dict[str, str]
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{host_site['allowed']}/page.html?lang=en&api={server}")
    box = page.get_by_role("textbox", name="Your question")
    expect(box).to_be_visible()
    expect(page.get_by_role("button", name="Send")).to_be_visible()
    box.fill("What does the SNF standard require for housing labour migrants?")
    with page.expect_response(lambda r: r.url.endswith("/v1/chat")) as info:
        box.press("Enter")  # cross-origin: CORS preflight, session, streamed answer
    assert info.value.headers["access-control-allow-origin"] == host_site["allowed"]
    expect(page.locator("vraagbaak-chat a.cite-link").first).to_be_visible()
    expect(page.get_by_text("Sources", exact=True)).to_be_visible()


def test_widget_on_a_refused_origin_gets_no_answer(
    page, server: str, host_site: dict[str, str]
) -> None:
    from playwright.sync_api import expect

    page.goto(f"{host_site['refused']}/page.html?api={server}")
    box = page.get_by_role("textbox", name="Uw vraag")
    box.fill(WGV_QUESTION)
    box.press("Enter")
    expect(page.locator("vraagbaak-chat .status")).to_contain_text("niet bereikbaar")
    expect(page.locator("vraagbaak-chat a.cite-link")).to_have_count(0)
    expect(box).to_have_value(WGV_QUESTION)  # kept for another try


def test_rate_limit_and_unreachable_server_are_explained(page, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/")
    status = page.locator("vraagbaak-chat .status")
    box = page.get_by_role("textbox", name="Uw vraag")

    body = json.dumps(
        {
            "error": "rate_limited",
            "message": {"nl": "Te veel vragen.", "en": "Too many questions."},
            "detail": "Te veel vragen. / Too many questions.",
            "retry_after": 42,
        }
    )
    page.route(
        "**/v1/chat",
        lambda route: route.fulfill(
            status=429, body=body, content_type="application/json", headers={"Retry-After": "42"}
        ),
    )
    box.fill("Wat is de SNF-norm?")
    box.press("Enter")
    expect(status).to_contain_text("over 42 seconden")
    expect(status).to_have_attribute("role", "alert")

    page.unroute("**/v1/chat")
    page.route("**/v1/chat", lambda route: route.abort("connectionrefused"))
    page.get_by_role("button", name="Versturen").click()
    expect(status).to_contain_text("niet bereikbaar")
