"""What the top passages leave out: checks that refuse a question the passages seem to fit.

The abstention score (`assistant.abstention`) measures how well the best passage fits the
question, and the typical unanswerable question fits very well: it asks for one specific fact
in the vocabulary of exactly the articles found. Each check here looks for one kind of fact the
found passages would have to state and do not: a fact about the world in statute text, the
procedural act a period belongs to (validity and renewal among them), a value the statute
leaves to a regulation or a bylaw, a right to an allowance or a wage deduction they never name,
a value that only another statute states. Each came from questions written by people who
had not seen the system (benchmarks/README.md, session 7) and was checked on every question
set; each returns what it found missing, so the refusal can say why.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from assistant.analysis import STOPWORDS_ENGLISH, gloss
from assistant.answer_types import (
    Kind,
    asking_part,
    asking_sentences,
    expected,
    own_words,
    satisfies,
    wh_clauses,
)
from assistant.language import detect_language
from assistant.statutes import mentioned

if TYPE_CHECKING:
    from assistant.analysis import Analyzer

# Nouns for what a rule lays down ("welke eisen", "welke vergunningplicht"): a question about
# them asks what a rule says, whoever made it.
RULE_NOUNS = (
    "plicht", "plichten", "verplichting", "verplichtingen", "verbod", "verboden", "eis", "eisen",
    "regel", "regels", "voorwaarde", "voorwaarden", "norm", "normen", "vereiste", "vereisten",
)


# "recht op huurtoeslag", "entitled to a housing allowance": what a right is asked to
_RIGHT_TO = re.compile(
    r"\b(?:recht|aanspraak)\s+op\s+(?:(?:een|de|het|zijn|haar|hun|hetzelfde|dezelfde|precies|"
    r"gelijke?|eigen|volledige?|extra)\s+){0,3}([a-zà-ÿ][\w-]{3,})|"
    r"\b(?:entitled\s+to|eligible\s+for)\s+(?:(?:a|an|the|any)\s+)?([a-z][\w-]{2,}(?:\s+[a-z][\w-]{2,})?)",
    re.I,
)
# "Kan ik huurtoeslag krijgen?", "krijgt hij zorgtoeslag", "Can I get rent benefit (huurtoeslag)?":
# getting an allowance is a right to it. Only a named allowance (a compound: "een toeslag voor
# schoonmaak" is a surcharge), and only as what is got ("Ik heb huurtoeslag, mag ...?" is not).
_ALLOWANCE = r"[a-zà-ÿ-]{3,}(?:toeslag|toeslagen|uitkering|uitkeringen|bijslag|bijslagen)"
_ALLOWANCE_GOT = re.compile(
    rf"\b(?:krijg|krijgt|krijgen|ontvang|ontvangt|ontvangen|aanvragen|get|gets|receive|receives|"
    rf"claim|claims)\b.{{0,100}}?\b({_ALLOWANCE})\b|"
    rf"\b({_ALLOWANCE})\b.{{0,40}}?\b(?:krijgen|ontvangen|aanvragen)\b",
    re.I,
)
# what an English "entitled to ..." may name as a right of other law (a benefit, housing, care,
# pay), not any glossed noun ("entitled to a translation" asks what the statute gives)
_ENTITLEMENTS = ("toeslag", "uitkering", "bijslag", "huisvesting", "verzekering", "zorg", "loon")


def right_asked(question: str) -> str | None:
    """What the question asks a right to ("Heeft hij recht op zorgtoeslag?" -> "zorgtoeslag"),
    in the statutes' language; None for other questions, or when the English phrase's last
    word ("housing allowance") has no Dutch statute word: its passage may say it otherwise.
    ("right to" is left out in English: "the right to use ..." asks about an act.)"""
    asked = asking_part(question)
    match = _RIGHT_TO.search(asked)
    if match is None:
        got = _ALLOWANCE_GOT.search(asked)
        return (got.group(1) or got.group(2)).lower() if got else None
    if match.group(1):
        return match.group(1).lower()
    # "entitled to rent benefit (huurtoeslag)", "entitled to Dutch housing benefit
    # (huurtoeslag)": the Dutch term the asker gives with it
    dutch_term = re.match(
        r"(?:\s+[a-z][\w-]*){0,2}\s*\(([a-zà-ÿ][\w-]{3,})\)", match.string[match.end() :], re.I
    )
    if dutch_term and not gloss(dutch_term.group(1).lower()):  # "(accommodation)" is English
        return dutch_term.group(1).lower()
    words = [w for w in match.group(2).lower().split() if w not in STOPWORDS_ENGLISH]
    dutch = gloss(words[-1]) if words else None
    thing = dutch.split()[-1] if dutch else None
    return thing if thing and thing.endswith(_ENTITLEMENTS) else None



_LAW_TITLE = re.compile(r"\b[Ww]et\s+op\s+de\s+[\w-]+")


def unmentioned_right(question: str, texts: Collection[str], analyzer: Analyzer) -> str | None:
    """The thing a right is asked to, when none of `texts` names it.

    Benefits and allowances (huurtoeslag, zorgtoeslag, kinderbijslag) are granted by other law
    than the one whose passages were found; a passage about the migrant's tenancy or
    registration that never names the allowance cannot say whether he has a right to it.
    """
    thing = right_asked(question)
    if thing is None:
        return None
    stems = set(analyzer.tokens(thing))
    if not stems:
        return None
    # "het bedrag, genoemd in artikel 13 van de Wet op de huurtoeslag" borrows an amount from
    # that law and says nothing about a right to the allowance
    texts = [_LAW_TITLE.sub(" ", text) for text in texts]
    seen: set[str] = set()
    for text in texts:
        seen.update(analyzer.tokens(text))
    # the Dutch stemmer does not always meet itself ("huurtoeslagen" -> "huurtoeslaag"):
    # a word that begins like the thing names it as well
    named = stems & seen or _names(texts, (thing[: max(5, len(thing) - 2)],))
    return None if named else thing


def _names(texts: Collection[str], roots: tuple[str, ...]) -> bool:
    """Does any word of `texts` begin with one of `roots` ("inhouding" names "inhoud...")? A
    root of several words is a phrase the text must contain."""
    words = tuple(r for r in roots if " " not in r)
    phrases = [r for r in roots if " " in r]
    return any(
        any(w.startswith(words) for w in re.findall(r"\w+", low)) or any(p in low for p in phrases)
        for low in (" ".join(text.lower().split()) for text in texts)
    )


# Deducting from wages: "Mag de werkgever de huur inhouden op het loon?", "deduct the rent from
# the worker's wages"
_DEDUCTING = re.compile(r"\b(?:inhouden|inhoudt|deduct\w*|withh[eo]ld\w*)\b", re.I)
_WAGES = r"loon|lonen|salaris|wages?|salary|salaries"
_DEDUCTION_ASKED = re.compile(
    r"\b(?:inhoud(?:en|t|ing\w*)|ingehouden|verreken\w*|deduct\w*|withh[eo]ld\w*)\b.{0,80}?"
    rf"\b(?:{_WAGES})\b|"
    r"\b(?:loon|salaris|wages?|salary)\b.{0,40}?"
    r"\b(?:inhoud(?:en|t|ing\w*)|ingehouden|verreken\w*|deduct\w*)|"
    # the separable verb: "houdt elke week geld van mijn loon in"
    # ("zich houden aan het loon in de cao" is no deduction)
    r"\bh(?:oudt|ouden|ield|ielden)\b(?!.{0,60}\bzich\b).{0,80}?\b(?:loon|lonen|salaris)\b.{0,40}?"
    r"\bin\b(?=\s*(?:[.?!,;]|$|voor\b|om\b))|"
    # "How much can my agency take from my wages for the room?", "trekt de huur van mijn loon af"
    r"\b(?:take|takes|taking|took|taken)\b.{0,40}?\b(?:from|out\s+of|off)\s+(?:my|our|his|her|their|the)\s+"
    r"(?:\w+\s+)?(?:wages?|salary|salaries|pay|paychecks?|payslips?)\b|"
    r"\b(?:haalt|halen|trekt|trekken)\b.{0,40}?\b(?:van|op)\s+(?:mijn|ons|onze|zijn|haar|hun|het)\s+"
    r"(?:loon|salaris)\s+af\b|\b(?:van|op)\s+(?:mijn|ons|onze|zijn|haar|hun|het)\s+(?:loon|salaris)\s+"
    r"(?:af\s*(?:te\s+)?(?:halen|trekken)|afgehaald|afgetrokken)\b|"
    # "How much of my salary is the agency allowed to keep back for my room?"
    r"\b(?:keep|keeps|kept|keeping|hold|holds|held|holding)\s+back\b.{0,60}?\b(?:wages?|salary|pay)\b|"
    r"\b(?:wages?|salary)\b.{0,60}?\b(?:keep|keeps|kept|hold|holds|held)\s+back\b",
    re.I,
)
_WAGE = re.compile(rf"\b(?:{_WAGES})\b", re.I)
_DEDUCTION_NAMED = ("inhouden", "inhouding", "ingehouden", "verreken")


# A named tax: "toeristenbelasting", "tourist tax". Taxes are levied under tax law and
# municipal tax bylaws; a statute passage that never names the tax cannot say who owes it.
_TAX_NL = re.compile(r"\b([a-zà-ÿ]{4,}belasting)\b", re.I)
_TAX_EN = {
    "tourist": "toeristenbelasting", "income": "inkomstenbelasting", "wage": "loonbelasting",
    "payroll": "loonbelasting", "property": "onroerendezaakbelasting", "sales": "omzetbelasting",
}
_TAX_EN_ASKED = re.compile(rf"\b({'|'.join(_TAX_EN)})\s+tax(?:es)?\b", re.I)


_OWES = re.compile(
    r"\b(?:betal\w*|verschuldigd|afdragen|afdracht|heffen|pay\w*|owe\w*|charge\w*|levy|rate|"
    r"hoeveel|hoe\s+hoog|how\s+much)\b",
    re.I,
)


def unmentioned_tax(question: str, texts: Collection[str]) -> str | None:
    """The tax the question asks about ("Moet ik toeristenbelasting betalen?"), when none of
    `texts` names it as its own. A definition of "toeristische verhuur" says nothing about
    the tax, and "de toeristenbelasting, bedoeld in artikel 224 van de Gemeentewet" leaves it
    to that law."""
    asked = _asked_part(question)
    if match := _TAX_NL.search(asked):
        tax = match.group(1).lower()
    elif match := _TAX_EN_ASKED.search(asked):
        tax = _TAX_EN[match.group(1).lower()]
    else:
        return None
    # "de toeristenbelasting, bedoeld in artikel 224 van de Gemeentewet" is another law's tax:
    # it does not say who owes it or how much (it does answer what the passage does with it)
    if _OWES.search(asked):
        named = re.compile(rf"{tax}(?!,?\s+(?:als\s+)?bedoeld\s+in\s+artikel\s+[\w.]+\s+van\s+de\b)", re.I)
    else:
        named = re.compile(tax, re.I)
    return None if any(named.search(text) for text in texts) else tax


# "Naar welke website moet ik verwijzen?", "What is the web address of ...?": a site's name
_SITE_ASKED = re.compile(
    r"\b(?:welke|which|what)\s+(?:\w+\s+)?(?:website|webadres|webpagina|url|web\s+address)\b"
    r"(?!\s*-|\s+(?:plan|alternative|requirement|eis|info\w*))|"
    r"\bwhat\s+is\s+the\s+(?:\w+\s+)?(?:website|web\s+address|url)\b|"
    r"\bwat\s+is\s+(?:de|het)\s+(?:\w+\s+)?(?:website|webadres|url)\b",
    re.I,
)
_SITE = re.compile(r"\bwww\.|https?://|\w\.(?:nl|eu|com|org)\b", re.I)
# "Wat is het telefoonnummer van het meldpunt?": a body's number or address, which statutes
# never give ("Welke contactgegevens moet de verhuurder verstrekken?" asks a rule)
_CONTACT_ASKED = re.compile(
    r"\b(?:wat|what)\s+(?:is|zijn|are)\s+(?:(?:het|de|the|its|their|his|her)\s+)?(?:[\w-]+\s+)?"
    r"(?P<term>telefoonnummers?|e-?mailadres\w*|contactgegevens|openingstijden|(?:tele)?phone\s+numbers?|"
    r"e-?mail\s+address\w*|contact\s+details|opening\s+hours)\b|"
    r"\b(?:welk|welke|which|what)\s+(?P<term2>telefoonnummers?|e-?mailadres\w*|(?:tele)?phone\s+numbers?|"
    r"e-?mail\s+address\w*)\b",
    re.I,
)
_CONTACT = re.compile(r"@\w|\b0\d{1,3}[- ]?\d{6,8}\b|\b(?:tel|telefoon)\.?\s*:?\s*\+?\d", re.I)


def unnamed_website(question: str, texts: Collection[str]) -> bool:
    """Does the question ask which website (or which phone number or e-mail address), while
    no passage names one? "een verwijzing naar een website waar ... een huurprijscheck kan
    worden uitgevoerd" says there must be a website, not which; a statute that orders a
    meldpunt gives no number to call."""
    asked = asking_part(question)
    if _SITE_ASKED.search(asked) and not any(_SITE.search(text) for text in texts):
        return True
    contact = _CONTACT_ASKED.search(wh_clauses(question))
    if not contact:
        return False
    term = (contact.group("term") or contact.group("term2")).lower().split()[0][:8]
    # a passage about the contact details themselves ("de contactgegevens van het meldpunt")
    # states what is to be given, if not the number
    return not any(_CONTACT.search(text) or _SITE.search(text) or term in text.lower() for text in texts)


def _asked_part(question: str) -> str:
    """The asking sentences, or the whole question when they name nothing but what a sentence
    before said ("... houdt geld van mijn loon in. Hoeveel mag dat maximaal zijn?")."""
    asked = " ".join(asking_sentences(question))
    if not re.search(r"\b(?:dat|dit|that|this|it)\b", asked, re.I):
        return asked
    return question if all(_RULE_WORDS.fullmatch(word) for word in own_words(asked)) else asked


def unmentioned_deduction(question: str, texts: Collection[str]) -> bool:
    """Does the question ask about deducting something from wages while no top passage speaks
    of a deduction? Wage deductions for housing are set by labour law and collective
    agreements; a passage on keeping the tenancy apart from the employment contract does not
    say whether or how much may be deducted."""
    asked = _asked_part(question)
    # "My agency deducts 110 euros from my wage for the room. What is the maximum they may
    # deduct for housing?": the wage named in the situation, the deduction asked
    told = _DEDUCTION_ASKED.search(asked) or (
        _DEDUCTING.search(asked) and (_DEDUCTION_ASKED.search(question) or _WAGE.search(question))
    )
    if not told:
        return False
    return not _names(texts, _DEDUCTION_NAMED)


# Whether something expires or must be renewed, asked yes or no ("Does that registration
# expire after some years, or do I have to renew it?"), and the roots of a line that says so
_EXPIRY_ASKED = re.compile(
    r"\b(?:expir\w*|laps(?:e|es|ed|ing)|renew\w*|verloopt|verlopen|vervalt|vervallen|verlengd|verlengen|"
    r"opnieuw\s+aan(?:vragen|gevraagd)|apply\s+again)\b",
    re.I,
)
_EXPIRY_NAMED = ("verval", "vervalt", "vervallen", "verloop", "verlopen", "geldig", "verleng", "looptijd",
                 "voor de duur van", "beëindig")


def unmentioned_expiry(question: str, texts: Collection[str]) -> bool:
    """Does a yes/no question ask whether something expires or must be renewed, while no top
    passage speaks of expiry, validity or renewal at all?

    The Wet BRP describes registering a non-resident, never how long that registration lasts;
    a passage on registering does not answer whether it lapses. (Questions that ask for the
    period itself, "how long is it valid", are `unmentioned_act`'s.)"""
    if expected(question) is not None:
        return False
    if not _EXPIRY_ASKED.search(" ".join(asking_sentences(question))):
        return False
    return not _names(texts, _EXPIRY_NAMED)


def value_of_another_statute(question: str, best: str, stating: Collection[str]) -> str | None:
    """The statute that states the kind of value asked for, when only statutes other than the
    best passage's do so and the question names none of them (titles of statute passages).

    "Hoeveel euro is de boete bij een eerste overtreding van de vergunningplicht uit een
    verhuurverordening?" finds the Wgv's fine article, which states a fine category, and the
    Wet BRP's "ten hoogste € 325" below it: an amount of another law's fine. Statutes set
    their own amounts; one law's amount does not answer a question about another's. Money
    only: a regulation's dates and periods fill in its parent law's (the Regeling goed
    verhuurderschap those of the Wgv).
    """
    expectation = expected(question)
    if expectation is None or expectation.kind is not Kind.MONEY or not stating or best in stating:
        return None
    named = tuple(statute.name.lower() for statute in mentioned(question))
    if named and any(title.lower().startswith(named) for title in stating):
        return None
    return next(iter(stating))


# Leaving a home the tenancy of which ends (as opposed to leaving the country)
_LEAVING = (
    r"mov(?:e|ing)\s+out|vacate|vacating|evict\w*|make\s+(?:me|us|him|her|them)\s+leave|"
    r"(?:kick|throw)\w*\s+(?:me|us|him|her|them)\s+out"
)
# "before we must / until I have to ...", and the homes one leaves (English and Dutch)
_BEFORE_MUST = r"(?:before|until)\s+(?:i|we|they|he|she|you)\s+(?:must|have\s+to|has\s+to|need\s+to)\s+"
_HOME_EN = r"room|house|home|housing|chalet|accommodation|flat|apartment|dwelling"
# "the agency's house", "the agency housing": whose home it is may stand between
_OWNER = r"(?:[\w']+\s+){0,2}?"
_HOME_NL = r"kamer|woning|huis|chalet|woonruimte|verblijfsruimte|accommodatie"
# A tenancy's notice, which the Civil Code sets (one alternative per way of asking it)
_TENANCY_NOTICE = re.compile(
    "|".join(
        (
            r"\bopzeg\w*|\bopgezegd",
            # English "notice" is a tenancy's only next to the tenancy ("give notice to the
            # municipality" is a notification)
            rf"(?=.*\b(?:tenan\w*|lease|landlord\w*|{_LEAVING})\b).*?"
            r"\b(?P<act>notice\s+period|(?:days|weeks|months|years)'?\s+notice)\b",
            # "How much notice must they give before we have to move out?" (a landlord giving the
            # municipality notice of a gebruiksmelding is a notification)
            rf"(?=.*\b(?:{_LEAVING})\b).*?\b(?P<much>how\s+much\s+notice)\b",
            # how long one may stay in a room after losing the job or the tenancy (not leaving
            # the country or moving house, which the Wet BRP times)
            rf"\b(?P<leave>{_BEFORE_MUST}"
            rf"(?:leave\s+(?:the|my|our|this|his|her|their)\s+{_OWNER}(?:{_HOME_EN})|"
            r"vacate))\b",
            # "..., how many days do we have before we must move out?" (not when a report is
            # timed by the move: "How many weeks before we have to move out can we report our
            # new address?" is the Wet BRP's)
            r"^(?!.*\b(?:report\w*|declar\w*|regist\w*|aangifte|meld\w*|doorgeven|address|adres\w*)\b)"
            rf".*?\b(?P<out>{_BEFORE_MUST}"
            r"move\s+out)\b",
            # "How many days can I stay in the agency house before I have to leave?": leaving,
            # with the home named before it
            rf"(?=.*\b(?:{_HOME_EN})\b).*?\b(?P<gone>{_BEFORE_MUST}leave)\s*(?:[?.!]|$)",
            # "If I get fired, how many days do I have to leave the house?"
            r"\b(?:how\s+(?:many\s+(?:days|weeks|months)|much\s+time|long)|hoeveel\s+(?:dagen|weken|maanden|tijd)|hoe\s+lang)\b"
            r".{0,60}?\b(?P<left>(?:leave|vacate|move\s+out\s+of)\s+(?:the|my|our|this|his|her|their)\s+"
            rf"{_OWNER}(?:{_HOME_EN})|"
            rf"(?:de|het|mijn|onze|zijn|haar|hun)\s+(?:{_HOME_NL})"
            r"(?:\s+\w+){0,4}?\s+(?:te\s+verlaten|uit\s+te\s+gaan|verlaten|uit))\b",
            # "How many days am I allowed to stay in the agency's housing after my work ends?"
            r"(?=.*\b(?:job|work\w*|contract|employment|dismiss\w*|fire[sd]?|firing|sacked|laid\s+off|ontslag\w*|ontslagen|dienstverband|"
            r"arbeidsovereenkomst|baan|werk)\b)(?:.*?\b(?P<stay>(?:stay|remain|keep\s+living|live)\s+(?:\w+\s+){0,3}?"
            rf"(?:in|at)\s+(?:the|my|our|this|his|her|their)\s+{_OWNER}"
            r"(?:room|house|home|housing|accommodation|flat)\b)|"
            r".*?\b(?P<blijven>in\s+(?:de|het|mijn|onze|zijn|haar)\s+(?:\w+\s+){0,3}?"
            r"(?:kamer|woning|huis|woonruimte|huisvesting|accommodatie)\s+(?:\w+\s+){0,4}?(?:blijven|wonen)\b))",
            r"\b(?P<verlaten>voor(?:dat)?\s+(?:ik|we|wij|hij|zij|ze|je)\s+(?:\w+\s+){0,3}?"
            rf"(?:(?:de|het|mijn|onze|zijn|haar|hun|deze)\s+(?:{_HOME_NL})"
            r"(?:\s+\w+){0,4}?\s+(?:moet|moeten)\s+verlaten|(?:moet|moeten)\s+(?:de|het|mijn|onze)\s+(?:kamer|woning|huis|chalet)"
            r"\s+(?:uit|verlaten)))\b",
        )
    ),
    re.I,
)


# checking or testing something ("Hoe vaak moet een verhuurder de rookmelders laten testen?";
# the Bbl's "adequaat wordt ... gecontroleerd" sets no interval, and "reeds tweemaal een
# bestuurlijke boete" counts fines). The one act asked with "how often" too: "Hoe vaak mag het
# college de beslistermijn verlengen?" is answered by "de termijn eenmaal verlengen".
_CHECKING = (
    re.compile(r"\b(?:controleren|gecontroleerd|testen|getest|keuren|gekeurd|inspecteren|geïnspecteerd|"
               r"check(?:ed)?|test(?:ed)?|inspect(?:ed)?)\b", re.I),
    ("controle", "controleer", "gecontroleerd", "keur", "gekeurd", "inspect", "test", "getest"),
)


# Procedural acts whose periods other law sets (the Awb's objection and decision periods, the
# Civil Code's notice, a landlord's announced visit): how the question names the act, and the
# roots a passage that states its period names it by.
_ACTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        # "Bij wie kan ik daartegen opkomen?": contesting a decision is an objection too
        re.compile(r"\bbezwaar\w*|\bobject(?:ion|ions|s)?\b(?!\s+of)|\bop(?:\s+te\s+)?komen\s+tegen\b|"
                   r"\b(?:daar|er|hier)tegen\s+(?:\w+\s+)?op(?:\s+te\s+)?komen\b|"
                   # contesting as the thing timed, not "an agency that is contesting ..."
                   r"\bto\s+(?:contest|challenge)\b|\b(?:can|may|must|could)\s+\w+\s+(?:contest|challenge)\b", re.I),
        ("bezwaar",),
    ),
    # how long an investigation lasts (an address investigation before a registration is
    # changed), not a period after one ("Binnen hoeveel weken na het onderzoek ...")
    (
        re.compile(
            r"\b(?P<act>\w*onderzoek\w*|investigation)\b.{0,60}?\b(?:duren|duurt|afronden|afgerond|afsluiten|"
            r"lopen|loopt|klaar|voltooid|take|takes|last|lasts|run|runs|complete\w*|finish\w*)\b",
            re.I,
        ),
        ("onderzoek",),
    ),
    # when a citizen service number is issued: the period must be the number's own (not "zich
    # melden om een BSN te krijgen", a purpose, nor correcting it)
    (
        re.compile(
            r"(?<!\bom )(?<!\bto )(?<!order to )\b(?:krijg\w*|ontvang\w*|get|gets|receive\w*)\s+(?:\w+\s+){0,4}?"
            r"(?P<act>burgerservicenummer|BSN|citizen\s+service\s+number)\b(?!\s+te\s+krijgen)|"
            r"\b(?P<act2>burgerservicenummer|BSN)\b\s+(?:wordt|is|worden)?\s*(?:toegekend|uitgegeven|issued|assigned)|"
            # "voordat hij een burgerservicenummer heeft / krijgt" (not "... te krijgen")
            r"\b(?P<act3>burgerservicenummer|BSN)\s+(?:(?!te\b)\w+\s+){0,2}?(?:krijgt|krijgen|ontvangt|ontvangen|heeft|hebben)\b",
            re.I,
        ),
        ("burgerservicenummer",),
    ),
    (_TENANCY_NOTICE, ("opzeg", "opgezegd")),
    (re.compile(r"\bbeslis\w*|\bbeslist\b|\bdecide\w*", re.I), ("beslis", "beslist")),
    (re.compile(r"\baankondig\w*|\bannounce\w*", re.I), ("aankondig", "aangekondigd")),
    _CHECKING,
    # closing a home ("Voor hoeveel maanden mag de burgemeester een woning sluiten?": the
    # Opiumwet's and the Gemeentewet's, not these statutes')
    (re.compile(r"\b(?:woning|pand|huis|home|house|premises|building)\s+(?:\w+\s+){0,3}?(?:sluiten|close[ds]?)\b|"
                r"\bsluiting\b|\bclos(?:e|ing)\s+(?:down\s+)?(?:the|a|my|our)\s+(?:home|house|premises|building)\b|"
                r"\bclosure\b", re.I),
     ("sluiting", "sluiten")),
    # laying a draft open for inspection ("Hoeveel weken moet het ontwerp ter inzage liggen?":
    # the Awb's procedure, not these statutes')
    (re.compile(r"\bter\s+inzage\s+(?:\w+\s+)?(?:liggen|leggen|gelegd|ligt)\b|\bterinzagelegging\b|"
                r"\bopen\s+(?:\w+\s+)?(?:for|to)\s+public\s+inspection\b", re.I),
     ("ter inzage", "terinzagelegging")),
    # giving advice ("Binnen hoeveel weken moet het Bureau Bibob advies uitbrengen?"; the
    # decision period on the application is another act's)
    (re.compile(r"\badvies\s+(?:\w+\s+)?uit\s*(?:te\s+)?brengen|\badvies\s+(?:\w+\s+)?(?:uit)?(?:brengt|brengen)\b|"
                r"\badviseren\b|\badviseert\b|\b(?:give|issue|deliver)\w*\s+(?:\w+\s+){0,2}?advice\b|\badvise\b", re.I),
     ("advies", "advis", "adviseer")),
    (re.compile(r"\bbezichtig\w*|\bviewing\b", re.I), ("bezichtig",)),
    # keeping records ("Hoe lang moet ik de gegevens van afgewezen kandidaten bewaren?": only a
    # line that names keeping them states how long)
    (re.compile(r"\bbewaren\b|\bbewaard\b|\bbewaartermijn\w*|\b(?:keep|kept|retain\w*|store[sd]?)\s+(?:\w+\s+){0,4}?"
                r"(?:data|records?|details|information|copy|copies|files?|documents?)\b|\bretention\b", re.I),
     ("bewaar", "bewaard", "bewaren", "vernietig")),
    # responding to an intended decision ("Hoeveel tijd moeten we een bewoner geven om te
    # reageren op ons voornemen om hem uit te schrijven?": the Awb's zienswijze)
    # (reacting to a request is deciding on it: "Binnen welke termijn moet de gemeente reageren
    # op een verzoek ...?" is answered by the decision period)
    (re.compile(r"\bzienswijze\w*|\b(?:reageren|reactie|reageert)\s+op\s+(?:\w+\s+){0,2}?voornemen|"
                r"\b(?:respond|react|reply)\w*\s+to\s+(?:the|our|its|their|this)\s+(?:intention|intended|proposed|plan)\b", re.I),
     ("zienswijze", "reageren", "reactie")),
    (  # how long a registration, permit or certificate stays valid
        re.compile(
            r"\b(?:hoe\s*lang|how\s+long)\b.{0,80}\b(?P<act>geldig|valid)\b|\bgeldigheids\w*|"
            # "Voor hoeveel jaar wordt een verhuurvergunning verleend?" asks the same
            r"\b(?:voor\s+hoeveel\s+(?:jaar|jaren|maanden|tijd)|voor\s+hoe\s*lang|"
            r"for\s+how\s+(?:many\s+years|long))\b.{0,120}?\b(?:verleend|afgegeven|granted|issued|krijg\w*|get|gets|receive\w*)\b|"
            r"\bvalidity\b",
            re.I,
        ),
        # "verleend voor een periode van vier jaar" states a validity in other words; a bare
        # "verleend" does not ("blijft gedurende een jaar van toepassing op vergunningen die voor
        # dat tijdstip zijn verleend"), nor does extending a decision period ("kunnen de
        # termijn eenmaal verlengen met ten hoogste zes weken"); "De waarschuwing vervalt indien
        # ... vijf jaren zijn verstreken" does, bylaws that "vervallen" on a date do not
        ("geldig", "looptijd", "verleend voor een", "afgegeven voor een", "voor een periode van",
         "voor de duur van", "vervalt"),
    ),
    # renewal ("before I have to renew it" after a validity asked is that validity)
    (re.compile(r"^(?!.*\b(?:geldig|valid)).*?\b(?P<act>verleng\w*|renew\w*)", re.I | re.S), ("verleng",)),
    (re.compile(r"\bingebrekestelling\w*|\baanmaning\w*", re.I), ("ingebrekestelling", "aanmaning")),
    # repairing a defect (the Civil Code's landlord duties, not these statutes)
    (re.compile(r"\b(?:repareer\w*|repareren|gerepareerd|herstel(?:len|t|d)?|repair\w*|fix(?:ed|es)?)\b", re.I),
     ("repar", "herstel")),
    # paying money back (a deposit, a wrongly imposed fine)
    (
        re.compile(r"\bterug\s*(?:te\s+)?betal\w*|\bterugbetaa?l\w*|\bteruggave\b|\brefund\w*|\brepa(?:y|id)\w*|"
                   r"\b(?:pay|paid|give|return\w*)\s+(?:\w+\s+){0,3}?back\b|\breturn\w*\s+(?:\w+\s+){0,2}?deposit", re.I),
        ("terugbetaal", "terugbetaald", "terugbetaling", "teruggave", "terug te betalen", "terugbetalen"),
    ),
    (  # a dispute taken to a tribunal or court
        re.compile(
            r"\bhuurcommissie|\b(?:kanton)?rechter\b|\bgeschil\w*|\bin beroep\b|\bberoep\s+in\w*|"
            r"\brent\s+tribunal|\bcourt\b|\bappeal\w*",
            re.I,
        ),
        ("huurcommissie", "rechter", "kantonrechter", "geschil", "beroep"),
    ),
)


