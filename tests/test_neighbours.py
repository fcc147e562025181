"""Neighbouring pieces of one article found together are shown as one passage."""

from __future__ import annotations

from assistant.models import Citation, Hit
from assistant.neighbours import MAX_PIECES, Piece, cited_piece, group, inner_headers, joined


def _meta(index: int, article: str | None = "7", doc: str = "wgv") -> dict[str, object]:
    meta: dict[str, object] = {"chunk_index": index, "doc_key": doc, "structure": "articles"}
    if article:
        meta["article"] = article
    return meta


def test_direct_neighbours_of_one_article_join_at_the_better_rank():
    metas = [_meta(12), _meta(13), _meta(20, "10"), _meta(15)]
    # ranked: chunk 13 first, then Artikel 10, then chunk 12 (neighbour of 13), then chunk 15
    assert group([1, 2, 0, 3], metas, k=5, depth=10) == [[1, 0], [2], [3]]


def test_pieces_of_other_articles_documents_or_guidance_stay_apart():
    summary = {"chunk_index": 4, "doc_key": "wgv", "article": "7", "structure": "sections"}
    metas = [_meta(3), _meta(4, "8"), _meta(4, doc="waadi"), _meta(4, None), summary]
    assert group([0, 1, 2, 3, 4], metas, k=5, depth=10) == [[0], [1], [2], [3], [4]]


def test_a_piece_between_two_passages_joins_them():
    metas = [_meta(1), _meta(3), _meta(2)]
    assert group([0, 1, 2], metas, k=5, depth=10) == [[0, 2, 1]]


def test_k_limits_new_passages_but_later_neighbours_still_join_within_depth():
    metas = [_meta(1, "1"), _meta(5, "2"), _meta(2, "1"), _meta(9, "3")]
    assert group([0, 1, 3, 2], metas, k=2, depth=4) == [[0, 2], [1]]
    assert group([0, 1, 3, 2], metas, k=2, depth=3) == [[0], [1]]


def test_k_passages_even_when_the_top_of_the_ranking_is_all_neighbours():
    # five articles of four pieces each fill the joining window; the sixth article still comes
    metas = [_meta(10 * a + p, str(a)) for a in range(6) for p in range(4)]
    groups = group(list(range(len(metas))), metas, k=6, depth=20)
    assert [len(g) for g in groups] == [4, 4, 4, 4, 4, 1]


def test_a_passage_stops_growing_at_max_pieces():
    metas = [_meta(i) for i in range(MAX_PIECES + 1)]
    groups = group(list(range(MAX_PIECES + 1)), metas, k=5, depth=10)
    assert [len(g) for g in groups] == [MAX_PIECES, 1]


def _piece(cid: str, locator: str, body: str) -> Piece:
    return Piece(chunk_id=cid, locator=locator, text=f"Wet goed verhuurderschap (Wgv) — {locator}\n\n{body}")


def test_joined_text_is_the_pieces_as_indexed_in_document_order():
    later = _piece("c14", "Artikel 7, leden 2-4", "- b. indien ten aanzien van de verhuurder ...\n\n3. Voordat ...")
    first = _piece("c13", "Artikel 7, lid 2", "2. Een vergunning kan uitsluitend worden geweigerd:")
    text, locator = joined([later, first], [14, 13])
    assert locator == "Artikel 7, leden 2-4"
    assert text == first.text + "\n\n" + later.text  # each piece verbatim, headers included
    assert inner_headers([later, first]) == {
        "Wet goed verhuurderschap (Wgv) — Artikel 7, lid 2",
        "Wet goed verhuurderschap (Wgv) — Artikel 7, leden 2-4",
    }


def test_pieces_without_leden_keep_the_article_locator():
    text, locator = joined([_piece("a", "Artikel 12", "eerste deel"), _piece("b", "Artikel 12", "tweede deel")], [1, 2])
    assert locator == "Artikel 12"
    assert text.index("eerste deel") < text.index("tweede deel")


