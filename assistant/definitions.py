"""Questions that ask what a term means, and the lines that define it.

"Wat verstaat de Wet goed verhuurderschap onder een 'verblijfsruimte'?" is answered by one
line of the law's first article ("verblijfsruimte: gebouw of deel van een gebouw ..."), while
the word itself stands in nearly every article of that law: similarity and term coverage rank
the rules that use the word above the line that defines it. Retrieval lifts a chunk with a
definition line for the asked term (`Scoring.definition`).
"""

from __future__ import annotations

import re

from assistant.analysis import STOPWORDS, gloss

_QUOTES = "'\"‘’“”"
_ARTICLE = r"(?:(?:een|de|het|a|an|the)\s+)?"
_TERM = rf"[{_QUOTES}]?(?P<term>[a-zà-ÿ][\w-]*(?:\s+[a-zà-ÿ][\w-]*)?)[{_QUOTES}]?"
_ASKS_DEFINITION = (
    # "Hoe definieert de wet het begrip 'arbeidsmigrant'?", "Wat houdt het begrip X in?"
    re.compile(rf"\b(?:begrip|term|definitie\s+van)\s+{_ARTICLE}{_TERM}", re.I),
    # "Wat verstaat de wet onder een 'verblijfsruimte'?", "Wat wordt verstaan onder beheer?"
    re.compile(rf"\bverst(?:aat|aan)\b.{{0,80}}?\bonder\s+{_ARTICLE}{_TERM}", re.I),
    # "What does the Act mean by a 'woningmarktregio'?", "How does the Act define X?"
    re.compile(rf"\bmean(?:s)?\s+by\s+{_ARTICLE}{_TERM}", re.I),
    re.compile(rf"\b(?:is|are)\s+meant\s+by\s+{_ARTICLE}{_TERM}", re.I),
    re.compile(rf"\b(?:define|defines|definition\s+of)\s+{_ARTICLE}{_TERM}", re.I),
    # "Wat is een verblijfsruimte volgens de Wgv?", "What counts as a labour migrant?"
    # (with "een" / "a": "Wat is de boete?" asks a value)
    re.compile(rf"\bwat\s+is\s+een\s+{_TERM}\s*(?:\?|\s+(?:volgens|in|onder)\b)", re.I),
    re.compile(rf"\bwat\s+betekent\s+{_ARTICLE}{_TERM}\s*(?:\?|\s+(?:volgens|in|onder)\b)", re.I),
    re.compile(
        rf"\bwhat\s+(?:is\s+an?|counts\s+as\s+(?:an?\s+)?)\s*{_TERM}\s*(?:\?|\s+(?:under|according|in)\b)",
        re.I,
    ),
)


def defined_term(question: str) -> str | None:
    """The term whose meaning the question asks, in the statutes' language ("verblijfsruimte";
    an English word by its Dutch statute word); None for other questions."""
    for pattern in _ASKS_DEFINITION:
        match = pattern.search(question)
        if match is None:
            continue
        words = match.group("term").lower().split()
        if len(words) == 1:
            return (gloss(words[0]) or words[0]).split()[-1]
        # English words by their Dutch statute words ("tourist rental" -> "toeristische
        # verhuur", "labour migrant" -> "arbeidsmigrant"); a Dutch adjective and its noun as
        # they stand ("toeristische verhuur"); else the first word ("beheer precies")
        dutch = [gloss(word) for word in words]
        if any(dutch):
            parts = [d.split()[-1] if d else w for d, w in zip(dutch, words, strict=True)]
            return " ".join(dict.fromkeys(parts))
        # "toegelaten instelling": an adjective or participle before the noun
        adjective = words[0].endswith(("e", "en")) and words[1] not in STOPWORDS
        return " ".join(words) if adjective else words[0]
    return None


def defines(text: str, term: str) -> bool:
    """Does `text` have a line that defines `term` ("- *verblijfsruimte:* gebouw ...",
    "b. toeristische verhuur: in een woonruimte ...")? Plural and inflected forms count."""
    # the term itself or an inflection ("arbeidsmigranten"), not a compound that begins with
    # it ("woning" is no "woningmarktregio"); "f. *de ingezetene:*" has an article before it
    return bool(
        re.search(
            rf"(?m)^[ \t\-–•]*(?:[a-z\d]{{1,3}}[.)°][ \t]*)?[*_]{{0,2}}(?:(?:de|het|een)\s+)?"
            rf"{re.escape(term)}(?:s|en|e|n)?[*_]{{0,2}}[ \t]*:",
            text,
            re.I,
        )
    )
