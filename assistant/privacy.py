"""Redact personal data before text leaves for an external language model.

Municipal staff paste case details into questions ("mijn cliënt, BSN 1234.56.782, ..."). The
documents never need those details to answer, and an external LLM provider must not receive
them (AVG/GDPR: data minimisation), so BSNs, e-mail addresses, Dutch phone numbers and IBANs
in the question and the conversation history are replaced by placeholders first. Retrieval
and the stored conversation stay local and are not touched here.

Precision matters as much as recall: a regex that eats article numbers ("artikel 2.38"),
dates or amounts would damage the question. So a BSN is only a 9-digit number that passes
the elfproef, a phone number must have the digit count of a Dutch number, and an IBAN must
pass its mod-97 check (except the unmistakable Dutch `NLkk BANK 0123 4567 89` shape, which is
redacted even with a typo in it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import Turn

BSN = "[BSN]"
EMAIL = "[E-MAIL]"
PHONE = "[TELEFOON]"
IBAN = "[IBAN]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
# Any country's IBAN (labour migrants bank in Poland, Romania, ...): letters, check digits,
# then 11-30 alphanumerics, optionally in groups of four separated by single spaces.
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])",
    re.I,
)
_NL_IBAN = re.compile(r"NL\d{2}[A-Z]{4}\d{10}", re.I)
# Dutch numbers: +31 / 0031 followed by 9 digits, or 0 followed by 9 digits; the area code
# may be in parentheses, "(0)" may follow +31, groups separated by a space, dot or hyphen.
_SEP = r"(?:\s?[-.]\s?|\s)?"
_PHONE = re.compile(
    rf"""(?<![\w+])
    (?:
        (?:\+|00)\s?31{_SEP}(?:\(0\){_SEP})?(?:\d{_SEP}){{8}}\d
      | \(0\d{{1,3}}\){_SEP}(?:\d{_SEP}){{4,7}}\d
      | 0(?:\d{_SEP}){{8}}\d
    )
    (?!\w)""",
    re.X,
)
_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b")
# Nine digits, optionally grouped with single dots or spaces (1234.56.782, 123 456 782).
_BSN = re.compile(r"(?<![\w.,-])(\d(?:[ .]?\d){8})(?![\w-]|[.,]\d)")


def elfproef(number: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def iban_valid(candidate: str) -> bool:
    """ISO 13616 mod-97 check, so a random code like `AB12 CDEF 3456 7890` is left alone."""
    iban = re.sub(r"\s", "", candidate).upper()
    if not 15 <= len(iban) <= 34:
        return False
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return int(numeric) % 97 == 1


def _iban(match: re.Match[str]) -> str:
    text = match.group(1)
    compact = re.sub(r"\s", "", text)
    if _NL_IBAN.fullmatch(compact) or iban_valid(compact):
        return IBAN
    return match.group(0)


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    if _DATE.match(text):  # 01-01-2024 12:00 has ten digits too
        return text
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if text.startswith(("+", "00")):
        ok = digits.startswith(("31", "0031")) and len(digits.removeprefix("00")) == 11
    else:
        ok = len(digits) == 10
    return PHONE if ok else text


def _bsn(match: re.Match[str]) -> str:
    return BSN if elfproef(match.group(1)) else match.group(0)


def redact(text: str) -> str:
    """`text` with BSNs, e-mail addresses, Dutch phone numbers and IBANs replaced.

    E-mail and IBAN go first because they contain digit runs the number patterns would
    otherwise pick apart; the placeholders contain no digits, so later passes skip them.
    """
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _IBAN.sub(_iban, text)
    text = _PHONE.sub(_phone, text)
    return _BSN.sub(_bsn, text)


def redact_history(history: Iterable[Turn]) -> list[Turn]:
    """Copies of the turns with question, answer and search query redacted."""
    return [
        turn.model_copy(
            update={
                "question": redact(turn.question),
                "answer": redact(turn.answer),
                "search_query": redact(turn.search_query),
            }
        )
        for turn in history
    ]
