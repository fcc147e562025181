"""Evaluation: answer a JSONL question file in one process and score it when it can be scored.

A retrieved chunk is a hit when it contains the item's supporting `quote` (whitespace- and
link-normalised, see `assistant.citations`). Metrics are computed over the items that carry the
needed fields: hit@k and MRR@10 over answerable items with a quote; abstention figures over
items with an `answerable` flag; `answer_quotes_support` over answerable items with a quote that
were answered: the share whose answer has a line holding at least half the quote's words (the
answer quotes the supporting passage, not only a passage near it).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.citations import contains_quote
from assistant.core import Assistant


class EvalFileError(ValueError):
    pass


def read_items(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFileError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or "question" not in item:
            raise EvalFileError(f"{path}:{n}: each line needs at least a 'question'")
        item.setdefault("id", str(n))
        item["id"] = str(item["id"])
        items.append(item)
    return items


def first_hit_rank(hit_texts: list[str], quote: str) -> int | None:
    for rank, text in enumerate(hit_texts, 1):
        if contains_quote(text, quote):
            return rank
    return None


_WORD = re.compile(r"\w+")


def quotes_support(answer: str, quote: str) -> bool:
    """Does one line of `answer` hold at least half the words of the supporting `quote`?"""
    wanted = set(_WORD.findall(quote.lower()))
    return bool(wanted) and any(
        len(wanted & set(_WORD.findall(line.lower()))) * 2 >= len(wanted) for line in answer.split("\n")
    )


def compute_metrics(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    rows = list(rows)
    ranked = [r for r in rows if r.get("answerable", True) and r.get("quote")]
    metrics: dict[str, Any] = {"n_items": len(rows)}
    if ranked:
        ranks = [r["_rank"] for r in ranked]
        for k in (1, 5, 10):
            metrics[f"hit@{k}"] = round(sum(1 for x in ranks if x and x <= k) / len(ranks), 4)
        metrics["mrr@10"] = round(
            sum(1.0 / x for x in ranks if x and x <= 10) / len(ranks), 4
        )
        metrics["n_retrieval"] = len(ranked)
        answered = [r for r in ranked if "_support" in r and not r.get("_abstained")]
        if answered:
            metrics["answer_quotes_support"] = round(
                sum(r["_support"] for r in answered) / len(answered), 4
            )
    flagged = [r for r in rows if "answerable" in r]
    if flagged:
        unans = [r for r in flagged if not r["answerable"]]
        ans = [r for r in flagged if r["answerable"]]
        if unans:
            metrics["abstention_acc"] = round(sum(r["_abstained"] for r in unans) / len(unans), 4)
        if ans:
            metrics["false_abstention_rate"] = round(
                sum(r["_abstained"] for r in ans) / len(ans), 4
            )
        metrics["decision_acc"] = round(
            sum(r["_abstained"] != r["answerable"] for r in flagged) / len(flagged), 4
        )
        metrics["n_answerable"] = len(ans)
        metrics["n_unanswerable"] = len(unans)
    latencies = sorted(r["_ms"] for r in rows)
    if latencies:
        metrics["p50_ms"] = round(latencies[len(latencies) // 2], 1)
        metrics["p95_ms"] = round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))], 1)
    return metrics


def run_eval(assistant: Assistant, items: list[dict[str, Any]], k: int = 10) -> dict[str, Any]:
    out_items = []
    scored = []
    for item in items:
        started = time.perf_counter()
        answer = assistant.ask(item["question"], remember=False, k=k)
        elapsed = (time.perf_counter() - started) * 1000
        hits = assistant.search(item["question"], k=k)
        out_items.append(
            {
                "id": item["id"],
                "question": item["question"],
                "answer": answer.answer,
                "abstained": answer.abstained,
                "citations": [c.model_dump(exclude={"chunk_id"}) for c in answer.citations],
                "hits": [h.model_dump(exclude={"chunk_id", "themes"}) for h in hits],
            }
        )
        row = dict(item)
        row["_abstained"] = answer.abstained
        row["_ms"] = elapsed
        if item.get("quote"):
            row["_rank"] = first_hit_rank([h.text for h in hits], item["quote"])
            row["_support"] = quotes_support(answer.answer, item["quote"])
        scored.append(row)
    metrics = compute_metrics(scored)
    langs = sorted({r.get("lang") for r in scored if r.get("lang")})
    if len(langs) > 1:
        metrics["by_lang"] = {
            lang: compute_metrics(r for r in scored if r.get("lang") == lang) for lang in langs
        }
    return {"items": out_items, "metrics": metrics}
