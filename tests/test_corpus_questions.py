"""The starter corpus answers the questions staff ask (tests/data/corpus-questions.jsonl).

Runs the same evaluation as `vraagbaak eval` over the shipped corpus. The floors sit a little
under the measured figures (benchmarks/README.md) so a regression in chunking, retrieval or
the corpus itself shows up here.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.citations import contains_quote
from assistant.evaluation import run_eval

QUESTIONS = Path(__file__).parent / "data" / "corpus-questions.jsonl"


def test_corpus_question_set_shape():
    items = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    assert len(items) >= 60
    assert sum(1 for i in items if not i["answerable"]) >= 8
    assert {"nl", "en"} <= {i["lang"] for i in items}
    assert len({i["id"] for i in items}) == len(items)


def test_corpus_questions_are_found_and_answered(corpus_assistant):
    items = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    result = run_eval(corpus_assistant, items, k=10)
    metrics = result["metrics"]
    # the targets of the corpus issue; measured hit@5 .900 (72 of 80, the nearest miss .03 below
    # rank 5 in score), abstention .857 (12 of 14) at 2.5 % wrongly refused
    assert metrics["hit@5"] >= 0.9, metrics
    assert metrics["hit@10"] >= 0.93, metrics
    assert metrics["abstention_acc"] >= 0.8, metrics
    assert metrics["false_abstention_rate"] <= 0.05, metrics

    # An answer cites the passage with the fact (or another passage stating it verbatim).
    by_id = {i["id"]: i for i in items}
    snap = corpus_assistant.retriever.snapshot()
    answered = cited_fact = 0
    for out in result["items"]:
        item = by_id[out["id"]]
        if not item["answerable"] or out["abstained"]:
            continue
        answered += 1
        texts = [
            snap.texts[i]
            for i, meta in enumerate(snap.metas)
            if any(c["source"] == meta["source"] and c["locator"] == meta["locator"] for c in out["citations"])
        ]
        cited_fact += any(contains_quote(t, item["quote"]) for t in texts) or any(
            c["source"] == item["source_file"] for c in out["citations"]
        )
    assert answered and cited_fact / answered >= 0.75, (cited_fact, answered)