_PRONOUN_DOER = re.compile(
    r"\b(?:must|should|can|may|will|does|do|has|have|is|are)\s+(?:it|they)\b|"
    r"\b(?:moet|moeten|mag|mogen|kan|kunnen|zal|zullen)\s+(?:die|deze|zij|ze)\b",
    re.I,
)


def asked_acts(question: str) -> list[tuple[str, tuple[str, ...]]]:
    """The procedural acts whose period or moment the question asks, each with the roots a
    line names it by ("Binnen welke termijn kan hij bezwaar maken?" -> bezwaar); empty for
    questions that ask no period or date."""
    expectation = expected(question)
    if expectation is None or expectation.kind not in (Kind.DURATION, Kind.DATE, Kind.FREQUENCY):
        return []
    # the clause that asks for the period: "What must he tell about the Huurcommissie, and
    # from what date does this regulation apply?" asks the date of something else; a short one
    # ("..., and what is the deadline?") asks about what the clause before it names
    clauses = wh_clauses(question).split(" . ")
    typed = [c for c in clauses if (e := expected(c)) is not None and e.kind is expectation.kind]
    # ... and so does one whose doer is a pronoun ("If I file a complaint with the Huurcommissie,
    # within how many weeks must it decide?": its deciding, not the college's)
    elliptical = not any(own_words(c) for c in typed) or any(_PRONOUN_DOER.search(c) for c in typed)
    # ("Bij wie kan ik daartegen opkomen, en binnen hoeveel weken moet ik dat doen?": the
    # clause before it need not start with a question word)
    asked = " . ".join(asking_sentences(question) if elliptical else typed)
    acts = (_CHECKING,) if expectation.kind is Kind.FREQUENCY else _ACTS
    return [
        # the act as named by the pattern's first named group that took part, else the match
        (next((g for g in m.groupdict().values() if g), m.group(0)).lower(), roots)
        for pattern, roots in acts
        if (m := pattern.search(asked))
    ]


