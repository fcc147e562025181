"""The kind of answer a question asks for, and whether a passage can supply one.

"Hoeveel leges mag een gemeente rekenen?" is only answered by a passage that names an amount
of money; "Op welke datum treedt ... in werking?" only by one that names a date. Documents
about exactly the right topic often lack that one fact, and then their topical similarity
says nothing: quoting them would look like an answer while the number is missing. This
module recognises such questions (Dutch and English, by their question words) and checks
passages for an expression of the asked-for kind. It is used twice: by the answerability
decision over the top passages (`assistant.abstention`) and by the extractive composer over
the sentences it quotes.

Article and table references ("artikel 12", "lid 3", "tabel 4.1") and statute names with a
year ("Huisvestingswet 2014") are not numbers or dates in this sense and are removed first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from assistant.analysis import STOPWORDS, STOPWORDS_ENGLISH, gloss
from assistant.statutes import STATUTES


class Kind(StrEnum):
    MONEY = "money"
    DATE = "date"
    DURATION = "duration"
    MEASURE = "measure"
    COUNT = "count"
    QUANTITY = "quantity"
    SHARE = "share"
    FREQUENCY = "frequency"


@dataclass(frozen=True)
class Expectation:
    kind: Kind
    nouns: tuple[str, ...] = ()
    """For COUNT: the counted noun phrase ("aanwezige personen"); for MONEY: what is paid
    ("leges", "loon"). A number or amount must stand near one of them. For MEASURE: ("per",)
    when a measure per person or room is asked; for FREQUENCY: ("per",) when a rate is asked
    ("hoe vaak per jaar"), which a number of times ("tweemaal") does not answer."""
    explicit_euro: bool = False
    """The question says "euro": a fine category ("vierde categorie") is not enough."""
    nothing: bool = False
    """For MONEY asked as what someone must pay for a thing ("Wat moet ik betalen voor
    inzage?"): nothing to pay for it ("kosteloos inzage") answers it too."""
    relative: bool = False
    """For MONEY asked with a verb ("hoeveel mag hij inhouden"): a share or a multiple ("25 %",
    "twee maal de kale huurprijs") answers it as well as an amount does; for DATE asked without
    "datum" or "jaar" ("vanaf wanneer"), or for a deadline ("uiterste datum"): so does a moment
    relative to an event ("op de vijfde dag voor de dag van vertrek")."""
    recorded: bool = False
    """For DATE asked as the date recorded for someone's event ("Welke datum wordt als
    vertrekdatum geregistreerd?"): a day the event defines ("de dag waarop de aangifte is
    ontvangen") answers it; for other date questions that is a competitor's wording."""



_NUMBER_WORD = (
    r"een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|zestien|achttien|twintig|dertig|veertig|vijftig|zestig|negentig|honderd|duizend|"
    r"half|halve|anderhalf"
)
_MONTH = r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_TIME_UNIT = r"jaar|jaren|kalenderjaar|maanden|maand|weken|week|dagen|dag|werkdagen|werkdag|uur|uren"
_MONEY_NOUN = (
    r"\w*(?:leges|geld|subsidie|huur|huurprijs|loon|toeslag|belasting|vergoeding|boete|kosten|"
    r"bijdrage|euro|prijs|tarief|borg|waarborgsom|zekerheid)"
)

_MONEY_ADJECTIVE = r"(financiële|maximale|minimale|totale|jaarlijkse|maandelijkse|wekelijkse|extra)"
_MONEY_Q = re.compile(
    rf"\b(wat kost|wat kosten|hoeveel kost|hoeveel kosten|welk \w*bedrag|hoeveel euro|welk (\w+ )?tarief|"
    rf"(hoeveel|wat) (bedraagt|bedragen) (de|het) (\w+ )?{_MONEY_NOUN}\b|"
    rf"hoe hoog (is|zijn|wordt|mag) ((dan|daarvoor|daarbij|er) )?(de|het) {_MONEY_NOUN}|hoeveel ({_MONEY_ADJECTIVE} )?{_MONEY_NOUN}|"
    r"wat (is|zijn|was|waren) ((in|per|op|bij|voor) (\w+ ){1,2})?de ((maximale|hoogste|minimale|laagste|totale|bestuurlijke|"
    r"jaarlijkse|maandelijkse|wekelijkse) ){0,2}(boete|leges|huur|huurprijs|kosten|prijs|"
    r"tarief|vergoeding|borg|waarborgsom|bijdrage)\b|"
    rf"minimum\w*loon|minimum wage|how much (does|do|will|is|are|money|rent|tax)|how many euros?\b|"
    rf"what (does|do|will) .{{1,60}} cost|"
    # "Wat gaat een verhuurvergunning mij aan leges kosten?"
    # (what it will cost someone: "de kosten" in "Wat gaat er gebeuren met de kosten?" are no price)
    r"wat (gaat|gaan|zal|zullen) ([\w-]+ ){1,14}?(mij|me|ons|hem|haar|jullie|u|hen) (aan [\w-]+ )?kosten\s*\?|"
    rf"what is the .{{0,40}}\b(rent|fee|fees|wage|price|cost|fine|tax|subsidy|allowance)\b|"
    # "What is the maximum deposit?" (not "the deadline for returning the deposit")
    r"what is the ((maximum|minimum|highest|lowest|total|permitted|allowed) )?((security|rental|rent) )?deposit\b|"
    # "What is the maximum amount they may deduct?", "Wat is in 2026 het bedrag van ...?"
    # ("the amount of guests", "the amount of the income limit": what follows "of" is counted)
    r"what is the ((maximum|minimum|highest|lowest|total|permitted|allowed) )?amount\b"
    r"(?! of\b)|what is the ((maximum|minimum|highest|lowest|total) )?amount of (money|rent|the (fine|fee|deposit|rent))\b|"
    # (a highest amount, or one in a given year: "het bedrag dat de beheerder betaalt" may be a
    # norm such as "een bedrag dat redelijk is")
    r"wat (is|zijn|was|waren) ((in|per|op|bij|voor) (\w+ ){1,2})?(het|de) (maximale|minimale|hoogste|laagste|totale) \w*bedrag(en)?\b|"
    r"wat (is|zijn|was|waren) (in|per) (19|20)\d\d (het|de) \w*bedrag(en)?\b|"
    # "Tot welke koopprijs ...?", "Welke huurprijs ...?"
    r"welke (\w+ )?\w*prijs\b|"
    # "What tourist tax rate do I have to charge?": which amount ("amount of time" is no money)
    r"(what|which) (\w+ ){0,2}(fee|price)\b|"
    # "Welke boete kan de gemeente opleggen?": a fine is money, or a fine category
    r"welke ((\w+ )?(bestuurlijke|maximale|hoogste) )?(geld)?boete\b|(what|which) ((?!is |are |be |was |were )\w+ ){0,2}fine\b|"
    r"(what|which) (\w+ )?(tax|rent|hourly|nightly|daily) rate\b)",
    re.I,
)
_PAID_FOR = re.compile(
    r"\bwat\s+(?:moet|moeten|mag|mogen)\b.{0,60}?\b(?:betalen|rekenen|in\s+rekening\s+brengen)\s+voor\s+(?:een|de|het|zijn|haar|mijn|hun)?\s*([a-zà-ÿ-]{4,})|"
    r"\bwhat\b.{0,40}?\bpay\s+(?:\w+\s+)?for\s+(?:a|an|the|my|his|her|their)?\s*([a-z-]{4,})",
    re.I,
)
# a yes/no question ("Mag ...?", "Can ...?") that proposes an amount of money
_YES_NO = re.compile(r"\s*(?:mag|mogen|moet|moeten|kan|kunnen|is|zijn|may|can|must|are|could|should)\b", re.I)
_AMOUNT_PROPOSED = re.compile(
    # (a deposit or rent only: a ban or a norm settles a fee or a fine without an amount, "geen
    # tegenprestatie", "een redelijke vergoeding")
    rf"\b(?:waarborgsom|borgsom|borg|deposit|huur|huurprijs|rent)\s+(?:van|of)\s+"
    rf"(?:€\s*|ten hoogste\s+|maximaal\s+|up to\s+)?(?:\d[\d.,]*|{_NUMBER_WORD}|one|two|three|four|five|six)\s*"
    rf"(?:euros?|eur|maanden|maand|months?|weken|weeks?)\b(?:'?\s+(?:kale\s+)?(?:huur|rent))?",
    re.I,
)
# "Welke regel gaat over de hoogte van de borg?": which rule, not the amount it sets
_WHICH_RULE = re.compile(
    r"\s*(?:welke?|which)\s+(?:\w+\s+)?(?:regel|regels|bepaling|bepalingen|artikel|artikelen|rule|rules|"
    r"provision|provisions|article|articles)\b",
    re.I,
)
# "Wat zegt de Wet goed verhuurderschap over de hoogte van een waarborgsom?": what the rule
# says, which may be a reference to another law rather than an amount
_WHAT_LAW_SAYS = re.compile(
    r"\s*(?:wat\s+(?:zegt|zeggen|bepaalt|bepalen|regelt|regelen)\b|what\s+(?:does|do)\b.{0,60}?\b(?:say|provide|state)\b|"
    # "Welke grens stelt de Wet goed verhuurderschap aan de hoogte van de waarborgsom?", "What
    # limit does the Wgv set on ...?": what a named law sets, which may be a norm or a reference
    r"(?:welke?|what|which)\s+(?:\w+\s+){0,2}?(?:stelt|stellen|legt|leggen|does|do)\s+(?:de\s+|het\s+|the\s+)?"
    r"(?:wet\b|wgv\b|waadi\b|wtta\b|huisvestingswet|bbl\b|besluit\b|regeling\b|act\b|law\b|good\s+landlordship))",
    re.I,
)
# "Mag de gemeente leges heffen, en hoe hoog mogen die zijn?": the height of a payment named
# earlier in the question
_HOW_HIGH_BACK = re.compile(
    r"\b(?:hoe hoog (?:is|zijn|mag|mogen|wordt|worden|kan|kunnen) (?:die|dat|deze|ze|het)|"
    r"how high (?:is|are|may|can|could) (?:it|they|that|this))\b",
    re.I,
)
_MONTHS_Q = re.compile(r"\b(hoeveel|how many)\s+(maand|maanden|months?)\b", re.I)
_DEPOSIT = re.compile(r"\b(borg|borgsom|waarborgsom|deposit)\b", re.I)
# "Hoeveel mag een uitzendbureau op het loon inhouden?": how much money, asked with a verb
_MONEY_VERB_Q = re.compile(
    rf"\b(hoeveel (maand|maanden|week|weken) ((kale|netto|bruto) )?{_MONEY_NOUN}\b|"  # "drie maanden (kale) huur als borg"
    r"how many (months|weeks)'? (of )?((basic|bare|net|gross) )?(rent|wages?|pay)\b|"
    # "Wat betekent dat voor de hoogte van de boete?": the amount, or a share of it
    rf"\bhoogte van (de|het|een|zijn|haar) ({_MONEY_ADJECTIVE} |nieuwe )?{_MONEY_NOUN}\b|"
    r"hoeveel (krijgt|krijgen|verdient|verdienen|betaalt|betalen|ontvangt|ontvangen)\b|"
    r"hoeveel (mag|mogen|moet|moeten|kan|kunnen)\b.{0,80}\b(inhouden|rekenen|vragen|betalen|"
    r"kosten|verdienen|ontvangen|heffen)\b|"
    # "Wat moet een arbeidsmigrant betalen voor een inschrijving?": what it costs him
    r"\bwat (moet|moeten|mag|mogen) ([\w-]+ ){1,6}?(betalen|neertellen|rekenen|in rekening brengen)\b|"
    r"\bwhat (do|does|must|should|will) (\w+ ){1,3}?pay\b(?! attention)|"
    r"how much (may|can|must|should|will|does|do)\b.{0,80}\b(deduct|charge|pay|earn|receive|"
    r"cost)\b|how much ([a-z-]+\s+){0,3}?(tax|fee|fees|rent|deposit|money|commission)\b)",
    re.I,
)
# "Welk percentage van het loon ...?": a share, not an amount ("welk deel van de wet" asks where)
_SHARE_Q = re.compile(
    r"\b(welk percentage|hoeveel procent|hoe groot (is|mag|moet) (het|de) percentage|"
    r"what percentage|which percentage|how many per ?cent)\b",
    re.I,
)
_DATE_Q = re.compile(
    r"\b(welke (\w+ )?datum|vanaf wanneer|sinds wanneer|per wanneer|"
    r"tot wanneer|in welk jaar|wanneer (was|werd|verscheen|kwam|begon|startte|ontstond)\b|"
    r"when (was|were|did)\b|wanneer (treedt|trad|gaat|ging|wordt|werd) .{0,80}"
    r"(in werking|van kracht|ingevoerd)|"
    r"(what|which) (\w+ )?date|from when|since when|in which year|in what year|"
    r"when (does|did|will) .{0,80}(take effect|enter into force|come into force|start to apply))",
    re.I,
)
_DURATION_Q = re.compile(
    rf"\b(hoe ?lang|binnen hoeveel|binnen welke termijn|welke (\w+ )?\w*termijn(en)?|hoeveel tijd|"
    rf"hoeveel ({_TIME_UNIT})|na hoeveel ({_TIME_UNIT})|"
    r"wat (is|zijn|was|waren) de (\w+ )?\w*termijn(en)?|"
    r"what (is|are|was) the (\w+ )?(deadline|time limit|\w+ period)s?|"
    r"how long|within how many|how much (time|notice)|(what|which) notice period|hoeveel \w*termijn|"
    r"(after|within) how many (days|weeks|months|years)|how many (days|weeks|months|years|hours))\b",
    re.I,
)
_MEASURE_Q = re.compile(
    r"\b(\w*hoogte|\w*breedte|\w*oppervlakte|\w+afstand|afstand (tot|tussen)|vierkante meter|m2|m²|"
    r"hoeveel (vierkante )?meter|how many (square )?met(re|er)s|"
    r"height|width|floor (area|space)|living (area|space)|square met(re|er)s?|(walking|maximum|minimum|travel) distance|distance (to|from|between))\b",
    re.I,
)
_SCALE_Q = re.compile(r"\b(?:welke|wat|what|which)\s+(?:\w+\s+)?(?:schaal|scale)\b", re.I)
_SCALE = re.compile(r"\b1\s?:\s?\d[\d.]*\b")
# a dimension asked for, and the stem a line stating its measure names it by
_DIMENSIONS = {
    "breedte": (r"\w*breedte\b|\bwidth\b|\bhow wide\b", r"bre(?:ed|de)"),
    "hoogte": (r"\w*hoogte\b|\bheight\b|\bhow high\b", r"hoo?g"),
    "diepte": (r"\w*diepte\b|\bdepth\b|\bhow deep\b", r"die[pd]"),
    # ("Hoeveel meter moet er minimaal tussen twee chalets zitten?": a distance between things)
    "afstand": (r"\w*afstand\b|\bdistance\b|\bhow far\b|\b(?:meter|metres|meters)\b.{0,40}?\b(?:tussen|between)\b", r"afstand"),
}
_COUNT_Q = re.compile(
    r"\b(?:hoeveel|how many|(?:what|which) is the (?:(?:legal|statutory|permitted|allowed|maximum|minimum|highest|lowest|total) ){0,2}"
    r"number of(?!\s+(?:the|a|an)\b)|wat is het (?:(?:wettelijke|wettelijk|toegestane|maximale|minimale|hoogste|laagste|totale) ){0,2}aantal)"
    r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)",
    re.I,
)
_QUANTITY_Q = re.compile(r"\b(hoeveel|how much|how many)\b", re.I)
_FREQUENCY_Q = re.compile(
    r"\b(hoe ?vaak|hoe regelmatig|hoe frequent|met welke (regelmaat|frequentie)|how often|"
    r"how frequently)\b",
    re.I,
)
_NOT_A_NOUN = frozenset(
    re.findall(
        r"\w+",
        "mag mogen moet moeten kan kunnen is zijn wordt worden krijgt krijgen kost kosten heeft "
        "hebben bedraagt bedragen maximaal minimaal ten te van er procent keer does do "
        "did will can may must should are was were of per",
    )
)

