"""Small builders shared by the unit tests of the abstention checks."""

from __future__ import annotations

from assistant.models import Hit
from assistant.retrieval import Retrieval


def passage(text: str, title: str = "X") -> Hit:
    """A statute hit with `text`, as retrieval returns it."""
    return Hit(
        rank=1, score=5.0, source="x.md", title=title, doc_type="regelgeving", locator="", text=text,
        chunk_id="c1",
    )


def retrieval(question: str, *texts: str) -> Retrieval:
    """The retrieval result of `question` with one passage per text."""
    return Retrieval(question, [passage(text) for text in texts], None, False)