def names_acts(text: str, acts: list[tuple[str, tuple[str, ...]]]) -> bool:
    """Does `text` name every act of `acts` (`asked_acts`)?"""
    return all(_names([text], roots) for _, roots in acts)


def unmentioned_act(question: str, texts: Collection[str]) -> str | None:
    """The procedural act a period question asks about, when no line of `texts` that states
    a period (or the lead-in "...:" before it) names it.

    "Binnen welke termijn kan een verhuurder bezwaar maken tegen de weigering?" asks for the
    objection period; passages that state the decision period on the licence, but never name
    an objection, state another period, however well the rest of the question fits them. A
    passage that names the act elsewhere ("die een huurovereenkomst heeft opgezegd ... doet
    een melding") does not state its period either.
    """
    acts = asked_acts(question)
    if not acts:
        return None
    expectation = expected(question)
    windows: list[str] = []  # each line stating a period, with its lead-in
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            if satisfies(expectation, line):
                lead = lines[i - 1] if i and lines[i - 1].rstrip().endswith(":") else ""
                windows.append(f"{lead} {line}")
    for act, roots in acts:
        if not _names(windows, roots):
            return act
    return None


# "een vergunning als bedoeld in artikel 41, eerste lid", "the permit referred to in Article 8":
# which article's thing a sentence (or question) is about
_ABOUT_ARTICLE = re.compile(
    r"\b(?:(?:als\s+)?bedoeld\s+in|referred\s+to\s+in|within\s+the\s+meaning\s+of)\s+"
    r"(?:de\s+|the\s+)?(?:artikel(?:en)?|art\.|articles?)\s+(?P<refs>[\d.]*\d[a-z]*"
    r"(?:(?:,\s*(?:(?:en|of|and|or)\s+)?|\s+(?:en|of|and|or)\s+)(?:(?:artikel|article)\s+)?"
    r"[\d.]*\d[a-z]*|"
    r",?\s+(?:\w+\s+)?(?:lid|leden|onderdeel|paragraph)\b)*)",
    re.I,
)
_ARTICLE_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)*[a-z]*)")
_ORDINALS = {
    word: str(n)
    for n, word in enumerate(
        ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"], start=1
    )
}
_OWN_LID = re.compile(rf"\bbedoeld\s+in\s+het\s+({'|'.join(_ORDINALS)})\s+lid\b(?!\s+van)", re.I)


