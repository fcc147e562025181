"""Answer -> Slack Block Kit, and Slack's message text -> a plain question.

This is presentation only: the core decides what the answer says, which sources back it and
when to abstain; here it is converted to Slack's mrkdwn dialect and cut to Slack's limits
(a section's text at most 3000 characters, at most 50 blocks per message). Anything that
comes from documents is escaped (`&`, `<`, `>`), so a quoted passage can never ping
`<!channel>` or forge a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.models import Answer, Citation, Hit, Language

SECTION_LIMIT = 3000
"""Slack's maximum for a section block's text."""
MAX_BLOCKS = 50
"""Slack's maximum number of blocks in one message."""
FALLBACK_LIMIT = 3000
"""Notification text; Slack truncates long `text` anyway, so keep it readable."""
BUTTON_VALUE_LIMIT = 2000

ACTION_FEEDBACK_UP = "vraagbaak_feedback_up"
ACTION_FEEDBACK_DOWN = "vraagbaak_feedback_down"
ACTION_SHARE = "vraagbaak_share"
FEEDBACK_ACTION = re.compile(r"^vraagbaak_feedback_(up|down)$")

SUPPORT_EMAIL = "arbeidsmigranten@vng.nl"

Block = dict[str, Any]

TEXTS: dict[Language, dict[str, str]] = {
    "nl": {
        "sources": "Bronnen",
        "nearest": "Dichtstbijzijnde bronnen",
        "support": (
            "Kom je er niet uit? Het ondersteuningsteam arbeidsmigranten van de VNG helpt "
            "gemeenten: <mailto:{email}|{email}>"
        ),
        "up": "👍 Nuttig",
        "down": "👎 Niet nuttig",
        "share": "Deel in kanaal",
        "question": "Vraag",
        "shared_by": "<@{user}> deelde een antwoord van Vraagbaak",
        "working": "Even zoeken… :mag:",
        "thanks_up": "Bedankt voor je feedback! 👍",
        "thanks_down": "Bedankt voor je feedback. We gebruiken het om de antwoorden te verbeteren.",
        "feedback_failed": "Je feedback kon niet worden opgeslagen (onbekend bericht).",
        "error": (
            "Sorry, er ging iets mis bij het beantwoorden van je vraag. Probeer het later "
            "opnieuw of mail naar " + SUPPORT_EMAIL + "."
        ),
        "usage": "Gebruik: `/vraag <je vraag>`, bijvoorbeeld `/vraag Wat is de SNF-norm?`",
        "share_gone": (
            "Dit antwoord kan niet meer gedeeld worden (het is verlopen). Stel de vraag opnieuw "
            "met `/vraag`."
        ),
        "continued": "(vervolg)",
        "too_long": "Je vraag is te lang (meer dan {limit} tekens). Maak hem korter.",
    },
    "en": {
        "sources": "Sources",
        "nearest": "Nearest sources",
        "support": (
            "Still stuck? The VNG support team for labour migrants (ondersteuningsteam "
            "arbeidsmigranten) helps municipalities: <mailto:{email}|{email}>"
        ),
        "up": "👍 Helpful",
        "down": "👎 Not helpful",
        "share": "Share in channel",
        "question": "Question",
        "shared_by": "<@{user}> shared an answer from Vraagbaak",
        "working": "Looking it up… :mag:",
        "thanks_up": "Thanks for your feedback! 👍",
        "thanks_down": "Thanks for your feedback. We use it to improve the answers.",
        "feedback_failed": "Your feedback could not be stored (unknown message).",
        "error": (
            "Sorry, something went wrong while answering your question. Please try again "
            "later or email " + SUPPORT_EMAIL + "."
        ),
        "usage": "Usage: `/vraag <your question>`, e.g. `/vraag What is the SNF standard?`",
        "share_gone": (
            "This answer can no longer be shared (it expired). Please ask again with `/vraag`."
        ),
        "continued": "(continued)",
        "too_long": "Your question is too long (over {limit} characters). Please shorten it.",
    },
}


def t(language: str, key: str, **kwargs: str) -> str:
    """A UI string in the answer's language (Dutch when unknown)."""
    table = TEXTS["en"] if language == "en" else TEXTS["nl"]
    text = table[key]
    return text.format(**kwargs) if kwargs else text


# ---- Markdown -> mrkdwn -------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's three control characters; everything else is shown as is."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _link(url: str, label: str | None = None) -> str:
    url = escape(url.strip()).replace("|", "%7C")
    if not label:
        return f"<{url}>"
    return f"<{url}|{escape(label).replace('|', '¦')}>"


_CODE_BLOCK = re.compile(r"```.*?```", re.S)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_BOLD_MARK = "\ue002"


