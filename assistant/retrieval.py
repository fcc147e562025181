"""Hybrid retrieval: dense (Chroma) + Dutch BM25, fused, then re-scored.

1. Candidates: the dense retriever's top `candidate_depth` from Chroma and BM25's top
   `candidate_depth` over the same chunks (with the same filters).
2. Fusion: weighted reciprocal rank fusion. English questions lean on the dense side, because
   Dutch BM25 matches little of an English question even after glossing.
3. Exact references: a question naming `artikel 12ba` (and maybe a statute) pulls that article's
   chunks in; naming a statute favours its chunks.

The lexical side (BM25, vocabulary, chunk metadata and vectors) is a snapshot derived from the
index and cached on disk per index version; it is rebuilt when an ingest bumps that version.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import bm25s
import numpy as np

from assistant.analysis import Analyzer, gloss_english
from assistant.config import Settings
from assistant.embeddings import Embedder
from assistant.index import Index
from assistant.language import detect_language
from assistant.models import Filters, Hit
from assistant.statutes import mentioned
from assistant.taxonomy import theme_key

log = logging.getLogger(__name__)

_ARTICLE_REF = re.compile(
    r"\b(?:artikel|artikelen|art\.?|article|section)\s*(\d+(?:\.\d+)*[a-z]{0,3})\b", re.I
)
RRF_K = 60


@dataclass
class Snapshot:
    """Everything derived from the index that retrieval keeps in memory."""

    version: str
    ids: list[str]
    texts: list[str]
    metas: list[dict[str, Any]]
    vectors: np.ndarray
    bm25: bm25s.BM25 | None
    vocabulary: set[str]
    doc_freq: dict[str, int] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self.doc_types = np.array([m.get("doc_type", "") for m in self.metas], dtype=object)
        self.articles = np.array([str(m.get("article", "")).lower() for m in self.metas], dtype=object)
        self.bwb = np.array([m.get("bwb_id", "") for m in self.metas], dtype=object)

    def idf(self, term: str) -> float:
        """Inverse document frequency; rare terms say more about what a sentence is about."""
        n = max(len(self.ids), 1)
        return float(np.log(1.0 + n / (1.0 + self.doc_freq.get(term, 0))))

    def mask(self, filters: Filters | None) -> np.ndarray | None:
        if filters is None or filters.is_empty():
            return None
        keep = np.ones(len(self.ids), dtype=bool)
        if filters.doc_type:
            keep &= self.doc_types == filters.doc_type
        if filters.theme:
            key = theme_key(filters.theme)
            keep &= np.array([bool(m.get(key)) for m in self.metas], dtype=bool)
        return keep


@dataclass
class Decision:
    answerable: bool
    score: float
    reason: str


@dataclass
class Retrieval:
    """One retrieval's result with what abstention needs (the query vector is not recomputed)."""

    query: str
    hits: list[Hit]
    query_vectors: np.ndarray | None
    """One row per query variant (the question; for English also its Dutch-glossed form)."""
    english: bool


