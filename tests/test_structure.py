"""The statute parser and chunker on the real, messy statute files in ../shared/laws."""

from __future__ import annotations

import re

import pytest

from ingest.chunking import MAX_CHARS, article_chunks, guidance_chunks, regulation_chunks
from ingest.frontmatter import split_front_matter
from ingest.structure import is_regulation_text, parse_headings, parse_regulation, strip_links

from .conftest import LAWS


def law(name: str) -> str:
    path = LAWS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def articles_by_number(name: str):
    return {a.number: a for a in parse_regulation(law(name)).articles}


def test_wgv_articles_and_leden():
    arts = articles_by_number("wet_goed_verhuurderschap_2026.md")
    assert {"1", "2", "2a", "8", "9", "23a", "31"} <= set(arts)
    leden = [lid.number for lid in arts["2"].leden()]
    assert leden[:4] == ["1", "2", "3", "4"]
    assert arts["2"].path == ["Hoofdstuk 2. Regels inzake het bevorderen van goed verhuurderschap"]


def test_brp_double_spaces_and_titles_on_next_heading():
    arts = articles_by_number("wet_brp_stand2015.md")
    assert {"1.1", "2.38", "2.43"} <= set(arts)
    art = arts["2.38"]
    assert [lid.number for lid in art.leden()][:3] == ["1", "2", "3"]
    # "### Hoofdstuk  2  " followed by a separate title heading is joined into one label
    assert art.path[0].startswith("Hoofdstuk 2 ")
    assert len(art.path[0]) > len("Hoofdstuk 2 ")


def test_huisvestingswet_out_of_order_articles_are_all_found():
    numbers = [a.number for a in parse_regulation(law("huisvestingswet_2014_2026.md")).articles]
    for expected in ("11a", "11b", "11c", "23a", "23h", "33a", "21", "35"):
        assert expected in numbers
    assert len(numbers) == len(set(numbers))


def test_waadi_article_titles_and_12ba():
    arts = articles_by_number("waadi_incl_wtta_2026.md")
    assert arts["12ba"].title.startswith("Zorgplicht correcte registratie")
    assert "12b" in arts and "12i" in arts


def test_bbl_decimal_articles_with_parenthesised_titles():
    arts = articles_by_number("bbl_2026_excerpt_chars680000-712000.md")
    assert arts["6.6"].title == "(aansturingsartikel)"
    assert "5.24" in arts and "6.7" in arts


def test_every_law_file_is_detected_as_regulation():
    for path in sorted(LAWS.glob("*.md")):
        assert is_regulation_text(split_front_matter(path.read_text())[1]), path.name


def test_article_chunks_carry_locator_header_and_stay_under_budget():
    text = law("wet_goed_verhuurderschap_2026.md")
    chunks = regulation_chunks(text, "Wet goed verhuurderschap")
    assert chunks
    for chunk in chunks:
        assert chunk.locator == "Aanhef" or chunk.locator.startswith("Artikel ")
        assert chunk.text.startswith(f"Wet goed verhuurderschap — {chunk.locator}")
        body = chunk.text.split("\n\n", 1)[1]
        assert len(body) <= MAX_CHARS + 200
        assert "](http" not in chunk.text  # link URLs are metadata, not indexed text
    locators = {c.locator for c in chunks}
    # article 2 is long: it is packed by lid, and lid 3 (labour-migrant rules) is addressable
    assert any(re.fullmatch(r"Artikel 2, (lid 3|leden \d+-\d+)", loc) for loc in locators)


def test_lid_packing_labels_ranges():
    arts = articles_by_number("wet_goed_verhuurderschap_2026.md")
    chunks = article_chunks(arts["2"], "Wgv", budget=600)
    labels = [c.leden for c in chunks]
    assert all(label and label.startswith(("lid ", "leden ")) for label in labels)
    joined = "\n".join(c.text for c in chunks)
    assert "afzonderlijk van de arbeidsovereenkomst" in joined


def test_table_rows_are_never_cut():
    text = law("bbl_2026_excerpt_chars680000-712000.md")
    rows = [line.strip() for line in text.splitlines() if line.strip().startswith("|")]
    chunks = regulation_chunks(text, "Bbl")
    indexed = "\n".join(c.text for c in chunks)
    for row in rows:
        assert strip_links(row) in indexed


def test_guidance_split_along_headings_with_title_path():
    text = "# Titel\n\nIntro.\n\n## Deel A\n\nTekst A.\n\n### Sub\n\nTekst sub.\n\n## Deel B\n\nTekst B."
    title, sections = parse_headings(text)
    assert title == "Titel"
    chunks = guidance_chunks(text, title)
    assert [c.locator for c in chunks] == ["Inleiding", "Deel A", "Deel A > Sub", "Deel B"]
    assert chunks[2].text.startswith("Titel — Deel A > Sub")


def test_long_guidance_section_is_split():
    body = " ".join(f"Zin nummer {i} over huisvesting van arbeidsmigranten." for i in range(200))
    chunks = guidance_chunks(f"# T\n\n## Lang\n\n{body}", "T")
    assert len(chunks) > 1
    assert all(c.locator == "Lang" for c in chunks)


def test_guidance_text_loses_markdown_emphasis_but_statutes_keep_it():
    from ingest.chunking import strip_emphasis

    assert strip_emphasis("**Vaststaand:** sinds 2024 een *eigen* kamer") == "Vaststaand: sinds 2024 een eigen kamer"
    assert strip_emphasis("* een lijstpunt\n- a * b * c") == "* een lijstpunt\n- a * b * c"
    chunks = guidance_chunks("# T\n\n## Normen\n\n**Vaststaand:** 3,5 m² per persoon.", "T")
    assert "**" not in chunks[0].text and "Vaststaand: 3,5 m²" in chunks[0].text
    brp = regulation_chunks(law("wet_brp_stand2015.md"), "Wet BRP")
    assert any("*Onze Minister:*" in c.text for c in brp)