_OTHER_STATUTE = re.compile(r",?\s*(?:\w+\s+lid,?\s*)?van\s+(?:de|het|Boek)\s+[A-Z\d]", re.I)


def _references(text: str, *, within: bool = True) -> list[tuple[str, set[str]]]:
    """(the noun, its article numbers) for each "<noun> (als) bedoeld in artikel N" in
    `text` ("een vergunning als bedoeld in artikel 41" -> ("vergunning", {"41"})). A reference
    into another statute ("bedoeld in artikel 28 van de Wet op de loonbelasting") is left out:
    its article numbers are not this statute's (`within`; a question's references all count)."""
    found = []
    for match in _ABOUT_ARTICLE.finditer(text):
        if within and _OTHER_STATUTE.match(text, match.end()):
            continue
        before = re.findall(r"[a-zà-ÿ][\w-]*", text[max(0, match.start() - 60) : match.start()].lower())
        head = next((w for w in reversed(before) if w not in ("als", "een", "de", "het", "the", "a", "an")), "")
        found.append((head, {n.lower() for n in _ARTICLE_NUMBER.findall(match.group("refs"))}))
    return found


def _same_thing(a: str, b: str) -> bool:
    """"huisvestingsvergunning" and "vergunning" name one kind of thing; "aanvraag" another."""
    return bool(a and b) and (a.endswith(b) or b.endswith(a))


