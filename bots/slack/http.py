"""HTTP mode: Slack's Events API, slash commands and button clicks at `POST /slack/events`.

Mounted into the API's FastAPI/Starlette app by `create_app` when Slack is configured. bolt
verifies every request's `X-Slack-Signature` (HMAC of the body with the signing secret) and
timestamp (at most five minutes old) before anything else runs: a forged or replayed request
gets 401 and causes no Web API call, no question and no stored feedback.

bolt's Starlette adapter would run the (synchronous) bolt App on the event loop; dispatching in
the thread pool keeps the API responsive while bolt acknowledges. The route is left out of the
OpenAPI schema: it is Slack's endpoint, not part of the public API.
"""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from assistant.config import Settings
from bots.slack.app import AssistantGetter, SlackBot, build_app

SLACK_EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000
"""Slack's payloads are a few kilobytes; anything this large is not from Slack."""


def mount_slack(
    app: Starlette,
    assistant_getter: AssistantGetter,
    settings: Settings,
    *,
    bot: SlackBot | None = None,
) -> App:
    """Add `POST /slack/events` to `app` (FastAPI is a Starlette) and return the bolt App.

    `bot` lets a caller tune the listeners (e.g. the streaming update interval). Raises
    ValueError when the bot token or signing secret is missing: without the secret the
    endpoint could not tell Slack from anyone else.
    """
    bolt = build_app(settings, assistant_getter, bot=bot)

    async def slack_events(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return Response(status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return Response(status_code=413)
        bolt_response = await run_in_threadpool(bolt.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    app.add_route(SLACK_EVENTS_PATH, slack_events, methods=["POST"], include_in_schema=False)
    app.state.slack_app = bolt
    return bolt