_REFERENCE = re.compile(
    r"\b(artikel(en)?|art\.|lid|leden|onderdeel|onderdelen|hoofdstuk|paragraaf|afdeling|tabel|"
    r"bijlage|boek|titel|§)\s*[\d.]+[a-z]*(\s*(,|en|tot en met|t/m)\s*[\d.]+[a-z]*)*",
    re.I,
)
_STATUTE_YEAR = re.compile(r"\b([A-Z][\w-]*wet|Wet [\w ]{3,60}?|Besluit [\w ]{3,60}?) (19|20)\d\d\b")
# Statute names count no one: "vier weken ... de basisregistratie personen" or "Wet allocatie
# arbeidskrachten door intermediairs" put a number near a word for people without counting them.
_STATUTE_NAME = re.compile(
    "|".join(
        rf"\b{re.escape(alias)}\b"
        for alias in sorted({a for st in STATUTES for a in (st.name.lower(), *st.aliases)}, key=len)[::-1]
        if " " in alias
    ),
    re.I,
)
# The number of a lid or list item ("2. Degene die ...", "- 4°. de contactgegevens") counts
# nothing either.
_ENUMERATION = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?\d+[a-z]?°?[.)][ \t]+")
# numbers as (?<![\w.,])\d+(?:[.,]\d+)*: a digit run with separators is matched once, not
# retried from every separator (which made long runs of "1.1.1..." take seconds)
_DIGITS = r"\d+(?:[.,]\d+)*"
_NUM = rf"(?<![\w.,]){_DIGITS}"
_MONEY = re.compile(rf"€\s?\d|{_NUM}\s*(euro|eur)\b", re.I)
_COUNT_WORD = _NUMBER_WORD.replace("een|één|", "")  # "een" is mostly the article
# nothing to pay: an answer to what someone must pay ("geen tegenprestatie bedongen")
_FREE = re.compile(
    r"\b(kosteloos|gratis|zonder\s+kosten|geen\s+(vergoeding|tegenprestatie|kosten|betaling)|"
    r"free\s+of\s+charge|at\s+no\s+cost)\b",
    re.I,
)
_RELATIVE = re.compile(
    rf"{_NUM}\s*(%|procent)|\b(\d+|{_COUNT_WORD})\s*(maal|keer)\b|"
    r"\btweemaal\b",
    re.I,
)
_SHARE = re.compile(
    rf"{_NUM}\s*(%|procent)|\b({_COUNT_WORD}) procent\b|\bde helft\b|"
    r"\b(een|twee) derde (deel )?van\b|\b(een|drie) kwart van\b",
    re.I,
)
_FINE_CATEGORY = re.compile(r"\b(eerste|tweede|derde|vierde|vijfde|zesde) categorie\b", re.I)
_FINE_CATEGORY_ASKED = re.compile(
    _FINE_CATEGORY.pattern + r"|\b(first|second|third|fourth|fifth|sixth)[- ]category\b", re.I
)
_DATE = re.compile(
    rf"\b\d{{1,2}} ({_MONTH})\b|\b({_MONTH}) (19|20)\d\d\b|\b(19|20)\d\d\b", re.I
)
_DURATION = re.compile(rf"\b(\d+|{_NUMBER_WORD})\s+({_TIME_UNIT})\b", re.I)
# A moment stated by its distance to an event: "op de vijfde dag voor de dag van vertrek",
# "niet eerder dan vier weken vóór de beoogde datum", "zes maanden na de inwerkingtreding"
# (answers "vanaf wanneer ...?").
_EVENT_DAY = re.compile(r"\bde\s+dag\s+(?:\w+\s+){0,2}?waarop\b", re.I)
_RELATIVE_MOMENT = re.compile(
    r"\bde\s+(?:\d+e|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|"
    r"\w+ste)\s+(?:dag|werkdag|week|maand)\s+(?:voor|vóór|na|volgend|voorafgaand)\b|"
    rf"\b(?:\d+|{_NUMBER_WORD})\s+(?:{_TIME_UNIT})\s+(?:voor|vóór|na)\s+(?:de|het)\b",
    re.I,
)
# How often: "jaarlijks", "elk jaar geïnspecteerd", "twee keer per jaar", "eenmaal per maand".
_FREQUENCY = re.compile(
    r"\b(\w*jaarlijks\w*|\w*maandelijks\w*|wekelijks\w*|dagelijks\w*|"
    r"(elk|elke|ieder|iedere)\s+(jaar|kalenderjaar|maand|week|dag|kwartaal)|"
    rf"(\d+|{_COUNT_WORD})\s*(keer|maal)\s+per|eenmaal\s+per|eens\s+per|"
    r"(één|een)\s+keer\s+per|ten minste (één|een)maal)\b",
    re.I,
)
# a number of times ("reeds tweemaal een bestuurlijke boete"): "hoe vaak" asks that too, unless
# it asks a rate ("hoe vaak per jaar")
_TIMES = re.compile(r"\b((een|twee|drie|vier|vijf|zes|tien)maal|(\d+|twee|drie|vier|vijf|zes|tien)\s+(keer|maal))\b", re.I)
_RATE_ASKED = re.compile(
    r"\bper\s+(jaar|kalenderjaar|maand|week|dag|kwartaal)|\b(a|per|each|every)\s+(year|month|week|day|quarter)\b",
    re.I,
)
_MEASURE = re.compile(rf"{_NUM}\s*(m|meter|m2|m²|m³|cm|mm|vierkante meter)(?![\w])", re.I)
_NUMBER = re.compile(rf"{_NUM}|%|\b({_COUNT_WORD})\b", re.I)


