"""Question entry points for statute articles: the file format, where each one lands, and that
they change what retrieval finds only through the article they annotate."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from assistant import annotations
from assistant.annotations import AnnotationError, covers_lid, parse
from assistant.config import DEFAULT_ANNOTATIONS, Settings
from assistant.index import StoredChunk
from assistant.retrieval import Retriever

LAWS = Path(__file__).resolve().parent.parent.parent / "shared" / "laws"

GOOD = """---
bwb_id: BWBR0099999
statute: Testwet
---

## Artikel 2a
- Mag de huisbaas zomaar binnenkomen?
- (lid 3) Hoe lang geldt de vergunning?

## Artikel 3.
- Which rules apply?
"""


def test_parse_reads_articles_leden_and_questions():
    points = parse(GOOD, "testwet.md")
    assert [(p.article, p.lid, p.question) for p in points] == [
        ("2a", None, "Mag de huisbaas zomaar binnenkomen?"),
        ("2a", "3", "Hoe lang geldt de vergunning?"),
        ("3", None, "Which rules apply?"),
    ]
    assert {p.bwb_id for p in points} == {"BWBR0099999"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Artikel 1\n- Vraag?\n", "front matter"),
        ("---\nbwb_id: 12345\n---\n## Artikel 1\n- Vraag?\n", "not a BWB id"),
        ("---\nbwb_id: BWBR0099999\n---\n- Vraag?\n", "before the first"),
        ("---\nbwb_id: BWBR0099999\n---\n## Artikel 1\nlosse tekst\n", "testwet.md:5"),
        ("---\nbwb_id: BWBR0099999\n---\n### Artikel 1\n- Vraag?\n", "expected '## Artikel"),
    ],
)
def test_parse_errors_name_the_file_and_line(text, message):
    with pytest.raises(AnnotationError, match=re.escape(message)):
        parse(text, "testwet.md")


def test_a_bad_file_is_reported_and_the_others_still_load(tmp_path):
    (tmp_path / "goed.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "kapot.md").write_text("## Artikel 1\n- Vraag?\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not annotations\n", encoding="utf-8")
    points, problems = annotations.load(tmp_path)
    assert len(points) == 3
    assert len(problems) == 1 and problems[0].startswith("kapot.md")
    assert annotations.load(None) == ([], [])


@pytest.mark.parametrize(
    ("leden", "lid", "covered"),
    [("lid 3", "3", True), ("leden 1-2", "3", False), ("leden 3-6", "5", True), ("", "1", False)],
)
def test_covers_lid(leden, lid, covered):
    assert covers_lid(leden, lid) is covered


class CountingEmbedder:
    """Unit vectors from a fixed table; counts what it was asked to embed."""

    id = "counting"
    dim = 3

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.embedded: list[str] = []

    def embed_queries(self, texts):
        self.embedded.extend(texts)
        return np.array([self.table[t] for t in texts], dtype=np.float32)

    embed_passages = embed_queries


def test_entry_points_land_on_their_lid_or_the_most_similar_chunk(make_settings, tmp_path):
    (tmp_path / "testwet.md").write_text(
        "---\nbwb_id: BWBR0099999\n---\n## Artikel 5\n- (lid 4) Eerste?\n- Tweede?\n"
        "## Artikel 9\n- Niet in de index?\n",
        encoding="utf-8",
    )
    embedder = CountingEmbedder({"Eerste?": [1, 0, 0], "Tweede?": [0, 0, 1]})
    retriever = Retriever.__new__(Retriever)
    retriever.settings = make_settings(annotations_dir=tmp_path)
    retriever.embedder = embedder
    retriever.entry_points, _ = annotations.load(tmp_path)

    def chunk(leden: str) -> StoredChunk:
        return StoredChunk(
            "c", "t", {"bwb_id": "BWBR0099999", "article": "5", "leden": leden, "structure": "articles"}
        )

    chunks = [chunk("leden 1-3"), chunk("leden 4-5"), chunk("lid 6")]
    vectors = np.array([[0, 1, 0], [1, 0, 0], [0, 0.6, 0.8]], dtype=np.float32)
    entry_vectors, rows, texts = retriever._place_entry_points(chunks, vectors)
    assert rows.tolist() == [1, 2]  # lid 4 -> "leden 4-5"; the other -> its nearest chunk
    assert entry_vectors.shape == (2, 3) and texts == ["Eerste?", "Tweede?"]
    assert embedder.embedded == ["Eerste?", "Tweede?"]  # article 9 is not indexed: not embedded

    retriever._place_entry_points(chunks, vectors)
    assert embedder.embedded == ["Eerste?", "Tweede?"], "cached vectors are not recomputed"


def test_an_english_entry_point_is_placed_by_its_glossed_words_too(make_settings, tmp_path):
    """The small embedder alone put "Can my landlord enter my room ...?" on a chunk of the
    Regeling's article 1 that says nothing about entering; the glossed variant ("Can my
    verhuurder ...") is embedded beside it and the two together choose the chunk."""
    from assistant.analysis import gloss_english

    english = "Can my landlord enter my room without my permission?"
    (tmp_path / "testwet.md").write_text(
        f"---\nbwb_id: BWBR0099999\n---\n## Artikel 5\n- {english}\n- Mag de huisbaas binnenkomen?\n",
        encoding="utf-8",
    )
    # the English question alone leans to chunk 0; its glossed variant clearly to chunk 1
    embedder = CountingEmbedder(
        {english: [0.8, 0.6, 0], gloss_english(english): [0, 1, 0], "Mag de huisbaas binnenkomen?": [1, 0, 0]}
    )
    retriever = Retriever.__new__(Retriever)
    retriever.settings = make_settings(annotations_dir=tmp_path)
    retriever.embedder = embedder
    retriever.entry_points, _ = annotations.load(tmp_path)
    meta = {"bwb_id": "BWBR0099999", "article": "5", "leden": "", "structure": "articles"}
    chunks = [StoredChunk("a", "t", meta), StoredChunk("b", "t", meta)]
    vectors = np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32)
    entry_vectors, rows, texts = retriever._place_entry_points(chunks, vectors)
    assert rows.tolist() == [1, 0], rows  # English by both variants; Dutch by its own vector
    assert texts == [english, "Mag de huisbaas binnenkomen?"]
    assert np.allclose(entry_vectors[0], [0.8, 0.6, 0])  # ranking still uses the question itself


