"""A statute article ranks just above our own summary of it, when both are indexed."""

from __future__ import annotations

from pathlib import Path

from assistant.config import DEFAULT_CORPUS
from assistant.summaries import AUTHORITY, lift_articles, summarised_rows

LAWS = Path(__file__).resolve().parents[2] / "shared" / "laws"


def _article(bwb: str, number: str, index: int) -> dict[str, object]:
    return {"structure": "articles", "bwb_id": bwb, "article": number, "chunk_index": index}


def _summary(bwb: str, heading: str) -> dict[str, object]:
    return {"structure": "sections", "bwb_id": bwb, "heading_path": f"Samenvatting > {heading}"}


METAS = [
    _article("B1", "2.11", 5),  # 0
    _article("B1", "2.12", 6),  # 1
    _article("B1", "2.13", 7),  # 2
    _article("B1", "2.14", 8),  # 3
    _article("B1", "2.14", 9),  # 4: a second chunk of 2.14
    _summary("B1", "Artikelen 2.11 en 2.12 – Maximaal aantal personen"),  # 5
    _summary("B1", "Artikelen 2.12 tot en met 2.14 – Een reeks"),  # 6
    _summary("B2", "Artikel 12ba – Ingezetene"),  # 7: its statute is not indexed
    {"structure": "sections", "heading_path": "Artikel 3 – Uitleg"},  # 8: guidance, no statute
]


def test_summary_sections_map_to_the_articles_they_name_and_ranges_in_document_order():
    rows = summarised_rows(METAS)
    assert rows[5] == [[0], [1]]
    assert rows[6] == [[1], [2], [3, 4]]
    assert 7 not in rows and 8 not in rows
    assert summarised_rows([m for m in METAS if m.get("structure") == "sections"]) == {}


def test_the_best_found_article_is_placed_just_above_its_summary_keeping_its_chunks_order():
    summarised = summarised_rows(METAS)
    # summary of 2.12-2.14 first; 2.14 (two chunks) was found, 2.12 and 2.13 were not
    ranked = [(6, 4.5), (8, 4.4), (3, 4.0), (4, 3.7), (0, 3.9)]
    lifted = dict(lift_articles(ranked, summarised))
    assert lifted[3] == 4.5 + AUTHORITY  # the best chunk of 2.14, above the summary
    assert abs(lifted[4] - (lifted[3] - 0.3)) < 1e-9  # its other chunk keeps its distance
    assert 1 not in lifted and 2 not in lifted  # articles nobody found are not brought in
    order = [pos for pos, _ in lift_articles(ranked, summarised)]
    assert order.index(3) < order.index(6) < order.index(8)
    # a range summary lifts one article, the best found, not all of them
    ranked = [(6, 4.5), (1, 4.0), (3, 4.2)]
    assert dict(lift_articles(ranked, summarised)) == {6: 4.5, 3: 4.5 + AUTHORITY, 1: 4.0}
    # articles of a filtered-out chunk, or without a summary in the ranking, stay where they are
    assert dict(lift_articles(ranked, summarised, allowed=[False] * len(METAS)))[3] == 4.2
    assert lift_articles(ranked, {}) == ranked


def test_in_an_index_with_both_the_article_comes_first(make_settings):
    """The Wgv and our per-article summary of it in one index: the summary of art. 2 is the
    nearer text for this question, the article's own text now ranks just above it."""
    if not LAWS.is_dir():
        import pytest

        pytest.skip("../shared/laws is not available")
    from assistant.core import Assistant
    from ingest.pipeline import Ingestor

    settings = make_settings(annotations_dir=None)
    report = Ingestor(settings).run(
        [str(LAWS / "wet_goed_verhuurderschap_2026.md"), str(DEFAULT_CORPUS / "regelgeving" / "wet-goed-verhuurderschap.md")],
        progress=False,
    )
    assert not report.failed
    assistant = Assistant.from_settings(settings)
    snap = assistant.retriever.snapshot()
    assert snap.summarised
    hits = assistant.search("Welke regels gelden voor het meldpunt voor ongewenst verhuurgedrag?", k=5)
    kinds = [snap.metas[snap.position[h.chunk_id]].get("structure") for h in hits]
    assert kinds[0] == "articles", [(h.source, h.locator) for h in hits]
    assert "sections" in kinds[:3]