_WH_PREPOSITIONS = (
    r"vanaf|sinds|tot|binnen|na|voor|met|op|per|in|bij|uit|om|from|since|until|within|after|for|on|by|at|to"
)
_WH_WORDS = r"what|which|how|when|wat|welk|welke|hoe|hoeveel|wanneer"
_CLAUSE = re.compile(
    # "Under the Waadi, after how many weeks ...?": a phrase put in front of the asking clause
    # (or after a dash: "Where can I register - which town halls have the desk?")
    rf"[.?!;:]\s+|,\s+(?:en|and|of|or)\s+|(?:,|\s[-–—])\s+(?=(?:(?:{_WH_PREPOSITIONS})\s+)?(?:{_WH_WORDS})\s)|"
    # "Ik wil weten welke gemeenten ... hebben vastgesteld.": an indirect question asks too
    # (the asker's wish to know; "laten weten hoeveel ..." tells, "need to know" is a rule)
    r"(?:(?<=\bwil weten)|(?<=\bwillen weten)|(?<=\bgraag weten)|(?<=\bme af)|(?<=\bmij af)|"
    r"(?<=\blike to know)|(?<=\bwant to know)|(?<=\bwonder)|(?<=\bwondering))"
    rf"\s+(?=(?:(?:{_WH_PREPOSITIONS})\s+)?(?:{_WH_WORDS})\s)|"
    # "... en wanneer was dat?": a direct question (question word, then the verb); "en hoe
    # lang zij blijven" is a subordinate clause of a yes/no question
    r"\s+(?:en|and)\s+(?=(?:hoeveel|hoe lang|wanneer|how long|how much|how many|when)\s+"
    r"(?:is|was|zijn|waren|wordt|werd|worden|werden|moet|moeten|mag|mogen|kan|kunnen|krijgt|"
    r"krijgen|duurt|geldt|gelden|gaat|ging|kost|kosten|are|were|does|do|did|will|can|may|must)\b)",
    re.I,
)
# "Exactly how many euros ...?", "Precies hoeveel ...?": an adverb before the question word
_WH_ADVERB = r"exactly|precisely|roughly|approximately|about|precies|ongeveer|globaal|zo'n"
_WH_CLAUSE = re.compile(
    rf"^\s*(?:en\s+|and\s+)?(?:(?:{_WH_ADVERB})\s+)?(?:(?:{_WH_PREPOSITIONS})\s+)?(?:{_WH_WORDS})\b", re.I
)
_PRONOUN = frozenset(
    re.findall(
        r"\w+",
        "het de een er hij zij ze we wij u je jij ik dit dat die deze men the a an it he she they "
        "you i",
    )
)


