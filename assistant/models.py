"""Data shapes at the edges: what the core returns and every channel renders.

These mirror the JSON contracts in DESIGN.md (`search`, `ask`, `eval`); extra fields are
allowed there, so the models carry a few more (chunk ids, language, mode) that channels use.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, Field, field_validator

from assistant.neighbours import Piece, cited_piece
from assistant.taxonomy import DOC_TYPES, THEMES

Language = Literal["nl", "en"]


def source_path(source: str, chunk_id: str) -> str:
    """The API's page for one indexed document, scrolled to a chunk (`/sources/<source>#<id>`)."""
    return f"/sources/{quote(source, safe='/')}#{quote(chunk_id, safe=':')}"


class Filters(BaseModel):
    """Metadata filters for retrieval; unknown values are rejected, not silently ignored."""

    doc_type: str | None = None
    theme: str | None = None

    @field_validator("doc_type")
    @classmethod
    def _known_doc_type(cls, value: str | None) -> str | None:
        if value is not None and value not in DOC_TYPES:
            raise ValueError(
                f"onbekend documenttype / unknown doc_type {value!r}; "
                f"kies uit / choose from: {', '.join(DOC_TYPES)}"
            )
        return value

    @field_validator("theme")
    @classmethod
    def _known_theme(cls, value: str | None) -> str | None:
        if value is not None and value not in THEMES:
            raise ValueError(
                f"onbekend thema / unknown theme {value!r}; "
                f"kies uit / choose from: {', '.join(THEMES)}"
            )
        return value

    def is_empty(self) -> bool:
        return self.doc_type is None and self.theme is None


class Hit(BaseModel):
    """One retrieved chunk, in the `search` JSON shape plus ids for citations and feedback."""

    rank: int
    score: float
    source: str
    title: str
    doc_type: str
    locator: str
    url: str | None = None
    text: str
    chunk_id: str
    themes: list[str] = Field(default_factory=list)
    entry_points: list[str] = Field(default_factory=list, exclude=True)
    """Entry-point questions of this chunk (`assistant.annotations`) that say what was asked in
    other words; internal: the composer reads the article through them."""
    pieces: list[Piece] = Field(default_factory=list, exclude=True)
    """The indexed chunks of a passage joined from neighbouring pieces of one article
    (`assistant.neighbours`); empty for a single chunk. `chunk_id` is the best-ranked piece."""


class Citation(BaseModel):
    """A numbered source of an answer; `quote` is verbatim text from the cited chunk."""

    n: int
    source: str
    title: str
    locator: str
    url: str | None = None
    quote: str
    chunk_id: str

    @classmethod
    def from_hit(cls, n: int, hit: Hit, quote: str) -> Citation:
        """Cite `hit` as source `n` with a quote the caller has verified against its text.

        The locator is the one the hit shows; from a joined passage (`assistant.neighbours`)
        the chunk id is the piece the quote is in, so the source view of a document without an
        address of its own opens there."""
        piece = cited_piece(hit.pieces, quote)
        return cls(
            n=n,
            source=hit.source,
            title=hit.title,
            locator=hit.locator,
            url=hit.url,
            quote=quote,
            chunk_id=piece.chunk_id if piece else hit.chunk_id,
        )


class Answer(BaseModel):
    """The `ask` shape. `hits` are the nearest sources (shown in full when abstaining)."""

    answer: str
    abstained: bool
    conversation_id: str = ""
    message_id: str = ""
    citations: list[Citation] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)
    language: Language = "nl"
    mode: Literal["extractive", "llm"] = "extractive"
    note: str | None = None
    """A short remark for the user, e.g. that the LLM failed and the extractive answer is shown."""


class Turn(BaseModel):
    """One exchange of a conversation, as the core needs it for follow-up questions."""

    question: str
    answer: str
    search_query: str = ""


class AnswerEvent(BaseModel):
    """A streaming event: `meta`, `delta`, `citations`, `done` or `error` (the SSE names)."""

    type: Literal["meta", "delta", "citations", "done", "error"]
    data: dict[str, Any] = Field(default_factory=dict)


class DocumentInfo(BaseModel):
    source: str
    title: str
    doc_type: str
    themes: list[str] = Field(default_factory=list)
    url: str | None = None
    chunks: int
    content_hash: str
    date: str | None = None
