"""Loaders: a file (or fetched URL) -> plain Markdown-ish text plus the metadata it declares.

Every loader returns Markdown-like text (headings as `#` lines) so one structure detector and
one chunker serve all formats. A file that cannot be read raises `LoadError` with a reason the
ingest summary can show to an editor.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.frontmatter import FrontMatterError, split_front_matter

SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx"}


class LoadError(Exception):
    """A document that cannot be read; the message says why, for the ingest report."""


@dataclass
class LoadedDocument:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    format: str = "markdown"


_HTML_META_LINE = re.compile(r"^\s*<meta\b[^>]*>\s*$", re.I | re.M)


def _decode(data: bytes) -> str:
    if not data.strip():
        raise LoadError("file is empty")
    if b"\x00" in data[:4096]:
        raise LoadError("file looks binary, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("file is not valid UTF-8 or Windows-1252 text")


def load_markdown(data: bytes) -> LoadedDocument:
    text = _decode(data)
    try:
        meta, body, _ = split_front_matter(text)
    except FrontMatterError as exc:
        raise LoadError(str(exc)) from exc
    body = _HTML_META_LINE.sub("", body)
    if not body.strip():
        raise LoadError("document has no text after its front matter")
    return LoadedDocument(body, meta, "markdown")


def load_text(data: bytes) -> LoadedDocument:
    return LoadedDocument(_decode(data), {}, "text")


def load_html(data: bytes) -> LoadedDocument:
    from bs4 import BeautifulSoup

    text = _decode(data)
    soup = BeautifulSoup(text, "html.parser")
    meta: dict[str, Any] = {}
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = soup.title.get_text(" ", strip=True)
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or "").lower()
        if name in {"description", "og:description"} and tag.get("content"):
            meta.setdefault("summary", tag["content"])
        if name in {"dcterms.identifier", "og:url"} and tag.get("content"):
            meta.setdefault("url", tag["content"])
    for bad in soup(["script", "style", "nav", "footer", "header", "noscript", "form"]):
        bad.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines: list[str] = []
    for el in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "pre"]):
        if el.find_parent(["li", "td"]) and el.name in {"p"}:
            continue
        content = el.get_text(" ", strip=True)
        if not content:
            continue
        if el.name.startswith("h"):
            lines.append("#" * int(el.name[1]) + " " + content)
        elif el.name == "li":
            lines.append("- " + content)
        else:
            lines.append(content)
    body = "\n\n".join(lines)
    if not body.strip():
        raise LoadError("HTML page has no readable text")
    return LoadedDocument(body, meta, "html")


def load_pdf(data: bytes) -> LoadedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise LoadError("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise LoadError("PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise LoadError(f"PDF is damaged or truncated ({type(exc).__name__}: {exc})") from exc
    meta: dict[str, Any] = {}
    try:
        info = reader.metadata
        if info and info.title:
            meta["title"] = str(info.title)
    except Exception:  # noqa: BLE001 - metadata is optional and often broken
        pass
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise LoadError("PDF has no extractable text (scanned images need OCR first)")
    return LoadedDocument(text, meta, "pdf")


def load_docx(data: bytes) -> LoadedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError("not a DOCX file (not a ZIP package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise LoadError(f"DOCX is damaged ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    for para in document.paragraphs:
        content = para.text.strip()
        if not content:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        level = re.match(r"(heading|kop)\s*(\d)", style)
        if style == "title":
            lines.append("# " + content)
        elif level:
            lines.append("#" * (int(level.group(2)) + 1) + " " + content)
        elif "list" in style:
            lines.append("- " + content)
        else:
            lines.append(content)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
    meta: dict[str, Any] = {}
    if document.core_properties.title:
        meta["title"] = document.core_properties.title
    text = "\n\n".join(lines)
    if not text.strip():
        raise LoadError("DOCX has no text")
    return LoadedDocument(text, meta, "docx")


_LOADERS = {
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}


def load_bytes(data: bytes, suffix: str) -> LoadedDocument:
    loader = _LOADERS.get(suffix.lower())
    if loader is None:
        raise LoadError(f"unsupported file type {suffix!r}")
    return loader(data)


def load_path(path: Path) -> LoadedDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    return load_bytes(data, path.suffix)


def load_url(url: str, timeout: float = 20.0) -> tuple[LoadedDocument, bytes]:
    """Fetch a page or file over HTTP(S) and load it by its content type."""
    import httpx

    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise LoadError(f"cannot fetch {url}: {exc}") from exc
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    suffix = {
        "application/pdf": ".pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
        "text/markdown": ".md",
        "text/plain": ".txt",
        "text/html": ".html",
        "application/xhtml+xml": ".html",
    }.get(ctype)
    if suffix is None:
        suffix = Path(url.split("?")[0]).suffix.lower() or ".html"
    doc = load_bytes(response.content, suffix)
    doc.meta.setdefault("url", url)
    return doc, response.content
