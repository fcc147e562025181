"""Generative answers through any OpenAI-compatible chat endpoint, with verified citations.

`VRAAGBAAK_LLM=openai:<model>` plus `VRAAGBAAK_LLM_BASE_URL` points LangChain's `ChatOpenAI`
at vLLM, Ollama, a llama.cpp server, Azure OpenAI's v1 API or OpenAI itself. The LLM only
phrases; the guarantees stay local:

* personal data in the question and history is redacted before anything is sent
  (`assistant.privacy`, on by default);
* sources go in as delimited data (`assistant.prompting`);
* the answer's markers, citations and quotes are checked (`assistant.verification`), and an
  answer that cites nothing is an abstention;
* any failure — connection error, timeout, HTTP error, empty answer, even a bug here — falls
  back to the extractive composer with a short note in the question's language. The composer
  never raises, so a broken model server never becomes a 5xx or a half answer.

Streaming: deltas are passed on as tokens arrive, through the same marker filter the final
check uses (a `[`, `1`, `]` split over three tokens is held back until it closes, and a
marker that does not resolve is dropped as it completes). If the model fails after some
deltas were sent, the final Composition is the extractive fallback with its note; its text
differs from what streamed, and the core's `done` event carries the answer that counts
(see the report on issue 6 for the core change that also sends a `replace` delta then).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.analysis import Analyzer
from assistant.compose_extractive import (
    ExtractiveComposer,
    ExtractiveComposition,
    abstention_text,
)
from assistant.config import Settings
from assistant.followup import standalone_query
from assistant.models import Hit, Language, Turn
from assistant.privacy import redact, redact_history
from assistant.prompting import Prompt, answer_prompt, condense_prompt
from assistant.verification import MarkerRewriter, SupportCheck, finish

log = logging.getLogger(__name__)

FailureReason = Literal["error", "empty"]

_NOTES: dict[tuple[FailureReason, Language], str] = {
    ("error", "nl"): (
        "Het taalmodel was niet bereikbaar; hieronder staan de passages uit de documenten zelf."
    ),
    ("error", "en"): (
        "The language model could not be reached; the passages from the documents are shown "
        "instead."
    ),
    ("empty", "nl"): (
        "Het taalmodel gaf geen bruikbaar antwoord; hieronder staan de passages uit de "
        "documenten zelf."
    ),
    ("empty", "en"): (
        "The language model gave no usable answer; the passages from the documents are shown "
        "instead."
    ),
}
MAX_QUERY_CHARS = 400


def fallback_note(reason: FailureReason, language: Language) -> str:
    return _NOTES[(reason, language)]


def parse_llm_setting(value: str) -> tuple[str, str]:
    """`openai:<model>` -> ("openai", model). Other providers are a configuration error."""
    provider, sep, model = value.partition(":")
    provider = provider.strip().lower()
    model = model.strip()
    if not sep or provider != "openai" or not model:
        raise ValueError(
            f"VRAAGBAAK_LLM={value!r}: expected 'openai:<model>' (any OpenAI-compatible "
            "server: set VRAAGBAAK_LLM_BASE_URL for vLLM, Ollama, llama.cpp or Azure OpenAI)"
        )
    return provider, model


def make_chat_model(settings: Settings) -> BaseChatModel:
    """A `ChatOpenAI` client for the configured endpoint.

    Local servers (Ollama, llama.cpp, vLLM without `--api-key`) need no key, but the OpenAI
    SDK refuses to start without one, so a placeholder is sent then. The Chat Completions API
    is forced (`use_responses_api=False`): that is the part every compatible server speaks.
    Usage reporting in streams is off for the same reason.
    """
    from langchain_openai import ChatOpenAI

    _, model = parse_llm_setting(settings.llm)
    api_key = settings.llm_api_key or os.environ.get("OPENAI_API_KEY") or ""
    if not api_key:
        api_key = "not-needed"
    return ChatOpenAI(
        model=model,
        base_url=settings.llm_base_url or None,
        api_key=api_key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        temperature=settings.llm_temperature,
        use_responses_api=False,
        stream_usage=False,
    )


def _message_text(message: BaseMessage) -> str:
    """The text of a reply or chunk (LangChain 1.x: `.text` joins the text content blocks)."""
    return str(message.text or "")


class LLMComposer:
    """The Composer protocol on top of a chat model, with the extractive one as fallback."""

    mode = "llm"

    def __init__(
        self,
        chat: BaseChatModel,
        extractive: ExtractiveComposer,
        *,
        redact_pii: bool = True,
    ) -> None:
        self.chat = chat
        self.extractive = extractive
        self.redact_pii = redact_pii

    # ---- helpers -----------------------------------------------------------------------
    def _scrub(self, question: str, history: list[Turn]) -> tuple[str, list[Turn]]:
        if not self.redact_pii:
            return question, history
        return redact(question), redact_history(history)

    def _fallback(
        self,
        question: str,
        hits: list[Hit],
        language: Language,
        history: list[Turn],
        reason: FailureReason,
    ) -> ExtractiveComposition:
        note = fallback_note(reason, language)
        try:
            composition = self.extractive.compose(question, hits, language, history)
        except Exception:  # last line of defence: an abstention, never an exception
            log.exception("extractive fallback failed")
            return ExtractiveComposition(abstention_text(language), abstained=True, note=note)
        # keep what the extractive answer says about itself ("a date is not stated")
        composition.note = note if composition.note is None else f"{note} {composition.note}"
        return composition

    def _analysis(self) -> tuple[Analyzer, Callable[[str], float] | None]:
        retriever = self.extractive.retriever
        try:
            idf = retriever.snapshot().idf
        except Exception:  # an index being rebuilt must not break quoting
            idf = None
        return retriever.analyzer, idf

    def _finish(
        self,
        rewriter: MarkerRewriter,
        sources: list[Hit],
        language: Language,
        idf: Callable[[str], float] | None,
    ) -> ExtractiveComposition:
        verified = finish(rewriter, sources, self.extractive.retriever.analyzer, language, idf=idf)
        if verified.dropped:
            log.info("removed unresolvable or unsupported markers: %s", verified.dropped)
        return ExtractiveComposition(
            text=verified.text,
            citations=verified.citations,
            abstained=verified.abstained,
        )

    def _start(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn]
    ) -> tuple[Prompt, MarkerRewriter, Callable[[str], float] | None]:
        """Redacted prompt, marker filter for its sources, and IDF weights for quoting."""
        safe_question, safe_history = self._scrub(question, history)
        prompt = answer_prompt(safe_question, hits, language, safe_history)
        analyzer, idf = self._analysis()
        support = SupportCheck(analyzer, prompt.sources, language)
        return prompt, MarkerRewriter(len(prompt.sources), support), idf

    # ---- Composer protocol -------------------------------------------------------------
    def compose(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn]
    ) -> ExtractiveComposition:
        if not hits:
            return self.extractive.compose(question, hits, language, history)
        try:
            prompt, rewriter, idf = self._start(question, hits, language, history)
            text = _message_text(self.chat.invoke(prompt.messages))
            if not text.strip():
                log.warning("LLM returned an empty answer; using the extractive answer")
                return self._fallback(question, hits, language, history, "empty")
            rewriter.feed(text)
            rewriter.close()
            return self._finish(rewriter, prompt.sources, language, idf)
        except Exception as exc:  # never let the model server break an answer
            log.warning(
                "LLM answer failed (%s: %s); using the extractive answer", type(exc).__name__, exc
            )
            return self._fallback(question, hits, language, history, "error")

    def stream(
        self, question: str, hits: list[Hit], language: Language, history: list[Turn]
    ) -> Iterator[str | ExtractiveComposition]:
        """Deltas as the model produces them (through the marker filter), then the result.

        After a failure the last item is the extractive fallback (with its note) even when
        deltas were already yielded; the core's final `done` event carries that answer.
        """
        if not hits:
            yield from self.extractive.stream(question, hits, language, history)
            return
        try:
            prompt, rewriter, idf = self._start(question, hits, language, history)
            for chunk in self.chat.stream(prompt.messages):
                shown = rewriter.feed(_message_text(chunk))
                if shown:
                    yield shown
            tail = rewriter.close()
            if tail:
                yield tail
            if not rewriter.raw.strip():
                log.warning("LLM streamed an empty answer; using the extractive answer")
                yield self._fallback(question, hits, language, history, "empty")
                return
            result = self._finish(rewriter, prompt.sources, language, idf)
        except Exception as exc:  # includes errors and timeouts in the middle of the stream
            log.warning(
                "LLM stream failed (%s: %s); using the extractive answer", type(exc).__name__, exc
            )
            yield self._fallback(question, hits, language, history, "error")
            return
        yield result


class Condenser:
    """Question + history -> standalone search query, through the LLM.

    Only called for turns with history. The reply is cleaned (first line, no quotes or
    "Query:" label); an error, an empty or an overlong reply falls back to the heuristic
    in `assistant.followup`, so retrieval always gets a query. The history sent is redacted
    like everything else; the returned query is used for local retrieval only.
    """

    def __init__(self, chat: BaseChatModel, *, redact_pii: bool = True) -> None:
        self.chat = chat
        self.redact_pii = redact_pii

    def __call__(self, question: str, history: list[Turn]) -> str:
        if not history:
            return question
        try:
            safe_question = redact(question) if self.redact_pii else question
            safe_history = redact_history(history) if self.redact_pii else history
            reply = self.chat.invoke(condense_prompt(safe_question, safe_history))
            query = clean_query(_message_text(reply))
            if query:
                return query
            log.warning("LLM condensation gave no usable query; using the heuristic")
        except Exception as exc:
            log.warning(
                "LLM condensation failed (%s: %s); using the heuristic", type(exc).__name__, exc
            )
        return standalone_query(question, history)


def clean_query(reply: str) -> str:
    """The first non-empty line, without a label or surrounding quotes; "" if unusable."""
    for line in reply.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        line = re.sub(
            r"^(?:standalone )?(?:search )?(?:query|zoekvraag|vraag)\s*:\s*", "", line, flags=re.I
        )
        line = line.strip().strip("\"'`“”„").strip()
        return line if 0 < len(line) <= MAX_QUERY_CHARS else ""
    return ""


def build_llm_composer(
    settings: Settings, extractive: ExtractiveComposer
) -> tuple[LLMComposer, Callable[[str, list[Turn]], str]]:
    """What `Assistant.from_settings` plugs in when `VRAAGBAAK_LLM` is set.

    A malformed `VRAAGBAAK_LLM` raises here, at start-up, where an administrator sees it;
    everything that can go wrong per question is handled inside the composer.
    """
    chat = make_chat_model(settings)
    composer = LLMComposer(chat, extractive, redact_pii=settings.redact_pii)
    condenser = Condenser(chat, redact_pii=settings.redact_pii)
    return composer, condenser
