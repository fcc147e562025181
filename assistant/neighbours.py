"""Neighbouring pieces of one article that a question finds together become one passage.

A long article is indexed lid by lid, and a long lid in pieces (`ingest.chunking`), so that
each piece gets an embedding of its own. When a question finds two neighbouring pieces, the
reader needs them together: the conditions of a lid run on into the next piece, and an advisor
checks the article text, not a fragment of it. Measured on the statute question sets, the piece
holding the answer often ranked second behind its own neighbour (`benchmarks/README.md`).

This is the small-to-big pattern of auto-merging retrievers, kept strict: only pieces that the
ranking itself found, only direct neighbours within one article, at most `MAX_PIECES`. The
passage's text is the pieces' texts exactly as indexed, each with its own header line
("Wet goed verhuurderschap (Wgv) — Artikel 7, leden 2-4"), in document order: the search
contract's "chunk text as indexed" holds piece by piece, and a reader sees where each lid
begins. The hit's locator spans them (`Artikel 7, leden 1-4`); `cited_piece` gives a
citation the chunk id of the piece its quote is in; the composer reads past the inner headers
(`inner_headers`), and checks of a passage's content read it piece by piece (`piece_texts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from assistant.citations import verify_quote

MAX_PIECES = 4
"""A passage of more pieces than this stops growing: past four pieces (about 4,500
characters) it is a whole chapter to read, not a passage."""

_LID_NUMBER = re.compile(r"\d+[a-z]*")


class Piece(BaseModel):
    """One indexed chunk inside a joined passage."""

    chunk_id: str
    locator: str
    text: str


def group(
    ranked: Sequence[int], metas: Sequence[dict[str, Any]], k: int, depth: int
) -> list[list[int]]:
    """Up to `k` passages from the ranking (row positions, best first): a row joins an earlier
    passage when it is the direct neighbour of one of its pieces in the same article.

    Rows down to `depth` may join a passage; further down the ranking only starts new passages
    until there are `k`. A row that lies between two passages (lid 1 and lid 3 found, then
    lid 2) joins them into one, at the better one's rank.
    """
    groups: list[list[int]] = []
    for i, pos in enumerate(ranked):
        if i >= depth and len(groups) >= k:
            break
        homes = [g for g in groups if _joins(pos, g, metas)] if i < depth else []
        if not homes:
            if len(groups) < k:
                groups.append([pos])
            continue
        homes[0].append(pos)
        if len(homes) > 1 and len(homes[0]) + len(homes[1]) <= MAX_PIECES:
            homes[0].extend(homes[1])
            groups.remove(homes[1])
    return groups


def _joins(pos: int, members: list[int], metas: Sequence[dict[str, Any]]) -> bool:
    meta = metas[pos]
    article = meta.get("article")
    # statute text only: a guidance section may carry an article number from its heading,
    # and its pieces overlap
    if not article or meta.get("structure") != "articles" or len(members) >= MAX_PIECES:
        return False
    first = metas[members[0]]
    if first.get("article") != article or first.get("doc_key") != meta.get("doc_key"):
        return False
    index = int(meta.get("chunk_index", -10))
    return any(abs(int(metas[m].get("chunk_index", -10)) - index) == 1 for m in members)


def joined(pieces: list[Piece], order: Sequence[int]) -> tuple[str, str]:
    """(text, locator) of the pieces in document order (`order`: their chunk indexes)."""
    ordered = [p for _, p in sorted(zip(order, pieces, strict=True), key=lambda t: t[0])]
    if len(ordered) == 1:
        return ordered[0].text, ordered[0].locator
    return "\n\n".join(p.text for p in ordered), _span(ordered)


def inner_headers(pieces: list[Piece]) -> frozenset[str]:
    """The header lines of a joined passage's pieces (document name and locator): lines to
    read past, not to quote."""
    return frozenset(p.text.partition("\n\n")[0].strip() for p in pieces)


def _span(ordered: list[Piece]) -> str:
    """`Artikel 7, lid 2` + `Artikel 7, leden 2-4` -> `Artikel 7, leden 2-4`."""
    article, _, _ = ordered[0].locator.partition(",")
    numbers = [n for p in ordered for n in _LID_NUMBER.findall(p.locator.partition(",")[2])]
    if not numbers:
        return article
    if numbers[0] == numbers[-1]:
        return f"{article}, lid {numbers[0]}"
    return f"{article}, leden {numbers[0]}-{numbers[-1]}"


def cited_piece(pieces: list[Piece], quote: str) -> Piece | None:
    """The piece a quote comes from; None when it runs across two (or the hit is one chunk)."""
    return next((p for p in pieces if verify_quote(quote, p.text)), None)


def piece_texts(text: str, pieces: list[Piece]) -> list[str]:
    """A hit's text piece by piece (each as indexed, header first), for checks that read a
    chunk's header as such: in a joined text, "— Artikel 7, leden 2-4" would be a number."""
    return [p.text for p in pieces] or [text]
