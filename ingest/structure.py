"""Structure detection: regulations into Hoofdstuk/Paragraaf/Artikel/lid, guidance by heading.

Real statute exports are messy: heading levels differ per file (`###`, `####`, `#####`), some
have no space after the hashes (`####Algemene bepalingen`), numbers are padded with double
spaces (`### Artikel  1.1  `), a chapter's title can sit on the heading line or on the next
one, and articles can appear out of order. The parser therefore keys on the words
(Hoofdstuk, Afdeling, Paragraaf/§, Titel, Artikel), not on heading levels or order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_ARTICLE = re.compile(
    r"^(?:Artikel|Art\.)\s+(?P<num>[0-9]+(?:\.[0-9]+)*[a-z]{0,3}|[IVXLC]+[a-z]?)\b\.?\s*(?P<title>.*)$",
    re.I,
)
_DIVISION = re.compile(
    r"^(?P<kind>Hoofdstuk|Afdeling|Paragraaf|Titel|Deel|§)\s*(?P<num>[0-9A-Z]+(?:\.[0-9]+)*[a-z]{0,2})?\.?\s*(?P<title>.*)$",
    re.I,
)
_LID = re.compile(r"^\s{0,3}(?P<num>[0-9]{1,2}[a-z]?)\.\s+\S")
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_BARE_ARTICLE_LINE = re.compile(r"^Artikel\s+[0-9]+(?:\.[0-9]+)*[a-z]{0,3}\.?(?:\s+.{0,120})?$")


def strip_links(text: str) -> str:
    """`[text](url)` -> `text`: URLs stay in metadata, out of the indexed text."""
    return _LINK.sub(r"\1", text)


def _clean_heading(text: str) -> str:
    return re.sub(r"\s+", " ", strip_links(text)).strip()


@dataclass
class Lid:
    number: str
    text: str


@dataclass
class Article:
    number: str
    title: str
    path: list[str]
    lines: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip()

    def leden(self) -> list[Lid]:
        """Numbered paragraphs (`1.`, `2.`, ...), accepted only in sequence to avoid lists."""
        parts: list[Lid] = []
        current: list[str] = []
        current_num = ""
        expected = 1
        for line in self.lines:
            match = _LID.match(line)
            if match and re.match(rf"^{expected}[a-z]?$", match.group("num")):
                if current or current_num:
                    parts.append(Lid(current_num, "\n".join(current).strip()))
                current_num, current = match.group("num"), [line]
                expected += 1
            elif match and current_num and re.match(r"^\d+[a-z]$", match.group("num")):
                # inserted lid such as "2a." after lid 2
                parts.append(Lid(current_num, "\n".join(current).strip()))
                current_num, current = match.group("num"), [line]
            else:
                current.append(line)
        if current or current_num:
            parts.append(Lid(current_num, "\n".join(current).strip()))
        if len([p for p in parts if p.number]) < 2:
            return [Lid("", self.body)]
        return [p for p in parts if p.text]


@dataclass
class Regulation:
    preamble: list[str]
    articles: list[Article]
    title: str = ""


def is_regulation_text(text: str) -> bool:
    """Three or more article headings (or bare `Artikel N` lines) make a text a regulation."""
    count = 0
    for line in text.splitlines():
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        candidate = heading.group(2) if heading else stripped
        if _ARTICLE.match(candidate) and (heading or _BARE_ARTICLE_LINE.match(stripped)):
            count += 1
            if count >= 3:
                return True
    return False


def parse_regulation(text: str) -> Regulation:
    preamble: list[str] = []
    articles: list[Article] = []
    divisions: dict[str, str] = {}
    order = ["deel", "titel", "hoofdstuk", "afdeling", "paragraaf"]
    current: Article | None = None
    pending_title_for: str | None = None  # division or "article" awaiting a title line
    doc_title = ""

    def path() -> list[str]:
        return [divisions[k] for k in order if k in divisions]

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        heading = _HEADING.match(stripped) if stripped.startswith("#") else None
        content = _clean_heading(heading.group(2)) if heading else stripped
        article = _ARTICLE.match(content) if content else None
        is_bare_article = (
            not heading and article is not None and _BARE_ARTICLE_LINE.match(stripped) is not None
        )
        if article and (heading or is_bare_article):
            current = Article(
                number=article.group("num").rstrip("."),
                title=article.group("title").strip(" .:–-"),
                path=path(),
            )
            articles.append(current)
            pending_title_for = "article" if not current.title else None
            continue
        division = _DIVISION.match(content) if (heading and content) else None
        if division:
            kind = division.group("kind").lower()
            kind = "paragraaf" if kind == "§" else kind
            label = _clean_heading(content)
            divisions[kind] = label
            for lower in order[order.index(kind) + 1 :]:
                divisions.pop(lower, None)
            current = None
            pending_title_for = kind if not division.group("title").strip() else None
            continue
        if heading and content:
            if pending_title_for == "article" and current is not None:
                current.title = content
                pending_title_for = None
                continue
            if pending_title_for and pending_title_for in divisions:
                divisions[pending_title_for] = f"{divisions[pending_title_for]} {content}"
                pending_title_for = None
                continue
            if not doc_title and not articles and heading.group(1) in {"#", "##"}:
                doc_title = content
                continue
        if stripped:
            pending_title_for = None
        if current is None:
            preamble.append(line)
        else:
            current.lines.append(line)
    return Regulation(preamble=preamble, articles=articles, title=doc_title)


@dataclass
class GuidanceSection:
    path: list[str]
    lines: list[str]

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip()


def parse_headings(text: str) -> tuple[str, list[GuidanceSection]]:
    """Split along Markdown headings; returns (first H1 title, sections with heading paths)."""
    title = ""
    stack: list[tuple[int, str]] = []
    sections: list[GuidanceSection] = [GuidanceSection([], [])]
    in_code = False
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.strip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line.strip()) if line.strip().startswith("#") else None
        if heading and heading.group(2):
            level = len(heading.group(1))
            name = _clean_heading(heading.group(2))
            if level == 1 and not title:
                title = name
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, name))
            sections.append(GuidanceSection([n for _, n in stack], []))
            continue
        sections[-1].lines.append(line)
    return title, [s for s in sections if s.body or s.path]
