"""Sweep the answerability threshold on labelled question sets and print the trade-off.

For every item with an `answerable` label it records the top second-stage score (the signal
`assistant/abstention.py` thresholds) and whether the score-free checks (unknown acronym, no
passage stating the kind of answer asked for) or the extractive composer's sentence check would
refuse anyway, then prints, per candidate threshold, the share of unanswerable questions
abstained on and the share of answerable ones wrongly refused. Pick the threshold where wrong
refusals stay acceptable (the shipped one keeps them under 5 %) and set it in
`assistant/abstention.py` (`CALIBRATION`) or per deployment with VRAAGBAAK_ABSTAIN_THRESHOLD.

Usage: python benchmarks/calibrate_abstention.py [--data-dir DIR] [--sets laws-dev,laws-extra,laws-holdout,laws-fresh,laws-blind,laws-blind2,laws-blind3,laws-blind4,laws-blind5,laws-blind6,laws-blind7,laws-blind8,laws-blind9,laws-blind10,...,laws-blind103,corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from retrieval import SETS, SOURCES, read  # noqa: E402

from assistant.abstention import ENTRY_MARGIN  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from ingest.pipeline import Ingestor  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir")
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args()
    base = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="vraagbaak-cal-"))
    rows: list[tuple[bool, float, bool, bool]] = []  # answerable, score, english, composer ok
    assistants: dict[str, Assistant] = {}
    for name in args.sets.split(","):
        path, source = SETS[name]
        if source not in assistants:
            settings = Settings(_env_file=None, data_dir=base / source)
            Ingestor(settings).run([str(SOURCES[source])], progress=False)
            assistants[source] = Assistant.from_settings(settings)
        assistant = assistants[source]
        for item in read(path):
            if "answerable" not in item:
                continue
            retrieval = assistant.retriever.retrieve(item["question"], k=assistant.settings.top_k)
            score = retrieval.hits[0].score if retrieval.hits else 0.0
            if assistant.retriever.top_is_annotated(retrieval):
                score -= ENTRY_MARGIN  # swept: the base threshold (see abstention.ENTRY_MARGIN)
            language = "en" if retrieval.english else "nl"
            composed = assistant.composer.compose(item["question"], retrieval.hits, language, [])
            checks_ok = assistant.retriever.refusal(retrieval) is None
            ok = checks_ok and not composed.abstained
            rows.append((bool(item["answerable"]), score, retrieval.english, ok))
    y = np.array([r[0] for r in rows])
    scores = np.array([r[1] for r in rows])
    english = np.array([r[2] for r in rows])
    composer_ok = np.array([r[3] for r in rows])
    from assistant.retrieval import Scoring

    adjusted = scores + np.where(english, Scoring().bm25, 0.0)  # the English offset, see abstention.py
    sweep = []
    # every answerable score in the lowest fifth: one step per question wrongly refused
    for threshold in np.unique(adjusted[y][adjusted[y] <= np.quantile(adjusted[y], 0.2)]):
        answers = (adjusted >= threshold) & composer_ok
        sweep.append(
            {
                "threshold": round(float(threshold), 4),
                "abstention_acc": round(float(np.mean(~answers[~y])), 3) if (~y).any() else None,
                "false_abstention_rate": round(float(np.mean(~answers[y])), 3),
            }
        )
    # the unanswerable questions' scores in the same range, to place a threshold between them
    near = sorted(round(float(a), 4) for a in adjusted[~y & composer_ok] if a <= sweep[-1]["threshold"])
    json.dump(
        {
            "n_answerable": int(y.sum()),
            "n_unanswerable": int((~y).sum()),
            "sweep": sweep,
            "unanswerable_scores_in_range": near,
        },
        sys.stdout,
        indent=2,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
