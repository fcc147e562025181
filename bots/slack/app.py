"""The Slack bot: a bolt `App` whose listeners hand questions to the one `Assistant`.

Slack wants an HTTP 200 within 3 seconds and retries otherwise, while an answer may take
longer (index warm-up, an LLM). So every listener acknowledges at once and does the work in a
bolt *lazy listener* (a worker thread), with `process_before_response=True` so the ack never
waits for a busy worker pool. What the bot shows while working: an :eyes: reaction on the
question, and with a streaming LLM a placeholder message that is updated about once a second.

Nothing here talks to Slack at start-up: the bot token is handed to bolt through an
`authorize` function instead of the usual `auth.test` check, and the bot's own user id is
read from the `authorizations` Slack puts in every event. `vraagbaak serve` therefore starts
offline. Web API calls go through slack_sdk retry handlers (connection errors, rate limits,
5xx); whatever still fails is logged and never reaches the web server.

Conversations: a Slack thread is one conversation (owner `slack:<team>`, key
`<channel>:<thread_ts>`) in the same store the HTTP API uses, so its history feeds follow-ups
and button clicks are stored as feedback on the core's message id.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.logger.messages import (
    warning_client_prioritized_and_token_skipped,
    warning_token_skipped,
)
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from assistant.config import Settings
from assistant.language import detect_language
from assistant.models import Answer
from bots.slack import render

if TYPE_CHECKING:
    from assistant.core import Assistant

log = logging.getLogger(__name__)

AssistantGetter = Callable[[], "Assistant"]

WORKING_REACTION = "eyes"
ANSWERED_SUBTYPES = {None, "thread_broadcast", "file_share"}
"""Message subtypes that are a person writing something; edits (`message_changed`),
deletions, joins/leaves (`channel_join`, ...) and bot messages all have other subtypes."""
DEFAULT_SLACK_API = "https://slack.com/api/"


def retry_handlers() -> list[RetryHandler]:
    """Retries for Slack's Web API and response URLs.

    Connection errors and 5xx are retried twice with backoff; a 429 waits for Slack's
    `Retry-After`. Anything else (e.g. `channel_not_found`) will not get better by retrying.
    """
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def api_base_url(settings: Settings) -> str:
    url = settings.slack_api_url or DEFAULT_SLACK_API
    return url if url.endswith("/") else url + "/"


def build_web_client(settings: Settings, token: str | None = None) -> WebClient:
    return WebClient(
        token=token,
        base_url=api_base_url(settings),
        timeout=15,
        retry_handlers=retry_handlers(),
    )


class TTLSet:
    """Keys seen recently (thread-safe, bounded); used to answer each Slack event once.

    Slack retries an event it thinks was not delivered (`X-Slack-Retry-Num`) up to three
    times over about five minutes, with the same `event_id`. Kept in memory, per process:
    because every event is acknowledged at once, retries are rare in the first place; with
    several replicas a retry could reach another process (see docs/slack.md).
    """

    def __init__(self, ttl: float = 900.0, max_size: int = 10_000) -> None:
        self.ttl = ttl
        self.max_size = max_size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key: str) -> bool:
        """Remember `key`; False when it was already seen within the TTL."""
        now = time.monotonic()
        with self._lock:
            while self._seen:
                oldest, seen_at = next(iter(self._seen.items()))
                if now - seen_at < self.ttl and len(self._seen) < self.max_size:
                    break
                self._seen.pop(oldest)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True


NETWORK_ERRORS = (OSError, TimeoutError)
"""Slack unreachable (URLError is an OSError): slack_sdk already logged each attempt."""


def _log_failure(what: str, err: BaseException) -> None:
    if isinstance(err, SlackApiError):
        log.warning("Slack %s failed: %s", what, err.response.get("error"))
    elif isinstance(err, NETWORK_ERRORS):
        log.error("Slack %s failed: Slack unreachable (%s)", what, err)
    else:
        log.error("Slack %s failed", what, exc_info=err)


def _call(method: Callable[..., Any], /, **kwargs: Any) -> Any | None:
    """One Web API call whose failure must not stop the answer (reactions, updates)."""
    try:
        return method(**kwargs)
    except Exception as err:  # what is left after the retry handlers
        _log_failure(getattr(method, "__name__", "call"), err)
    return None


class SlackBot:
    """The listeners, bound to an assistant getter (the assistant may load lazily)."""

    def __init__(
        self,
        settings: Settings,
        assistant_getter: AssistantGetter,
        *,
        stream_interval: float = 1.0,
        dedupe_ttl: float = 900.0,
        share_ttl: float = 24 * 3600.0,
    ) -> None:
        self.settings = settings
        self.assistant_getter = assistant_getter
        self.stream_interval = stream_interval
        self.seen_events = TTLSet(dedupe_ttl)
        self.share_ttl = share_ttl
        """How long a `/vraag` answer can still be shared. Slack does not send an ephemeral
        message's content with a button click, so "Deel in kanaal" takes the answer from the
        core's store by message id (which also survives a restart)."""

    # ---- registration -----------------------------------------------------------------
    def register(self, app: App) -> None:
        app.use(self.skip_retried_events)
        app.event("app_mention")(ack=self.ack, lazy=[self.on_mention])
        app.event("message")(ack=self.ack, lazy=[self.on_message])
        app.command("/vraag")(ack=self.ack_command, lazy=[self.on_command])
        app.action(render.FEEDBACK_ACTION)(ack=self.ack, lazy=[self.on_feedback])
        app.action(render.ACTION_SHARE)(ack=self.ack, lazy=[self.on_share])

    # ---- middleware and acks ----------------------------------------------------------
    def skip_retried_events(
        self, body: dict[str, Any], ack: Ack, next: Callable[[], None]
    ) -> BoltResponse | None:
        """Acknowledge an event seen before (a Slack retry) without handling it again."""
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id and not self.seen_events.add(event_id):
            log.info("Slack event %s already handled; ignoring the retry", event_id)
            return ack()
        next()
        return None

    @staticmethod
    def ack(ack: Ack) -> None:
        ack()

    def ack_command(self, ack: Ack, command: dict[str, Any]) -> None:
        """Answer the slash command at once: usage help, or a working notice to the asker."""
        question = render.question_text(command.get("text", ""))
        language = detect_language(question)
        if not question:
            ack(text=render.t(language, "usage"), response_type="ephemeral")
            return
        if self._too_long(question):
            ack(text=self._too_long_text(language), response_type="ephemeral")
            return
        ack(
            text=f"{render.t(language, 'working')} _{render.escape(question)}_",
            response_type="ephemeral",
        )

    def _too_long(self, question: str) -> bool:
        return len(question) > self.settings.max_question_chars

    def _too_long_text(self, language: str) -> str:
        return render.t(language, "too_long", limit=str(self.settings.max_question_chars))

    # ---- lazy listeners: bolt runs these in a pool whose futures nobody reads ----------
    def on_mention(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        self._guard(self._mention, event, context, client)

    def on_message(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        self._guard(self._message, event, context, client)

    def on_command(self, command: dict[str, Any], context: BoltContext) -> None:
        self._guard(self._command, command, context)

    def on_feedback(
        self, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        self._guard(self._feedback, body, action, context)

    def on_share(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        self._guard(self._share, body, action)

    @staticmethod
    def _guard(func: Callable[..., None], *args: Any) -> None:
        """Log every failure: an exception in a lazy listener would otherwise vanish."""
        try:
            func(*args)
        except Exception:
            log.exception("Slack handler %s failed", getattr(func, "__name__", func))

    # ---- events -----------------------------------------------------------------------
    def _mention(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """An @mention in a channel: answer in the message's thread."""
        if not self._from_a_person(event):
            return
        channel = event.get("channel", "")
        if channel.startswith("D"):  # a mention inside a DM arrives as message.im as well
            return
        self._answer_in_thread(event, context, client)

    def _message(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """A DM, or a reply in a channel thread the bot is already part of."""
        if not self._from_a_person(event):
            return
        if event.get("channel_type") != "im":
            thread_ts = event.get("thread_ts")
            if not thread_ts or thread_ts == event.get("ts"):
                return  # a top-level channel message: only mentions are for the bot
            bot_user_id = context.bot_user_id
            if bot_user_id and f"<@{bot_user_id}>" in (event.get("text") or ""):
                return  # app_mention answers this one
            assistant = self.assistant_getter()
            key = f"{event.get('channel')}:{thread_ts}"
            if assistant.store is None or assistant.store.find(_owner(context), key) is None:
                return  # not a thread the bot answered in
        self._answer_in_thread(event, context, client)

    @staticmethod
    def _from_a_person(event: dict[str, Any]) -> bool:
        return (
            event.get("subtype") in ANSWERED_SUBTYPES
            and not event.get("bot_id")
            and not event.get("bot_profile")
            and bool(event.get("user"))
            and not event.get("hidden")
        )

    def _answer_in_thread(
        self, event: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        question = render.question_text(event.get("text") or "")
        if not question:
            return
        channel = event["channel"]
        message_ts = event["ts"]
        thread_ts = event.get("thread_ts") or message_ts
        if self._too_long(question):
            text = self._too_long_text(detect_language(question))
            _call(client.chat_postMessage, channel=channel, thread_ts=thread_ts, text=text)
            return
        owner = _owner(context)
        reacted = _call(
            client.reactions_add, channel=channel, timestamp=message_ts, name=WORKING_REACTION
        )
        try:
            assistant = self.assistant_getter()  # may be loading, or fail to load
            conversation_id = None
            if assistant.store is not None:
                conversation_id = assistant.store.get_or_create(owner, f"{channel}:{thread_ts}")
            if getattr(assistant.composer, "mode", "extractive") == "llm":
                self._stream_answer(
                    assistant, client, question, conversation_id, owner, channel, thread_ts
                )
            else:
                answer = assistant.ask(
                    question, conversation_id=conversation_id, owner=owner, channel="slack"
                )
                self._post(client, channel, thread_ts, render.answer_messages(answer))
        except Exception:
            log.exception("answering a Slack question failed")
            self._post(
                client, channel, thread_ts, [render.error_message(detect_language(question))]
            )
        finally:
            if reacted is not None:
                _call(
                    client.reactions_remove,
                    channel=channel,
                    timestamp=message_ts,
                    name=WORKING_REACTION,
                )

    def _stream_answer(
        self,
        assistant: Assistant,
        client: WebClient,
        question: str,
        conversation_id: str | None,
        owner: str,
        channel: str,
        thread_ts: str,
    ) -> None:
        """Post a placeholder, update it as the LLM writes (about once a second), then finish.

        Updating on every token would hit Slack's rate limit for chat.update; a second is
        what a reader perceives as live.
        """
        language = detect_language(question)
        placeholder = _call(
            client.chat_postMessage,
            channel=channel,
            thread_ts=thread_ts,
            text=render.t(language, "working"),
        )
        ts = placeholder.get("ts") if placeholder is not None else None
        text = ""
        last_update = time.monotonic()
        answer: Answer | None = None
        for event in assistant.stream(
            question, conversation_id=conversation_id, owner=owner, channel="slack"
        ):
            if event.type == "delta":
                piece = str(event.data.get("text", ""))
                text = piece if event.data.get("replace") else text + piece
                now = time.monotonic()
                if ts and now - last_update >= self.stream_interval:
                    last_update = now
                    _call(
                        client.chat_update,
                        channel=channel,
                        ts=ts,
                        text=render.streaming_text(text, language),
                    )
            elif event.type == "done":
                answer = Answer.model_validate(event.data["answer"])
        if answer is None:
            raise RuntimeError("the answer stream ended without an answer")
        messages = render.answer_messages(answer)
        if ts:
            first, *rest = messages
            updated = _call(client.chat_update, channel=channel, ts=ts, **first.payload())
            if updated is None:  # e.g. invalid blocks: do not leave the placeholder behind
                _call(client.chat_update, channel=channel, ts=ts, text=first.text)
            self._post(client, channel, thread_ts, rest)
        else:
            self._post(client, channel, thread_ts, messages)

    @staticmethod
    def _post(
        client: WebClient, channel: str, thread_ts: str | None, messages: list[render.SlackMessage]
    ) -> None:
        for message in messages:
            try:
                client.chat_postMessage(
                    channel=channel,
                    thread_ts=thread_ts,
                    unfurl_links=False,
                    unfurl_media=False,
                    **message.payload(),
                )
            except SlackApiError as err:
                _log_failure("chat_postMessage (answer)", err)
                if err.response.get("error") in {"invalid_blocks", "msg_too_long"}:
                    _call(
                        client.chat_postMessage,
                        channel=channel,
                        thread_ts=thread_ts,
                        text=message.text,
                    )
            except Exception as err:
                _log_failure("chat_postMessage (answer)", err)

    # ---- /vraag -----------------------------------------------------------------------
    def _command(self, command: dict[str, Any], context: BoltContext) -> None:
        """Answer `/vraag` only to the asker, with a button to share it in the channel."""
        question = render.question_text(command.get("text", ""))
        response_url = command.get("response_url")
        if not question or not response_url or self._too_long(question):
            return  # the ack already said why
        try:
            assistant = self.assistant_getter()
            answer = assistant.ask(question, owner=_owner(context), channel="slack")
        except Exception:
            log.exception("answering /vraag failed")
            message = render.error_message(detect_language(question))
            respond(response_url, response_type="ephemeral", **message.payload())
            return
        messages = render.answer_messages(answer, question=question, share=True)
        for i, message in enumerate(messages):
            respond(
                response_url,
                response_type="ephemeral",
                replace_original=i == 0,
                **message.payload(),
            )

    # ---- buttons ----------------------------------------------------------------------
    def _feedback(self, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        """Store 👍/👎 as feedback on the core's message and thank the clicker privately.

        No owner check: the click is signed by Slack and the message id is an unguessable
        id that only appears on that message; a Slack Connect colleague from another
        workspace may rate it too.
        """
        rating = render.FEEDBACK_ACTION.match(action.get("action_id", ""))
        message_id, language = render.parse_action_value(action.get("value", ""))
        if rating is None or not message_id:
            return
        user = (body.get("user") or {}).get("id") or context.user_id
        assistant = self.assistant_getter()
        try:
            assistant.feedback(message_id, rating.group(1), channel="slack", user=user)
            text = render.t(language, "thanks_up" if rating.group(1) == "up" else "thanks_down")
        except LookupError:
            log.warning("feedback for unknown message %s", message_id)
            text = render.t(language, "feedback_failed")
        if body.get("response_url"):
            respond(
                body["response_url"], text=text, response_type="ephemeral", replace_original=False
            )

    def _share(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Post an ephemeral `/vraag` answer in the channel, crediting who shared it."""
        response_url = body.get("response_url")
        message_id, language = render.parse_action_value(action.get("value", ""))
        if not response_url:
            return
        try:
            stored = self.assistant_getter().stored_answer(message_id) if message_id else None
        except LookupError:
            stored = None
        if stored is None or time.time() - stored.created_at > self.share_ttl:
            respond(
                response_url,
                text=render.t(language, "share_gone"),
                response_type="ephemeral",
                replace_original=False,
            )
            return
        answer, question = stored.answer, stored.question
        user = (body.get("user") or {}).get("id", "")
        messages = render.answer_messages(answer, question=question, shared_by=user)
        posted = all(
            respond(response_url, response_type="in_channel", replace_original=False, **m.payload())
            for m in messages
        )
        if posted:
            respond(response_url, delete_original=True)


def _owner(context: BoltContext) -> str:
    """Conversations and feedback belong to the Slack workspace (or grid org)."""
    return f"slack:{context.team_id or context.enterprise_id or 'unknown'}"


def respond(response_url: str, **payload: Any) -> bool:
    """POST to a response URL with the same retries as the Web API; False when it failed.

    bolt's own `respond` has no retry handlers, and a response URL is the only way to reach
    an ephemeral message.
    """
    client = WebhookClient(url=response_url, timeout=15, retry_handlers=retry_handlers())
    try:
        result = client.send_dict({k: v for k, v in payload.items() if v is not None})
    except Exception as err:
        _log_failure("response URL", err)
        return False
    if result.status_code != 200:
        log.error("Slack response URL answered %s: %s", result.status_code, result.body)
        return False
    return True


def _bot_user_from_authorizations(
    body: dict[str, Any], context: BoltContext, next: Callable[[], None]
) -> None:
    """Read the bot's user id from the event instead of calling `auth.test`.

    Every Events API payload lists the installation it is for (`authorizations`); knowing the
    bot's user id lets bolt drop the bot's own messages and us recognise its mention.
    """
    for item in body.get("authorizations") or []:
        if item.get("is_bot") and item.get("user_id"):
            context["vraagbaak_bot_user_id"] = item["user_id"]
            break
    next()


def _static_authorize(token: str) -> Callable[..., AuthorizeResult]:
    def authorize(
        enterprise_id: str | None, team_id: str | None, context: BoltContext
    ) -> AuthorizeResult:
        """The one bot token, with no network call (bolt's default would `auth.test`)."""
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=token,
            bot_user_id=context.get("vraagbaak_bot_user_id"),
        )

    return authorize


class _DropTokenNotice(logging.Filter):
    """bolt reads SLACK_BOT_TOKEN from the environment itself and then warns that the token
    is unused because a client was given. The token *is* used (by `authorize`), so the
    warning would only mislead whoever reads the log; every other bolt message passes."""

    NOTICES = (warning_client_prioritized_and_token_skipped(), warning_token_skipped())

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.NOTICES


bolt_log = logging.getLogger("bots.slack.bolt")
bolt_log.addFilter(_DropTokenNotice())


def build_app(
    settings: Settings,
    assistant_getter: AssistantGetter,
    *,
    socket_mode: bool = False,
    bot: SlackBot | None = None,
) -> App:
    """The bolt App for HTTP mode (signatures verified) or Socket Mode.

    Raises ValueError when a required secret is missing: an HTTP endpoint without a signing
    secret would accept forged requests.
    """
    if not settings.slack_bot_token:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    if not socket_mode and not settings.slack_signing_secret:
        raise ValueError("SLACK_SIGNING_SECRET is not set; refusing unsigned Slack requests")
    app = App(
        name="vraagbaak",
        logger=bolt_log,
        signing_secret=settings.slack_signing_secret,
        client=build_web_client(settings),
        authorize=_static_authorize(settings.slack_bot_token),
        before_authorize=_bot_user_from_authorizations,
        process_before_response=True,
        request_verification_enabled=not socket_mode,
        listener_executor=ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack"),
    )
    (bot or SlackBot(settings, assistant_getter)).register(app)
    return app
