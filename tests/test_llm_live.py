"""Integration test against a real model server; skipped unless one is configured.

    VRAAGBAAK_TEST_LLM_BASE_URL=http://127.0.0.1:11434/v1 \\
    VRAAGBAAK_TEST_LLM_MODEL=qwen2.5:7b-instruct \\
    .venv/bin/python -m pytest tests/test_llm_live.py -q

`VRAAGBAAK_TEST_LLM_API_KEY` is optional (Ollama and llama.cpp need none). A real model's
wording cannot be scripted, so these tests check the guarantees instead: the model was
reached (no fallback note), and whatever it wrote either abstains or carries citations whose
markers are numbered 1..m and whose quotes are verbatim text of the cited chunks.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from assistant.citations import markers, verify_quote
from assistant.config import Settings
from assistant.core import Assistant
from assistant.models import Answer, Turn

BASE_URL = os.environ.get("VRAAGBAAK_TEST_LLM_BASE_URL", "")
pytestmark = pytest.mark.skipif(
    not BASE_URL, reason="set VRAAGBAAK_TEST_LLM_BASE_URL to test against a real model server"
)
QUESTION = (
    "Binnen hoeveel weken moet het college beslissen op een aanvraag voor een verhuurvergunning?"
)


@pytest.fixture(scope="module")
def live_assistant(laws_settings: Settings) -> Assistant:
    settings = laws_settings.model_copy(
        update={
            "llm": f"openai:{os.environ.get('VRAAGBAAK_TEST_LLM_MODEL', 'qwen2.5:7b-instruct')}",
            "llm_base_url": BASE_URL,
            "llm_api_key": os.environ.get("VRAAGBAAK_TEST_LLM_API_KEY", ""),
            "llm_timeout": float(os.environ.get("VRAAGBAAK_TEST_LLM_TIMEOUT", "120")),
            "llm_max_retries": 0,
        }
    )
    assistant = Assistant.from_settings(settings)
    assistant.store = None  # nothing to remember; keep the shared index's data dir untouched
    return assistant


def check(answer: Answer) -> None:
    assert answer.note is None, f"the model server was not usable: {answer.note}"
    if answer.abstained:
        assert answer.citations == [] and answer.hits
        return
    assert answer.mode == "llm"
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert markers(answer.answer) == [c.n for c in answer.citations]
    texts = {hit.chunk_id: hit.text for hit in answer.hits}
    for citation in answer.citations:
        assert verify_quote(citation.quote, texts[citation.chunk_id])


def test_live_answer_has_verified_citations(live_assistant: Assistant) -> None:
    answer = live_assistant.ask(QUESTION, remember=False)
    check(answer)
    assert not answer.abstained, "a capable model answers this from Artikel 9 Wgv"
    assert any(c.locator.startswith("Artikel 9") for c in answer.citations)


def test_live_stream(live_assistant: Assistant) -> None:
    deltas: list[str] = []
    answer: Answer | None = None
    for event in live_assistant.stream(QUESTION, remember=False):
        if event.type == "delta":
            deltas = (
                [event.data["text"]] if event.data.get("replace") else [*deltas, event.data["text"]]
            )
        elif event.type == "done":
            answer = Answer.model_validate(event.data["answer"])
    assert answer is not None and deltas
    check(answer)


def test_live_condenser(live_assistant: Assistant) -> None:
    condenser: Callable[[str, list[Turn]], str] = live_assistant.condenser  # type: ignore[assignment]
    history = [Turn(question=QUESTION, answer="Binnen acht weken [1].", search_query=QUESTION)]
    query = condenser("En mag die termijn worden verlengd?", history)
    assert query and len(query) <= 400
