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
    # rank 5 in score), abstention .857 (12 of 14) at 1.3 % wrongly refused (1 of 80)
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


FACT_QUESTIONS = Path(__file__).parent / "data" / "facts-questions.jsonl"


def _states(text: str, item: dict) -> bool:
    """Does `text` carry every token of the fact (a number, date or name, in any listed form)?"""
    flat = " ".join(text.split()).lower()
    forms = item.get("alt") or [[token] for token in item["must_contain"]]
    return all(
        any(form.lower() in flat for form in {token, *(forms[k] if k < len(forms) else [])})
        for k, token in enumerate(item["must_contain"])
    )


def test_questions_from_the_facts_cite_a_document_that_states_the_fact(corpus_assistant):
    """40 questions drawn from ../shared/facts.md by someone who had not seen the corpus or
    its question set (facts-questions.jsonl): each answer must cite a document with the fact.
    Measured: 40 of 40 answered, all citing such a document; in 37 the cited passage itself
    states it (the rest ask two things, answered from two passages)."""
    items = [json.loads(line) for line in FACT_QUESTIONS.read_text().splitlines() if line.strip()]
    assert len(items) >= 40
    snap = corpus_assistant.retriever.snapshot()
    documents: dict[str, str] = {}
    for text, meta in zip(snap.texts, snap.metas, strict=True):
        documents[meta["source"]] = documents.get(meta["source"], "") + "\n" + text
    result = run_eval(corpus_assistant, items, k=10)
    by_id = {i["id"]: i for i in items}
    misses = [
        out["id"]
        for out in result["items"]
        if out["abstained"]
        or not any(_states(documents[c["source"]], by_id[out["id"]]) for c in out["citations"])
    ]
    assert len(misses) <= 2, misses
