"""Chunking: one unit of meaning per chunk, each knowing where it sits.

Regulations: one chunk per article; a long article is packed lid by lid (`Artikel 2, leden 3-6`),
and a lid longer than the budget is split on line boundaries so table rows and list items stay
whole. Guidance: one chunk per heading section, long sections split by LangChain's recursive
splitter. Every chunk's indexed text starts with its document name and locator, because that
context lifts both BM25 and the dense retriever (see RETRIEVAL-NOTES.md), and Markdown link URLs
are removed from the indexed text (they stay in metadata).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.structure import (
    Article,
    parse_headings,
    parse_regulation,
    strip_links,
)

MAX_CHARS = 1500


@dataclass
class Chunk:
    text: str
    """Indexed text: header line + body, links reduced to their text."""
    locator: str
    heading_path: list[str] = field(default_factory=list)
    article: str | None = None
    leden: str | None = None


def _tidy(text: str) -> str:
    text = strip_links(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_EMPHASIS = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1|(?<![\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])")


def strip_emphasis(text: str) -> str:
    """`**Vaststaand:**` -> `Vaststaand:` in editorial text, so quotes read as plain text.

    Statute text keeps its asterisks: it is quoted character for character (BRP definitions).
    """
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)


def _pack(parts: list[str], budget: int) -> list[list[int]]:
    """Greedy packing of consecutive parts into groups under `budget` characters."""
    groups: list[list[int]] = []
    size = 0
    for i, part in enumerate(parts):
        if groups and size + len(part) + 2 <= budget:
            groups[-1].append(i)
            size += len(part) + 2
        else:
            groups.append([i])
            size = len(part)
    return groups


def _split_lines(text: str, budget: int) -> list[str]:
    """Split on line boundaries; a single line over budget is split by sentences."""
    pieces: list[str] = []
    for line in text.split("\n"):
        if len(line) <= budget:
            pieces.append(line)
        else:
            pieces.extend(s for s in re.split(r"(?<=[.;:])\s+", line) if s)
    blocks = [b for b in pieces if b.strip()]
    return ["\n".join(blocks[i] for i in group) for group in _pack(blocks, budget)]


def _lid_label(numbers: list[str]) -> str:
    numbers = [n for n in numbers if n]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"lid {numbers[0]}"
    return f"leden {numbers[0]}-{numbers[-1]}"


def article_chunks(article: Article, law_name: str, budget: int = MAX_CHARS) -> list[Chunk]:
    base_locator = f"Artikel {article.number}"
    title = f" ({article.title.strip('()')})" if article.title else ""
    body = _tidy(article.body)
    if not body:
        return []

    def make(text: str, lid_numbers: list[str]) -> Chunk:
        label = _lid_label(lid_numbers)
        locator = f"{base_locator}, {label}" if label else base_locator
        header = f"{law_name} — {locator}{title}"
        return Chunk(
            text=f"{header}\n\n{text.strip()}",
            locator=locator,
            heading_path=article.path,
            article=article.number,
            leden=label or None,
        )

    if len(body) <= budget:
        return [make(body, [])]
    leden = [(lid.number, _tidy(lid.text)) for lid in article.leden()]
    chunks: list[Chunk] = []
    units: list[tuple[str, str]] = []
    for number, text in leden:
        if len(text) <= budget:
            units.append((number, text))
        else:
            units.extend((number, piece) for piece in _split_lines(text, budget))
    for group in _pack([t for _, t in units], budget):
        numbers = list(dict.fromkeys(units[i][0] for i in group))
        chunks.append(make("\n\n".join(units[i][1] for i in group), numbers))
    return chunks


def regulation_chunks(text: str, law_name: str, budget: int = MAX_CHARS) -> list[Chunk]:
    regulation = parse_regulation(text)
    chunks: list[Chunk] = []
    preamble = _tidy("\n".join(regulation.preamble))
    if len(preamble) > 80:
        for piece in _split_lines(preamble, budget):
            chunks.append(Chunk(text=f"{law_name} — Aanhef\n\n{piece}", locator="Aanhef"))
    for article in regulation.articles:
        chunks.extend(article_chunks(article, law_name, budget))
    return chunks


def guidance_chunks(text: str, doc_title: str, budget: int = MAX_CHARS) -> list[Chunk]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=budget, chunk_overlap=150, separators=["\n\n", "\n", ". ", " ", ""]
    )
    _, sections = parse_headings(text)
    chunks: list[Chunk] = []
    for section in sections:
        body = strip_emphasis(_tidy(section.body))
        if not body:
            continue
        locator = " > ".join(section.path) if section.path else "Inleiding"
        header = f"{doc_title} — {locator}" if section.path else doc_title
        pieces = [body] if len(body) <= budget else splitter.split_text(body)
        for piece in pieces:
            chunks.append(
                Chunk(text=f"{header}\n\n{piece.strip()}", locator=locator, heading_path=section.path)
            )
    return chunks