def test_a_citation_links_to_the_piece_its_quote_is_in_and_shows_the_passage_locator():
    pieces = [_piece("c13", "Artikel 7, lid 2", "2. Een vergunning kan worden geweigerd."), _piece("c14", "Artikel 7, lid 3", "3. Voordat advies wordt gevraagd.")]
    text, locator = joined(pieces, [13, 14])
    hit = Hit(
        rank=1, score=1.0, source="wgv.md", title="Wgv", doc_type="regelgeving",
        locator=locator, text=text, chunk_id="c13", pieces=pieces,
    )
    citation = Citation.from_hit(1, hit, "Voordat advies wordt gevraagd.")
    assert (citation.chunk_id, citation.locator) == ("c14", "Artikel 7, leden 2-3")
    assert cited_piece(pieces, "worden geweigerd. Wet") is None
    assert Citation.from_hit(1, hit, "geweigerd.").chunk_id == "c13"
    assert "pieces" not in hit.model_dump()


def test_search_joins_the_neighbouring_pieces_it_finds(laws_assistant, laws_settings):
    """On the real statutes: joined hits are contiguous pieces of one article, the best hit is
    the same chunk as without joining, and no two hits are still neighbours."""
    from assistant.core import Assistant

    separate = Assistant.from_settings(laws_settings.model_copy(update={"join_neighbours": False}))
    snap = laws_assistant.retriever.snapshot()
    questions = [
        "Mag de gemeente de verhuurvergunning weigeren na een boete?",
        "Wanneer kan de gemeente het beheer van een woning overnemen?",
        "Welke gegevens moet een uitzendonderneming met een toelating registreren?",
    ]
    joined_any = False
    for question in questions:
        hits = laws_assistant.search(question, k=10)
        plain = separate.search(question, k=10)
        assert hits[0].chunk_id == plain[0].chunk_id
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        placed = []
        for hit in hits:
            rows = [snap.position[p.chunk_id] for p in hit.pieces] or [snap.position[hit.chunk_id]]
            indexes = sorted(int(snap.metas[r]["chunk_index"]) for r in rows)
            assert indexes == list(range(indexes[0], indexes[0] + len(indexes)))
            assert len({(snap.metas[r]["doc_key"], snap.metas[r].get("article")) for r in rows}) == 1
            for piece in hit.pieces:
                assert piece.text in hit.text  # the search contract: text as indexed
            joined_any |= len(rows) > 1
            placed.append((snap.metas[rows[0]]["doc_key"], snap.metas[rows[0]].get("article"), indexes))
        for i, (doc, article, idx) in enumerate(placed):
            for doc2, article2, idx2 in placed[i + 1 :]:
                if article and (doc, article) == (doc2, article2) and len(idx) + len(idx2) <= MAX_PIECES:
                    assert idx2[0] - idx[-1] != 1 and idx[0] - idx2[-1] != 1
    assert joined_any



def test_answers_from_a_joined_passage_quote_no_header_line(laws_assistant):
    """Between two pieces stands the second one's header ("... — Artikel 7, leden 2-4"): the
    composer reads past it, never quotes it."""
    question = "Mag de gemeente de verhuurvergunning weigeren na een boete?"
    hits = laws_assistant.search(question, k=5)
    joined_hits = [h for h in hits if h.pieces]
    assert joined_hits
    headers = {line for h in joined_hits for line in inner_headers(h.pieces)}
    answer = laws_assistant.ask(question, remember=False)
    assert not answer.abstained
    assert not any(header in answer.answer for header in headers)
    assert all(c.quote not in headers for c in answer.citations)


def test_the_kind_of_answer_is_looked_for_piece_by_piece():
    """The inner header "— Artikel 7, leden 2-4" of a joined passage is no number."""
    from assistant.abstention import AbstentionModel
    from assistant.retrieval import Retrieval

    pieces = [
        _piece("c12", "Artikel 7, lid 1", "1. Een vergunning wordt geweigerd."),
        _piece("c13", "Artikel 7, leden 2-4", "2. De vergunning kan worden geweigerd."),
    ]
    text, locator = joined(pieces, [12, 13])
    hit = Hit(rank=1, score=5.0, source="wgv.md", title="Wgv", doc_type="regelgeving",
              locator=locator, text=text, chunk_id="c12", pieces=pieces)
    retrieval = Retrieval("Hoeveel vergunningen worden geweigerd?", [hit], None, False)
    reason = AbstentionModel(threshold=1.0).refusal(retrieval, {"vergunningen", "geweigerd"})
    assert reason is not None and reason.startswith("asks for a count"), reason