def asking_sentences(question: str) -> list[str]:
    """The sentences that ask (end in "?"), or the last one; context sentences come first."""
    question = unicodedata.normalize("NFC", question)
    sentences = [s for s in re.split(r"(?<=[.?!:])\s+", question.strip()) if s]
    return [s for s in sentences if s.endswith("?")] or sentences[-1:]


def wh_clauses(question: str) -> str:
    """The parts of a question that ask "how much / when / which ...".

    "Kan de gemeente een plafond stellen aan hoeveel overnachtingen ...?" is a yes/no question:
    its embedded "hoeveel" does not ask for a number. "Heeft hij recht op huurtoeslag, en
    hoeveel krijgt hij dan?" does, in its second clause.
    """
    return " . ".join(c for c in _CLAUSE.split(question) if _WH_CLAUSE.match(c))


def asking_part(question: str) -> str:
    """The clauses that ask "how much / when / which ...", or else the asking sentences: what
    a question asks about, without the context before it."""
    return wh_clauses(question) or " ".join(asking_sentences(question))


_VALUE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "termijn termijnen deadline datum date periode period tijd time dagen dag weken week "
        "maanden maand jaar jaren days day weeks months month years year hoeveel wanneer welke "
        "welk wat hoe lang how long many what which when binnen vanaf sinds tot na voor within "
        "from since until after before by euro euros procent percent cent meter vierkante",
    )
)


