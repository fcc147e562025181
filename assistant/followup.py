"""Follow-up questions without an LLM: make the search query stand on its own.

"En voor statushouders?" or "How long is it valid?" mean nothing to a retriever. When a
question looks like a follow-up (short, opens with a connective, or leans on a pronoun), the
previous turn's search query is prepended so retrieval keeps the subject. With an LLM
configured, `assistant.llm` condenses the history instead.
"""

from __future__ import annotations

import re

from assistant.models import Turn

_CONNECTIVE = re.compile(
    r"^(en|maar|ook|of|dus|en wat|wat als|hoe zit het|geldt dat|and|but|also|what about|"
    r"how about|does that|is that|and if)\b",
    re.I,
)
_ANAPHORA = re.compile(
    r"\b(dat|die|deze|dit|daar|daarvoor|daarbij|daarover|hiervoor|hij|zij|ze|hem|hen|"
    r"it|that|this|they|them|those|there)\b",
    re.I,
)
_WORD = re.compile(r"\w+")


def is_follow_up(question: str) -> bool:
    words = _WORD.findall(question)
    if len(words) <= 3:
        return True
    if _CONNECTIVE.match(question.strip()):
        return True
    return len(words) <= 9 and bool(_ANAPHORA.search(question))


def standalone_query(question: str, history: list[Turn]) -> str:
    if not history or not is_follow_up(question):
        return question
    previous = history[-1].search_query or history[-1].question
    # keep the subject, not the whole thread: a long chain of follow-ups must not grow forever
    previous = " ".join(previous.split()[-30:])
    return f"{previous} {question}"
