"""Shared fixtures: real indexes built once per test session.

Embedding the statutes takes about a minute on two cores, so the laws and the corpus are each
indexed once (session scope) and shared read-only. Tests that change an index build their own
small one with `make_settings`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.config import DEFAULT_CORPUS, Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
LAWS = SHARED / "laws"
LAWS_DEV = SHARED / "eval" / "laws-dev.jsonl"

# Tests never reach outside loopback; make sure nothing tries a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def make_settings(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Settings]:
    """Settings with a fresh data dir; keyword arguments override fields."""

    def factory(**overrides: object) -> Settings:
        data_dir = overrides.pop("data_dir", None) or tmp_path_factory.mktemp("data")
        return Settings(_env_file=None, data_dir=data_dir, **overrides)  # type: ignore[arg-type]

    return factory


@pytest.fixture(scope="session")
def laws_settings(make_settings: Callable[..., Settings]) -> Settings:
    """An index of the seven statute files in ../shared/laws (read-only for tests)."""
    if not LAWS.is_dir():
        pytest.skip("../shared/laws is not available")
    from ingest.pipeline import Ingestor

    settings = make_settings()
    report = Ingestor(settings).run([str(LAWS)], progress=False)
    assert not report.failed, report.failed
    return settings


@pytest.fixture(scope="session")
def laws_assistant(laws_settings: Settings):
    from assistant.core import Assistant

    return Assistant.from_settings(laws_settings)


@pytest.fixture(scope="session")
def corpus_settings(make_settings: Callable[..., Settings]) -> Settings:
    """An index of the shipped corpus/ (read-only for tests)."""
    from ingest.pipeline import Ingestor

    settings = make_settings()
    report = Ingestor(settings).run([str(DEFAULT_CORPUS)], progress=False)
    assert not report.failed, report.failed
    return settings


@pytest.fixture(scope="session")
def corpus_assistant(corpus_settings: Settings):
    from assistant.core import Assistant

    return Assistant.from_settings(corpus_settings)