def own_words(clause: str) -> list[str]:
    """The words of an asking clause besides function and value words: none in "..., en wat is
    de termijn?", which asks about what the clause before it names."""
    return [
        w
        for w in re.findall(r"\w+", clause.lower())
        if w not in STOPWORDS and w not in STOPWORDS_ENGLISH and w not in _VALUE_WORDS
    ]


def partly_typed(question: str) -> bool:
    """Does the question also ask something besides the kind of answer it expects ("Wat moet
    de verhuurder vertellen over de Huurcommissie, en vanaf welke datum geldt die regeling?")?
    Then passages that answer the other part answer the question in part. A typed clause
    with no subject of its own ("Welke boete staat erop? Hoeveel euro is dat?") asks about
    the other part's subject: that is one question."""
    clauses = [c for c in wh_clauses(question).split(" . ") if c.strip()]
    typed = [c for c in clauses if expected(c) is not None]
    return len(typed) < len(clauses) > 1 and all(own_words(c) for c in typed)


# What a money question asks the amount of, as the Dutch word a passage would use. Dutch
# compounds count by their last part ("rijkssubsidie", "toeristenbelasting", "minimumloon");
# English words only whole ("current" is no "rent").
# what is held back from wages: only an amount held back answers it, not a fine
_HELD_BACK = "ingehouden inhouding loon"
_PAID_FOR_NL = {
    "leges": "leges", "loon": "loon", "huur": "huur", "huurprijs": "huur", "boete": "boete",
    "subsidie": "subsidie", "toeslag": "toeslag", "belasting": "belasting",
    "vergoeding": "vergoeding", "zekerheid": "zekerheid", "borg": "borg", "waarborgsom": "borg",
    "inhouden": _HELD_BACK, "inhouding": _HELD_BACK, "ingehouden": _HELD_BACK,
}
_PAID_FOR_EN = {
    "fee": "leges vergoeding", "fees": "leges vergoeding", "wage": "loon", "wages": "loon", "salary": "loon",
    "rent": "huur", "rents": "huur", "fine": "boete", "fines": "boete", "penalty": "boete",
    "subsidy": "subsidie", "allowance": "toeslag", "tax": "belasting", "deposit": "borg",
    "deduct": _HELD_BACK, "deducted": _HELD_BACK, "deduction": _HELD_BACK, "deductions": _HELD_BACK,
    "withhold": _HELD_BACK, "withheld": _HELD_BACK,
}
# Counted people go by many names: "hoeveel bewoners" is answered by "meer dan 10 personen".
_PEOPLE = ("personen", "bewoners", "arbeidsmigranten", "arbeidskrachten", "werknemers", "mensen")
_PEOPLE_STEMS = frozenset(
    {"persoon", "personen", "bewoner", "bewoners", "arbeidsmigrant", "arbeidsmigranten",
     "arbeidskracht", "arbeidskrachten", "werknemer", "werknemers", "mensen", "mens"}
)


