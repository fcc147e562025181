"""Ingest speed: the pipeline's chunks per second against the embedder's own ceiling.

In one run on ../shared/laws:
  embedder_passages_per_s  the embedder alone, on exactly the chunk texts the pipeline indexes
  pipeline_chunks_per_s    a full first ingest into a fresh embedded Chroma (load, parse,
                           chunk, embed, write, and embed the statutes' question entry points
                           from annotations/, which the embedder-alone figure does not do)
  ratio                    pipeline / embedder (target >= 0.8)
  unchanged_reingest_s     a second ingest of the same folder (nothing to embed)

Usage: python benchmarks/ingest.py [PATH]   (prints JSON)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.config import Settings  # noqa: E402
from assistant.embeddings import load_embedder  # noqa: E402
from ingest.loaders import load_path  # noqa: E402
from ingest.pipeline import Ingestor, build_records, content_hash, discover  # noqa: E402


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "laws"
    settings = Settings(_env_file=None, data_dir=Path(tempfile.mkdtemp(prefix="vraagbaak-ingest-")))
    embedder = load_embedder(settings.embedder)
    embedder.embed_passages(["warm-up"])

    _, files = discover(str(target))
    texts: list[str] = []
    for sf in files:
        assert sf.path is not None
        records, _ = build_records(sf, load_path(sf.path), content_hash(sf.path.read_bytes()))
        texts.extend(r.text for r in records)

    started = time.perf_counter()
    embedder.embed_passages(texts)
    embed_s = time.perf_counter() - started

    ingestor = Ingestor(settings, embedder=embedder)
    first = ingestor.run([str(target)], progress=False)
    second = ingestor.run([str(target)], progress=False)

    embedder_rate = len(texts) / embed_s
    pipeline_rate = first.chunks_embedded / first.seconds
    result = {
        "documents": len(files),
        "chunks": first.chunks_embedded,
        "embedder": embedder.id,
        "embedder_passages_per_s": round(embedder_rate, 2),
        "pipeline_chunks_per_s": round(pipeline_rate, 2),
        "ratio": round(pipeline_rate / embedder_rate, 3),
        # the same, leaving out the one-off embedding of the statutes' entry points
        "ratio_without_entry_points": round(
            first.chunks_embedded / (first.seconds - first.entry_points_seconds) / embedder_rate, 3
        ),
        "first_ingest_s": round(first.seconds, 2),
        "entry_points_embedded": first.entry_points_embedded,
        "entry_points_s": round(first.entry_points_seconds, 2),
        "unchanged_reingest_s": round(second.seconds, 3),
        "unchanged_reingest_embedded": second.chunks_embedded,
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
