"""Extractive answers: quote the passages that answer, mark each with `[n]`, invent nothing.

Without an LLM the honest answer is the source's own words. The composer splits the top
chunks into units (lines of a statute: leden and onderdelen; sentences of guidance), scores
each unit by how much of the question's key terms it carries (IDF-weighted), and quotes the
best few verbatim. A list item is preceded by its lead-in line ("3. Indien ... :") when that
is needed to read it. Every quote is an exact substring of the cited chunk, which
`assistant.citations.verify_quote` re-checks before anything is returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.answer_types import (
    Expectation,
    Kind,
    asking_sentences,
    expected,
    partly_typed,
    satisfies,
    wh_clauses,
)
from assistant.citations import verify_quote
from assistant.definitions import defined_term, defines
from assistant.models import Citation, Hit, Language, Turn
from assistant.neighbours import inner_headers
from assistant.passage_gaps import asked_acts, names_acts

MAX_UNITS = 3
MAX_HITS = 3
MIN_UNIT_SCORE = 0.175
"""Below this, no sentence of the top passages carries enough of the question to quote as an
answer (calibrated with the abstention threshold, see assistant/abstention.py)."""
MIN_TYPED_COVERAGE = 0.05
"""A sentence that states the kind of answer asked for (an amount, a date) must also share some
of the question's key terms; "binnen vijf jaar na de inwerkingtreding" says nothing about a
notice period for a tenancy."""
_LIST_ITEM = re.compile(
    r"^\s*(?:[-*]\s+(?:(?:[a-z]{1,2}[.)]|\d+°\.?|[ivx]+\.)\s+)?|(?:[a-z]{1,2}[.)]|\d+°\.?|[ivx]+\.)\s+)",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(„\"])")
ARTICLE_FOCUS = 0.2
"""Bonus for the lines of an article the question names ("Wat regelt artikel 2.12 Bbl?"): such
a question shares few words with the article, but the article is the answer."""
LOCATING_FOCUS = 0.1
"""Bonus for the lines of the best passage when the question asks where a rule is ("In welk
artikel staat ...?"): the statute words its rule in its own terms, so the question's words are
a weak guide, and the best passage's article is the answer."""
ENTRY_FOCUS = 0.1
"""Bonus for the lines of a passage whose article has an entry point asking what the question
asks (`Hit.entry_points`): the question is then known to be about this article even when it
shares no words with it ("laten betalen voor een baan" / "geen tegenprestatie bedongen");
0.1 and 0.2 measured alike."""
DEFINITION_FOCUS = 0.3
"""For the line that defines the term a question asks the meaning of (definitions.py): the
term stands in every line of a definitions article, its definition in one."""
_UNIT_ASKED = re.compile(
    r"\b(?:hoeveel|how many)\s+((?:werk|kalender|working\s+|calendar\s+)?"
    r"(?:jaar|jaren|maanden|maand|weken|week|dagen|dag|uren|uur|years?|months?|weeks?|days?|hours?))\b",
    re.I,
)
"""The unit a period is asked in ("binnen hoeveel dagen", "how many weeks")."""
_ASKS_WHERE = re.compile(
    r"\b(in welk(e)? (artikel|wet|hoofdstuk|paragraaf|regeling)|welk artikel|which article|"
    r"where in the)\b",
    re.I,
)


@dataclass
class ExtractiveComposition:
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    note: str | None = None


@dataclass
class Unit:
    hit_index: int
    text: str
    line_index: int
    score: float = 0.0
    covered: float = 0.0
    """IDF-weighted share of the question's key terms in this unit."""
    lead_in: str | None = None
    items: list[str] = field(default_factory=list)
    """For a lead-in line ending in ":", the list items that follow it (quoted with it)."""
    context: float = 0.0
    """`covered` of the sentence before it in the same paragraph ("Voor de eigen kamer geldt
    een overgangsregeling. ... binnen drie jaar ..." states the period in the sentence after
    the one that names the topic), or of the lead-in a list item hangs from ("b. maatschappelijk
    gebonden ... indien hij: … 2°. ten minste zes jaar ...")."""
    asked: float = 0.0
    """Like `covered`, over the key terms of the question's asking clause alone: "We openen een
    logiesgebouw voor 40 arbeidsmigranten. Hoe lang van tevoren moet de gebruiksmelding ...?"
    is answered by a sentence about the notification, which shares none of the context."""

    @property
    def on_topic(self) -> bool:
        return _on_topic(self.covered, self.context, self.asked)


def _on_topic(covered: float, context: float, asked: float) -> bool:
    """Shares enough of the question (itself, through the sentence or lead-in before it, or
    with the asking clause) to count as stating the kind of answer the question asks for."""
    return max(covered, context, asked) >= MIN_TYPED_COVERAGE


def abstention_text(language: Language) -> str:
    if language == "en":
        return (
            "The documents I can search do not answer this question. The nearest sources are "
            "listed below; please check them, or ask the VNG support team for labour migrants "
            "(ondersteuningsteam arbeidsmigranten)."
        )
    return (
        "Dat staat niet in de documenten die ik kan doorzoeken. Hieronder staan de bronnen die "
        "er het dichtst bij komen; controleer die zelf of leg de vraag voor aan het "
        "ondersteuningsteam arbeidsmigranten van de VNG."
    )


def missing_names_note(names: tuple[str, ...], language: Language, *, answered: bool = False) -> str:
    """What the documents never mention, said plainly.

    On a refusal it is the reason, so a user who only added a name as context can ask again
    without it; on an answer ("Mag de gemeente Westland ...?") it says the quotes are the
    general rule, not something about that name.
    """
    quoted = ", ".join(f"‘{name}’" for name in names)
    if language == "en":
        caveat = " The quotes give the general rules." if answered else ""
        return f"None of the documents mentions {quoted}.{caveat}"
    caveat = " De citaten geven de algemene regels." if answered else ""
    return f"Geen van de documenten noemt {quoted}.{caveat}"


_KIND_NAMES = {
    Kind.MONEY: ("bedrag", "amount"),
    Kind.DATE: ("datum", "date"),
    Kind.DURATION: ("termijn", "period"),
    Kind.MEASURE: ("maat", "measurement"),
    Kind.COUNT: ("aantal", "number"),
    Kind.QUANTITY: ("hoeveelheid", "quantity"),
    Kind.SHARE: ("percentage", "percentage"),
    Kind.FREQUENCY: ("frequentie", "frequency"),
}


def part_not_stated_note(kind: Kind, language: Language) -> str:
    """Said when the passages answer one part of a question and state none of the value its
    other part asks for."""
    dutch, english = _KIND_NAMES.get(kind, ("waarde", "value"))
    if language == "en":
        return f"The passages found answer part of the question; they state no {english}."
    return f"De gevonden passages beantwoorden een deel van de vraag; een {dutch} noemen ze niet."


def _body(text: str) -> str:
    """Chunk text without its header line (document name and locator)."""
    head, sep, rest = text.partition("\n\n")
    return rest if sep else text


def split_units(text: str) -> list[tuple[int, str]]:
    """(line index, unit) pairs: each non-empty line, long lines cut into sentences."""
    units: list[tuple[int, str]] = []
    for i, line in enumerate(_body(text).split("\n")):
        line = line.strip()
        if not line or set(line) <= set("|-: "):
            continue
        if len(line) > 400 and not line.startswith("|"):
            units.extend((i, s.strip()) for s in _SENTENCE_END.split(line) if s.strip())
        else:
            units.append((i, line))
    return units


def _reading_text(hit: Hit) -> str:
    """The hit's text with the inner header lines of a joined passage blanked (line numbers
    kept): "Wet goed verhuurderschap (Wgv) — Artikel 7, leden 2-4" between two pieces is no
    sentence to quote, and a list runs on across it."""
    if not hit.pieces:
        return hit.text
    headers = inner_headers(hit.pieces)
    head, sep, body = hit.text.partition("\n\n")
    return head + sep + "\n".join("" if line.strip() in headers else line for line in body.split("\n"))


def _parent_line(lines: list[str], index: int) -> int | None:
    """The line a list item hangs from: the nearest line before it that ends in ":" while
    only list items lie between ("b. ... indien hij:" for "2°. ten minste zes jaar ..."). An
    item of the same kind ("b." before "c.") is a sibling, not the lead-in."""
    kind = _marker_kind(lines[index])
    for back in range(index - 1, -1, -1):
        prev = lines[back].strip()
        if not prev:
            continue
        if prev.endswith(":") and not (kind and _marker_kind(prev) == kind):
            return back
        if not _LIST_ITEM.match(prev):
            return None
    return None


def _marker_kind(line: str) -> str | None:
    """The kind of a list item's marker: "a." letter, "2°." degree, "iv." roman, "-" bullet."""
    text = re.sub(r"^\s*[-*]\s+", "", line)
    if re.match(r"\d+°", text):
        return "degree"
    if re.match(r"[ivx]+\.\s", text, re.I) and not re.match(r"[a-z][.)]\s", text, re.I):
        return "roman"
    if re.match(r"[a-z]{1,2}[.)]\s", text, re.I):
        return "letter"
    return "bullet" if text != line.strip() else None


def display_quote(unit: str) -> str:
    """Drop a leading Markdown bullet so the quote reads cleanly; still verbatim."""
    return re.sub(r"^[-*]\s+", "", unit).strip()


class ExtractiveComposer:
    mode = "extractive"

    def __init__(self, retriever) -> None:
        self.retriever = retriever

    def _score_units(
        self, question: str, hits: list[Hit], language: Language, expectation: Expectation | None
    ) -> list[Unit]:
        analyzer = self.retriever.analyzer
        snap = self.retriever.snapshot()
        terms = analyzer.key_terms(question, english=language == "en", subject=True)
        guesses: set[str] = set()
        if expectation is not None:
            # "Hoe vaak ..., bijvoorbeeld jaarlijks of halfjaarlijks?": words that state the kind
            # of answer asked for are the asker's guesses at the answer, not its topic ("De
            # vergoeding bedraagt jaarlijks ..." is not on the topic of a report for sharing one)
            guesses = {
                t
                for word in re.findall(r"[^\W\d_]+", question)
                if satisfies(expectation, word)
                for t in analyzer.tokens(word, english=language == "en")
            }
            if expectation.kind is Kind.DURATION:
                # "Hoeveel weken na ...?", "within how many hours": the unit asked in is part
                # of the kind of answer, not of its topic ("uiterlijk vier weken na de
                # bekendmaking" of an admission's withdrawal is not on the topic of staying
                # in a home for some weeks)
                guesses |= {
                    t
                    for unit in _UNIT_ASKED.findall(question)
                    for t in analyzer.tokens(unit, english=language == "en")
                }
            terms = [t for t in terms if t not in guesses]
        equivalents = analyzer.statute_equivalents(question)

        asked_terms = set(
            analyzer.key_terms(" ".join(asking_sentences(question)), english=language == "en", subject=True)
        )

        def indexed(term: str) -> bool:
            # "During the harvest peak ...": a word of the situation told before the question
            # that no passage has cannot tell passages apart, and weighed in it would drown
            # the words that do (one in the question itself still counts against every one)
            return term in asked_terms or any(
                snap.doc_freq.get(t, 0) for t in (term, *equivalents.get(term, ()))
            )

        def present(term: str, tokens: set[str]) -> bool:
            # the word itself, or a word statutes use for it
            return term in tokens or not equivalents.get(term, frozenset()).isdisjoint(tokens)

        weights = {t: snap.idf(t) for t in terms if indexed(t)}
        total = sum(weights.values()) or 1.0
        clause = wh_clauses(question)
        asking = {
            t: snap.idf(t)
            for t in (analyzer.key_terms(clause, english=language == "en", subject=True) if clause else [])
            if indexed(t) and t not in guesses
        }
        asking_total = sum(asking.values()) or 1.0
        # "Binnen welke termijn beslist het college ...?": a period counts as the one asked
        # only in a sentence (or with the lead-in or sentence before it) that names the act
        acts = asked_acts(question)
        named = self.retriever.named_articles(question, hits[:MAX_HITS])
        locating = bool(_ASKS_WHERE.search(question))
        term = defined_term(question)
        units: list[Unit] = []
        for h_index, hit in enumerate(hits[:MAX_HITS]):
            text = _reading_text(hit)
            lines = _body(text).split("\n")
            # the question in the words of an entry point that asks the same (the article's
            # own terms): a line carrying those answers it as well
            bridge = {
                t: snap.idf(t)
                for q in hit.entry_points
                for t in analyzer.key_terms(q, english=language == "en", subject=True)
            }
            bridge_total = sum(bridge.values()) or 1.0
            previous: tuple[int, str, float] | None = None  # (line, text, covered)
            line_cover: dict[int, float] = {}  # best `covered` per line, for list items' lead-ins
            focus = ARTICLE_FOCUS if h_index in named else 0.0
            if locating and h_index == 0:
                focus = max(focus, LOCATING_FOCUS)
            if hit.entry_points:
                focus = max(focus, ENTRY_FOCUS)
            lead_ins: list[tuple[Unit, list[int]]] = []
            for line_index, unit in split_units(text):
                tokens = set(analyzer.tokens(unit))
                covered = sum(w for t, w in weights.items() if present(t, tokens)) / total
                if bridge:
                    covered = max(covered, sum(w for t, w in bridge.items() if t in tokens) / bridge_total)
                asked = sum(w for t, w in asking.items() if present(t, tokens)) / asking_total
                score = covered + 0.15 / (1 + h_index) + focus
                if term is not None and defines(unit, term):
                    score += DEFINITION_FOCUS
                same_line = previous is not None and previous[0] == line_index
                context = previous[2] if same_line else 0.0
                context_lead = previous[1] if context > covered and previous else None
                around = [previous[1]] if same_line else []
                if _LIST_ITEM.match(unit) and (parent := _parent_line(lines, line_index)) is not None:
                    context = max(context, line_cover.get(parent, 0.0))
                    around.append(lines[parent])
                previous = (line_index, unit, covered)
                line_cover[line_index] = max(line_cover.get(line_index, 0.0), covered)
                # the kind of answer asked for: a period or date weighs most, because the
                # sentence that states it often repeats few of the question's words
                typed = (
                    expectation is not None
                    and _on_topic(covered, context, asked)
                    and satisfies(expectation, unit)
                    and (not acts or names_acts(" ".join([unit, *around]), acts))
                )
                if typed:
                    score += 0.4 if expectation.kind in (Kind.DURATION, Kind.DATE) else 0.1
                    # it states what is asked about what its lead-in or sentence before names
                    score += max(context - covered, 0.0)
                if len(unit) < 25:
                    score -= 0.2
                items: list[str] = []
                item_lines: list[int] = []
                if unit.rstrip().endswith(":"):
                    # a lead-in ("drie onderwerpen:") says nothing without its list: quote the
                    # list with it, or drop it when no list follows
                    for offset, nxt in enumerate(lines[line_index + 1 :], start=line_index + 1):
                        nxt = nxt.strip()
                        if not nxt:
                            continue
                        if not _LIST_ITEM.match(nxt) or len(items) == 4:
                            break
                        items.append(nxt)
                        item_lines.append(offset)
                    if not items:
                        score -= 0.3
                lead = None
                if _LIST_ITEM.match(unit):
                    for back in range(line_index - 1, -1, -1):
                        prev = lines[back].strip()
                        if prev and not _LIST_ITEM.match(prev):
                            lead = prev if len(prev) <= 500 and prev.endswith(":") else None
                            break
                if typed and covered < MIN_TYPED_COVERAGE and lead is None:
                    lead = context_lead  # quote the sentence that names the topic with it
                units.append(Unit(h_index, unit, line_index, score, covered, lead, items, context, asked))
                if item_lines:
                    lead_ins.append((units[-1], item_lines))
            # "kan een bestuurlijke boete van ten hoogste 325 euro opleggen: … b. aan degene
            # die bewust toelaat ...": the lead-in states the value for what its items name,
            # so an item on the question's topic puts the lead-in on it too
            # (not for a period of an act: a lead-in may state another period, "binnen een
            # tijdvak van acht jaar ... in strijd met:", and the act check is in the score)
            for lead_in, item_lines in lead_ins if not acts else []:
                lead_in.context = max([lead_in.context, *(line_cover.get(i, 0.0) for i in item_lines)])
        return units

    def compose(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn] | None = None
    ) -> ExtractiveComposition:
        if not hits:
            return ExtractiveComposition(abstention_text(language), abstained=True)
        expectation = expected(question)
        units = sorted(
            self._score_units(question, hits, language, expectation), key=lambda u: -u.score
        )
        if not units or units[0].score < MIN_UNIT_SCORE:
            return ExtractiveComposition(abstention_text(language), abstained=True)
        best = units[0].score
        chosen: list[Unit] = []
        per_hit: dict[int, int] = {}
        for unit in units:
            if len(chosen) >= MAX_UNITS or unit.score < 0.6 * best:
                break
            if per_hit.get(unit.hit_index, 0) >= 2 or any(unit.text == c.text for c in chosen):
                continue
            chosen.append(unit)
            per_hit[unit.hit_index] = per_hit.get(unit.hit_index, 0) + 1
        note = None
        if expectation is not None:
            # The amount or date is often in a neighbouring lid of a passage we chose ("De
            # vergoeding bedraagt ... € 3.611"): quote the best sentence that states it. If no
            # sentence about the question states one, the documents do not give what was
            # asked for, and quoting them would only look like an answer.
            elsewhere = self.retriever.outside_named_statutes(question, hits[:MAX_HITS])
            typed = [
                u
                for u in units
                if u.on_topic and u.hit_index not in elsewhere and satisfies(expectation, u.text)
            ]
            if not typed and not partly_typed(question):
                return ExtractiveComposition(abstention_text(language), abstained=True)
            if not typed:
                note = part_not_stated_note(expectation.kind, language)
            elif typed[0] not in chosen and not any(typed[0].text == c.text for c in chosen):
                # the best sentence stating it, even when a weaker one was chosen on topic
                # alone ("12 maanden" of another article beside "ten minste zes jaar")
                chosen.append(typed[0])
        # A list item already quoted under its chosen lead-in is not quoted twice.
        under_lead_in = {(u.hit_index, item) for u in chosen for item in u.items}
        chosen = [u for u in chosen if (u.hit_index, u.text) not in under_lead_in]
        # Present in reading order per source: sources by rank, units by position.
        chosen.sort(key=lambda u: (u.hit_index, u.line_index))
        numbers: dict[int, int] = {}
        citations: list[Citation] = []
        lines: list[str] = []
        shown_leads: set[str] = set()
        # a source's citation quotes its best line, wherever that stands in reading order
        best_of_hit: dict[int, Unit] = {}
        for unit in chosen:
            if unit.hit_index not in best_of_hit or unit.score > best_of_hit[unit.hit_index].score:
                best_of_hit[unit.hit_index] = unit
        for unit in chosen:
            hit = hits[unit.hit_index]
            if unit.hit_index not in numbers:
                numbers[unit.hit_index] = len(numbers) + 1
                quote = display_quote(best_of_hit[unit.hit_index].text)
                if not verify_quote(quote, hit.text):
                    continue
                citations.append(Citation.from_hit(numbers[unit.hit_index], hit, quote))
            n = numbers[unit.hit_index]
            where = f"{hit.title}, {hit.locator}" if hit.locator else hit.title
            text = display_quote(unit.text)
            if unit.lead_in and unit.lead_in not in shown_leads and verify_quote(unit.lead_in, hit.text):
                shown_leads.add(unit.lead_in)
                text = f"{display_quote(unit.lead_in)} … {text}"
            listed = [display_quote(i) for i in unit.items if verify_quote(i, hit.text)]
            quoted = " · ".join(f"“{part}”" for part in [text, *listed])
            lines.append(f"- {where}: {quoted} [{n}]")
        if not citations:
            return ExtractiveComposition(abstention_text(language), abstained=True)
        intro = (
            "The documents say the following (quoted in their original Dutch):"
            if language == "en"
            else "Dit staat er in de documenten:"
        )
        return ExtractiveComposition("\n".join([intro, *lines]), citations, note=note)

    def stream(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn] | None = None
    ) -> Iterator[str | ExtractiveComposition]:
        composition = self.compose(question, hits, language, history)
        if not composition.abstained:
            lines = composition.text.split("\n")
            for i, line in enumerate(lines):
                yield line + ("\n" if i < len(lines) - 1 else "")
        yield composition