# "Wat kost een VOG?", "How much does the housing-quality certificate cost?": what is paid for
_COST_OF = re.compile(
    r"\b(?:wat|hoeveel)\s+kost(?:en)?\s+(?:(?:een|de|het|die|dat|zo'n|zijn|haar|hun)\s+)?"
    r"(?P<nl>[\w-]{3,})|"
    r"\b(?:how\s+much|what)\s+(?:does|do|will|would)\s+(?:(?:a|an|the|this|that|such\s+an?)\s+)?"
    r"(?P<en>[\w-]+(?:\s+[\w-]+){0,2}?)\s+cost\b",
    re.I,
)


def _money_nouns(asked: str) -> tuple[str, ...]:
    found: list[str] = []
    for word in re.findall(r"\w+", asked.lower()):
        dutch = _PAID_FOR_EN.get(word) or next(
            (v for k, v in _PAID_FOR_NL.items() if word.endswith(k)), ""
        )
        found.extend(d for d in dutch.split() if d not in found)
    if found or not (cost := _COST_OF.search(asked)):
        return tuple(found)
    # what something costs: an amount answers only near that thing or a fee ("€ 100.000
    # zekerheid" is not the price of a VOG; "De vergoeding bedraagt ... € 3.611" is that of a
    # toelating); English words count by their Dutch statute word. A pronoun or a verb as the
    # thing ("Wat kost dat?", "Wat kost aanvragen?") leaves any amount.
    if cost.group("nl"):
        thing = cost.group("nl").lower()
        things = [] if thing in STOPWORDS or thing in ("per", "mij", "ons") or thing.endswith("en") else [thing]
    else:
        words = cost.group("en").lower().split()
        things = [(gloss(w) or w).split()[-1] for w in words if w not in STOPWORDS_ENGLISH and w != "it"]
    if not things:
        return ()
    return tuple(dict.fromkeys([*things, "vergoeding", "leges", "kosten", "tarief"]))