def to_mrkdwn(markdown: str) -> str:
    """Convert the Markdown an answer may contain to Slack mrkdwn.

    Code and links are set aside first so that escaping and emphasis rules never touch a URL
    or a code sample; bold is marked with a private character so the italic rule (single `*`)
    cannot mistake it for emphasis.
    """
    saved: list[str] = []

    def keep(value: str) -> str:
        saved.append(value)
        return f"\ue000{len(saved) - 1}\ue001"

    text = markdown.replace("\r\n", "\n")
    text = _CODE_BLOCK.sub(lambda m: keep(escape(m.group(0))), text)
    text = _CODE_SPAN.sub(lambda m: keep(escape(m.group(0))), text)
    text = _MD_LINK.sub(lambda m: keep(_link(m.group(2), m.group(1))), text)
    text = _AUTOLINK.sub(lambda m: keep(_link(m.group(1))), text)
    text = escape(text)
    text = _RULE.sub("———", text)
    text = _HEADING.sub(lambda m: f"{_BOLD_MARK}{m.group(1)}{_BOLD_MARK}", text)
    text = _BULLET.sub(lambda m: f"{m.group(1)}• ", text)
    text = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m.group(1) or m.group(2)}{_BOLD_MARK}", text)
    text = _ITALIC.sub(lambda m: f"_{m.group(1)}_", text)
    text = _STRIKE.sub(lambda m: f"~{m.group(1)}~", text)
    text = text.replace(_BOLD_MARK, "*")
    while _PLACEHOLDER.search(text):  # a link label may itself hold a code span
        text = _PLACEHOLDER.sub(lambda m: saved[int(m.group(1))], text)
    return text


_ATOM = re.compile(r"<[^<>\n]*>|\S+|\s+")


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Cut mrkdwn into pieces of at most `limit` characters.

    Cuts at paragraph breaks, then line breaks, then spaces; a `<url|label>` link is never
    cut in two (a hard cut happens only inside a single over-long word).
    """
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    current = ""
    for separator in ("\n\n", "\n"):
        parts = text.split(separator)
        if all(len(p) <= limit for p in parts):
            for part in parts:
                candidate = f"{current}{separator}{part}" if current else part
                if len(candidate) <= limit:
                    current = candidate
                else:
                    if current.strip():
                        pieces.append(current.strip())
                    current = part
            if current.strip():
                pieces.append(current.strip())
            return pieces
    # Some single line is too long: split it into atoms (links, words, whitespace).
    for atom in _ATOM.findall(text):
        while len(atom) > limit:  # one enormous word or link: no better option than a cut
            if current.strip():
                pieces.append(current.strip())
            pieces.append(atom[:limit])
            atom, current = atom[limit:], ""
        if len(current) + len(atom) <= limit:
            current += atom
        else:
            if current.strip():
                pieces.append(current.strip())
            current = atom.lstrip()
    if current.strip():
        pieces.append(current.strip())
    return pieces


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---- Blocks ---------------------------------------------------------------------------


@dataclass
class SlackMessage:
    """One Slack message: notification `text` plus the blocks that are displayed."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn}]}


def _sections(mrkdwn: str) -> list[Block]:
    return [section(piece) for piece in split_text(mrkdwn)]


def source_line(title: str, locator: str, url: str | None) -> str:
    """`title — locator`, as a link when the document has a URL."""
    label = f"{title} — {locator}" if locator else title
    return _link(url, label) if url else escape(label)


def _citation_lines(citations: list[Citation]) -> str:
    return "\n".join(f"[{c.n}] {source_line(c.title, c.locator, c.url)}" for c in citations)


def _hit_lines(hits: list[Hit]) -> str:
    seen: set[tuple[str, str]] = set()
    lines = []
    for hit in hits:
        if (hit.source, hit.locator) in seen:
            continue
        seen.add((hit.source, hit.locator))
        lines.append(f"• {source_line(hit.title, hit.locator, hit.url)}")
    return "\n".join(lines)


def action_value(message_id: str, language: str) -> str:
    """Button value: the core's message id plus the language for the reply to the click."""
    return f"{message_id}|{language}"[:BUTTON_VALUE_LIMIT]


def parse_action_value(value: str) -> tuple[str, Language]:
    message_id, _, language = (value or "").partition("|")
    return message_id, ("en" if language == "en" else "nl")