def value_for_another_article(question: str, passages: Collection[tuple[str, str]]) -> str | None:
    """The article the question's subject is "bedoeld in", when every line of the passages
    (locator, text) that states the value asked for is about the subject of another article.

    "Binnen welke termijn beslist het college op een aanvraag om een huisvestingsvergunning
    als bedoeld in artikel 8?" finds "beslissen op de aanvraag om een vergunning als bedoeld
    in artikel 41, eerste lid, binnen acht weken" and its twin for artikel 21: the decision
    periods of other permits. A line that refers to no article, or to the one asked, or that
    stands in the asked article itself, may state the asked value.
    """
    asked_refs = _references(question, within=False)
    asked = {number for _, numbers in asked_refs for number in numbers}
    expectation = expected(question)
    if not asked or expectation is None:
        return None
    # with an act asked ("beslissen"), only lines that name it state its value
    acts = asked_acts(question)
    # a statute the question names: another statute's lines state another statute's values
    named = tuple(statute.name.lower() for statute in mentioned(question))
    stating = False
    for locator, text in passages:
        if named and not text.split("\n", 1)[0].lower().startswith(named):
            continue
        own = set(_ARTICLE_NUMBER.findall(locator.lower().removeprefix("artikel").split(",")[0]))
        lines = [line for line in text.split("\n")[1:] if line.strip()]
        leden = {m.group(1): line for line in lines if (m := re.match(r"\s*(\d+)\.\s", line))}
        for i, line in enumerate(lines):
            lead = lines[i - 1] if i and lines[i - 1].rstrip().endswith(":") else ""
            if not satisfies(expectation, line) or not names_acts(f"{lead} {line}", acts):
                continue
            stating = True
            # "de termijn, bedoeld in het derde lid, ... verlengen": that lid's subject
            lid = _OWN_LID.search(line)
            if lid and (ordinal := _ORDINALS.get(lid.group(1).lower())) in leden:
                lead = f"{lead} {leden[ordinal]}"
            # only a reference to the same kind of thing ("vergunning") says the value is
            # another's: "de aanvraag, bedoeld in artikel 6" may be the application for the
            # permit of artikel 5
            about = {
                number
                for head, numbers in _references(f"{lead} {line}")
                if any(_same_thing(head, asked_head) for asked_head, _ in asked_refs)
                for number in numbers
            }
            if not about or (about | own) & asked:
                return None
    return ", ".join(sorted(asked)) if stating else None


# "na een bij algemene maatregel van bestuur te bepalen termijn", "op een bij koninklijk besluit
# te bepalen tijdstip": the statute leaves the value to another instrument. ("een in de
# huisvestingsverordening vastgestelde termijn" is left alone: the line may still state the
# bylaw's own limits.)
_DELEGATED = re.compile(
    r"\b(?:te bepalen|vast te stellen|te stellen)\s+(termijn|tijdstip|datum|bedrag|percentage|aantal)",
    re.I,
)
# "Bij of krachtens algemene maatregel van bestuur worden nadere regels gesteld ... Deze
# nadere regels hebben in ieder geval betrekking op ... de bewaartermijn": so does a line that
# hands rules about the value to such an instrument.
_DELEGATING = re.compile(
    r"\b(?:algemene maatregel van bestuur|ministeriële regeling|koninklijk besluit)\b.*\bregels\b", re.I
)
_DELEGATED_KINDS: dict[Kind, tuple[str, ...]] = {
    Kind.DURATION: ("termijn", "tijdstip", "datum"),
    Kind.DATE: ("termijn", "tijdstip", "datum"),
    Kind.MONEY: ("bedrag",),
    Kind.SHARE: ("percentage",),
    Kind.COUNT: ("aantal",),
    Kind.QUANTITY: ("aantal", "bedrag"),
}


_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


# "meer dan een in die verordening bepaald aantal nachten per jaar": the bylaw sets the number
# (only in the sentence that fits best: a passage may state the bylaw's limits elsewhere)
_BYLAW_VALUE = re.compile(
    r"\b(?:een|het|de)\s+(?:in|bij)\s+(?:de|die|een)\s+\w*verordening\s+"
    r"(?:bepaald|bepaalde|vastgesteld|vastgestelde|omschreven)\s+"
    r"(termijn|tijdstip|datum|bedrag|percentage|aantal)",
    re.I,
)


def _delegates(line: str, kind: Kind, *, bylaw: bool = False) -> str | None:
    """The words by which `line` leaves a value of `kind` to a regulation (with `bylaw`, also
    to a municipal bylaw), if it does."""
    for pattern in (_BYLAW_VALUE, _DELEGATED) if bylaw else (_DELEGATED,):
        match = pattern.search(line)
        if match and match.group(1).lower() in _DELEGATED_KINDS[kind]:
            return match.group(0)
    if _DELEGATING.search(line):
        nouns = "|".join(_DELEGATED_KINDS[kind])
        named = re.search(rf"\b\w*(?:{nouns})\w*", line, re.I)
        if named:
            return named.group(0)
    return None


def delegated_value(question: str, texts: Collection[str], analyzer: Analyzer) -> str | None:
    """The words by which the passages leave the asked value to a regulation: in the sentence
    of `texts` that shares most of the question's key terms (and states no such value), or
    anywhere in the first passage when it states no value of the kind asked for.

    "Bij welke instantie moet een uitlener melden ..., en na hoeveel dagen?" is answered by
    Waadi art. 12ba lid 3 only so far as to say the period is "bij algemene maatregel van
    bestuur te bepalen": the documents do not hold the period, and a period stated elsewhere
    in the passage (for laying the draft before parliament) is another one. "Hoe lang mag de
    gemeente de klachten bewaren?" finds Wgv art. 4, which hands the "bewaartermijn" to an
    AMvB and states no period; one stated by a lower passage is not that one.
    """
    expectation = expected(question)
    if expectation is None or expectation.kind not in _DELEGATED_KINDS or not texts:
        return None
    terms = set(analyzer.key_terms(question, english=detect_language(question) == "en"))
    best, best_rank, best_passage = "", (0, False), 0
    first_stating = len(texts)  # the first passage that states a value of the kind
    for index, text in enumerate(texts):
        for line in text.split("\n")[1:]:  # not the header line
            for sentence in _SENTENCE.split(line):
                # on a tie, a sentence that states the value wins ("Deze wet treedt in werking
                # op een bij koninklijk besluit te bepalen tijdstip. Zij is op 1 juli 2023 ...")
                rank = (len(terms & set(analyzer.tokens(sentence))), satisfies(expectation, sentence))
                if rank[1]:
                    first_stating = min(first_stating, index)
                if rank > best_rank:
                    best, best_rank, best_passage = sentence, rank, index
    # a passage ranked above the delegating sentence's that states a value may answer in
    # other words ("Hoe lang mogen we de kopie bewaren?": "uiterlijk vier weken nadat het
    # afschrift ..." in the best passage, a "te bepalen termijn" for another report below it)
    above = first_stating < best_passage
    if not best_rank[1] and not above and (left := _delegates(best, expectation.kind, bylaw=True)):
        return left
    first = [line for line in next(iter(texts)).split("\n")[1:] if line.strip()]
    if not any(satisfies(expectation, line) for line in first):
        return next((left for line in first if (left := _delegates(line, expectation.kind))), None)
    return None