@functools.lru_cache(maxsize=1024)
def expected(question: str) -> Expectation | None:
    """The kind of answer `question` asks for, or None when any relevant passage may answer.

    Cached: ranking, every abstention check and the composer ask it of the same question
    (and its clauses), and the answer is a frozen value."""
    asked = wh_clauses(question)
    if not asked:
        # "Mag een verhuurder een waarborgsom van drie maanden kale huur vragen?": whether an
        # amount is allowed is settled only by a passage that states one (the Wgv refers to
        # the Civil Code for the deposit's maximum)
        proposed = next(
            (m for s in asking_sentences(question) if _YES_NO.match(s) and (m := _AMOUNT_PROPOSED.search(s))), None
        )
        if proposed:
            return Expectation(Kind.MONEY, nouns=_money_nouns(proposed.group(0)), relative=True)
        return None
    if _WHICH_RULE.match(asked) or _WHAT_LAW_SAYS.match(asked):
        return None
    if _SHARE_Q.search(asked):
        return Expectation(Kind.SHARE)
    if _MONEY_Q.search(asked):
        # "In euros, what is ...": the unit may stand before the asking clause
        euro = bool(re.search(r"\beuro'?s?\b|\beurobedrag\w*|€", question, re.I))
        if euro and _FINE_CATEGORY_ASKED.search(question):
            # "Hoeveel euro is een boete van de vierde categorie?": the amount of the category,
            # not of some other fine
            return Expectation(Kind.MONEY, nouns=("categorie",), explicit_euro=True)
        return Expectation(Kind.MONEY, nouns=_money_nouns(asked), explicit_euro=euro)
    if _HOW_HIGH_BACK.search(asked) and (paid := _money_nouns(question)):
        return Expectation(Kind.MONEY, nouns=paid)
    if _MONEY_VERB_Q.search(asked):
        nouns = _money_nouns(asked)
        paid_for = _PAID_FOR.search(asked)
        if not nouns and paid_for:
            # "Wat moet ik betalen voor inzage?": the amount (or nothing) for that thing
            thing = paid_for.group(1) or paid_for.group(2)
            if paid_for.group(2):
                thing = (gloss(thing.lower()) or thing).split()[-1]
            return Expectation(Kind.MONEY, nouns=(thing.lower(),), relative=True, nothing=True)
        return Expectation(Kind.MONEY, nouns=nouns, relative=True)
    if _DURATION_Q.search(asked):
        if _MONTHS_Q.search(asked) and _DEPOSIT.search(question):
            # "... 3 maanden kale huur als borg vragen. Hoeveel maanden mag maximaal?": months
            # of rent, which the sentence before names
            return Expectation(Kind.MONEY, nouns=("huur", "borg"), relative=True)
        return Expectation(Kind.DURATION)
    if _DATE_Q.search(asked):
        # "wat is de uiterste datum?" asks for a deadline, which statutes set by an event
        calendar = re.search(r"(?<!uiterste )(?<!latest )\b(datum|date|jaar|year)\b", asked, re.I)
        # "Welke datum wordt als vertrekdatum geregistreerd?": the date recorded for someone's
        # event, which statutes give as a day defined by another event ("de dag waarop ...")
        recorded = re.search(r"\b(geregistreerd|opgenomen|ingeschreven|vermeld|registered|recorded)\b", asked, re.I)
        return Expectation(Kind.DATE, relative=not calendar or bool(recorded), recorded=bool(recorded))
    if _MEASURE_Q.search(asked):
        # "Hoeveel vierkante meter per arbeidsmigrant?": a measure per something ("3,5 m² per
        # persoon"), not a building's "10.000 m2 bruto-vloeroppervlakte"
        per = re.search(r"\bper\s+(?!saldo\b)\w+", asked, re.I)
        if _SCALE_Q.search(asked):
            return Expectation(Kind.MEASURE, nouns=("schaal",))  # "1:100", per floor or not
        if per:
            return Expectation(Kind.MEASURE, nouns=("per",))
        # "de minimale vrije breedte van een vluchtroute" is not answered by "de verticale vrije
        # ruimte ... minder dan 2,5 m": the measure of the dimension asked
        dimension = next((name for name, (asked_as, _) in _DIMENSIONS.items() if re.search(asked_as, asked, re.I)), None)
        return Expectation(Kind.MEASURE, nouns=(dimension,) if dimension else ())
    count = _COUNT_Q.search(asked)
    if count:
        words = count.group(1).lower().split()
        english = count.group(0).lower().startswith(("how", "what", "which"))
        verb = words[0] in _NOT_A_NOUN or (not english and len(words) > 1 and words[1] in _PRONOUN)
        if not verb:
            # "hoeveel (aanwezige) personen": a number must stand near one of these words. In
            # Dutch a second word belongs to the phrase only after an inflected adjective;
            # English nouns count by their Dutch statute word ("staffing agencies" ->
            # "uitlener"), and without one any number will do.
            words = words if english or words[0].endswith("e") else words[:1]
            if english:
                words = [dutch.split()[-1] for w in words if (dutch := gloss(w))]
            nouns = tuple(dict.fromkeys(w for w in words if len(w) >= 4 and w not in _NOT_A_NOUN))
            if any(n in _PEOPLE_STEMS for n in nouns):
                nouns = tuple(dict.fromkeys(nouns + _PEOPLE))
            return Expectation(Kind.COUNT, nouns=nouns)
    if _FREQUENCY_Q.search(asked):
        return Expectation(Kind.FREQUENCY, nouns=("per",) if _RATE_ASKED.search(asked) else ())
    if _QUANTITY_Q.search(asked):
        return Expectation(Kind.QUANTITY)
    return None