def where_clause(filters: Filters | None) -> dict[str, Any] | None:
    if filters is None or filters.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if filters.doc_type:
        clauses.append({"doc_type": filters.doc_type})
    if filters.theme:
        clauses.append({theme_key(filters.theme): True})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Retriever:
    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.analyzer = Analyzer()
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self.dense_weight = 1.0
        self.bm25_weight = 1.0
        self.bm25_weight_en = 0.25
        self.statute_boost = 0.5
        self.article_boost = 1.0
        from assistant.abstention import AbstentionModel

        self.abstention = AbstentionModel.default(settings)

    # ---- the lexical snapshot ------------------------------------------------------------
    def _cache_path(self, version: str):
        where = self.settings.chroma_url or str(self.settings.chroma_path.resolve())
        tag = hashlib.sha1(f"{where}|{self.settings.collection}|{version}".encode()).hexdigest()[:16]
        return self.settings.cache_dir / f"lexical-{tag}.pkl"

    def snapshot(self) -> Snapshot:
        version = self.index.version()
        current = self._snapshot
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._snapshot is not None and self._snapshot.version == version:
                return self._snapshot
            self._snapshot = self._load_or_build(version)
            self.analyzer.vocabulary = self._snapshot.vocabulary
            self.analyzer._split_cache.clear()
            return self._snapshot

    def _load_or_build(self, version: str) -> Snapshot:
        path = self._cache_path(version)
        if path.exists():
            try:
                with path.open("rb") as fh:
                    snap = pickle.load(fh)
                if isinstance(snap, Snapshot) and snap.version == version:
                    return snap
            except Exception as exc:  # noqa: BLE001 - a bad cache is rebuilt, never fatal
                log.warning("ignoring unreadable retrieval cache %s: %s", path, exc)
        started = time.perf_counter()
        chunks = self.index.all_chunks(include_embeddings=True)
        analyzer = Analyzer()
        analyzer.learn(c.text for c in chunks)
        corpus_tokens = [analyzer.tokens(c.text) or ["\u2205"] for c in chunks]
        doc_freq: Counter[str] = Counter()
        for toks in corpus_tokens:
            doc_freq.update(set(toks))
        bm25 = None
        if chunks:
            bm25 = bm25s.BM25(k1=1.2, b=0.75)
            bm25.index(corpus_tokens, show_progress=False)
        dim = self.embedder.dim
        vectors = (
            np.vstack([c.embedding for c in chunks]).astype(np.float32)
            if chunks
            else np.zeros((0, dim), dtype=np.float32)
        )
        snap = Snapshot(
            version=version,
            ids=[c.id for c in chunks],
            texts=[c.text for c in chunks],
            metas=[c.metadata for c in chunks],
            vectors=vectors,
            bm25=bm25,
            vocabulary=analyzer.vocabulary,
            doc_freq=dict(doc_freq),
        )
        log.info("built retrieval snapshot (%d chunks) in %.2fs", len(chunks), time.perf_counter() - started)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("lexical-*.pkl"):
                old.unlink(missing_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(snap, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError as exc:
            log.warning("could not write retrieval cache: %s", exc)
        return snap

    # ---- scoring -------------------------------------------------------------------------
    def dense_scores(
        self, query_vectors: np.ndarray, snap: Snapshot, depth: int, filters: Filters | None
    ) -> list[tuple[int, float]]:
        """Dense candidates from Chroma (the vector store does the ANN search).

        With several query variants a chunk keeps its best similarity over them.
        """
        best: dict[int, float] = {}
        for vector in np.atleast_2d(query_vectors):
            for cid, sim in self.index.query(vector, depth, where_clause(filters)):
                pos = snap.position.get(cid)
                if pos is not None and sim > best.get(pos, -1.0):
                    best[pos] = sim
        return sorted(best.items(), key=lambda kv: -kv[1])[:depth]

    def bm25_scores(self, tokens: list[str], snap: Snapshot, mask: np.ndarray | None) -> np.ndarray:
        if snap.bm25 is None or not tokens:
            return np.zeros(len(snap.ids), dtype=np.float32)
        scores = np.asarray(snap.bm25.get_scores(tokens), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return scores

    def search(
        self, query: str, k: int = 10, filters: Filters | None = None, *, mode: str = "hybrid"
    ) -> list[Hit]:
        """`mode`: `hybrid` (the product), `dense` or `bm25` (baselines for benchmarks)."""
        return self.retrieve(query, k, filters, mode=mode).hits

    def retrieve(
        self, query: str, k: int = 10, filters: Filters | None = None, *, mode: str = "hybrid"
    ) -> Retrieval:
        snap = self.snapshot()
        english = detect_language(query) == "en"
        if not snap.ids:
            return Retrieval(query, [], None, english)
        qvecs = None
        if mode != "bm25":
            variants = [query, gloss_english(query)] if english else [query]
            qvecs = self.embedder.embed_queries(variants)
        ranked = self.rank(query, snap, filters, qvecs, mode=mode)
        hits = [self._hit(snap, pos, score, rank) for rank, (pos, score) in enumerate(ranked[:k], 1)]
        return Retrieval(query, hits, qvecs, english)

    def rank(
        self,
        query: str,
        snap: Snapshot,
        filters: Filters | None,
        qvecs: np.ndarray | None,
        *,
        mode: str = "hybrid",
    ) -> list[tuple[int, float]]:
        depth = max(self.settings.candidate_depth, 10)
        english = detect_language(query) == "en"
        mask = snap.mask(filters)
        fused: dict[int, float] = {}
        if qvecs is not None:
            dense = self.dense_scores(qvecs, snap, depth, filters)
            if mode == "dense":
                return dense
            for rank, (pos, _sim) in enumerate(dense, 1):
                fused[pos] = fused.get(pos, 0.0) + self.dense_weight / (RRF_K + rank)
        tokens = self.analyzer.tokens(query, english=english, query=True)
        scores = self.bm25_scores(tokens, snap, mask)
        top = np.argsort(-scores)[:depth]
        top = [int(i) for i in top if scores[i] > 0]
        if mode == "bm25":
            return [(i, float(scores[i])) for i in top]
        weight = self.bm25_weight_en if english else self.bm25_weight
        for rank, pos in enumerate(top, 1):
            fused[pos] = fused.get(pos, 0.0) + weight / (RRF_K + rank)
        self._apply_references(query, snap, fused, mask)
        return sorted(fused.items(), key=lambda kv: -kv[1])

    def _apply_references(
        self, query: str, snap: Snapshot, fused: dict[int, float], mask: np.ndarray | None
    ) -> None:
        statutes = {s.bwb_id for s in mentioned(query)}
        articles = {a.lower().rstrip(".") for a in _ARTICLE_REF.findall(query)}
        top_bonus = 1.0 / (RRF_K + 1)
        if articles:
            hit = np.isin(snap.articles, list(articles))
            if statutes:
                hit &= np.isin(snap.bwb, list(statutes))
            if mask is not None:
                hit &= mask
            for pos in np.flatnonzero(hit)[:20]:
                fused[int(pos)] = fused.get(int(pos), 0.0) + self.article_boost * top_bonus
        if statutes:
            for pos in list(fused):
                if snap.bwb[pos] in statutes:
                    fused[pos] += self.statute_boost * top_bonus

    def _hit(self, snap: Snapshot, pos: int, score: float, rank: int) -> Hit:
        meta = snap.metas[pos]
        return Hit(
            rank=rank,
            score=round(float(score), 6),
            source=str(meta.get("source", "")),
            title=str(meta.get("title", "")),
            doc_type=str(meta.get("doc_type", "")),
            locator=str(meta.get("locator", "")),
            url=meta.get("url") or None,
            text=snap.texts[pos],
            chunk_id=snap.ids[pos],
            themes=json.loads(str(meta.get("themes", "[]"))),
        )

    # ---- abstention ------------------------------------------------------------------------
    def answerable(self, retrieval: Retrieval) -> Decision:
        if not retrieval.hits:
            return Decision(False, 0.0, "no results")
        snap = self.snapshot()
        qvecs = retrieval.query_vectors
        if qvecs is None:
            qvecs = self.embedder.embed_queries([retrieval.query])
        positions = [snap.position[h.chunk_id] for h in retrieval.hits if h.chunk_id in snap.position]
        sims = (snap.vectors[positions] @ np.atleast_2d(qvecs).T).max(axis=1) if positions else np.zeros(0)
        terms = self.analyzer.key_terms(retrieval.query, english=retrieval.english)
        return self.abstention.decide(retrieval, sims, terms, self.analyzer)