# "Welke documenten moet hij meenemen?": which papers someone must bring or hand over
_PAPERS_ASKED = re.compile(
    r"\b(?:welke|which|what)\s+(?:[\w-]+\s+){0,2}?(?:documenten|bescheiden|papieren|stukken|"
    r"documents|papers|paperwork)\b",
    re.I,
)
# what names a paper: the general words and the papers statutes name by kind
_PAPERS = (
    r"(?:bescheiden|\w*document\w*|\w*stukken|papieren|identiteitsbewijs\w*|paspoort\w*|"
    r"\w*verklaring\w*|afschrift\w*|kopie\w*|\w*bewijs|\w*certificaat\w*|uittreksel\w*|\w*akte\w*|"
    r"\w*formulier\w*|geschrift\w*|schriftelijk\w*|\w*overeenkomst\w*)"
)


def _designated_by_regulation(nouns: str, *, bylaw: bool = False, agreement: bool = False) -> re.Pattern[str]:
    """"de bij of krachtens algemene maatregel van bestuur aangewezen <nouns>": a regulation
    (with `bylaw`, also a municipal bylaw; with `agreement`, a collective labour agreement)
    will name them, the statute does not."""
    by = r"algemene maatregel van bestuur|ministeriële regeling|koninklijk besluit"
    if bylaw:
        by += r"|(?:de|die|een)\s+\w*verordening"
    if agreement:
        by += r"|(?:een\s+)?collectieve\s+arbeidsovereenkomst|(?:een\s+)?cao"
    return re.compile(
        rf"\b(?:bij|krachtens)\s+(?:of\s+krachtens\s+)?(?:{by})\s+"
        r"(?:aangewezen|aan te wijzen|te bepalen|bepaalde|vastgestelde|vast te stellen)\s+"
        rf"(?:\w+\s+){{0,2}}?(?:{nouns})",
        re.I,
    )


def _left_in_best_passage(
    question: str, texts: Collection[str], asked: tuple[re.Pattern[str], ...], left: re.Pattern[str]
) -> str | None:
    """The words (`left`) by which the best passage leaves to another instrument what the
    question asks, when its asking sentences match every pattern of `asked`."""
    asking = " ".join(asking_sentences(question))
    if not texts or not all(pattern.search(asking) for pattern in asked):
        return None
    match = left.search(next(iter(texts)))
    return match.group(0) if match else None


_PAPERS_DELEGATED = _designated_by_regulation(r"(?:bescheiden|documenten|stukken)\b", bylaw=True)


def delegated_papers(question: str, texts: Collection[str]) -> str | None:
    """The words by which the first passage that names a paper leaves the papers the
    question asks for to a regulation.

    "Welke documenten moet een arbeidsmigrant meenemen om zich als niet-ingezetene te laten
    inschrijven?" finds Wet BRP art. 2.67: the applicant hands over "de bij of krachtens
    algemene maatregel van bestuur aangewezen bescheiden". Which ones that regulation names
    is not in the documents; a passage that lists them ("bevat de volgende gegevens en
    bescheiden: a. ...") or names one ("een verklaring omtrent het gedrag") does answer.
    """
    if not _PAPERS_ASKED.search(" ".join(asking_sentences(question))):
        return None
    for text in texts:
        if not re.search(rf"\b{_PAPERS}\b", text, re.I):
            continue
        match = _PAPERS_DELEGATED.search(text)
        return match.group(0) if match else None
    return None

# "Aan welke concrete eisen (zoals vierkante meters per persoon) moet de huisvesting voldoen?":
# the content of housing norms, asked by a concrete example ("Aan welke eisen moet de
# verhuurder (precies) voldoen?" is answered by a passage that says he must be certified)
_NORMS_ASKED = re.compile(
    r"\b(?:welke|which|what)\s+(?:[\w-]+\s+){0,2}?(?:eisen|normen|voorschriften|norms|standards|"
    r"requirements)\b",
    re.I,
)
_IN_DETAIL = re.compile(  # a concrete housing norm, named as an example of what is asked
    r"\bm²|\bm2\b|\bvierkante\s+meter\w*|\bper\s+(?:persoon|bewoner|slaapkamer|kamer)\b|\bbedden\b|"
    r"\bslaapkamers?\b|\bsanitair\w*|\bdouches?\b|\btoilet\w*|\bfloor\s+(?:space|area)|\bsquare\s+met\w*|"
    r"\bper\s+(?:person|resident|bedroom|room)\b|\bbeds\b|\bbedrooms?\b|\bshowers?\b",
    re.I,
)
_NORMS_DELEGATED = _designated_by_regulation(r"(?:normen|eisen|regels)\b", agreement=True)


def delegated_norms(question: str, texts: Collection[str]) -> str | None:
    """The words by which the best passage leaves the norms the question asks for to a
    collective agreement or a regulation.

    "Aan welke concrete eisen (vierkante meters per persoon, bedden per slaapkamer) moet
    huisvesting voldoen om gecertificeerd te zijn?" finds Waadi art. 12b: the landlord is
    certified against "de bij collectieve arbeidsovereenkomst vastgestelde normen". What those
    norms are is in the agreement, not in the documents."""
    return _left_in_best_passage(question, texts, (_NORMS_ASKED, _IN_DETAIL), _NORMS_DELEGATED)


# "Bij welke instantie meldt de uitlener dat ...?", "Which body ...": which organisation
_BODY_ASKED = re.compile(
    r"\b(?:welke|which|what)\s+(?:[\w-]+\s+)?(?:instantie|instanties|organisatie|organisaties|"
    r"instelling|instellingen|bodies|body|authority|authorities|organisations?|organizations?)\b",
    re.I,
)
# "melding maakt bij een bij algemene maatregel van bestuur aangewezen instantie"
_BODY_DELEGATED = _designated_by_regulation(r"(?:instantie|organisatie|instelling)\w*")


# the body something goes to ("bij welke instantie", "to which authority ... report"), not the
# one that must act ("Welke organisatie moet de arbeidsmigrant informeren?")
_TO_BODY = re.compile(
    r"\b(?:bij|aan|naar|to|with)\s+(?:welke|which|what)\b|\bmeld\w*|\bmelding\w*|\breport\w*|"
    r"\bnotif\w*|\bindien\w*|\bsubmit\w*",
    re.I,
)


def delegated_body(question: str, texts: Collection[str]) -> str | None:
    """The words by which the best passage leaves to a regulation the body the question asks
    for ("Bij welke instantie meldt de uitlener ...?": Waadi art. 12ba lid 3 names "een bij
    algemene maatregel van bestuur aangewezen instantie", not which one)."""
    return _left_in_best_passage(question, texts, (_BODY_ASKED, _TO_BODY), _BODY_DELEGATED)


# "Bij welke organisatie moet ik mijn pand laten certificeren?", "What is the name of the
# organisation that certifies agency housing?": Waadi art. 12b names "een door de Raad van
# Accreditatie daartoe geaccrediteerde instelling", a kind of body, never which one
_CERTIFIER_ASKED = re.compile(
    r"(?=.*\b(?:certif\w*|keurmerk\w*|keuring\w*|gekeurd|accredit\w*))"
    r"(?:.*\b(?:welke|which|what)\s+(?:[\w-]+\s+)?(?:instantie|instelling|organisatie|organisation|organization|body|company)\b|"
    r".*\bhoe\s+heet\b|.*\bname\s+of\s+the\s+(?:organisation|organization|body|company)\b|.*\bwho\s+(?:certifies|issues)\b)",
    re.I,
)
_KIND_OF_BODY = re.compile(
    r"\b(?:een|de)\s+door\s+(?:de\s+|het\s+|onze\s+)?[\w\s]{0,40}?(?:daartoe\s+)?(?:geaccrediteerde|erkende|aangewezen)\s+"
    r"(?:instelling|organisatie|instantie)\b",
    re.I,
)


def unnamed_certifier(question: str, texts: Collection[str]) -> str | None:
    """The words by which a top passage describes the certifying body the question asks the
    name of, when it names only a kind of body ("een door de Raad van Accreditatie daartoe
    geaccrediteerde instelling"): which organisations are accredited is not in the statutes."""
    if not _CERTIFIER_ASKED.search(" ".join(asking_sentences(question))):
        return None
    for text in texts:
        if match := _KIND_OF_BODY.search(" ".join(text.split())):
            return match.group(0)
    return None


# "Welke sectoren zijn bij algemene maatregel van bestuur uitgezonderd?", "Which inspection
# bodies has the minister designated?": the content of a designation, made by another instrument
_DESIGNATION_ASKED = re.compile(
    r"\bwelke\s+(?P<nl>[\w-]{4,})\s+(?:zijn|worden|werden|heeft|hebben)\b.{0,80}?\b(?:aangewezen|uitgezonderd)\b|"
    r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?P<en>[\w-]{4,})\s+(?:are|were|has|have)\b.{0,80}?\b(?:designated|exempted|excluded)\b",
    re.I,
)
_INSTRUMENT = re.compile(
    r"\b(?:algemene\s+maatregel\s+van\s+bestuur|amvb|ministeriële\s+regeling|koninklijk\s+besluit|"
    r"(?:onze\s+|de\s+|the\s+)?minister|order\s+in\s+council)\b",
    re.I,
)
_DESIGNATING = r"(?:aanwijz\w*|aangewezen|aan\s+te\s+wijzen|uitgezonderd|uit\s+te\s+zonderen)"