def _clean(text: str) -> str:
    head, sep, body = text.partition("\n\n")
    text = body if sep and head.count("\n") == 0 and len(head) < 200 else text
    text = _STATUTE_NAME.sub(" ", _STATUTE_YEAR.sub(" ", text))  # "Wet ... 2023": both go
    return _REFERENCE.sub(" ", _ENUMERATION.sub(" ", text))


def _stem(word: str) -> str:
    return word.lower()[: max(4, len(word) - 3)]


def satisfies(expectation: Expectation, text: str) -> bool:
    """Does `text` contain an expression of the kind `expectation` asks for?"""
    text = _clean(text)
    kind = expectation.kind
    if kind is Kind.MONEY:
        fine_category = not expectation.explicit_euro and bool(_FINE_CATEGORY.search(text))
        if expectation.nouns:
            # "Hoeveel leges ...?" is not answered by "€ 100.000 financiële zekerheid": the
            # amount must stand near what is paid (a fine category only answers a fine)
            amount = rf"€\s?{_DIGITS}|{_NUM}\s*(?:euro|eur)\b"
            if expectation.relative:
                amount += rf"|{_RELATIVE.pattern}"
            if expectation.nothing:
                amount += rf"|{_FREE.pattern}"
            stems = "|".join(re.escape(n[: max(4, len(n) - 1)]) for n in expectation.nouns)
            # the paid thing, not the verb around it: "verhuurders ... zes maanden" is no rent
            noun = rf"(?!ver(?:{stems}))\w*(?:{stems})"
            near = (
                rf"(?:{amount})(?:\W+\w+){{0,8}}?\W+{noun}|"
                rf"\b{noun}\w*(?:\W+\w+){{0,8}}?\W+(?:{amount})"
            )
            return bool(re.search(near, text, re.I)) or (
                fine_category and "boete" in expectation.nouns
            )
        if _MONEY.search(text) or (expectation.relative and _RELATIVE.search(text)):
            return True
        return fine_category
    if kind is Kind.DATE:
        return bool(
            _DATE.search(text)
            or (expectation.relative and _RELATIVE_MOMENT.search(text))
            or (expectation.recorded and _EVENT_DAY.search(text))
        )
    if kind is Kind.DURATION:
        return bool(_DURATION.search(text))
    if kind is Kind.MEASURE:
        measure = _MEASURE.pattern
        if expectation.nouns == ("schaal",):
            return bool(_SCALE.search(text))
        if expectation.nouns and expectation.nouns[0] in _DIMENSIONS:
            stem = _DIMENSIONS[expectation.nouns[0]][1]
            return bool(
                re.search(rf"\w*{stem}\w*(?:\W+\w+){{0,6}}?\W+(?:{measure})|(?:{measure})(?:\W+\w+){{0,6}}?\W+\w*{stem}", text, re.I)
            )
        if expectation.nouns:
            return bool(
                re.search(rf"(?:{measure})(?:\W+\w+){{0,3}}?\W+per\b|\bper\s+\w+(?:\W+\w+){{0,4}}?\W+(?:{measure})", text, re.I)
            )
        return bool(_MEASURE.search(text))
    if kind is Kind.FREQUENCY:
        return bool(_FREQUENCY.search(text) or (not expectation.nouns and _TIMES.search(text)))
    if kind is Kind.SHARE:
        return bool(_SHARE.search(text))
    counted = kind is Kind.COUNT and expectation.nouns
    if _MEASURE.search(text) or (not counted and _MONEY.search(text)):
        # "12 m² per persoon", "zekerheid van € 100.000"; an amount of money is no count of
        # agencies or people
        return True
    if counted and not text.lstrip().startswith("|"):
        # (a table row names its numbers in the header row, so any number in it will do)
        # a compound counts by its last part ("EU-arbeidsmigranten"), but a short stem only at
        # a word's start: "mens" is in "namens"
        stems = "|".join(
            (r"\b" if len(stem) <= 4 else r"\w*") + re.escape(stem)
            for stem in dict.fromkeys(_stem(n) for n in expectation.nouns)
        )
        # (not a year; "reeds tweemaal een bestuurlijke boete" is a number of fines)
        number = (
            rf"(?:(?!(?:19|20)\d\d\b){_NUM}|\b(?:{_COUNT_WORD})\b|\b(?:{_NUMBER_WORD})maal\b|"
            rf"\b(?:\d+|{_NUMBER_WORD})\s+keer\b)"
        )
        near = (
            rf"{number}(?:\W+\w+){{0,4}}?\W+(?:{stems})|"
            rf"(?:{stems})\w*(?:\W+\w+){{0,4}}?\W+{number}"
        )
        return bool(re.search(near, text, re.I))
    return bool(_NUMBER.search(text))
