"""Socket Mode: the bot opens a WebSocket to Slack, so no public address is needed.

`vraagbaak slack --socket` runs this. Requests over the socket are authenticated by the
app-level token (`SLACK_APP_TOKEN`, `xapp-…`), so the signing secret is not needed here. The
index is loaded before connecting, so the first question is not slowed down by it and a
broken index is reported before Slack sees the bot online.
"""

from __future__ import annotations

import logging
import sys

from slack_bolt.adapter.socket_mode import SocketModeHandler

from assistant.config import Settings
from bots.slack.app import AssistantGetter, build_app, build_web_client

log = logging.getLogger(__name__)

EXIT_CONFIG = 2


def build_socket_mode_handler(
    settings: Settings, assistant_getter: AssistantGetter
) -> SocketModeHandler:
    """The connected-on-demand handler (call `.connect()` / `.start()`); separate for tests."""
    app = build_app(settings, assistant_getter, socket_mode=True)
    return SocketModeHandler(
        app,
        app_token=settings.slack_app_token,
        web_client=build_web_client(settings),
    )


def run_socket_mode(settings: Settings) -> int:
    """Run until interrupted; the exit code says why it stopped."""
    missing = [
        name
        for name, value in (
            ("SLACK_BOT_TOKEN", settings.slack_bot_token),
            ("SLACK_APP_TOKEN", settings.slack_app_token),
        )
        if not value
    ]
    if missing:
        print(f"Socket Mode needs {' and '.join(missing)} (see docs/slack.md).", file=sys.stderr)
        return EXIT_CONFIG
    if not settings.slack_app_token.startswith("xapp-"):
        print("SLACK_APP_TOKEN must be an app-level token (xapp-…).", file=sys.stderr)
        return EXIT_CONFIG

    from assistant.core import Assistant

    assistant = Assistant.from_settings(settings)
    handler = build_socket_mode_handler(settings, lambda: assistant)
    try:
        handler.start()  # connects, then blocks; reconnects by itself when the socket drops
    except KeyboardInterrupt:
        return 0
    except Exception as err:  # e.g. Slack unreachable or the app token revoked
        log.debug("Socket Mode failed", exc_info=True)
        print(f"Socket Mode could not connect to Slack: {err}", file=sys.stderr)
        return 1
    finally:
        handler.close()
    return 0
