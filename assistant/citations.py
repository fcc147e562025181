"""Citation checks: every quote must be verbatim text of the chunk it cites.

Both composers (extractive and LLM) go through these functions, so the guarantee a legal
advisor relies on — the quote is really in the cited article — is enforced in one place.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_MARKER = re.compile(r"\[(\d{1,3})\]")


def normalise(text: str) -> str:
    """Whitespace-normalised text, with Markdown links reduced to their text."""
    return _WS.sub(" ", _LINK.sub(r"\1", text)).strip()


def verify_quote(quote: str, chunk_text: str) -> bool:
    quote_n = normalise(quote)
    return bool(quote_n) and quote_n in normalise(chunk_text)


def markers(text: str) -> list[int]:
    """The `[n]` markers in an answer, in order of first appearance."""
    return list(dict.fromkeys(int(m) for m in _MARKER.findall(text)))


def contains_quote(chunk_text: str, quote: str) -> bool:
    """Evaluation's notion of a hit: the chunk contains the expected supporting quote."""
    return verify_quote(quote, chunk_text)