def test_shipped_vectors_spare_a_fresh_ingest_the_embedding(tmp_path):
    """Vectors written beside the files are read instead of embedding again, but only for the
    embedder that made them; a question written since is embedded as before."""
    (tmp_path / "testwet.md").write_text(
        "---\nbwb_id: BWBR0099999\n---\n## Artikel 5\n- Eerste?\n- Which rules apply?\n", encoding="utf-8"
    )
    from assistant.analysis import gloss_english

    table = {
        "Eerste?": [1, 0, 0],
        "Which rules apply?": [0, 1, 0],
        gloss_english("Which rules apply?"): [0, 0, 1],
        annotations._PROBE: [0.6, 0.8, 0],
    }
    assert annotations.write_vectors(tmp_path, CountingEmbedder(table)) == 3  # with the glossed variant
    assert (tmp_path / annotations.SHIPPED_VECTORS).stat().st_mode & 0o777 == 0o644  # not owner-only
    fresh = CountingEmbedder({**table, "Nieuw?": [0, 0, 1]})
    vectors, embedded = annotations.embed(["Eerste?", "Nieuw?"], fresh, tmp_path / "cache", tmp_path)
    assert embedded == 1 and fresh.embedded == [annotations._PROBE, "Nieuw?"]  # the probe checks the model
    assert np.allclose(vectors, [[1, 0, 0], [0, 0, 1]])
    other = CountingEmbedder(table)
    other.id = "another-model"
    annotations.embed(["Eerste?"], other, tmp_path / "cache2", tmp_path)
    assert other.embedded == ["Eerste?"], "vectors of another embedder are not used"
    upgraded = CountingEmbedder({**table, annotations._PROBE: [0, 0.6, 0.8]})  # same id, new weights
    annotations.embed(["Eerste?"], upgraded, tmp_path / "cache3", tmp_path)
    assert upgraded.embedded == [annotations._PROBE, "Eerste?"], "another version's vectors are not used"
    # a damaged file (an interrupted copy) is embedded anew, not fatal
    (tmp_path / annotations.SHIPPED_VECTORS).write_bytes(b"PK\x03\x04 truncated")
    broken = CountingEmbedder(table)
    annotations.embed(["Eerste?"], broken, tmp_path / "cache4", tmp_path)
    assert broken.embedded == ["Eerste?"]


