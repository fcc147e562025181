"""The index: one Chroma collection holding vectors, chunk text and metadata.

It is the single source of truth: the document list, content hashes and the BM25 side are all
derived from what is stored here, so an API replica pointed at a shared Chroma server needs no
local state to answer. Embedded (PersistentClient) by default; `VRAAGBAAK_CHROMA_URL` selects a
server.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import numpy as np

from assistant.config import Settings
from assistant.embeddings import Embedder
from assistant.models import DocumentInfo

log = logging.getLogger(__name__)

INDEX_FORMAT = "2"
"""Bumped when chunking or metadata change in a way that needs a rebuild."""
# A denser HNSW graph and a wider search than Chroma's defaults (16 / 100 / 100): with those,
# about one question in a hundred lost one of its ten nearest chunks to the approximation, and
# which one varied from process to process. Measured in benchmarks/README.md.
HNSW = {"space": "cosine", "max_neighbors": 32, "ef_construction": 200, "ef_search": 200}


def _widen_search(collection: Any) -> None:
    """Give a collection built before `HNSW` was set its search width (the only mutable part;
    the graph itself improves at the next `ingest --rebuild`)."""
    try:
        current = (collection.configuration or {}).get("hnsw") or {}
        if int(current.get("ef_search", 0)) < HNSW["ef_search"]:
            collection.modify(configuration={"hnsw": {"ef_search": HNSW["ef_search"]}})
    except Exception as exc:  # noqa: BLE001 - a narrower search still answers
        log.warning("could not widen the vector search: %s", exc)


class IndexError_(RuntimeError):  # noqa: N801 - avoid shadowing the builtin IndexError
    pass


class EmbedderMismatch(IndexError_):
    pass


@dataclass
class StoredChunk:
    id: str
    text: str
    metadata: dict[str, Any]
    embedding: np.ndarray | None = None


@dataclass
class ChunkRecord:
    """What the ingest pipeline hands to the index."""

    id: str
    text: str
    metadata: dict[str, Any]


@dataclass
class DocState:
    """Per-document state reconstructed from chunk metadata."""

    source: str
    root: str = ""
    path: str = ""
    hashes: dict[str, set[str]] = field(default_factory=dict)  # content hash -> chunk ids
    expected: dict[str, int] = field(default_factory=dict)  # content hash -> n_chunks

    def complete_hash(self) -> str | None:
        """The one content hash whose chunks are all present, if the doc is clean."""
        complete = [h for h, ids in self.hashes.items() if len(ids) == self.expected.get(h, -1)]
        if len(complete) == 1 and len(self.hashes) == 1:
            return complete[0]
        return None


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        parsed = urlparse(settings.chroma_url)
        if not parsed.hostname:
            raise IndexError_(f"VRAAGBAAK_CHROMA_URL is not a URL: {settings.chroma_url!r}")
        return chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


class Index:
    def __init__(self, settings: Settings, embedder: Embedder, collection, client) -> None:
        self.settings = settings
        self.embedder = embedder
        self.collection = collection
        self.client = client
        self._lock = threading.Lock()
        self._version_checked = 0.0
        self._version = ""
        self.staging = False

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder, *, rebuild: bool = False) -> Index:
        """Open (or create) the collection and check it was built with this embedder.

        With `rebuild`, a fresh staging collection is returned instead; `finish_rebuild()`
        swaps it in at the end, so an interrupted rebuild leaves the old index answering.
        """
        client = _client(settings)
        name = settings.collection
        staging = f"{name}__rebuild"
        if rebuild:
            with contextlib.suppress(Exception):  # leftovers of an interrupted rebuild
                client.delete_collection(staging)
        collection = client.get_or_create_collection(
            staging if rebuild else name,
            metadata={
                "embedder": embedder.id,
                "dim": embedder.dim,
                "format": INDEX_FORMAT,
                "version": "0",
            },
            configuration={"hnsw": HNSW},
            embedding_function=None,
        )
        meta = collection.metadata or {}
        built_with = meta.get("embedder")
        if built_with != embedder.id or str(meta.get("format")) != INDEX_FORMAT:
            what = (
                f"embedder {built_with!r}, not {embedder.id!r}"
                if built_with != embedder.id
                else f"index format {meta.get('format')!r}, not {INDEX_FORMAT!r}"
            )
            raise EmbedderMismatch(
                f"The index in {settings.chroma_url or settings.chroma_path} was built with "
                f"{what}. Run `vraagbaak ingest --rebuild` to rebuild it with the configured "
                "embedder (VRAAGBAAK_EMBEDDER)."
            )
        _widen_search(collection)
        index = cls(settings, embedder, collection, client)
        index.staging = rebuild
        return index

    def finish_rebuild(self) -> None:
        """Swap a completed staging collection in place of the live one."""
        if not self.staging:
            return
        name = self.settings.collection
        with contextlib.suppress(Exception):  # no live collection yet is fine
            self.client.delete_collection(name)
        self.collection.modify(name=name)
        self.collection = self.client.get_collection(name, embedding_function=None)
        self.staging = False
        self.bump_version()

    # ---- reading ---------------------------------------------------------------------
    def count(self) -> int:
        return int(self.collection.count())

    def version(self, max_age: float = 2.0) -> str:
        """Changes whenever an ingest changed the index; polled cheaply by the retriever."""
        now = time.monotonic()
        if now - self._version_checked > max_age:
            try:
                fresh = self.client.get_collection(self.collection.name, embedding_function=None)
                self._version = str((fresh.metadata or {}).get("version", "0"))
            except Exception as exc:  # noqa: BLE001 - keep serving the last known version
                log.warning("could not read index version: %s", exc)
            self._version_checked = now
        return self._version

    def all_chunks(self, include_embeddings: bool = False, batch: int = 2000) -> list[StoredChunk]:
        include = ["documents", "metadatas"] + (["embeddings"] if include_embeddings else [])
        out: list[StoredChunk] = []
        total = self.count()
        for offset in range(0, total, batch):
            res = self.collection.get(include=include, limit=batch, offset=offset)
            embeddings = res.get("embeddings") if include_embeddings else None
            for i, cid in enumerate(res["ids"]):
                out.append(
                    StoredChunk(
                        id=cid,
                        text=res["documents"][i],
                        metadata=res["metadatas"][i] or {},
                        embedding=None if embeddings is None else np.asarray(embeddings[i]),
                    )
                )
        return out

    def metadatas(self, batch: int = 5000) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        total = self.count()
        for offset in range(0, total, batch):
            res = self.collection.get(include=["metadatas"], limit=batch, offset=offset)
            out.extend(zip(res["ids"], [m or {} for m in res["metadatas"]], strict=True))
        return out

    def doc_states(self) -> dict[str, DocState]:
        """Per document (keyed by `doc_key`): which content hashes have which chunks."""
        states: dict[str, DocState] = {}
        for cid, meta in self.metadatas():
            key = str(meta.get("doc_key") or cid.split(":", 1)[0])
            state = states.setdefault(
                key,
                DocState(
                    str(meta.get("source", "")),
                    str(meta.get("root", "")),
                    str(meta.get("path", "")),
                ),
            )
            h = str(meta.get("doc_hash", ""))
            state.hashes.setdefault(h, set()).add(cid)
            state.expected[h] = int(meta.get("n_chunks", -1))
        return states

    def documents(self) -> list[DocumentInfo]:
        docs: dict[str, DocumentInfo] = {}
        for _cid, meta in self.metadatas():
            source = str(meta.get("source", ""))
            if source not in docs:
                docs[source] = DocumentInfo(
                    source=source,
                    title=str(meta.get("title", source)),
                    doc_type=str(meta.get("doc_type", "")),
                    themes=json.loads(str(meta.get("themes", "[]"))),
                    url=meta.get("doc_url") or None,
                    chunks=0,
                    content_hash=str(meta.get("doc_hash", "")),
                    date=meta.get("date") or None,
                )
            docs[source].chunks += 1
        return sorted(docs.values(), key=lambda d: (d.doc_type, d.source))

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Dense search: (chunk id, cosine similarity) best first."""
        n = min(k, self.count())
        if n <= 0:
            return []
        res = self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        ids = res["ids"][0]
        distances = res["distances"][0]
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]

    # ---- writing ---------------------------------------------------------------------
    def upsert(self, records: Sequence[ChunkRecord], embeddings: np.ndarray) -> None:
        if not records:
            return
        self.collection.upsert(
            ids=[r.id for r in records],
            documents=[r.text for r in records],
            metadatas=[r.metadata for r in records],
            embeddings=np.asarray(embeddings, dtype=np.float32),
        )

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start : start + 5000])

    def bump_version(self) -> str:
        """Mark the index as changed so every retriever (any replica) refreshes its BM25 side."""
        version = f"{time.time():.6f}"
        meta = dict(self.collection.metadata or {})
        meta["version"] = version
        self.collection.modify(metadata=meta)
        self._version, self._version_checked = version, time.monotonic()
        return version
