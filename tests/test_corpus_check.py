"""The corpus checker: deliberately broken documents are reported; the shipped corpus is clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.taxonomy import THEMES
from ingest.corpus_check import check_corpus, corpus_stats

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _doc(
    title: str,
    doc_type: str = "publicatie",
    themes: str = "[huisvesting]",
    extra: str = "",
    body: str = "",
) -> str:
    title_line = f'title: "{title}"\n' if title else ""
    return (
        "---\n"
        f"{title_line}"
        f"doc_type: {doc_type}\n"
        f"themes: {themes}\n"
        'summary: "Korte samenvatting."\n'
        "sources:\n  - https://example.org/bron\n"
        "updated: 2026-11-28\n"
        f"{extra}"
        "---\n\n"
        f"# {title or 'Zonder titel'}\n\nInleiding.\n\n## Sectie\n\nTekst. {body}\n"
    )


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def broken_corpus(tmp_path: Path) -> Path:
    _write(
        tmp_path, "publicaties/goed.md", _doc("Goed document", body="[tip](../praktijktips/a.md)")
    )
    _write(tmp_path, "publicaties/zonder-titel.md", _doc(""))
    _write(
        tmp_path, "publicaties/onbekend-thema.md", _doc("Thema", themes="[huisvesting, vakantie]")
    )
    _write(tmp_path, "publicaties/onbekend-type.md", _doc("Type", doc_type="nieuwsbrief"))
    _write(
        tmp_path, "publicaties/kapotte-link.md", _doc("Link", body="Zie [dit](bestaat-niet.md).")
    )
    _write(
        tmp_path,
        "regelgeving/slechte-bwb.md",
        _doc("Wet", doc_type="regelgeving", extra="bwb_id: BWB123\nversion_date: 2026-06-04\n"),
    )
    _write(tmp_path, "regelgeving/verkeerde-map.md", _doc("Verkeerde map"))
    _write(tmp_path, "publicaties/dubbel.md", _doc("Dubbele titel"))
    _write(tmp_path, "publicaties/dubbel-2.md", _doc("Dubbele  titel"))
    _write(tmp_path, "publicaties/geen-front-matter.md", "# Alleen tekst\n\nGeen metadata.\n")
    _write(tmp_path, "praktijktips/a.md", _doc("Tip A", doc_type="praktijktip"))
    _write(tmp_path, "praktijktips/b.md", _doc("Tip B", doc_type="praktijktip"))
    _write(tmp_path, "README.md", "# Geen front matter nodig\n")
    return tmp_path


def _errors_for(problems, rel: str) -> list[str]:
    return [p.message for p in problems if p.path == rel and p.severity == "error"]


def test_broken_documents_are_reported(broken_corpus: Path) -> None:
    problems = check_corpus(broken_corpus)

    assert _errors_for(problems, "publicaties/goed.md") == []
    assert any("'title'" in m for m in _errors_for(problems, "publicaties/zonder-titel.md"))
    assert any("'vakantie'" in m for m in _errors_for(problems, "publicaties/onbekend-thema.md"))
    assert any("'nieuwsbrief'" in m for m in _errors_for(problems, "publicaties/onbekend-type.md"))
    assert any(
        "broken internal link" in m and "bestaat-niet.md" in m
        for m in _errors_for(problems, "publicaties/kapotte-link.md")
    )
    assert any("bwb_id" in m for m in _errors_for(problems, "regelgeving/slechte-bwb.md"))
    assert any("folder" in m for m in _errors_for(problems, "regelgeving/verkeerde-map.md"))
    for rel in ("publicaties/dubbel.md", "publicaties/dubbel-2.md"):
        assert any("duplicate title" in m for m in _errors_for(problems, rel))
    assert any(
        "front matter" in m for m in _errors_for(problems, "publicaties/geen-front-matter.md")
    )
    assert not any(p.path == "README.md" for p in problems)

    # Two practice tips on housing only: every other theme is reported as missing.
    coverage = _errors_for(problems, "praktijktips")
    assert not any("'huisvesting'" in m for m in coverage)
    assert sum("practice tip" in m for m in coverage) == len(THEMES) - 1


def test_regelgeving_without_version_date_is_reported(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "regelgeving/wet.md",
        _doc("Wet", doc_type="regelgeving", extra="bwb_id: BWBR0048028\n"),
    )
    problems = check_corpus(tmp_path, min_tips_per_theme=0)
    assert any("version_date" in m for m in _errors_for(problems, "regelgeving/wet.md"))


def test_corpus_stats_counts_doc_types_and_tip_themes(broken_corpus: Path) -> None:
    stats = corpus_stats(broken_corpus)
    assert stats["doc_types"]["praktijktip"] == 2
    assert stats["practice_tips_per_theme"]["huisvesting"] == 2
    assert set(stats["practice_tips_per_theme"]) == set(THEMES)


def test_shipped_corpus_has_no_errors() -> None:
    errors = [str(p) for p in check_corpus(CORPUS) if p.severity == "error"]
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize(
    "questions",
    sorted((Path(__file__).parent / "data").glob("corpus-questions*.jsonl")),
    ids=lambda p: p.name,
)
def test_question_quotes_occur_in_their_documents(questions: Path) -> None:
    """Every answerable question's quote is verbatim (whitespace-collapsed) in its document."""
    missing = []
    for line in questions.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if not item["answerable"]:
            assert item["quote"] is None and item["source_file"] is None, item["id"]
            continue
        text = " ".join((CORPUS / item["source_file"]).read_text(encoding="utf-8").split())
        if " ".join(item["quote"].split()) not in text:
            missing.append(item["id"])
    assert missing == [], f"quotes not found in their source_file: {missing}"
