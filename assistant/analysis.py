"""Dutch text analysis for lexical retrieval and for scoring sentences in answers.

Lower-casing, Dutch stop words, Snowball stemming and compound splitting: Dutch glues nouns
together ("verhuurvergunning", "huisvestingsverordening"), so a question about a "vergunning"
would miss a chunk that only says "verhuurvergunning". Compounds are split against the
vocabulary of the indexed text itself (both parts must occur as words there), which needs no
dictionary and cannot invent parts the corpus never uses. Article numbers ("12ba", "2.38")
are kept whole as tokens.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN

_TOKEN = re.compile(r"\d+(?:\.\d+)*[a-z]{0,3}|[a-zà-ÿ]+(?:['’][a-z]+)?", re.I)
_EXTRA_STOP = {
    "artikel", "lid", "wet", "onder", "bedoeld", "eerste", "tweede", "derde", "vierde",
    "welk", "welke", "waarin", "staat", "gemeente", "gemeenten",
}
_LINKERS = ("s", "e", "en", "")
_QUESTION_PHRASES = re.compile(
    r"\b(hoe lang|hoelang|hoe vaak|hoe hoog|hoe groot|hoe snel|hoeveel|how long|how many|"
    r"how much|how often|how high|in welk artikel|welk artikel|which article)\b",
    re.I,
)
STOPWORDS = frozenset(STOPWORDS_DUTCH) | _EXTRA_STOP
_QUESTION_WORDS = (
    "mogen", "mag", "moeten", "zullen", "willen", "wil", "wij", "we", "onze", "jullie", "binnen",
    "bedraagt", "bedragen",  # "Hoeveel bedraagt de boete ...?" asks for a value; any sentence
    # stating one says "bedraagt", so the word says nothing about which value
)
# bm25s's English list has only 33 words; questions need the interrogatives and auxiliaries too
_ENGLISH_FUNCTION_WORDS = (
    "what which who whom whose when where why how does do did done doing have has had having "
    "been being can could may might must shall should would am were i me my we our you your he "
    "him his she her its them than too very so any all some each every other about above after "
    "again against before below between during from further here once only own same through "
    "under until up down out off over more most much many few both nor just also yet still "
    "there's it's what's get gets got make makes made need needs want wants currently far "
    "dutch netherlands article act law"
)
STOPWORDS_ENGLISH = frozenset(STOPWORDS_EN) | frozenset(_ENGLISH_FUNCTION_WORDS.split())

# A small bilingual glossary so English questions still hit Dutch statute words lexically.
GLOSSARY: dict[str, str] = {
    "landlord": "verhuurder", "landlords": "verhuurder", "tenant": "huurder", "tenants": "huurder",
    "lease": "huurovereenkomst", "tenancy": "huurovereenkomst", "rent": "huur",
    "deposit": "waarborgsom", "permit": "vergunning", "licence": "vergunning", "license": "vergunning",
    "municipality": "gemeente", "council": "gemeenteraad", "mayor": "burgemeester",
    "labour": "arbeidsmigrant", "labor": "arbeidsmigrant", "migrant": "arbeidsmigrant",
    "migrants": "arbeidsmigrant", "worker": "arbeidskracht", "workers": "arbeidskracht",
    "employment": "arbeidsovereenkomst", "contract": "overeenkomst", "staffing": "uitlener",
    "agency": "uitlener", "agencies": "uitlener", "hirer": "inlener", "admission": "toelating",
    "registration": "inschrijving", "register": "inschrijving", "registered": "ingeschreven",
    "resident": "ingezetene", "residents": "ingezetene", "fine": "boete", "fines": "boete",
    "penalty": "boete", "fire": "brand", "smoke": "rookmelder", "alarm": "rookmelder",
    "notification": "melding", "housing": "huisvesting", "accommodation": "verblijfsruimte",
    "room": "ruimte", "discrimination": "discriminatie", "intimidation": "intimidatie",
    "complaint": "meldpunt", "complaints": "meldpunt", "ordinance": "verordening",
    "bylaw": "verordening", "weeks": "weken", "days": "dagen", "years": "jaar", "months": "maanden",
    "security": "zekerheid", "guarantee": "zekerheid", "inspection": "inspectie", "language": "taal",
    "information": "informatie", "written": "schriftelijk", "certificate": "verklaring",
    "conduct": "gedrag", "enforcement": "handhaving", "supervision": "toezicht",
    "building": "gebouw", "persons": "personen", "people": "personen", "occupancy": "personen",
    "address": "adres", "data": "gegevens", "keep": "bewaren", "retain": "bewaren",
    "period": "periode", "granted": "verleend", "valid": "geldig", "decide": "beslissen",
    "decision": "beslissing", "application": "aanvraag", "apply": "aanvraag",
    "service": "servicekosten", "charges": "servicekosten", "costs": "kosten",
    "regional": "regio", "region": "regio", "health": "zorg", "doctor": "huisarts", "gp": "huisarts",
    "insurance": "verzekering", "overcrowding": "overbewoning", "standard": "norm",
    # enforcement and procedure
    "administrative": "bestuurlijke", "impose": "opleggen", "imposed": "opgelegd",
    "violation": "overtreding", "violations": "overtreding", "breach": "overtreding",
    "breaches": "overtreding", "offence": "overtreding", "offences": "overtreding",
    "repeat": "herhaalde", "repeated": "herhaalde", "category": "categorie",
    "maximum": "ten hoogste", "minimum": "ten minste", "within": "binnen", "before": "voor",
    "inspector": "toezichthouder", "inspectors": "toezichthouder", "enter": "binnentreden",
    "permission": "toestemming", "consent": "toestemming", "publish": "openbaar",
    "published": "openbaar", "public": "openbaar", "withdraw": "intrekken", "revoke": "intrekken",
    "refuse": "weigeren", "suspend": "schorsen", "halt": "stilleggen", "shut": "stilleggen",
    "order": "last", "warning": "waarschuwing", "request": "verzoek", "requests": "verzoek",
    "correct": "verbeteren", "correction": "verbetering", "wrong": "onjuist",
    "incorrect": "onjuist", "exemption": "vrijstelling", "exempt": "vrijgesteld",
    "requirement": "verplichting", "requirements": "eisen", "obligation": "verplichting",
    "mandatory": "verplicht", "compulsory": "verplicht", "required": "verplicht",
    "condition": "voorwaarde", "conditions": "voorwaarden", "powers": "bevoegdheid",
    "power": "bevoegdheid", "rules": "regels", "rule": "regel", "comply": "naleven",
    "owner": "eigenaar", "owners": "eigenaar", "user": "gebruiker", "users": "gebruiker",
    "tribunal": "huurcommissie", "court": "rechter", "judge": "rechter",
    "date": "datum", "deadline": "termijn", "notice": "melding", "annually": "jaarlijks",
    "year": "jaar", "yearly": "jaarlijks", "day": "dag", "month": "maand",
    # housing and buildings
    "home": "woning", "homes": "woning", "dwelling": "woonruimte", "house": "woning",
    "rooms": "ruimte", "bedroom": "slaapkamer", "bedrooms": "slaapkamer", "lodging": "logies",
    "occupants": "personen", "occupant": "bewoner", "present": "aanwezig", "presence": "aanwezig",
    "general": "algemeen", "seasonal": "seizoen", "income": "inkomen", "incomes": "inkomen",
    "household": "huishouden", "households": "huishouden",
    "rental": "verhuur", "renting": "verhuur", "rented": "verhuurd", "let": "verhuur",
    "letting": "verhuur", "use": "gebruik", "safety": "veiligheid", "office": "kantoor",
    "converted": "verbouwd", "conversion": "omzetting", "split": "splitsen",
    "ceiling": "plafond", "height": "hoogte", "floor": "vloer", "area": "oppervlakte",
    "space": "ruimte", "installations": "installaties", "tourist": "toeristische",
    "tourists": "toeristen", "platform": "platform", "listing": "advertentie",
    "listings": "advertentie", "allocation": "toewijzing", "urgency": "urgentie",
    "homeless": "dakloos", "shortage": "schaarste", "scarcity": "schaarste",
    "location": "locatie", "locations": "locatie", "temporary": "tijdelijk",
    "flexible": "flexibele", "stay": "verblijf", "staying": "verblijf", "residence": "verblijf",
    # registration and labour
    "deregister": "uitschrijven", "deregistration": "uitschrijving", "move": "verhuizing",
    "moves": "verhuist", "moving": "verhuizing", "abroad": "buitenland", "departure": "vertrek",
    "nonresident": "niet-ingezetene", "records": "gegevens",
    "personal": "persoonsgegevens", "identity": "identiteit", "passport": "identiteitsbewijs",
    "wage": "loon", "wages": "loon", "salary": "loon", "employer": "werkgever",
    "employers": "werkgever", "employee": "werknemer", "employees": "werknemer",
    "staff": "arbeidskrachten", "company": "onderneming", "companies": "onderneming",
    "lend": "ter beschikking stellen", "lends": "ter beschikking stellen",
    "lending": "terbeschikkingstelling", "placement": "terbeschikkingstelling",
    "assignment": "terbeschikkingstelling",
    "supply": "terbeschikkingstelling", "temp": "uitzendkracht",
    "administration": "administratie",
    "national": "landelijk", "policy": "beleid", "municipalities": "gemeenten",
    "province": "provincie", "cooperation": "samenwerking", "agreement": "afspraak",
    "agreements": "afspraken", "communication": "communicatie", "neighbours": "omwonenden",
    "estimate": "schatting", "estimates": "schattingen", "number": "aantal",
    "welfare": "welzijn", "care": "zorg", "interpreter": "tolk",
    # each statute's own terms (evaluation, procedure, Waadi, BRP, Bbl), written from the statutes
    "parliament": "Staten-Generaal", "effectiveness": "doeltreffendheid",
    "evaluation": "evaluatie", "practice": "praktijk", "effects": "effecten",
    "commencement": "inwerkingtreding", "regulation": "regeling", "ministerial": "ministeriële",
    "interior": "Binnenlandse Zaken", "gazette": "Staatscourant",
    "transitional": "overgangsrecht", "amendment": "wijziging", "change": "wijziging",
    "definition": "begripsbepalingen", "eu": "Europese Unie", "municipal": "gemeentelijke",
    "aldermen": "wethouders",
    "designate": "aanwijzen", "appoint": "aanwijzen", "competent": "bevoegd",
    "authorised": "bevoegd", "authorized": "bevoegd", "mandate": "mandaat",
    "responsible": "verantwoordelijk", "consult": "overleg", "advice": "advies",
    "integrity": "integriteitsbeoordelingen", "bibob": "integriteitsbeoordelingen",
    "enforce": "handhaving", "supervise": "toezicht", "investigation": "onderzoek",
    "compliance": "naleving", "ban": "verbod", "banned": "verboden", "prohibition": "verbod",
    "prohibit": "verboden", "forbidden": "verboden", "penalties": "boete",
    "offense": "overtreding", "offender": "overtreder", "recidivism": "recidive",
    "convicted": "veroordeeld", "conviction": "veroordeeld", "seize": "inbeslagneming",
    "refund": "terugbetaald", "appeal": "beroep", "objection": "bezwaar", "ruling": "uitspraak",
    "judgment": "uitspraak", "injunction": "voorlopige voorziening", "provisional": "voorlopige",
    "suspension": "schorsing", "revocation": "intrekking", "withdrawal": "intrekking",
    "withdrawn": "ingetrokken", "refusal": "weigering", "denied": "geweigerd",
    "reject": "afwijzing", "grounds": "gronden", "publication": "openbaarmaking",
    "dispensation": "ontheffing", "suspect": "vermoeden", "knowingly": "bewust",
    "false": "onjuist", "incomplete": "onvolledig", "extend": "verlengen",
    "extension": "verlenging", "renew": "verlenging", "expire": "vervalt", "expiry": "afloop",
    "duration": "duur", "validity": "geldigheidsduur",
    "immediately": "terstond", "workdays": "werkdagen", "annual": "jaarlijkse",
    "arrival": "aanvang", "arrive": "aanvang", "prior": "voorafgaand", "latest": "uiterlijk",
    "expect": "verwachting", "inform": "informeren", "notify": "melden", "notified": "gemeld",
    "online": "elektronisch", "electronic": "elektronisch", "email": "elektronisch",
    "signed": "ondertekend", "proof": "bewijs", "evidence": "bewijs", "copy": "afschrift",
    "copies": "afschrift", "extract": "uittreksel", "translation": "vertaling",
    "translate": "vertaling", "sworn": "beëdigde", "understand": "begrijpt",
    "understandable": "begrijpelijke", "prefer": "voorkeur", "preference": "voorkeur",
    "owe": "verschuldigd", "owed": "verschuldigd",
    "landlordship": "verhuurderschap", "practices": "verhuurpraktijken", "unwanted": "ongewenste",
    "exploitation": "uitbuiting", "evict": "opgezegd", "eviction": "opgezegd",
    "terminate": "opgezegd", "termination": "beëindiging", "broker": "verhuurbemiddelaar",
    "manager": "beheerder", "management": "beheer", "takeover": "inbeheername",
    "selection": "selectieprocedure", "harassment": "intimidatie", "rights": "rechten",
    "duty": "plicht", "duties": "plichten", "contact": "contactgegevens", "hotline": "meldpunt",
    "specification": "kostenspecificatie", "breakdown": "kostenspecificatie", "increase": "verhoging",
    "price": "prijs",
    "affordable": "betaalbare", "maintenance": "onderhoudsplan", "repair": "herstellingen",
    "defect": "gebreken", "renovation": "renovatie", "viewing": "bezichtiging", "sale": "verkoop",
    "sell": "verkoop", "buy": "koop", "emergency": "noodsituatie", "property": "woonruimte",
    "properties": "woonruimte", "apartment": "woning", "independent": "zelfstandige",
    "separate": "afzonderlijk", "separately": "afzonderlijk", "lockable": "afsluitbare",
    "shower": "doucheruimte", "bathroom": "doucheruimte", "laundry": "wasruimte",
    "facility": "voorziening", "facilities": "voorzieningen", "ownership": "eigendom",
    "transfer": "overgedragen", "convert": "omzetting", "stock": "woonruimtevoorraad",
    "liveability": "leefbaarheid", "livability": "leefbaarheid", "neighbourhood": "woonomgeving",
    "neighborhood": "woonomgeving", "occupied": "bewoning", "priority": "voorrang",
    "ties": "gebonden", "eligible": "aanmerking", "essential": "vitale", "violence": "geweld",
    "refugee": "vergunninghouder", "asylum": "asiel", "quota": "taakstelling",
    "caravan": "woonwagen", "airbnb": "toeristische verhuur", "night": "nachten",
    "advertise": "aanbieding", "block": "blokkeren belemmeringen", "obstruct": "belemmeringen",
    "hinder": "belemmeringen",
    "recruitment": "arbeidsbemiddeling", "jobseeker": "werkzoekende", "applicant": "aanvrager",
    "lender": "uitlener", "payroll": "payrolling",
    "cao": "collectieve arbeidsovereenkomst", "collective": "collectieve",
    "pension": "pensioenregeling", "equal": "gelijke", "treatment": "behandeling",
    "overtime": "overwerk", "vacancy": "vacatures",
    "vacancies": "vacatures", "canteen": "kantines", "access": "toegang", "prevent": "voorkomen",
    "identification": "identificatie", "certified": "gecertificeerd",
    "certification": "certificaat", "financial": "financiële", "kvk": "handelsregister",
    "institution": "instelling", "cooperate": "medewerking", "confidentiality": "geheimhouding",
    "verify": "vergewist", "brp": "basisregistratie", "database": "basisregistratie",
    "desk": "inschrijfvoorziening", "bsn": "burgerservicenummer", "citizen": "burger",
    "declaration": "aangifte", "declare": "aangifte", "emigrate": "vertrek",
    "relocate": "adreswijziging", "sleep": "overnachten", "overnight": "overnachten",
    "postal": "briefadres", "automatically": "ambtshalve", "lawful": "rechtmatig",
    "foreigner": "vreemdeling", "nationality": "nationaliteit", "birth": "geboorte",
    "born": "geboren", "death": "overlijden", "died": "overleden", "marriage": "huwelijk",
    "married": "huwelijk", "spouse": "echtgenoot", "parent": "ouders", "child": "kind",
    "children": "kinderen", "guardian": "voogden", "gender": "geslacht",
    "surname": "geslachtsnaam", "name": "naam", "person": "persoon", "appear": "verschijnen",
    "disclose": "verstrekking", "disclosure": "verstrekking", "exchange": "uitwisseling",
    "processing": "verwerking", "privacy": "levenssfeer", "retention": "bewaartermijn",
    "kept": "bewaren", "delete": "verwijderen", "deletion": "verwijdering",
    "remove": "verwijderen", "destroy": "vernietiging", "restriction": "beperking",
    "shelter": "opvang", "healthcare": "gezondheidszorg", "boat": "vaartuig",
    "structure": "bouwwerk", "residential": "woonfunctie", "hotel": "logiesfunctie",
    "hostel": "logiesgebouw", "escape": "vluchtroute",
    "evacuation": "vluchtroute", "exit": "uitgang", "stairs": "trap",
    "extinguisher": "brandblusapparaten", "smoking": "roken",
    "flame": "vuur", "flammable": "brandgevaarlijke", "danger": "gevaar", "hazard": "gevaar",
    "curtain": "aankleding", "decoration": "aankleding", "drawing": "plattegrondtekening",
    "floorplan": "plattegrondtekening", "equivalent": "gelijkwaardige", "quality": "kwaliteit",
    "disability": "handicap",
}


# Everyday words -> the word a statute uses for the same thing. Staff ask "mag de huisbaas
# ...", the law says "verhuurder"; the Waadi's "afschrift" is the question's "kopie".
STATUTE_WORDS: dict[str, str] = {
    "huisbaas": "verhuurder", "borg": "waarborgsom", "huurcontract": "huurovereenkomst",
    # leaving the country is a departure ("aangifte van vertrek"), which takes one off the BRP
    "uitschrijven": "vertrek",
    # the Waadi names an agency by what it does: "degene die arbeidskrachten ter beschikking
    # stelt" (a value's first word is also the BM25 expansion, see Analyzer.tokens)
    "contract": "overeenkomst", "uitzendbureau": "uitlener beschikking",
    "uitzendbureaus": "uitlener beschikking", "uitzendorganisatie": "uitlener beschikking",
    "uitzendkracht": "arbeidskracht",
    "uitzendkrachten": "arbeidskracht", "werknemer": "arbeidskracht",
    "werknemers": "arbeidskracht", "inlenend": "inlener", "opdrachtgever": "inlener",
    "vertrekken": "vertrek", "verhuizen": "adreswijziging", "verhuizing": "adreswijziging",
    "controleur": "toezichthouder", "inspecteur": "toezichthouder", "handhaver": "toezichthouder",
    "binnengaan": "betreden", "binnenlopen": "betreden", "aanvragen": "aanvraag",
    "weigeren": "weigering", "intrekken": "intrekking", "afpakken": "intrekking",
    "buitenlander": "vreemdeling", "buitenlanders": "vreemdeling", "paspoort": "identiteitsbewijs",
    "kopie": "afschrift", "id": "identiteitsbewijs", "rookmelder": "rookmelders",
    "discriminatie": "woondiscriminatie", "intimideren": "intimidatie",
    "intimideert": "intimidatie", "bewaren": "bewaard", "beboeten": "boete", "beboet": "boete",
}
# For BM25 queries: the equivalents above plus words a statute puts near the question's words
# ("boete" -> "bestuurlijke", "klacht" -> "meldpunt"); the statute term is added to the query,
# the original word kept. Not equivalents: only STATUTE_WORDS may stand in for a word.
LEGAL_TERMS: dict[str, str] = {
    **STATUTE_WORDS,
    "eigenaar": "verhuurder", "kamer": "woonruimte", "woning": "woonruimte",
    "huis": "woonruimte", "gemeente": "college", "wethouder": "burgemeester",
    "inschrijven": "aangifte", "inschrijving": "aangifte", "aanmelden": "aangifte",
    "boete": "bestuurlijke", "controle": "toezicht",
    "controleren": "toezicht", "geldig": "geldigheidsduur", "regels": "verordening",
    "raad": "gemeenteraad", "brand": "brandveiligheid", "logies": "logiesfunctie",
    "kosten": "vergoeding", "betalen": "vergoeding", "klacht": "meldpunt",
    "klachten": "meldpunt", "melden": "meldpunt", "termijn": "binnen",
}


_ENGLISH_SUFFIXES = ("ing", "ed", "es", "s")


def gloss(word: str) -> str | None:
    """The Dutch statute word for an English word, inflected forms included ("deregistering",
    "fined", "landlords"), or None."""
    word = word.lower()
    found = GLOSSARY.get(word)
    if found is not None or len(word) < 5:
        return found
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            found = GLOSSARY.get(base) or GLOSSARY.get(base + "e")
            if found is not None:
                return found
    return None


# Phrases whose words gloss to nothing useful one by one: "I am going back to Bulgaria for
# good" is a departure ("vertrek") in the Wet BRP's words.
_ENGLISH_PHRASES = (
    (re.compile(r"\b(?:go|goes|going|went|gone|move|moves|moved|moving|head|heading)\s+back\s+(?=to\b|home\b)", re.I),
     "departure "),
    # "a fee for being hired out": the Waadi's terbeschikkingstelling
    (re.compile(r"\b(?:hired|hiring|hire|hires)\s+out\b", re.I), "placement"),
    # "Is there a place in the municipality where we can report him?", "a reporting point":
    # the Wgv's meldpunt
    (re.compile(r"\breporting\s+point\b|\b(?:place|point|office|desk)(?=\s+(?:(?:in|at|of|with)\s+(?:[\w-]+\s+){1,4}?)?where\s+(?:[\w-]+\s+){1,4}?report\b)", re.I),
     "hotline"),
)


def english_phrases(text: str) -> str:
    """`text` with the phrases of `_ENGLISH_PHRASES` put in the one English word that glosses."""
    for pattern, word in _ENGLISH_PHRASES:
        text = pattern.sub(word, text)
    return text


def gloss_english(text: str) -> str:
    """English question with its domain words replaced by the Dutch statute words.

    Embedding this variant beside the original lets a small multilingual model meet Dutch
    legal text halfway; measured on the English development questions (benchmarks/README.md).
    """
    return re.sub(r"[A-Za-z]+", lambda m: gloss(m.group(0)) or m.group(0), english_phrases(text))


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("dutch")


class Analyzer:
    """Tokens -> stems, with vocabulary-driven compound splitting.

    `learn()` is called with the indexed texts when the BM25 side is built; queries are then
    analysed with the same vocabulary so both sides split compounds identically.
    """

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self.vocabulary: set[str] = set(vocabulary)
        self._lock = threading.Lock()
        self._stem = _stemmer()
        self._split_cache: dict[str, tuple[str, ...]] = {}
        # Stems of the modal verbs and pronouns questions are phrased with ("mogen wij ...?",
        # "binnen" of "binnenkomen"). They are no subject a quoted sentence must cover
        # (`key_terms(subject=True)`, the composer), but ranking keeps them: dropping them
        # there cost hit@5 on the statute questions.
        self._question_stems = frozenset(self._stem.stemWords(_QUESTION_WORDS))

    def learn(self, texts: Iterable[str]) -> None:
        vocab: set[str] = set()
        for text in texts:
            vocab.update(t for t in (m.lower() for m in _TOKEN.findall(text)) if len(t) >= 4)
        with self._lock:
            self.vocabulary = vocab
            self._split_cache.clear()

    def words(self, text: str) -> list[str]:
        return [m.lower() for m in _TOKEN.findall(text)]

    def split_compound(self, word: str) -> tuple[str, ...]:
        """`verhuurvergunning` -> (`verhuur`, `vergunning`) when both parts are known words;
        `beslistermijn` -> (`termijn`,) when only the last part is."""
        if len(word) < 9 or word[0].isdigit():
            return ()
        cached = self._split_cache.get(word)
        if cached is not None:
            return cached
        best: tuple[str, ...] = ()
        vocab = self.vocabulary
        for i in range(len(word) - 4, 3, -1):  # prefer the longest known head
            head, tail = word[:i], word[i:]
            if tail not in vocab or len(tail) < 4:
                continue
            for link in _LINKERS:
                if link and not head.endswith(link):
                    continue
                stem_head = head[: len(head) - len(link)] if link else head
                if len(stem_head) >= 4 and stem_head in vocab:
                    best = (stem_head, tail)
                    break
            if best:
                break
        if not best:
            # An unknown first part ("beslis|termijn"): the compound is still a kind of its
            # known last part. The longest such part counts, in its plural too ("toezicht|
            # houders" by "houder", not "ouders"); short ones are too often not a part at all
            # ("afge|weken", "aanbi|eder"), so the part needs six letters and the rest five.
            for i in range(5, len(word) - 5):
                tail = word[i:]
                known = next(
                    (t for t in (tail, tail[:-1], tail[:-2]) if len(t) >= 6 and t in vocab), None
                )
                if known:
                    if known not in STOPWORDS:
                        best = (known,)
                    break
        self._split_cache[word] = best
        return best

    def tokens(self, text: str, *, english: bool = False, query: bool = False) -> list[str]:
        """Analysed tokens (stems) for BM25.

        English words are glossed into Dutch; with `query`, everyday Dutch words also bring
        their statute term along (see LEGAL_TERMS).
        """
        out: list[str] = []
        stop = STOPWORDS | (STOPWORDS_ENGLISH if english else frozenset())
        for word in self.words(english_phrases(text) if english else text):
            dutch = gloss(word) if english else None
            glossed = self.words(dutch) if dutch else [word]  # "Staten-Generaal" as indexed
            for word in glossed:
                if word in stop or (len(word) < 2 and not word.isdigit()):
                    continue
                out.append(word)
                out.extend(self.split_compound(word))
                if query and word in LEGAL_TERMS:
                    # the first statute word only: more cost the guidance corpus rank (MRR
                    # .684 -> .682) and changed no statute question's
                    out.append(LEGAL_TERMS[word].split()[0])
        return self._stem.stemWords(out) if out else []

    def key_terms(self, text: str, *, english: bool = False, subject: bool = False) -> list[str]:
        """Distinct content stems of a question, in order: what an answer must be about.

        Question phrases ("hoe lang", "how long") ask for a kind of answer; they are not
        terms the answer must contain.
        """
        text = _QUESTION_PHRASES.sub(" ", text)
        skip = self._question_stems if subject else frozenset()
        return list(dict.fromkeys(t for t in self.tokens(text, english=english) if t not in skip))

    def statute_equivalents(self, text: str) -> dict[str, frozenset[str]]:
        """Stem of an everyday word in `text` -> stems of the words statutes use for it.

        "Hoe lang mag een uitzendbureau een kopie bewaren?": the Waadi says "afschrift" and
        "degene die arbeidskrachten ter beschikking stelt"; a sentence with the statute's word
        covers the question's word.
        """
        pairs = {}
        for word in self.words(text):
            statute = STATUTE_WORDS.get(word)
            if statute:
                pairs[self._stem.stemWord(word)] = frozenset(self._stem.stemWords(statute.split()))
        return pairs