def designation_elsewhere(question: str, texts: Collection[str]) -> str | None:
    """The designated or exempted things the question asks for, when only an AMvB or a
    decision of the minister names them.

    "Welke sectoren zijn bij algemene maatregel van bestuur uitgezonderd?" finds Waadi art. 1b
    lid 2: sectors "kunnen ... bij algemene maatregel van bestuur ... worden uitgezonderd".
    "Welke inspectie-instellingen zijn aangewezen?" finds art. 12s: "Onze Minister kan ...
    inspectie-instellingen aanwijzen". Which ones is in those decisions. A passage that lists
    them ("Hoofdstuk 3a is niet van toepassing op: a. ...") answers; so does a question that
    names no instrument when no top passage ties one to the thing asked."""
    match = _DESIGNATION_ASKED.search(" ".join(asking_sentences(question)))
    if not match or not texts:
        return None
    noun = (match.group("nl") or match.group("en")).lower()
    if match.group("en"):
        noun = (gloss(noun) or noun).split()[-1]
    stem = re.escape(noun[: max(5, len(noun) - 3)])
    about = re.compile(
        rf"\b\w*{stem}\w*\b.{{0,160}}?{_DESIGNATING}|{_DESIGNATING}.{{0,40}}?\b\w*{stem}", re.I
    )
    for text in texts:
        for sentence in _SENTENCE.split(" ".join(text.split())):
            instrument = _INSTRUMENT.search(sentence) or _INSTRUMENT.search(match.group(0))
            # (a sentence that lists them itself, "niet van toepassing op: a. ...", answers)
            if about.search(sentence) and instrument and not re.search(r":\s*(?:-\s*)?a\.", sentence):
                return noun
    return None


# "Bij algemene maatregel van bestuur wordt bepaald welke van de algemene gegevens ... worden
# aangemerkt als authentieke gegevens": which ones, left to a regulation
_WHICH_LEFT = re.compile(
    r"\b(?:bij|krachtens)\s+(?:of\s+krachtens\s+)?(?:algemene\s+maatregel\s+van\s+bestuur|ministeriële\s+regeling)\s+"
    r"(?:wordt|worden)\s+(?:bepaald|vastgesteld|aangewezen)\s+welke\b(?P<rest>[^.;:]*)",
    re.I,
)
_WHICH_ASKED = re.compile(r"^\s*(?:welke|which|what)\b", re.I)


def delegated_which(question: str, texts: Collection[str]) -> str | None:
    """The words by which a top passage leaves to a regulation which things are meant, when the
    question asks which ones, about the things that sentence names.

    "Welke gegevens in de BRP zijn precies authentieke gegevens?" finds Wet BRP art. 1.6: "Bij
    algemene maatregel van bestuur wordt bepaald welke van de algemene gegevens ... worden
    aangemerkt als authentieke gegevens." The list is in that regulation, not in the documents.
    "Wie bepaalt welke gegevens authentiek zijn?" asks who, which the same sentence answers."""
    clauses = [c for c in wh_clauses(question).split(" . ") if _WHICH_ASKED.match(c)]
    if not clauses:
        return None
    asked = {w[:6] for c in clauses for w in re.findall(r"\w+", c.lower()) if len(w) >= 6}
    asked |= {g[:6] for c in clauses for w in re.findall(r"[a-z]+", c.lower()) if (g := gloss(w)) and len(g) >= 6}
    for text in texts:
        for match in _WHICH_LEFT.finditer(" ".join(text.split())):
            named = {w[:6] for w in re.findall(r"\w+", match.group("rest").lower()) if len(w) >= 6}
            if asked & named:
                return match.group(0)[:80]
    return None


# "Per welke datum treedt het uitleenverbod in werking?": when a provision starts to apply
_COMMENCEMENT_ASKED = re.compile(
    r"\b(?:in\s+werking|inwerkingtreding|van\s+kracht|take[sn]?\s+effect|(?:enters?|come[s]?)\s+into\s+force|"
    r"start[s]?\s+to\s+apply|appl(?:y|ies)\s+from|"
    # "Per wanneer is het verboden ...?", "From when is it forbidden ...?"
    r"(?:per|vanaf|sinds|met\s+ingang\s+van)\s+(?:wanneer|welke\s+datum)|(?:from|since)\s+when|"
    r"(?:from|as\s+of)\s+(?:what|which)\s+date)\b",
    re.I,
)
_NOT_IN_FORCE = re.compile(r"\bnog\s+niet\s+in\s+werking\s+getreden\b|\bnot\s+yet\s+in\s+force\b", re.I)


def commencement_not_stated(question: str, texts: Collection[str]) -> bool:
    """Does the question ask from what date a provision applies, while the best passage says
    that provision is not yet in force?

    Waadi art. 12c lid 1, the ban on supplying workers without an admission, reads "Dit lid is
    nog niet in werking getreden": a royal decree will set the date, and the documents do not
    hold it. Any date the passages state (another decision's "met ingang van") answers
    another question."""
    expectation = expected(question)
    # ("Vanaf welke datum is het verboden ...? Ik wil weten hoeveel tijd ik nog heb." asks the
    # time left until that date)
    if expectation is None or expectation.kind not in (Kind.DATE, Kind.DURATION) or not texts:
        return False
    return bool(_COMMENCEMENT_ASKED.search(asking_part(question)) and _NOT_IN_FORCE.search(next(iter(texts))))


# Words that make a question about a rule: "Hoeveel personen mogen ...", "vanaf hoeveel ... is
# een melding nodig", "which municipalities must ...".
_RULE_WORDS = re.compile(
    r"\b(mag|mogen|moet|moeten|kan|kunnen|dient|dienen|hoeft|hoeven|nodig|verplicht\w*|"
    r"toegestaan|maximaal|minimaal|hoogstens|ten hoogste|ten minste|geldt|gelden|may|must|can|"
    r"could|should|shall|allowed|required|need|needs|permitted|maximum|minimum|at most|at least|"
    r"apply|applies)\b",
    re.I,
)
_PLACES_ASKED = re.compile(
    r"\b(?:welke|which)\s+(?:\w+\s+)?(?:gemeenten|municipalities|plaatsen|places|regio'?s|"
    r"regions|provincies|provinces|steden|cities|towns|town\s+halls|city\s+halls|gemeentehuizen|stadhuizen)\b",
    re.I,
)


# Where a service or office is: "zit een loket", "kan ... terecht bij", "is located"
_LOCATED = re.compile(
    r"\b(?:loket\w*|balie\w*|desks?|counters?|offices?|kantoor|kantoren|vestiging\w*|"
    r"gevestigd|terecht|located|situated|te vinden)\b",
    re.I,
)


# Which places make up an area: "Uit welke gemeenten bestaat de woningmarktregio?", "Which
# municipalities belong to the region?" (a designation names them; the statute never does)
_MEMBERS = re.compile(
    r"\buit\s+welke\s+(?:\w+\s+)?\w+\s+(?:bestaat|bestaan)\b|\bbestaa?t\w*\s+(?:\w+\s+){0,4}?uit\s+welke\b|"
    r"\b(?:horen|behoren|vallen|liggen|zitten)\s+(?:\w+\s+){0,4}?(?:bij|onder|binnen|tot)\b|"
    r"\b(?:belong\s+to|are\s+part\s+of|make\s+up|lie\s+in|fall\s+(?:under|within))\b",
    re.I,
)


# a relative clause that describes what the question names (", waarmee we moeten overleggen"),
# or one that says why it is asked (", zodat we weten met wie we moeten afstemmen")
_RELATIVE_TAIL = re.compile(
    r",\s+(?:waar\w+|die|dat|wie|zodat|omdat|which|who|whom|where|with\s+which|with\s+whom|so\s+that|because)\b",
    re.I,
)


