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


# Statute question sets written by people who saw neither code nor entry points
# (benchmarks/README.md, "Held-out check"); the held-out floors run over all of them.
HELD_OUT_STATUTE_SETS = (
    "laws-holdout.jsonl",
    "laws-fresh.jsonl",
    "laws-blind.jsonl",
    *(f"laws-blind{n}.jsonl" for n in range(2, 104)),
)


@pytest.fixture(scope="session")
def held_out_statute_items() -> list[dict]:
    import json

    data = Path(__file__).resolve().parent / "data"
    return [
        json.loads(line)
        for name in HELD_OUT_STATUTE_SETS
        for line in (data / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


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


SMALL_DOCS = {
    "praktijktips/meldpunt.md": """---
title: "Een meldpunt ongewenst verhuurgedrag inrichten"
doc_type: praktijktip
themes: [huisvesting, toezicht-en-handhaving]
summary: "Stappen voor een meldpunt."
sources: [https://wetten.overheid.nl/BWBR0048028]
updated: 2026-11-01
---
# Een meldpunt ongewenst verhuurgedrag inrichten

Elke gemeente moet een meldpunt hebben waar huurders ongewenst verhuurgedrag kunnen melden.

## Stap 1: bereikbaarheid

Het meldpunt is bereikbaar per telefoon en via een webformulier, ook in het Pools en Roemeens.

## Stap 2: opvolging

Meldingen over intimidatie worden binnen vijf werkdagen opgepakt door een handhaver.
""",
    "praktijktips/huisarts.md": """---
title: "Huisartsenzorg voor arbeidsmigranten regelen"
doc_type: praktijktip
themes: [zorg-en-welzijn]
summary: "Toegang tot de huisarts."
sources: [https://www.arbeidsmigratieingoedebanen.nl/]
updated: 2026-11-01
---
# Huisartsenzorg voor arbeidsmigranten regelen

## Afspraken met zorgverzekeraars

Veel arbeidsmigranten staan niet ingeschreven bij een huisarts. Onder het zorgconvenant maken
verzekeraars afspraken met huisartsen in de buurt van grote huisvestingslocaties.
""",
    "publicaties/brp.md": """---
title: "Inschrijven in de BRP en de RNI"
doc_type: publicatie
themes: [registratie]
summary: "Wie moet zich waar inschrijven."
sources: [https://www.rvig.nl/]
updated: 2026-11-01
---
# Inschrijven in de BRP en de RNI

## Ingezetene of niet-ingezetene

Wie verwacht binnen zes maanden ten minste vier maanden in Nederland te verblijven, schrijft zich
in als ingezetene. Wie korter blijft, kan zich inschrijven in de RNI.
""",
}


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    """A few guidance documents of different types and themes plus one real (short) statute."""
    root = tmp_path / "corpus"
    for rel, text in SMALL_DOCS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    statute = LAWS / "regeling_goed_verhuurderschap_2023.md"
    if statute.exists():
        (root / "regelgeving").mkdir(exist_ok=True)
        (root / "regelgeving" / statute.name).write_text(
            statute.read_text(encoding="utf-8"), encoding="utf-8"
        )
    return root
