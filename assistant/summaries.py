"""A statute article ranks just above our own summary of it, when both are indexed.

The starter corpus summarises each statute per article (`corpus/regelgeving/`, front matter
`bwb_id`, sections headed "Artikel 12ba – ..." or "Artikelen 2.11 en 2.12 – ..."). Written in
plain words, a summary section is often nearer to a question than the legal prose it
describes, so in an index holding both, the summary took the top and the article itself fell
out of the top five. The summaries say it themselves: the official text prevails. So when a
summary section is among the best candidates, the article it summarises that the ranking found
best is lifted to just above it (`AUTHORITY`), its chunks keeping their own order; the summary
stays right below as the reading aid. Nothing changes in an index without both, and nothing else is lifted:
guidance that merely cites an article is no summary of it (measured: lifting every cited
article cost the corpus questions a third of their MRR; `benchmarks/README.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

AUTHORITY = 0.01
"""How far above its summary an article is placed (a score margin, not a weight)."""
DEPTH = 20
"""Summary sections ranked this high lift their articles."""

_NUMBER = r"\d+(?:\.\d+)*[a-z]{0,3}"
_HEADING = re.compile(r"^\s*Artikel(?:en)?\s+(.+?)(?:\s+[–-]\s+|$)", re.I)
_RANGE = re.compile(rf"^({_NUMBER})\s+(?:tot en met|t/m)\s+({_NUMBER})$", re.I)


def summarised_rows(metas: Sequence[dict[str, Any]]) -> dict[int, list[list[int]]]:
    """Per summary section (row): for each article it summarises, the rows of that article's
    statute chunks in document order. Empty unless the index holds both."""
    articles: dict[str, list[str]] = {}  # bwb -> article numbers in document order
    rows: dict[tuple[str, str], list[int]] = {}
    # document order: by file, then position in it (a statute may come in several excerpts)
    in_order = sorted(
        range(len(metas)), key=lambda p: (str(metas[p].get("source", "")), int(metas[p].get("chunk_index", 0)))
    )
    for pos in in_order:
        meta = metas[pos]
        bwb, number = meta.get("bwb_id"), str(meta.get("article") or "").lower()
        if meta.get("structure") == "articles" and bwb and number:
            if number not in articles.setdefault(bwb, []):
                articles[bwb].append(number)
            rows.setdefault((bwb, number), []).append(pos)
    if not rows:
        return {}
    out: dict[int, list[list[int]]] = {}
    for pos, meta in enumerate(metas):
        bwb = meta.get("bwb_id")
        if meta.get("structure") != "sections" or not bwb or bwb not in articles:
            continue
        heading = str(meta.get("heading_path") or "").split(" > ")[-1]
        found = [rows[(bwb, n)] for n in _numbers(heading, articles[bwb]) if (bwb, n) in rows]
        if found:
            out[pos] = found
    return out


def _numbers(heading: str, order: list[str]) -> list[str]:
    """Article numbers a heading names: "Artikelen 1.1 tot en met 2.3 – ..." covers every
    article of the statute from 1.1 to 2.3 in document order."""
    match = _HEADING.match(heading)
    if not match:
        return []
    numbers: list[str] = []
    spec = re.sub(r"\s+tot en met\s+", " t/m ", match.group(1).strip().lower())
    for part in re.split(r",\s*|\s+en\s+", spec):
        span = _RANGE.match(part.strip())
        if span and span.group(1) in order and span.group(2) in order:
            first, last = order.index(span.group(1)), order.index(span.group(2))
            numbers.extend(order[first : last + 1])
        else:
            numbers.extend(re.findall(_NUMBER, part))
    return list(dict.fromkeys(numbers))


def lift_articles(
    ranked: list[tuple[int, float]], summarised: dict[int, list[list[int]]], allowed: Any = None
) -> list[tuple[int, float]]:
    """`ranked` with, for each well-ranked summary section, the best-ranked article it
    summarises just above it; that article's other ranked chunks keep their distance below
    its best one. Only chunks the ranking found are moved: a section on "Artikelen 2.69 tot
    en met 2.81" lifts the one article of the thirteen that the question found best, not all.

    `allowed`: a boolean mask over rows (the query's filters), or None."""
    if not summarised:
        return ranked
    original = dict(ranked)
    score = dict(original)
    for pos, value in ranked[:DEPTH]:
        found = [
            [r for r in rows if r in original and (allowed is None or allowed[r])]
            for rows in summarised.get(pos, ())
        ]
        found = [rows for rows in found if rows]
        if not found:
            continue
        rows = max(found, key=lambda rs: max(original[r] for r in rs))
        best = max(original[r] for r in rows)
        for row in rows:
            lifted = value + AUTHORITY - (best - original[row])
            if lifted > score[row]:
                score[row] = lifted
    return sorted(score.items(), key=lambda kv: -kv[1])
