"""The one Assistant: question (+ conversation) -> retrieval -> answer with checked citations.

Every channel (CLI, HTTP API, widget, Slack) calls this class and only renders what it returns,
so retrieval, abstention, citation and conversation rules live here and nowhere else.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Protocol

from assistant.config import Settings
from assistant.conversations import ConversationStore, StoredAnswer, new_id
from assistant.followup import standalone_query
from assistant.language import detect_language
from assistant.models import (
    Answer,
    AnswerEvent,
    Citation,
    DocumentInfo,
    Filters,
    Hit,
    Language,
    Turn,
)

log = logging.getLogger(__name__)


class Composition(Protocol):
    text: str
    citations: list[Citation]
    abstained: bool
    note: str | None


class Composer(Protocol):
    """Turns retrieved hits into an answer text with `[n]` markers and verified citations."""

    mode: str

    def compose(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn]
    ) -> Composition: ...

    def stream(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn]
    ) -> Iterator[str | Composition]:
        """Yield text deltas as they are produced, then the final Composition last."""
        ...


class Assistant:
    def __init__(
        self,
        settings: Settings,
        retriever,  # assistant.retrieval.Retriever
        composer: Composer,
        store: ConversationStore | None = None,
        condenser=None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.composer = composer
        self.store = store
        self.condenser = condenser
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Assistant:
        """Build the assistant from configuration (embedder, index, optional LLM)."""
        from assistant.compose_extractive import ExtractiveComposer
        from assistant.embeddings import load_embedder
        from assistant.index import Index
        from assistant.retrieval import Retriever

        settings = settings or Settings()
        embedder = load_embedder(settings.embedder)
        index = Index.open(settings, embedder)
        retriever = Retriever(index, embedder, settings)
        extractive = ExtractiveComposer(retriever)
        composer: Composer = extractive
        condenser = None
        if settings.llm:
            from assistant.llm import build_llm_composer

            composer, condenser = build_llm_composer(settings, extractive)
        store = ConversationStore(settings.sqlite_path)
        return cls(settings, retriever, composer, store, condenser)

    # ---- retrieval -------------------------------------------------------------------
    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        return self.retriever.search(query, k=k, filters=filters)

    def documents(self) -> list[DocumentInfo]:
        return self.retriever.index.documents()

    def ready(self) -> dict[str, object]:
        return {
            "index": self.retriever.index.count() > 0,
            "chunks": self.retriever.index.count(),
            "embedder": self.retriever.embedder.id,
            "mode": self.composer.mode,
        }

    # ---- answering -------------------------------------------------------------------
    def _prepare(
        self, question: str, conversation_id: str | None, owner: str, remember: bool = True
    ) -> tuple[str, list[Turn], str]:
        """Resolve the conversation and the standalone search query for this turn."""
        history: list[Turn] = []
        if self.store is not None and remember and conversation_id:
            history = self.store.history(conversation_id, owner)
        # a new conversation is only written together with its first answered message
        conversation_id = conversation_id or new_id("c")
        if self.condenser is not None and history:
            query = self.condenser(question, history)
        else:
            query = standalone_query(question, history)
        return conversation_id, history, query

    def ask(
        self,
        question: str,
        *,
        conversation_id: str | None = None,
        owner: str = "cli",
        filters: Filters | None = None,
        channel: str = "cli",
        k: int | None = None,
        remember: bool = True,
    ) -> Answer:
        """Answer one question; `remember=False` (evaluation) stores no conversation."""
        answer: Answer | None = None
        for event in self.stream(
            question,
            conversation_id=conversation_id,
            owner=owner,
            filters=filters,
            channel=channel,
            k=k,
            deltas=False,
            remember=remember,
        ):
            if event.type == "done":
                answer = Answer.model_validate(event.data["answer"])
        assert answer is not None
        return answer

    def stream(
        self,
        question: str,
        *,
        conversation_id: str | None = None,
        owner: str = "cli",
        filters: Filters | None = None,
        channel: str = "cli",
        k: int | None = None,
        deltas: bool = True,
        remember: bool = True,
    ) -> Iterator[AnswerEvent]:
        """Answer as a stream of events: meta, delta*, citations, done.

        The message is stored only when the answer is complete, so an interrupted stream
        leaves no half message behind.
        """
        question = question.strip()
        conversation_id, history, query = self._prepare(
            question, conversation_id, owner, remember
        )
        message_id = new_id("m")
        yield AnswerEvent(
            type="meta", data={"conversation_id": conversation_id, "message_id": message_id}
        )
        language = detect_language(question)
        retrieval = self.retriever.retrieve(
            query, k=k or self.settings.top_k, filters=filters, asked=question
        )
        hits = retrieval.hits
        decision = self.retriever.answerable(retrieval)
        log.info("answerable=%s %s", decision.answerable, decision.reason)

        composition: Composition | None = None
        streamed: list[str] = []
        if decision.answerable:
            if deltas:
                for part in self.composer.stream(question, hits, language, history):
                    if isinstance(part, str):
                        streamed.append(part)
                        yield AnswerEvent(type="delta", data={"text": part})
                    else:
                        composition = part
            else:
                composition = self.composer.compose(question, hits, language, history)
        if composition is None or composition.abstained or not composition.citations:
            from assistant.compose_extractive import abstention_text, missing_names_note

            note = composition.note if composition is not None else None
            if note is None and decision.missing:
                note = missing_names_note(decision.missing, language)
            text = abstention_text(language)
            answer = Answer(
                answer=text,
                abstained=True,
                citations=[],
                hits=hits[:3],
                language=language,
                mode="extractive",
                note=note,
            )
            if deltas:
                yield AnswerEvent(type="delta", data={"text": text, "replace": True})
        else:
            note = composition.note
            if note is None and decision.missing:
                from assistant.compose_extractive import missing_names_note

                note = missing_names_note(decision.missing, language, answered=True)
            answer = Answer(
                answer=composition.text,
                abstained=False,
                citations=composition.citations,
                hits=hits,
                language=language,
                mode=self.composer.mode if composition.note is None else "extractive",
                note=note,
            )
            if deltas and "".join(streamed).strip() != composition.text.strip():
                # The composer fell back (or dropped a citation) after streaming: what was
                # streamed is superseded by the final text.
                yield AnswerEvent(type="delta", data={"text": composition.text, "replace": True})
        answer.conversation_id = conversation_id
        answer.message_id = message_id
        if self.store is not None and remember:
            self.store.add_message(
                conversation_id,
                question,
                answer,
                search_query=query,
                channel=channel,
                message_id=message_id,
                owner=owner,
            )
        yield AnswerEvent(
            type="citations",
            data={"citations": [c.model_dump() for c in answer.citations]},
        )
        yield AnswerEvent(type="done", data={"answer": answer.model_dump()})

    def stored_answer(self, message_id: str) -> StoredAnswer:
        """An answer given earlier, whole, by its message id (LookupError if unknown)."""
        if self.store is None:
            raise RuntimeError("no conversation store configured")
        return self.store.stored_answer(message_id)

    def feedback(
        self,
        message_id: str,
        rating: str,
        comment: str | None = None,
        *,
        channel: str = "",
        user: str | None = None,
        owner: str | None = None,
    ) -> int:
        if self.store is None:
            raise RuntimeError("no conversation store configured")
        return self.store.add_feedback(
            message_id, rating, comment, channel=channel, user=user, owner=owner
        )
