"""Question -> extractive answer latency with a large index (~10k chunks).

Embedding 10,000 real passages would take the better part of an hour on two cores, so the bulk
is synthetic: the statutes are ingested for real, then copies of their chunks are added with
shuffled lines and slightly perturbed vectors until the collection holds `--chunks` entries.
Retrieval and answering then work on the full size (Chroma's HNSW search, BM25 over all chunks,
the second stage, abstention and the composer), which is what this measures.

Usage: python benchmarks/answer_latency.py [--chunks 10000] [--repeat 3]   (prints JSON)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.config import Settings  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.index import ChunkRecord, Index  # noqa: E402
from ingest.pipeline import Ingestor  # noqa: E402

SHARED = REPO.parent / "shared"


def bulk_up(index: Index, target: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    real = index.all_chunks(include_embeddings=True)
    start = index.count()
    added = 0
    batch: list[ChunkRecord] = []
    vectors: list[np.ndarray] = []
    copy = 0
    while start + added + len(batch) < target:
        copy += 1
        for chunk in real:
            if start + added + len(batch) >= target:
                break
            header, _, body = chunk.text.partition("\n\n")
            lines = body.split("\n")
            rng.shuffle(lines)
            meta = dict(chunk.metadata)
            meta.update(source=f"synthetic/{copy}/{meta['source']}", doc_key=f"syn{copy}{meta['doc_key']}")
            vector = chunk.embedding + nprng.normal(0, 0.02, chunk.embedding.shape)
            batch.append(ChunkRecord(f"syn{copy}:{chunk.id}", f"{header}\n\n" + "\n".join(lines), meta))
            vectors.append(vector / np.linalg.norm(vector))
            if len(batch) == 1000:
                index.upsert(batch, np.vstack(vectors))
                added += len(batch)
                batch, vectors = [], []
    if batch:
        index.upsert(batch, np.vstack(vectors))
        added += len(batch)
    index.bump_version()
    return added


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings(_env_file=None, data_dir=Path(tempfile.mkdtemp(prefix="vraagbaak-lat-")))
    ingestor = Ingestor(settings)
    ingestor.run([str(SHARED / "laws")], progress=False)
    bulk_up(ingestor.index, args.chunks)

    assistant = Assistant.from_settings(settings)
    started = time.perf_counter()
    assistant.retriever.snapshot()
    snapshot_s = time.perf_counter() - started
    questions = [
        json.loads(line)["question"]
        for path in (SHARED / "eval" / "laws-dev.jsonl", REPO / "tests" / "data" / "laws-extra.jsonl")
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assistant.ask(questions[0], remember=False)  # warm-up
    latencies = []
    for _ in range(args.repeat):
        for question in questions:
            t0 = time.perf_counter()
            assistant.ask(question, remember=False)
            latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    result = {
        "chunks_indexed": assistant.retriever.index.count(),
        "questions": len(questions),
        "answers_timed": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "max_ms": round(latencies[-1], 1),
        "snapshot_build_s": round(snapshot_s, 2),
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