def _actions(answer: Answer, share: bool) -> Block:
    value = action_value(answer.message_id, answer.language)
    elements: list[Block] = [
        {
            "type": "button",
            "action_id": ACTION_FEEDBACK_UP,
            "text": {"type": "plain_text", "text": t(answer.language, "up"), "emoji": True},
            "value": value,
        },
        {
            "type": "button",
            "action_id": ACTION_FEEDBACK_DOWN,
            "text": {"type": "plain_text", "text": t(answer.language, "down"), "emoji": True},
            "value": value,
        },
    ]
    if share:
        elements.insert(
            0,
            {
                "type": "button",
                "action_id": ACTION_SHARE,
                "style": "primary",
                "text": {"type": "plain_text", "text": t(answer.language, "share")},
                "value": value,
            },
        )
    return {
        "type": "actions",
        "block_id": f"vraagbaak_actions_{answer.message_id}"[:255],
        "elements": elements,
    }


def answer_blocks(
    answer: Answer,
    *,
    question: str | None = None,
    share: bool = False,
    shared_by: str | None = None,
) -> list[Block]:
    """All blocks for an answer, in display order, before splitting into messages.

    `question` is echoed on top where the channel does not show it (slash commands);
    `share` adds the "Deel in kanaal" button (ephemeral answers); `shared_by` credits the
    user who made an ephemeral answer public.
    """
    lang = answer.language
    blocks: list[Block] = []
    if shared_by:
        blocks.append(context(t(lang, "shared_by", user=escape(shared_by))))
    if question:
        blocks.extend(_sections(f"*{t(lang, 'question')}:* {escape(question)}"))
    if answer.abstained:
        blocks.extend(_sections(f":information_source: {to_mrkdwn(answer.answer)}"))
        if answer.note:
            blocks.append(context(_truncate(to_mrkdwn(answer.note), SECTION_LIMIT)))
        nearest = _hit_lines(answer.hits)
        if nearest:
            blocks.append({"type": "divider"})
            blocks.extend(_sections(f"*{t(lang, 'nearest')}*\n{nearest}"))
        blocks.append(context(t(lang, "support", email=SUPPORT_EMAIL)))
    else:
        blocks.extend(_sections(to_mrkdwn(answer.answer)))
        if answer.note:
            blocks.append(context(_truncate(to_mrkdwn(answer.note), SECTION_LIMIT)))
        if answer.citations:
            blocks.append({"type": "divider"})
            blocks.extend(_sections(f"*{t(lang, 'sources')}*\n{_citation_lines(answer.citations)}"))
    if answer.message_id:
        blocks.append(_actions(answer, share))
    return blocks


def fallback_text(answer: Answer) -> str:
    """Notification / screen-reader text: the answer itself, shortened."""
    return _truncate(to_mrkdwn(answer.answer), FALLBACK_LIMIT)


def answer_messages(
    answer: Answer,
    *,
    question: str | None = None,
    share: bool = False,
    shared_by: str | None = None,
) -> list[SlackMessage]:
    """The answer as one or more messages of at most 50 blocks each.

    The buttons stay in the last message, under the sources they are about.
    """
    blocks = answer_blocks(answer, question=question, share=share, shared_by=shared_by)
    text = fallback_text(answer)
    messages: list[SlackMessage] = []
    for start in range(0, len(blocks), MAX_BLOCKS):
        chunk = blocks[start : start + MAX_BLOCKS]
        note = text if not messages else t(answer.language, "continued")
        messages.append(SlackMessage(text=note, blocks=chunk))
    return messages or [SlackMessage(text=text)]


def streaming_text(partial_markdown: str, language: str) -> str:
    """What a message shows while an LLM answer is still being written."""
    body = to_mrkdwn(partial_markdown).strip()
    if not body:
        return t(language, "working")
    return _truncate(body, FALLBACK_LIMIT) + " …"


def error_message(language: str) -> SlackMessage:
    return SlackMessage(
        text=t(language, "error"), blocks=[section(f":warning: {t(language, 'error')}")]
    )


# ---- Slack text -> question -----------------------------------------------------------

_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL_REF = re.compile(r"<#[CG][A-Z0-9]+\|([^>]*)>")
_SPECIAL = re.compile(r"<!(?:subteam\^[A-Z0-9]+\|)?([^>|]*)(?:\|[^>]*)?>")
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")


def question_text(slack_text: str) -> str:
    """Slack's formatted message text as the plain question the assistant should see.

    Mentions are removed (the bot's own `<@BOTID>`, and other users': an id means nothing to
    a search), channel references and links become their label, and Slack's escapes are
    undone.
    """
    text = _USER_MENTION.sub(" ", slack_text or "")
    text = _CHANNEL_REF.sub(lambda m: f"#{m.group(1)}", text)
    text = _SLACK_LINK.sub(lambda m: m.group(2) or m.group(1).removeprefix("mailto:"), text)
    text = _SPECIAL.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = re.sub(r"\s+", " ", text).strip()
    return text.lstrip(":,;- ").strip()
