"""Check an LLM answer against its sources: markers, citations, quotes, abstention.

A language model's `[n]` is a claim, not a fact. After generation (and while streaming):

* a marker that does not resolve to a given source (`[7]` with five sources) is removed, and
  so is one whose source shares no content word with the Dutch claim it is attached to;
* the cited sources are renumbered 1..m in order of first appearance and the text's markers
  rewritten to match, so `citations` lists exactly the sources the text cites;
* every citation carries a verbatim `quote`: the sentence or line of the source that best
  supports the sentences citing it (IDF-weighted stem overlap via `assistant.analysis`),
  re-checked with `assistant.citations.verify_quote`;
* an answer that cites nothing, or opens by saying the sources do not answer, is abstained.

The streaming filter and the final check are the same `MarkerRewriter`, so the text a user
saw stream by is the text the final answer carries (apart from the rare citation dropped
because no verbatim quote could be found).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.analysis import Analyzer
from assistant.citations import verify_quote
from assistant.compose_extractive import display_quote, split_units
from assistant.models import Citation, Hit, Language

# `[3]`, `[1, 2]`, `[1;2]`, with the whitespace in front so a dropped marker leaves no gap.
_MARKER = re.compile(r"(\s*)\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
# Something that may still become a marker when more tokens arrive.
_PARTIAL = re.compile(r"\s*(?:\[\s*(?:\d{1,3}(?:\s*[,;]\s*(?:\d{1,3})?)*)?)?")
_OPEN = re.compile(r"\s*\[")
MAX_HOLD = 24
"""A held-back `[..` longer than this is ordinary text (e.g. `[zie bijlage 1]`)."""

# Sentence boundaries inside an answer: end punctuation before a capital, or a line break.
_BOUNDARY = re.compile(r"[.!?](?:\s*\[\d{1,3}\])*\s+(?=[A-Z(\"'„“‘])|\n")
_SOURCE_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(„\"])")
MIN_CLAIM_TERMS = 3
"""A claim needs this many content stems before a zero-overlap citation is judged bogus."""

# "The sources do not answer": it must speak of the sources/documents or of answering the
# question, so a rule such as "De aanvraag wordt niet in behandeling genomen" is no refusal.
_SOURCES_NL = r"(?:bronnen|documenten|teksten|passages)"
_SOURCES_EN = r"(?:sources|documents|texts|passages)"
_REFUSAL = re.compile(
    rf"\b{_SOURCES_NL} (?:geven|bevatten|noemen|vermelden|zeggen|beschrijven|behandelen|bieden"
    r"|gaan)\b[^.]{0,40}\b(?:geen|niet|niets)\b"
    rf"|\b(?:geen|niet|niets)\b[^.]{{0,60}}\b(?:in|uit) de (?:gegeven |aangeleverde )?{_SOURCES_NL}\b"
    rf"|\b(?:in|uit) de (?:gegeven |aangeleverde )?{_SOURCES_NL}\b[^.]{{0,40}}\b(?:geen|niets)\b"
    r"|\bniet (?:te |worden )?beantwoord(?:en)?\b"
    r"|\bgeen antwoord (?:op|gevonden|te vinden)\b"
    rf"|\b{_SOURCES_EN} (?:do not|don't|does not|doesn't|contain no|provide no|say nothing"
    r"|offer no)\b"
    rf"|\b(?:not|nothing)\b[^.]{{0,60}}\b(?:in|from) the (?:provided |given )?{_SOURCES_EN}\b"
    r"|\b(?:cannot|can't|can not|unable to) (?:be )?answer(?:ed)?\b"
    r"|\bno (?:answer|information) (?:to|on|about|for) (?:this|the|your) question\b",
    re.I,
)


def claim_before(text: str, end: int) -> str:
    """The sentence a marker at `end` belongs to: from the previous boundary up to `end`.

    "Dit is zo. [1]" attaches `[1]` to "Dit is zo." (the marker is after the full stop).
    """
    prefix = text[:end]
    core = re.sub(r"(?:\s*\[\d{1,3}\])*\s*$", "", prefix)
    search_in = core[:-1] if core.endswith((".", "!", "?", ":")) else core
    start = 0
    for match in _BOUNDARY.finditer(search_in):
        start = match.end()
    return re.sub(r"\[\d{1,3}\]", "", core[start:]).strip()


def is_refusal(text: str) -> bool:
    """Does the answer open by saying the sources do not answer the question?"""
    first = _BOUNDARY.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    return bool(_REFUSAL.search(first))


@dataclass
class MarkerRewriter:
    """Incremental `[n]` filter: drop unresolvable markers, renumber by first appearance.

    `feed()` takes raw model text in arbitrary pieces and returns what can be shown now; a
    trailing `[1` (or whitespace that may belong to a marker about to be dropped) is held
    back until it is complete. `close()` flushes the rest. `mapping` goes from the prompt's
    source number (1-based) to the answer's citation number.
    """

    source_count: int
    support: Callable[[int, str], bool] | None = None
    """`support(source_index, claim)`: False drops the marker (see `SupportCheck`)."""
    mapping: dict[int, int] = field(default_factory=dict)
    raw: str = ""
    output: str = ""
    dropped: list[int] = field(default_factory=list)
    _pending: str = ""
    _gap: str = ""

    def feed(self, delta: str) -> str:
        self.raw += delta
        self._pending += delta
        return self._drain(final=False)

    def close(self) -> str:
        return self._drain(final=True)

    def _emit(self, text: str) -> str:
        self.output += text
        return text

    def _drain(self, *, final: bool) -> str:
        out: list[str] = []
        while self._pending:
            opening = _OPEN.search(self._pending)
            if opening is None:
                text = self._pending
                keep = "" if final else text[len(text.rstrip()) :]
                if text[: len(text) - len(keep)]:
                    self._gap = ""
                    out.append(self._emit(text[: len(text) - len(keep)]))
                self._pending = keep
                break
            if opening.start():
                self._gap = ""
                out.append(self._emit(self._pending[: opening.start()]))
                self._pending = self._pending[opening.start() :]
            marker = _MARKER.match(self._pending)
            if marker:
                self._pending = self._pending[marker.end() :]
                out.append(self._marker(marker))
                continue
            if not final and len(self._pending) <= MAX_HOLD and _PARTIAL.fullmatch(self._pending):
                break  # may still become a marker
            # Not a marker after all: pass the bracket through as text.
            bracket = self._pending.index("[") + 1
            self._gap = ""
            out.append(self._emit(self._pending[:bracket]))
            self._pending = self._pending[bracket:]
        return "".join(out)

    def _marker(self, match: re.Match[str]) -> str:
        space, body = match.group(1), match.group(2)
        # Position in `raw` where this marker started (everything after is still pending).
        end = len(self.raw) - len(self._pending) - len(match.group(0)) + len(space)
        claim = claim_before(self.raw, end)
        kept: list[int] = []
        for part in re.split(r"\s*[,;]\s*", body):
            n = int(part)
            if not 1 <= n <= self.source_count:
                self.dropped.append(n)
                continue
            if self.support is not None and not self.support(n - 1, claim):
                self.dropped.append(n)
                continue
            if n not in self.mapping:
                self.mapping[n] = len(self.mapping) + 1
            if self.mapping[n] not in kept:
                kept.append(self.mapping[n])
        if not kept:
            # Keep the whitespace aside: it belongs to a following marker if one comes.
            self._gap = self._gap or space
            return ""
        text = (space or self._gap) + "".join(f"[{k}]" for k in kept)
        self._gap = ""
        return self._emit(text)


class SupportCheck:
    """Is a Dutch claim about its cited source at all? (Zero shared content stems: no.)

    Only a floor, deliberately: paraphrase is fine, but "Arbeidsmigranten moeten zich
    binnen vijf dagen inschrijven [2]" citing an article about fire safety shares nothing
    with it. English answers over Dutch sources share too few words to judge, so the check
    is off for them; short claims ("Ja [1].") are never judged.
    """

    def __init__(self, analyzer: Analyzer, hits: list[Hit], language: Language) -> None:
        self.analyzer = analyzer
        self.hits = hits
        self.enabled = language == "nl"
        self._tokens: dict[int, set[str]] = {}

    def __call__(self, index: int, claim: str) -> bool:
        if not self.enabled:
            return True
        terms = set(self.analyzer.tokens(claim))
        if len(terms) < MIN_CLAIM_TERMS:
            return True
        if index not in self._tokens:
            self._tokens[index] = set(self.analyzer.tokens(self.hits[index].text))
        return bool(terms & self._tokens[index])


@dataclass
class Verified:
    text: str
    citations: list[Citation]
    abstained: bool
    dropped: list[int] = field(default_factory=list)
    """Prompt source numbers whose markers were removed (out of range or unsupported)."""


def _source_units(text: str) -> list[str]:
    """Candidate quotes: every line of the chunk body, and each sentence of a long line."""
    units: list[str] = []
    for _, unit in split_units(text):
        units.append(unit)
        sentences = [s.strip() for s in _SOURCE_SENTENCE.split(unit) if s.strip()]
        if len(sentences) > 1:
            units.extend(sentences)
    return list(dict.fromkeys(units))


def best_quote(
    hit: Hit,
    claims: list[str],
    analyzer: Analyzer,
    *,
    english: bool = False,
    idf: Callable[[str], float] | None = None,
) -> str | None:
    """The verbatim sentence/line of `hit` that best supports `claims`, or None.

    Score: IDF-weighted share of the claims' content stems found in the unit; very short
    units (headings, "1.") lose out. Ties go to the earlier unit, which in a statute is
    the main rule rather than an exception.
    """
    weight = idf or (lambda _term: 1.0)
    terms: set[str] = set()
    for claim in claims:
        terms.update(analyzer.tokens(claim, english=english))
    total = sum(weight(t) for t in terms) or 1.0
    best: tuple[float, str] | None = None
    for unit in _source_units(hit.text):
        quote = display_quote(unit)
        if not verify_quote(quote, hit.text):
            continue
        tokens = set(analyzer.tokens(unit))
        score = sum(weight(t) for t in terms & tokens) / total
        if len(quote) < 25:
            score -= 0.5
        if best is None or score > best[0]:
            best = (score, quote)
    return best[1] if best else None


def _claims_by_number(text: str) -> dict[int, list[str]]:
    claims: dict[int, list[str]] = {}
    for match in re.finditer(r"\[(\d{1,3})\]", text):
        claim = claim_before(text, match.start())
        bucket = claims.setdefault(int(match.group(1)), [])
        if claim and claim not in bucket:
            bucket.append(claim)
    return claims


def _renumber(text: str, keep: dict[int, int]) -> str:
    """Rewrite `[n]` with `keep[n]`; markers not in `keep` are removed with their space."""

    def sub(match: re.Match[str]) -> str:
        n = int(match.group(2))
        return f"{match.group(1)}[{keep[n]}]" if n in keep else ""

    return re.sub(r"(\s*)\[(\d{1,3})\]", sub, text)


def finish(
    rewriter: MarkerRewriter,
    sources: list[Hit],
    analyzer: Analyzer,
    language: Language,
    *,
    idf: Callable[[str], float] | None = None,
) -> Verified:
    """Citations with verified quotes for a rewritten answer, and the abstention decision."""
    text = rewriter.output.strip()
    by_answer_number = {new: old for old, new in rewriter.mapping.items()}
    claims = _claims_by_number(text)
    citations: list[Citation] = []
    keep: dict[int, int] = {}
    for new in sorted(by_answer_number):
        hit = sources[by_answer_number[new] - 1]
        quote = best_quote(hit, claims.get(new, []), analyzer, english=language == "en", idf=idf)
        if quote is None:
            continue
        keep[new] = len(keep) + 1
        citations.append(Citation.from_hit(keep[new], hit, quote))
    if len(keep) != len(by_answer_number) or any(k != v for k, v in keep.items()):
        text = _renumber(text, keep).strip()
    abstained = not citations or is_refusal(text)
    return Verified(text=text, citations=citations, abstained=abstained, dropped=rewriter.dropped)


def verify_answer(
    text: str,
    sources: list[Hit],
    analyzer: Analyzer,
    language: Language,
    *,
    idf: Callable[[str], float] | None = None,
) -> Verified:
    """One-shot verification of a complete answer (the non-streaming path)."""
    rewriter = MarkerRewriter(len(sources), SupportCheck(analyzer, sources, language))
    rewriter.feed(text)
    rewriter.close()
    return finish(rewriter, sources, analyzer, language, idf=idf)
