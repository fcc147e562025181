"""Question language: Dutch or English, decided by function words.

A statistical detector is overkill for two languages and unreliable on short legal questions
full of Dutch terms ("What does the Wgv say about a verhuurvergunning?"). Function words are
what give a sentence's language away, so we count those.
"""

from __future__ import annotations

import re

from assistant.models import Language

_EN = set(
    ["the", "a", "an", "is", "are", "was", "were", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "does", "do", "did", "can", "could", "should", "would", "must", "may", "of", "for", "to", "in", "on", "with", "by", "from", "about", "under", "into", "than", "this", "that", "these", "those", "there", "their", "they", "it", "its", "be", "been", "has", "have", "had", "not", "or", "and", "if", "any", "my", "our", "your", "i", "we", "you", "he", "she", "at", "as", "long", "many", "much"]
)
_NL = set(
    ["de", "het", "een", "is", "zijn", "was", "waren", "wat", "welke", "wie", "wanneer", "waar", "waarom", "hoe", "moet", "moeten", "mag", "mogen", "kan", "kunnen", "wordt", "worden", "van", "voor", "naar", "in", "op", "met", "door", "over", "onder", "bij", "uit", "dan", "dit", "dat", "deze", "die", "er", "hun", "zij", "het", "niet", "of", "en", "als", "ik", "wij", "je", "jij", "u", "hij", "zij", "mijn", "onze", "aan", "ook", "nog", "hoeveel", "hoelang", "binnen", "welk", "tot", "te", "zich", "heeft", "hebben", "geldt", "gelden"]
)
_WORD = re.compile(r"[a-zA-ZÀ-ÿ']+")


def detect_language(text: str) -> Language:
    words = [w.lower() for w in _WORD.findall(text)]
    en = sum(1 for w in words if w in _EN and w not in _NL)
    nl = sum(1 for w in words if w in _NL and w not in _EN)
    # shared words ("in", "is") count for neither; ties go to Dutch, the product's first language
    return "en" if en > nl else "nl"