# "Welke inspectie-instellingen heeft de minister aangewezen?": which ones someone has chosen
_DONE_ASKED = re.compile(
    # (the Dutch term may follow in brackets: "Which inspection bodies (inspectie-instellingen) ...")
    r"\b(?:welke|which)\s+([\w-]+)(?:\s+[\w-]+)?(?:\s+\([^)]{1,60}\))?\s+(?:heeft|hebben|has|have|"
    # "Welke inspectie-instellingen zijn aangewezen?": the same, in the passive
    # ("Welke beslistermijn is vastgesteld?" asks what a rule sets: only with "al", "so far")
    r"(?:zijn|is|werden|were|(?:have|has)\s+been)(?=\s+(?:al|inmiddels|reeds|momenteel|thans|nu|"
    r"already|currently|now)"
    r"\s+(?:aangewezen|vastgesteld|toegelaten|erkend|gecertificeerd|geaccrediteerd|designated|"
    r"admitted|recognised|recognized|certified|accredited)\b|"
    # ... or with the minister as the one who chose them: "Welke inspectie-instellingen zijn door
    # de minister aangewezen?" (the statute says that the minister designates, never whom; a
    # college's designations are often described by category, "instellingen voor opvang")
    r"\s+(?:door|by)\s+(?:de\s+|onze\s+|the\s+)?(?:minister|staatssecretaris)\b))\b(?:\s+[\w-]+){0,6}?"
    r"\s+(?:aangewezen|vastgesteld|ingevoerd|aangenomen|toegelaten|verleend|erkend|goedgekeurd|"
    r"gecertificeerd|geaccrediteerd|designated|adopted|introduced|admitted|granted|recognised|"
    r"recognized|approved|certified|accredited)\b",
    re.I,
)
# ... unless the doer is the law itself ("welke eisen heeft de wetgever gesteld?") or what is
# asked for is a rule's content
_RULE_CONTENT = ("taak", "taken", "recht", "rechten", "bevoegdheid", "bevoegdheden", "rol", "rollen")
# designated officials are described by their function ("de door Onze Minister aangewezen
# ambtenaren"), which answers "Welke ambtenaar is door de minister aangewezen?"
_OFFICIALS = ("ambtenaar", "ambtenaren", "toezichthouder", "toezichthouders", "official", "officials",
              "officer", "officers", "inspector", "inspectors")
_LAW_AS_DOER = re.compile(
    r"\b(wet\w*|regeling|besluit|bbl|wgv|waadi|wtta|brp|act|law|legislator|regulation|decree)\b", re.I
)


# "Wat waren de conclusies van de evaluatie?", "What did the report find?": what a report
# found; a statute may order the report, never state its findings
_FINDINGS_ASKED = re.compile(
    r"\b(?:conclusies?|resultaten|uitkomsten?|bevindingen|aanbevelingen|conclusions?|results|"
    r"findings|outcomes?|recommendations|concludeerde\w*|geconcludeerd|conclude|concluded|found|showed)\b",
    re.I,
)
_REPORT = re.compile(
    r"\b(?:\w*evaluatie\w*|verslag\w*|rapport\w*|onderzoek\w*|monitor\w*|evaluation\w*|"
    r"reports?|review\w*|stud(?:y|ies)|survey\w*)\b",
    re.I,
)


# what a government spends: "Hoeveel geld stelt het Rijk beschikbaar?", "How much funding does
# the government provide?" (a budget, not a rule)
_BUDGET_ASKED = re.compile(
    r"\b(?:rijk|kabinet|overheid|ministerie|provincie\w*|government|ministry|province\w*)\b.{0,60}"
    r"\b(?:beschikbaar|uitgetrokken|uittrekken|trekt\s+\w+\s+uit|budget\w*|funding|funds?|allocat\w*|spend\w*|spent)\b|"
    r"\b(?:budget\w*|funding)\b.{0,60}\b(?:rijk|kabinet|overheid|government|ministry)\b|"
    # "Krijgen gemeenten geld van het Rijk voor de uitvoering, en zo ja hoeveel?"
    r"\bgeld\s+van\s+(?:het\s+)?(?:rijk|kabinet|ministerie)\b|\b(?:money|funds?|funding)\s+from\s+the\s+"
    r"(?:government|state|ministry)\b|\brijksbijdrage\w*|\bgemeentefonds\b",
    re.I,
)
_HOW_MUCH = re.compile(r"\b(?:hoeveel|how\s+much)\b", re.I)
# a count of what has happened so far, whatever law it happened under
_SO_FAR = re.compile(
    r"\b(?:since|sinds|so\s+far|tot\s+nu\s+toe|tot\s+dusver|inmiddels|already|last\s+year|vorig\s+jaar|"
    r"in\s+(?:19|20)\d\d)\b",
    re.I,
)
_IF_FOUND = re.compile(r"\b(?:als|indien|wanneer|if|when|gebeurt|happens|gevolg\w*|consequence\w*)\b", re.I)


# "Waarom is de inkomensgrens op € 70.149 gelegd?", "When was the Wtta adopted by parliament?":
# why a rule was made and how it came about, which explanatory memoranda and parliamentary
# papers tell, never the statute ("Moet ik vertellen waarom ik voor een ander koos?" asks a rule)
_WHY_ASKED = re.compile(r"(?:^|[,.;:]\s*|\b(?:en|and|of|or)\s+)(?:waarom|why)\b", re.I)
_HISTORY_ASKED = re.compile(
    r"\b(?:adopted|passed|approved)\s+by\s+(?:the\s+)?(?:dutch\s+)?(?:parliament|house|senate)|"
    r"\baangenomen\s+door\s+(?:de\s+)?(?:tweede|eerste)\s+kamer|\b(?:door\s+)?(?:het\s+)?parlement\s+aangenomen|"
    r"\b(?:introduced|proposed|submitted)\s+the\s+bill|\bwetsvoorstel\s+(?:ingediend|ingediend\w*|aangenomen)|"
    r"\bten\s+grondslag\s+(?:lagen|lag|liggen|ligt)|\b(?:lagen|lag|liggen|ligt)\s+ten\s+grondslag|\b(?:aanleiding|reason|reasons)\s+(?:voor|for)\s+(?:de|het|this|the)\s+"
    r"(?:invoering|introduction|wet|law|act|regel|rule)",
    re.I,
)


def asks_history(question: str) -> bool:
    """Does the question ask why a rule was made or how it came to be (reasons, reports
    behind it, its passage through parliament), rather than what it says? "Waarom kan de
    gemeente een vergunning weigeren?" asks the grounds, which the statute lists."""
    asked = " ".join(asking_sentences(question))
    if _HISTORY_ASKED.search(asked):
        return True
    return bool(_WHY_ASKED.search(asked)) and not _RULE_WORDS.search(asked)


def asks_about_the_world(question: str) -> bool:
    """Does the question ask how many of something there are, or which places or things
    someone has chosen ("Welke gemeenten hebben al een verhuurverordening?", "How many
    agencies have been admitted so far?", "Welke instellingen heeft de minister
    aangewezen?"), or what a report found ("Wat waren de conclusies van de evaluatie?"),
    rather than what a rule says? Statute text states rules, never such facts; guidance and
    publications may."""
    asked = wh_clauses(question)
    if asked and _FINDINGS_ASKED.search(asked) and _REPORT.search(question):
        # "Welke resultaten moet het onderzoek ...?" is a rule, and so is what follows from a
        # finding ("Wat gebeurt er als de conclusies negatief zijn?")
        return not (_RULE_WORDS.search(asked) or _IF_FOUND.search(asked))
    if asked and _PLACES_ASKED.search(asked):
        if _MEMBERS.search(asked) and not _RULE_WORDS.search(_RELATIVE_TAIL.split(asked, 1)[0]):
            # which ones make up a region, even when a law is named ("volgens de
            # Huisvestingswet", which the check on the law as doer below would let through);
            # "... kunnen vallen onder" asks a rule, a relative clause after the region does
            # not ("Welke gemeenten horen bij onze regio, waarmee we moeten overleggen?")
            return True
        if _LOCATED.search(asked):
            # "In welke gemeenten zit een loket waar dat kan?": where a service is ("kan ...
            # terecht" is being able to go there); "Welke gemeenten moeten een loket hebben?"
            # is still a rule
            obligations = [m.group(0).lower() for m in _RULE_WORDS.finditer(asked)]
            return all(word in ("kan", "kunnen", "can", "could") for word in obligations)
    expectation = expected(question)
    budget = _BUDGET_ASKED.search(question)
    if asked and expectation is not None and expectation.kind is Kind.MONEY and budget:
        return True  # "Hoeveel geld stelt het Rijk jaarlijks beschikbaar voor ...?"
    if budget and _HOW_MUCH.search(question) and not _RULE_WORDS.search(question):
        return True  # "Krijgen gemeenten geld van het Rijk ..., en zo ja hoeveel?"
    counted = expectation is not None and expectation.kind is Kind.COUNT
    if asked and counted and _SO_FAR.search(asked) and not _RULE_WORDS.search(asked):
        return True  # "How many landlords have been fined under the Act since 2023?"
    done = _DONE_ASKED.search(asked) if asked else None
    chosen = bool(done and not done.group(1).lower().endswith(RULE_NOUNS + _RULE_CONTENT + _OFFICIALS))
    if chosen and _SO_FAR.search(asked) and not _RULE_WORDS.search(asked):
        # "Welke inspectie-instellingen heeft de minister tot nu toe aangewezen om de rapporten
        # voor de Wtta-toelating op te stellen?": a law named after the choice is no doer
        return True
    if not asked or _RULE_WORDS.search(asked) or _LAW_AS_DOER.search(asked):
        return False  # "Hoeveel regels noemt artikel 2 van de Wgv?" asks what the law says
    if counted:
        return True
    if _PLACES_ASKED.search(asked):
        return True
    return chosen