def test_the_shipped_vectors_are_current_for_the_default_embedder():
    """Every shipped entry point (and its placement text) has a vector made by the default
    embedder: after editing annotations/ or the English glossary (placement texts are glossed),
    run `make entry-vectors`."""
    from assistant.embeddings import load_embedder

    embedder = load_embedder(Settings(_env_file=None).embedder)
    points, problems = annotations.load(DEFAULT_ANNOTATIONS)
    assert not problems
    shipped = annotations._shipped(DEFAULT_ANNOTATIONS, embedder)
    texts = annotations.embedding_texts(points)
    missing = [t for t in texts if annotations._key(t) not in shipped]
    assert not missing, f"{len(missing)} entry points without a shipped vector, e.g. {missing[:3]}"
    sample = [texts[0], texts[len(texts) // 2], texts[-1]]
    fresh = embedder.embed_queries(sample)
    for text, vector in zip(sample, fresh, strict=True):
        assert float(np.dot(vector, shipped[annotations._key(text)])) > 0.999, text


STATUTE = """---
title: Testwet kamerverhuur
bwb_id: BWBR0099998
---
# Testwet kamerverhuur

## Artikel 1
In deze wet wordt verstaan onder verhuurder: degene die woonruimte in gebruik geeft tegen betaling.

## Artikel 2
De verhuurder draagt er zorg voor dat de woonruimte voldoet aan de eisen van brandveiligheid.

## Artikel 3
Het is de verhuurder niet toegestaan zich de toegang tot de woonruimte te verschaffen zonder
voorafgaande instemming van de huurder, behoudens in geval van een noodsituatie.

## Artikel 4
De huurprijs wordt jaarlijks aangepast volgens de door de minister vastgestelde percentages.
"""


def test_an_entry_point_steers_the_ranking_to_its_article(make_settings, tmp_path):
    """The entry point is put on article 1 (definitions) on purpose: the question is plainly
    about article 3, so only the entry point can bring article 1 to the top."""
    from assistant.core import Assistant
    from ingest.pipeline import Ingestor

    source = tmp_path / "wet"
    source.mkdir()
    (source / "testwet.md").write_text(STATUTE, encoding="utf-8")
    notes = tmp_path / "annotations"
    notes.mkdir()
    question = "Mag de verhuurder zonder instemming van de huurder de woonruimte binnengaan?"
    (notes / "testwet.md").write_text(
        f"---\nbwb_id: BWBR0099998\n---\n## Artikel 1\n- {question}\n", encoding="utf-8"
    )
    plain = make_settings(annotations_dir=None)
    assert not Ingestor(plain).run([str(source)], progress=False).failed
    annotated = make_settings(data_dir=plain.data_dir, annotations_dir=notes)

    def ranking(settings, asked: str) -> list[str]:
        return [h.locator for h in Assistant.from_settings(settings).search(asked, k=4)]

    assert ranking(plain, question)[0] == "Artikel 3"
    assert ranking(annotated, question)[0] == "Artikel 1"
    # a question unlike the entry point ranks as it did without it
    other = "Wordt de huurprijs elk jaar aangepast?"
    assert ranking(annotated, other)[0] == ranking(plain, other)[0] == "Artikel 4"


@pytest.mark.skipif(not LAWS.is_dir(), reason="../shared/laws is not available")
def test_shipped_annotations_name_articles_that_exist():
    """Every `## Artikel` in annotations/ is an article of the law file(s) it names as its
    source, and every statute in ../shared/laws has entry points."""
    annotated: set[str] = set()
    for path in sorted(DEFAULT_ANNOTATIONS.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        text = path.read_text(encoding="utf-8")
        points = parse(text, path.name)
        sources = re.search(r"^source:\s*(.+)$", text, re.M).group(1).split(",")
        articles: set[str] = set()
        for source in (s.strip() for s in sources):
            annotated.add(source)
            law = (LAWS / source).read_text(encoding="utf-8")
            found = re.findall(r"^#+\s*Artikel\s+([0-9][0-9.]*[a-z]{0,3})", law, re.M | re.I)
            articles.update(a.rstrip(".").lower() for a in found)
        unknown = sorted({p.article for p in points} - articles)
        assert not unknown, f"{path.name}: no such article in {sources}: {unknown}"
        assert all(p.question.endswith("?") for p in points), path.name
    assert {p.name for p in LAWS.glob("*.md")} <= annotated


def test_a_matching_entry_point_lets_the_composer_quote_an_article_in_other_words(laws_assistant):
    """"Laten betalen voor een baan" shares no word with the Waadi's "geen tegenprestatie
    bedongen" (only "uitzendbureau" stands for its "ter beschikking stellen", see
    analysis.STATUTE_WORDS); the entry point that asks the same puts the article's lines
    ENTRY_FOCUS ahead, and the composer quotes it first."""
    from assistant.answer_types import expected
    from assistant.compose_extractive import ENTRY_FOCUS

    question = "Mag het uitzendbureau mij laten betalen voor het regelen van mijn baan?"
    hits = laws_assistant.retriever.retrieve(question, k=3).hits
    assert hits[0].locator == "Artikel 9" and hits[0].entry_points
    answer = laws_assistant.composer.compose(question, hits, "nl", [])
    assert not answer.abstained
    assert "tegenprestatie" in answer.citations[0].quote
    bare = [h.model_copy(update={"entry_points": []}) for h in hits]

    def best_of_top(hits_: list) -> float:
        units = laws_assistant.composer._score_units(question, hits_, "nl", expected(question))
        return max(u.score for u in units if u.hit_index == 0)

    assert best_of_top(hits) - best_of_top(bare) >= ENTRY_FOCUS - 1e-9
    assert "entry_points" not in hits[0].model_dump()  # internal: not in any JSON shape


def test_an_annotated_top_passage_needs_the_entry_margin_on_top_of_the_threshold():
    from assistant.abstention import ENTRY_MARGIN, AbstentionModel
    from assistant.analysis import Analyzer
    from assistant.models import Hit
    from assistant.retrieval import Retrieval

    passage = "Een verhuurvergunning is vijf jaar geldig."
    hit = Hit(rank=1, score=4.0 + ENTRY_MARGIN / 2, source="s", title="t", doc_type="regelgeving",
              locator="Artikel 1", text=passage, chunk_id="c")
    retrieval = Retrieval("Is een verhuurvergunning geldig?", [hit], None, False)
    model = AbstentionModel(threshold=4.0)
    known = {"verhuurvergunning", "geldig"}

    def answers(annotated: bool) -> bool:
        sims = np.array([0.9])
        return model.decide(retrieval, sims, ["verhuurvergunning"], Analyzer(), known, annotated=annotated).answerable

    assert answers(annotated=False)
    assert not answers(annotated=True)


def test_ingest_embeds_a_statutes_entry_points_once_and_reports_missing_articles(make_settings, tmp_path):
    from ingest.pipeline import Ingestor

    source = tmp_path / "wet"
    source.mkdir()
    (source / "testwet.md").write_text(STATUTE, encoding="utf-8")
    notes = tmp_path / "annotations"
    notes.mkdir()
    (notes / "testwet.md").write_text(
        "---\nbwb_id: BWBR0099998\n---\n## Artikel 3\n- Mag de huisbaas binnenkomen?\n"
        "## Artikel 12\n- Bestaat dit artikel?\n",
        encoding="utf-8",
    )
    settings = make_settings(annotations_dir=notes)
    first = Ingestor(settings).run([str(source)], progress=False)
    assert first.entry_points_embedded == 2
    assert ("annotations", "entry points for articles that BWBR0099998 does not have: 12") in first.warnings
    (source / "testwet.md").write_text(STATUTE + "\n## Artikel 5\nNieuw artikel.\n", encoding="utf-8")
    again = Ingestor(settings).run([str(source)], progress=False)
    assert again.updated == ["testwet.md"] and again.entry_points_embedded == 0  # cached


def test_held_out_statute_questions_find_their_passage(laws_assistant, held_out_statute_items):
    """The sixty-nine statute sets written by people who saw neither code nor entry points
    (tests/data/laws-holdout, laws-fresh, laws-blind to laws-blind67): measured hit@5 .979 and
    MRR@10 .927 pooled with the entry points (benchmarks/README.md, session 12)."""
    from assistant.citations import contains_quote

    ranks = []
    for item in held_out_statute_items:
        if item["answerable"]:
            hits = laws_assistant.search(item["question"], k=10)
            ranks.append(next((h.rank for h in hits if contains_quote(h.text, item["quote"])), None))
    hit5 = sum(1 for r in ranks if r and r <= 5) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    assert hit5 >= 0.95 and mrr >= 0.85, (hit5, mrr)


def test_a_summary_with_article_headings_gets_no_entry_points(make_settings, tmp_path):
    """Entry points belong to the statute's own text; a guidance document that discusses
    "Artikel 3" under that heading must not take them (or the stale-article warnings)."""
    from assistant.core import Assistant
    from ingest.pipeline import Ingestor

    source = tmp_path / "docs"
    source.mkdir()
    (source / "testwet.md").write_text(STATUTE, encoding="utf-8")
    (source / "samenvatting.md").write_text(
        "---\ntitle: Testwet uitgelegd\nbwb_id: BWBR0099998\ndoc_type: publicatie\n---\n"
        "# Testwet uitgelegd\n\n## Artikel 3\nDe verhuurder komt niet zomaar binnen.\n\n"
        "## Artikel 4\nDe huur gaat jaarlijks omhoog.\n",
        encoding="utf-8",
    )
    notes = tmp_path / "annotations"
    notes.mkdir()
    (notes / "testwet.md").write_text(
        "---\nbwb_id: BWBR0099998\n---\n## Artikel 3\n- Mag de huisbaas binnenkomen?\n", encoding="utf-8"
    )
    settings = make_settings(annotations_dir=notes)
    report = Ingestor(settings).run([str(source)], progress=False)
    assert not report.failed and not [w for w in report.warnings if w[0] == "annotations"]
    snap = Assistant.from_settings(settings).retriever.snapshot()
    placed = [snap.metas[int(row)] for row in snap.entry_rows]
    assert [(m["source"], m["article"]) for m in placed] == [("testwet.md", "3")]
    assert any(m["source"] == "samenvatting.md" and m["article"] == "3" for m in snap.metas)


def test_a_missing_annotations_folder_is_reported(tmp_path):
    points, problems = annotations.load(tmp_path / "nergens")
    assert points == [] and "no such folder" in problems[0]


def test_lid_ranges_in_markers_are_read():
    points = parse("---\nbwb_id: BWBR0099999\n---\n## Artikel 1\n- (leden 2-3) Vraag?\n", "x.md")
    assert (points[0].lid, points[0].question) == ("2", "Vraag?")
