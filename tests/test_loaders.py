"""Loaders for every supported format, on real files, and their errors on bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.loaders import LoadError, load_bytes, load_path

from .conftest import LAWS


def make_pdf(text_lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setTitle("Handreiking huisvesting")
    y = 800
    for line in text_lines:
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Stappenplan RNI"
    document.add_heading("Stappenplan RNI", level=0)
    document.add_heading("Groepsinschrijving", level=1)
    document.add_paragraph("Neem contact op met de accountmanager van het RNI-loket.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Termijn"
    table.rows[0].cells[1].text = "vijf werkdagen"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_markdown_with_front_matter_from_real_law():
    doc = load_path(LAWS / "wet_goed_verhuurderschap_2026.md")
    assert doc.meta["identifier"] == "BWBR0048028"
    assert doc.meta["citeertitel"] == "Wet goed verhuurderschap"
    assert not doc.text.startswith("---")
    assert "##### Artikel 1" in doc.text


def test_markdown_with_html_meta_line_and_no_front_matter():
    doc = load_path(LAWS / "wet_brp_stand2015.md")
    assert doc.meta == {}
    assert "<meta" not in doc.text
    assert "Artikel  2.38" in doc.text


def test_html_keeps_headings_and_drops_navigation():
    html = b"""<html><head><title>Meldpunt</title><meta name="description" content="Over het meldpunt"></head>
    <body><nav>Menu Home Contact</nav><main><h1>Meldpunt</h1><h2>Bereikbaarheid</h2>
    <p>Het meldpunt is bereikbaar per telefoon.</p><ul><li>Pools</li><li>Roemeens</li></ul></main>
    <script>var x = 1;</script></body></html>"""
    doc = load_bytes(html, ".html")
    assert doc.meta["title"] == "Meldpunt"
    assert doc.meta["summary"] == "Over het meldpunt"
    assert "## Bereikbaarheid" in doc.text
    assert "- Pools" in doc.text
    assert "Menu" not in doc.text and "var x" not in doc.text


def test_pdf_text_and_title():
    doc = load_bytes(make_pdf(["Huisvesting van arbeidsmigranten", "Kies locaties met beheer."]), ".pdf")
    assert "Kies locaties met beheer." in doc.text
    assert doc.meta["title"] == "Handreiking huisvesting"


def test_docx_headings_paragraphs_and_tables():
    doc = load_bytes(make_docx(), ".docx")
    assert "# Stappenplan RNI" in doc.text
    assert "## Groepsinschrijving" in doc.text
    assert "accountmanager" in doc.text
    assert "| Termijn | vijf werkdagen |" in doc.text


def test_plain_text_in_windows_1252():
    doc = load_bytes("Caf\u00e9 en co\u00f6rdinatie".encode("cp1252"), ".txt")
    assert doc.text == "Café en coördinatie"


@pytest.mark.parametrize(
    ("data", "suffix", "reason"),
    [
        (b"", ".md", "empty"),
        (b"   \n", ".txt", "empty"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog", ".pdf", "damaged or truncated"),
        (b"this is not a pdf", ".pdf", "not a PDF"),
        (bytes(range(256)) * 10, ".docx", "not a DOCX"),
        (b"---\ntitle: [unclosed\n---\nbody", ".md", "front matter"),
        (b"\x00\x01binary", ".txt", "binary"),
    ],
)
def test_bad_input_raises_load_error_with_reason(data: bytes, suffix: str, reason: str):
    with pytest.raises(LoadError, match=reason):
        load_bytes(data, suffix)


def test_zip_that_is_not_a_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="DOCX is damaged"):
        load_bytes(buf.getvalue(), ".docx")


def test_truncated_real_pdf(tmp_path: Path):
    data = make_pdf(["Een regel tekst over registratie in de BRP."])
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError):
        load_path(path)
