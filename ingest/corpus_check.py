"""Checks for the Markdown corpus: front matter, vocabularies, internal links, coverage.

Run before `vraagbaak ingest` so that an editor hears about a typo in a theme or a broken
link before it turns into a silently unfilterable or dangling chunk. `check_corpus` returns
problems instead of raising, so a caller can print them all at once.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

from assistant.taxonomy import DOC_TYPES, FOLDER_DOC_TYPES, THEMES
from ingest.frontmatter import FrontMatterError, split_front_matter

Severity = Literal["error", "warning"]

REQUIRED_FIELDS: tuple[str, ...] = ("title", "doc_type", "themes", "summary", "sources", "updated")
MIN_TIPS_PER_THEME = 2
BWB_ID = re.compile(r"BWBR\d{7}")

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target) or [text](target "title"); images share the syntax and are checked alike.
_LINK = re.compile(r"\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


@dataclass(frozen=True)
class CorpusProblem:
    """One finding: `path` is relative to the corpus root (POSIX style)."""

    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.severity.upper()}: {self.path}: {self.message}"


@dataclass
class _Doc:
    path: Path
    rel: str
    meta: dict[str, Any]
    body: str


def _documents(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.md")):
        rel_parts = path.relative_to(root).parts
        if path.name.lower() == "readme.md" or any(p.startswith(".") for p in rel_parts):
            continue
        if path.is_file():
            yield path


def _load(root: Path) -> tuple[list[_Doc], list[CorpusProblem]]:
    """Read every document; unreadable files and broken front matter become problems."""
    docs: list[_Doc] = []
    problems: list[CorpusProblem] = []
    for path in _documents(root):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(CorpusProblem(rel, "file is not valid UTF-8"))
            continue
        try:
            meta, body, _ = split_front_matter(text)
        except FrontMatterError as exc:
            problems.append(CorpusProblem(rel, str(exc)))
            continue
        if not meta:
            problems.append(
                CorpusProblem(rel, "no front matter: the file must start with a '---' YAML block")
            )
            continue
        docs.append(_Doc(path, rel, meta, body))
    return docs, problems


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _folder_doc_type(doc: _Doc, root: Path) -> tuple[str, str] | None:
    """(folder name, implied doc_type) for the nearest folder that implies one."""
    for parent in doc.path.relative_to(root).parents:
        name = parent.name.lower()
        if name in FOLDER_DOC_TYPES:
            return parent.name, FOLDER_DOC_TYPES[name]
    return None


def _effective_doc_type(doc: _Doc, root: Path) -> str | None:
    value = doc.meta.get("doc_type")
    if isinstance(value, str) and value in DOC_TYPES:
        return value
    folder = _folder_doc_type(doc, root)
    return folder[1] if folder else None


def _check_fields(doc: _Doc, root: Path) -> list[CorpusProblem]:
    meta, rel = doc.meta, doc.rel
    out: list[CorpusProblem] = []

    def err(message: str) -> None:
        out.append(CorpusProblem(rel, message))

    for field in REQUIRED_FIELDS:
        if field not in meta or meta[field] in (None, "", []):
            err(f"missing required front matter field '{field}'")

    for field in ("title", "summary"):
        if field in meta and meta[field] not in (None, "") and not isinstance(meta[field], str):
            err(f"front matter field '{field}' must be a string")

    doc_type = meta.get("doc_type")
    if doc_type not in (None, ""):
        if doc_type not in DOC_TYPES:
            err(
                f"unknown doc_type {doc_type!r} in field 'doc_type'; allowed: {', '.join(DOC_TYPES)}"
            )
        else:
            folder = _folder_doc_type(doc, root)
            if folder and folder[1] != doc_type:
                err(
                    f"doc_type {doc_type!r} does not match folder '{folder[0]}/', "
                    f"which holds doc_type {folder[1]!r}"
                )

    themes = meta.get("themes")
    if themes not in (None, "", []):
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            err("front matter field 'themes' must be a list of theme slugs")
        else:
            for theme in themes:
                if theme not in THEMES:
                    err(f"unknown theme {theme!r} in field 'themes'; allowed: {', '.join(THEMES)}")
            for theme, n in Counter(themes).items():
                if n > 1:
                    out.append(
                        CorpusProblem(
                            rel, f"theme {theme!r} listed {n} times in 'themes'", "warning"
                        )
                    )

    if meta.get("updated") not in (None, "") and _as_date(meta["updated"]) is None:
        err(f"field 'updated' is not a valid date (YYYY-MM-DD): {meta['updated']!r}")

    sources = meta.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            err("front matter field 'sources' must be a list of http(s) URLs")
        else:
            for src in sources:
                if not isinstance(src, str) or not _URL.match(src.strip()):
                    err(f"field 'sources' holds {src!r}, which is not an http(s) URL")

    if doc_type == "regelgeving":
        bwb = meta.get("bwb_id")
        if bwb in (None, ""):
            err("regelgeving document lacks field 'bwb_id' (e.g. BWBR0048028)")
        elif not isinstance(bwb, str) or not BWB_ID.fullmatch(bwb.strip()):
            err(f"field 'bwb_id' must match BWBR followed by 7 digits, got {bwb!r}")
        version = meta.get("version_date")
        if version in (None, ""):
            err("regelgeving document lacks field 'version_date' (the statute version described)")
        elif _as_date(version) is None:
            err(f"field 'version_date' is not a valid date (YYYY-MM-DD): {version!r}")
    return out


def _check_body(doc: _Doc) -> list[CorpusProblem]:
    out: list[CorpusProblem] = []
    text = _INLINE_CODE.sub("", _FENCE.sub("", doc.body))
    if not re.search(r"^# \S", text, re.M):
        out.append(CorpusProblem(doc.rel, "no '# ' (H1) title in the body", "warning"))
    if not re.search(r"^## \S", text, re.M):
        out.append(
            CorpusProblem(
                doc.rel, "no '## ' sections: retrieval chunks follow these headings", "warning"
            )
        )
    for match in _LINK.finditer(text):
        target = match.group(1)
        if target.startswith("#") or _SCHEME.match(target) or target.startswith("//"):
            continue
        path_part = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path_part.lower().endswith(".md"):
            continue
        resolved = (doc.path.parent / path_part).resolve()
        if not resolved.is_file():
            out.append(
                CorpusProblem(doc.rel, f"broken internal link to '{target}' (file not found)")
            )
    return out


def _check_duplicate_titles(docs: list[_Doc]) -> list[CorpusProblem]:
    by_title: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        title = doc.meta.get("title")
        if isinstance(title, str) and title.strip():
            by_title[" ".join(title.split()).casefold()].append(doc.rel)
    out: list[CorpusProblem] = []
    for paths in by_title.values():
        for rel in paths if len(paths) > 1 else ():
            others = ", ".join(p for p in paths if p != rel)
            out.append(CorpusProblem(rel, f"duplicate title: same 'title' as {others}"))
    return out


def _stats(docs: list[_Doc], root: Path) -> dict[str, Any]:
    per_type: Counter[str] = Counter()
    tips_per_theme: dict[str, int] = dict.fromkeys(THEMES, 0)
    for doc in docs:
        doc_type = _effective_doc_type(doc, root)
        per_type[doc_type or "unknown"] += 1
        themes = doc.meta.get("themes")
        if doc_type == "praktijktip" and isinstance(themes, list):
            for theme in set(themes):
                if theme in tips_per_theme:
                    tips_per_theme[theme] += 1
    return {
        "documents": len(docs),
        "doc_types": {t: per_type.get(t, 0) for t in DOC_TYPES}
        | {k: v for k, v in per_type.items() if k not in DOC_TYPES},
        "practice_tips_per_theme": tips_per_theme,
    }


def corpus_stats(root: Path) -> dict[str, Any]:
    """Counts: documents, documents per doc_type, practice tips per theme (all themes listed)."""
    docs, _ = _load(Path(root))
    return _stats(docs, Path(root))


def check_corpus(root: Path, min_tips_per_theme: int = MIN_TIPS_PER_THEME) -> list[CorpusProblem]:
    """Validate every `.md` file under `root` except README files; errors first, then warnings."""
    root = Path(root)
    if not root.is_dir():
        return [CorpusProblem(str(root), "corpus root is not a directory")]
    docs, problems = _load(root)
    for doc in docs:
        problems.extend(_check_fields(doc, root))
        problems.extend(_check_body(doc))
    problems.extend(_check_duplicate_titles(docs))
    tips = _stats(docs, root)["practice_tips_per_theme"]
    for theme, count in tips.items():
        if count < min_tips_per_theme:
            problems.append(
                CorpusProblem(
                    "praktijktips",
                    f"theme {theme!r} has {count} practice tip(s); at least "
                    f"{min_tips_per_theme} are required",
                )
            )
    return sorted(problems, key=lambda p: (p.severity != "error", p.path, p.message))


def main(argv: list[str] | None = None) -> int:
    """`python -m ingest.corpus_check [ROOT]`: print problems; exit 1 when there are errors."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "corpus"
    problems = check_corpus(root)
    for problem in problems:
        print(problem)
    stats = corpus_stats(root)
    errors = sum(p.severity == "error" for p in problems)
    print(
        f"{stats['documents']} documents "
        f"({', '.join(f'{k}: {v}' for k, v in stats['doc_types'].items())}); "
        f"{errors} error(s), {len(problems) - errors} warning(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
