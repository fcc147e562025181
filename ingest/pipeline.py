"""Ingest: walk sources, load, chunk, embed and write the index incrementally and safely.

Safety rules, in the order they matter to a user:
- A file that fails to load is reported with its reason and skipped; it never stops the run.
- A changed document's new chunks are written before its old ones are deleted, so a query in
  between finds one version or both, never neither. Chunk ids carry the content hash, so the two
  versions never overwrite each other.
- A document counts as indexed only when all its chunks (recorded in `n_chunks`) are present
  under one content hash. After a `kill -9` the next run sees the incomplete state and redoes
  just that document.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import annotations
from assistant.config import DEFAULT_CORPUS, Settings
from assistant.embeddings import Embedder, load_embedder
from assistant.index import ChunkRecord, Index
from assistant.statutes import article_url, by_bwb_id
from assistant.taxonomy import THEMES, theme_key
from ingest.chunking import MAX_CHARS, Chunk, guidance_chunks, regulation_chunks
from ingest.loaders import SUPPORTED_SUFFIXES, LoadedDocument, LoadError, load_bytes, load_url
from ingest.metadata import resolve_metadata
from ingest.structure import _ARTICLE, is_regulation_text, parse_headings, parse_regulation

log = logging.getLogger(__name__)

CHUNKER_VERSION = "8"
"""Part of every content hash: changing the chunker re-chunks everything on the next ingest."""

SKIP_NAMES = {"readme.md", "license", "license.md", ".ds_store"}


@dataclass
class SourceFile:
    root: str  # namespace of the ingested root (its folder name, or "url")
    source: str  # stable document id: path relative to the root, or the URL
    path: Path | None = None
    url: str | None = None


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    entry_points_embedded: int = 0
    """Question entry points (`annotations/`) of the statutes written, embedded once."""
    entry_points_seconds: float = 0.0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.failed)} failed; {self.chunks_embedded} chunks embedded"
            + (f" (and {self.entry_points_embedded} question entry points)" if self.entry_points_embedded else "")
            + f" in {self.seconds:.1f}s"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
            "warnings": [{"source": s, "warning": w} for s, w in self.warnings],
            "chunks_embedded": self.chunks_embedded,
            "entry_points_embedded": self.entry_points_embedded,
            "seconds": round(self.seconds, 3),
        }


def discover(target: str) -> tuple[str, list[SourceFile]]:
    """Expand a path or URL into source files under one root namespace."""
    if re.match(r"^https?://", target):
        return "url", [SourceFile(root="url", source=target, url=target)]
    path = Path(target).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {target}")
    if path.is_file():
        root = path.resolve().parent.name or "root"
        return root, [SourceFile(root=root, source=path.name, path=path)]
    root_name = path.resolve().name or "root"
    files: list[SourceFile] = []
    for file in sorted(path.rglob("*")):
        rel = file.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not file.is_file():
            continue
        if file.name.lower() in SKIP_NAMES or file.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        files.append(SourceFile(root=root_name, source=rel.as_posix(), path=file))
    return root_name, files


def doc_key(root: str, source: str) -> str:
    return hashlib.sha1(f"{root}\x00{source}".encode()).hexdigest()[:16]


def content_hash(data: bytes) -> str:
    h = hashlib.sha256()
    h.update(f"chunker={CHUNKER_VERSION};max={MAX_CHARS}\n".encode())
    h.update(data)
    return h.hexdigest()[:16]


def _wants_articles(front: dict[str, Any], body: str) -> bool:
    """Statute text is split per article; editorial documents along their headings."""
    explicit = str(front.get("structure", "")).lower()
    if explicit in {"articles", "artikelen"}:
        return True
    if explicit in {"headings", "koppen"}:
        return False
    if not is_regulation_text(body):
        return False
    if "doc_type" not in front:
        return True
    _, sections = parse_headings(body)
    named = [s.path[-1] for s in sections if s.path]
    articles = [n for n in named if _ARTICLE.match(n)]
    return len(named) > 0 and len(articles) / len(named) >= 0.8


def build_records(sf: SourceFile, loaded: LoadedDocument, digest: str) -> tuple[list[ChunkRecord], list[str]]:
    """Chunk a loaded document and attach the metadata every chunk carries."""
    front = loaded.meta
    as_articles = _wants_articles(front, loaded.text)
    body_title, _ = parse_headings(loaded.text)
    if as_articles and not body_title:
        body_title = parse_regulation(loaded.text).title  # statute titles sit at any level
    meta = resolve_metadata(sf.source, front, body_title, as_articles, loaded.text)
    if as_articles:
        law_name = meta.law_name or meta.title
        statute = by_bwb_id(meta.bwb_id)
        chunks: list[Chunk] = regulation_chunks(
            loaded.text, statute.indexed_name(law_name) if statute else law_name
        )
    else:
        chunks = guidance_chunks(loaded.text, meta.title)
    if not chunks:
        raise LoadError("no text to index after parsing")
    key = doc_key(sf.root, sf.source)
    base: dict[str, Any] = {
        "source": sf.source,
        "root": sf.root,
        "doc_key": key,
        "path": str(sf.path.resolve()) if sf.path else "",
        "title": meta.title,
        "doc_type": meta.doc_type,
        "themes": json.dumps(meta.themes),
        "doc_hash": digest,
        "n_chunks": len(chunks),
        "format": loaded.format,
        "doc_url": meta.url or "",
        "date": meta.date or "",
        "bwb_id": meta.bwb_id or "",
        "law": meta.law_name or "",
        # statute text split per article, or a document split along its headings (a summary
        # may have "## Artikel 2" headings too, but is no article)
        "structure": "articles" if as_articles else "sections",
    }
    for theme in THEMES:
        base[theme_key(theme)] = theme in meta.themes
    records = []
    for i, chunk in enumerate(chunks):
        article = chunk.article
        if article is None and chunk.heading_path:
            heading_article = _ARTICLE.match(chunk.heading_path[-1])
            article = heading_article.group("num") if heading_article and meta.bwb_id else None
        url = article_url(meta.bwb_id, article) if (meta.bwb_id and article) else (meta.url or "")
        md = dict(base)
        md.update(
            {
                "chunk_index": i,
                "locator": chunk.locator,
                "heading_path": " > ".join(chunk.heading_path),
                "article": article or "",
                "leden": chunk.leden or "",
                "url": url,
            }
        )
        records.append(ChunkRecord(id=f"{key}:{digest[:12]}:{i:04d}", text=chunk.text, metadata=md))
    return records, meta.warnings


class _Progress:
    """A progress bar on a terminal, silence elsewhere (logs and CI stay clean)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", desc="indexeren", leave=False)

    def step(self, label: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(label[-40:])
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class Ingestor:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        index: Index | None = None,
        rebuild: bool = False,
        batch_chunks: int = 128,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or load_embedder(settings.embedder)
        self.index = index or Index.open(settings, self.embedder, rebuild=rebuild)
        self.batch_chunks = batch_chunks
        self._statutes_written: set[str] = set()

    def run(self, targets: Iterable[str] | None = None, progress: bool = True) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        self._statutes_written = set()
        targets = list(targets or [str(DEFAULT_CORPUS)])
        by_key = self.index.doc_states()
        known_paths = {s.path: (s.root, s.source) for s in by_key.values() if s.path}
        roots: dict[str, list[SourceFile]] = {}
        folders: set[str] = set()  # only a whole folder tells us what was removed
        for target in targets:
            try:
                root, files = discover(target)
            except FileNotFoundError as exc:
                report.failed.append((target, str(exc)))
                continue
            if Path(target).is_file() and str(Path(target).resolve()) in known_paths:
                # a single file that was indexed as part of a folder keeps that identity
                root, source = known_paths[str(Path(target).resolve())]
                files = [SourceFile(root=root, source=source, path=Path(target))]
            roots.setdefault(root, []).extend(files)
            if Path(target).is_dir():
                folders.add(root)

        pending: list[tuple[SourceFile, list[ChunkRecord], set[str], bool]] = []
        pending_size = 0
        changed = False
        total = sum(len(files) for files in roots.values())
        bar = _Progress(total, progress)
        try:
            for root, files in roots.items():
                seen: set[str] = set()
                for sf in files:
                    key = doc_key(sf.root, sf.source)
                    seen.add(key)
                    bar.step(sf.source)
                    try:
                        data, loaded = self._read(sf)
                    except LoadError as exc:
                        report.failed.append((sf.source, str(exc)))
                        continue
                    digest = content_hash(data)
                    state = by_key.get(key)
                    if state is not None and state.complete_hash() == digest:
                        report.unchanged.append(sf.source)
                        continue
                    try:
                        loaded = loaded or self._load(sf, data)
                        records, warnings = build_records(sf, loaded, digest)
                    except LoadError as exc:
                        report.failed.append((sf.source, str(exc)))
                        continue
                    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
                        log.exception("failed to parse %s", sf.source)
                        report.failed.append((sf.source, f"{type(exc).__name__}: {exc}"))
                        continue
                    report.warnings.extend((sf.source, w) for w in warnings)
                    old_ids = set()
                    if state is not None:
                        for ids in state.hashes.values():
                            old_ids |= ids
                    old_ids -= {r.id for r in records}
                    pending.append((sf, records, old_ids, state is None))
                    pending_size += len(records)
                    if pending_size >= self.batch_chunks:
                        self._flush(pending, report)
                        changed = True
                        pending, pending_size = [], 0
                if pending:
                    self._flush(pending, report)
                    changed = True
                    pending, pending_size = [], 0
                removed = [
                    (key, state)
                    for key, state in by_key.items()
                    if root in folders and key not in seen and state.root == root
                ]
                for _key, state in removed:
                    ids = set().union(*state.hashes.values())
                    self.index.delete(ids)
                    report.removed.append(state.source)
                    changed = True
        finally:
            bar.close()
            if changed:
                self.index.bump_version()
        self.index.finish_rebuild()
        entry_started = time.perf_counter()
        self._embed_entry_points(report)
        report.entry_points_seconds = time.perf_counter() - entry_started
        report.seconds = time.perf_counter() - started
        return report

    def _embed_entry_points(self, report: IngestReport) -> None:
        """Embed the entry points of the statutes written in this run now, so the first
        question after an ingest does not wait for them (retrieval reads them from the cache)."""
        if not self._statutes_written:
            return
        points, problems = annotations.load(self.settings.annotations_dir)
        report.warnings.extend(("annotations", problem) for problem in problems)
        points = [p for p in points if p.bwb_id in self._statutes_written]
        if not points:
            return
        # with their placement variants (English glossed), read by the first snapshot build
        texts = annotations.embedding_texts(points)
        _, embedded = annotations.embed(texts, self.embedder, self.settings.cache_dir, self.settings.annotations_dir)
        report.entry_points_embedded += embedded
        # entry points of articles the statute does not have (renumbered, repealed, a typo)
        # lead nowhere: say so, so they are fixed rather than silently lost
        indexed = {
            (str(m.get("bwb_id")), str(m.get("article") or "").lower())
            for _, m in self.index.metadatas()
            if m.get("bwb_id") in self._statutes_written and m.get("structure") == "articles"
        }
        stale: dict[str, dict[str, None]] = {}  # statute -> its missing articles, in order
        for p in points:
            if (p.bwb_id, p.article) not in indexed:
                stale.setdefault(p.bwb_id, {})[p.article] = None
        for bwb_id, articles in stale.items():
            report.warnings.append(
                ("annotations", f"entry points for articles that {bwb_id} does not have: {', '.join(articles)}")
            )

    def _read(self, sf: SourceFile) -> tuple[bytes, LoadedDocument | None]:
        if sf.url:
            loaded, data = load_url(sf.url)
            return data, loaded
        assert sf.path is not None
        try:
            return sf.path.read_bytes(), None
        except OSError as exc:
            raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc

    def _load(self, sf: SourceFile, data: bytes) -> LoadedDocument:
        assert sf.path is not None
        return load_bytes(data, sf.path.suffix)

    def _flush(
        self, pending: list[tuple[SourceFile, list[ChunkRecord], set[str], bool]], report: IngestReport
    ) -> None:
        """Embed and write a batch of documents: new chunks first, then drop old versions."""
        records = [r for _, recs, _, _ in pending for r in recs]
        vectors = self.embedder.embed_passages([r.text for r in records])
        self.index.upsert(records, vectors)
        report.chunks_embedded += len(records)
        self._statutes_written.update(
            str(r.metadata["bwb_id"])
            for r in records
            if r.metadata.get("bwb_id") and r.metadata.get("structure") == "articles"
        )
        for sf, _recs, old_ids, is_new in pending:
            if old_ids:
                self.index.delete(old_ids)
            (report.added if is_new else report.updated).append(sf.source)


def ingest(
    targets: Iterable[str] | None, settings: Settings, rebuild: bool = False, progress: bool = True
) -> IngestReport:
    return Ingestor(settings, rebuild=rebuild).run(targets, progress=progress)


def iter_sources(targets: Iterable[str]) -> Iterator[SourceFile]:
    for target in targets:
        yield from discover(target)[1]
