"""The gap checks (`assistant/passage_gaps.py`, and the answer types they lean on): what the
top passages would have to state and do not. Session 9's checks come first (papers a
regulation names, values stated for another article's subject, a named tax, a deduction told
before the question, designations in the passive, what something costs), sessions 7 and 8's
after. Each is pinned in both directions: the question it must refuse and a neighbour it must
not."""

from __future__ import annotations

import pytest

from assistant.abstention import AbstentionModel, unknown_kind
from assistant.analysis import Analyzer
from assistant.answer_types import Kind, expected, satisfies
from assistant.models import Hit
from assistant.passage_gaps import (
    _references,
    asked_acts,
    asks_about_the_world,
    asks_history,
    commencement_not_stated,
    delegated_body,
    delegated_norms,
    delegated_papers,
    delegated_value,
    delegated_which,
    designation_elsewhere,
    names_acts,
    right_asked,
    unmentioned_act,
    unmentioned_deduction,
    unmentioned_expiry,
    unmentioned_right,
    unmentioned_tax,
    unnamed_certifier,
    unnamed_website,
    value_for_another_article,
    value_of_another_statute,
)
from assistant.retrieval import Retrieval
from tests.helpers import passage as _hit
from tests.helpers import retrieval as _retrieval

RNI_PAPERS = (
    "Wet BRP — Artikel 2.67\n\n2.  Bij zijn verzoek legt de betrokkene ten minste de bij of "
    "krachtens algemene maatregel van bestuur aangewezen bescheiden ten behoeve van een juiste "
    "inschrijving over."
)
LISTED_PAPERS = (
    "Bbl — Artikel 6.8\n\n1. Een gebruiksmelding wordt ondertekend en bevat de volgende gegevens "
    "en bescheiden:\n- a. de naam en het adres van de gebruiker;"
)


def test_papers_a_regulation_names_are_not_in_the_documents():
    question = "Welke documenten moet ik meenemen als ik me als niet-ingezetene laat inschrijven?"
    assert "aangewezen bescheiden" in delegated_papers(question, [RNI_PAPERS])
    assert delegated_papers("Which documents do I need to register in the RNI?", [RNI_PAPERS])
    # a passage that lists them answers; the first passage that speaks of papers decides
    assert delegated_papers("Welke gegevens en bescheiden bevat een gebruiksmelding?", [LISTED_PAPERS]) is None
    assert delegated_papers(question, [LISTED_PAPERS, RNI_PAPERS]) is None
    assert delegated_papers(question, ["Artikel 2.64\n\nOnze Minister houdt voorzieningen in stand.", RNI_PAPERS])
    # no top passage names any paper: left to the score (the Wgv's "schriftelijk vastleggen"
    # answers "Welke documenten moet een verhuurder geven?" in other words)
    assert delegated_papers(question, ["Artikel 2.4\n\nHet college draagt zorg voor de inschrijving."]) is None
    # a passage that names one ("een verklaring omtrent het gedrag") may answer
    vog = "Artikel 12o\n\n1. Bij een aanvraag legt de aanvrager een verklaring omtrent het gedrag over."
    assert delegated_papers("Welke documenten moet een uitlener bij de aanvraag overleggen?", [vog]) is None
    # not a question about papers
    assert delegated_papers("Moet ik zelf bij de inschrijfvoorziening verschijnen?", [RNI_PAPERS]) is None


def test_a_body_a_regulation_will_designate_is_not_in_the_documents():
    waadi = (
        "Waadi — Artikel 12ba\n\n3. Bij algemene maatregel van bestuur kan worden bepaald dat hij "
        "hiervan melding maakt bij een bij algemene maatregel van bestuur aangewezen instantie."
    )
    asked = "Bij welke instantie moet het uitzendbureau melden dat een uitzendkracht niet ingeschreven is?"
    assert "aangewezen instantie" in delegated_body(asked, [waadi])
    assert delegated_body("Which body does the agency report it to?", [waadi])
    # which organisation must act is no body something goes to
    assert delegated_body("Welke organisatie moet arbeidsmigranten informeren over de BRP?", [waadi]) is None
    # only the best passage counts, and a named body answers
    college = "Wgv — Artikel 4\n\nDe melding wordt gedaan bij het college van burgemeester en wethouders."
    assert delegated_body(asked, [college, waadi]) is None
    assert delegated_body("Moet het uitzendbureau dat melden?", [waadi]) is None


def _articles_about(text: str) -> set[str]:
    return {number for _, numbers in _references(text) for number in numbers}


def test_the_article_a_subject_is_meant_in():
    assert _articles_about("een vergunning als bedoeld in artikel 21, artikel 22, eerste lid, of artikel 23c") == {
        "21",
        "22",
        "23c",
    }
    assert _articles_about("de aanvraag, bedoeld in artikel 6, eerste lid, binnen acht weken") == {"6"}
    assert _articles_about("een inschrijving als bedoeld in de artikelen 2.3 en 2.4") == {"2.3", "2.4"}
    assert _articles_about("the certificate referred to in Article 12b") == {"12b"}
    assert _articles_about("binnen acht weken na ontvangst") == set()


HW_41 = (
    "Huisvestingswet 2014 — Artikel 43\n\n3. Burgemeester en wethouders beslissen op de aanvraag om "
    "een vergunning als bedoeld in artikel 41, eerste lid, binnen acht weken na ontvangst.\n4. "
    "Burgemeester en wethouders kunnen de termijn, bedoeld in het derde lid, eenmaal verlengen met "
    "ten hoogste zes weken."
)


def test_a_period_stated_for_another_articles_permit_does_not_answer():
    asked = (
        "Binnen welke termijn beslist het college op een aanvraag om een huisvestingsvergunning als "
        "bedoeld in artikel 8?"
    )
    # lid 4 extends "de termijn, bedoeld in het derde lid": still artikel 41's permit
    assert value_for_another_article(asked, [("Artikel 43", HW_41)]) == "8"
    # the article whose permit the period is for, or the asked article itself, answers
    same = asked.replace("artikel 8", "artikel 41")
    assert value_for_another_article(same, [("Artikel 43", HW_41)]) is None
    own = "Huisvestingswet 2014 — Artikel 8\n\n2. Het college beslist binnen acht weken op de aanvraag."
    assert value_for_another_article(asked, [("Artikel 43", HW_41), ("Artikel 8", own)]) is None
    # a period line that refers to no article may be the one asked
    plain = "X — Artikel 9\n\nBurgemeester en wethouders beslissen binnen acht weken."
    assert value_for_another_article(asked, [("Artikel 9", plain)]) is None
    # "de aanvraag, bedoeld in artikel 6" may be the application for the permit of artikel 5:
    # only a reference to the same kind of thing says the value is another's
    wgv9 = "Wgv — Artikel 9\n\n1. Burgemeester en wethouders beslissen op de aanvraag, bedoeld in artikel 6, eerste lid, binnen acht weken."
    permit5 = "Binnen welke termijn beslist het college op een aanvraag om een vergunning als bedoeld in artikel 5?"
    assert value_for_another_article(permit5, [("Artikel 9", wgv9)]) is None
    # ... unless the question names another statute than the line's
    hw = asked.replace("artikel 8?", "artikel 8 van de Huisvestingswet 2014?")
    assert value_for_another_article(hw, [("Artikel 43", HW_41), ("Artikel 9", wgv9)]) == "8"
    # a reference into another statute is not to this statute's articles
    copy = "Waadi — Artikel 7c\n\n4. ... een document als bedoeld in artikel 28 van de Wet op de loonbelasting 1964, uiterlijk vier weken na ..."
    asked_copy = "Hoe lang mag hij een kopie van het document als bedoeld in artikel 1 bewaren?"
    assert value_for_another_article(asked_copy, [("Artikel 7c", copy)]) is None
    # no article named in the question, or no value asked: nothing to compare
    assert value_for_another_article("Binnen welke termijn beslist het college?", [("Artikel 43", HW_41)]) is None
    assert value_for_another_article(
        "Wie beslist op een vergunning als bedoeld in artikel 8?", [("Artikel 43", HW_41)]
    ) is None


def test_a_tax_no_passage_names_as_its_own_is_refused():
    definition = ["toeristische verhuur: in een woonruimte tegen betaling bieden van verblijf aan personen"]
    assert unmentioned_tax("Moet ik in mijn pension toeristenbelasting betalen?", definition) == "toeristenbelasting"
    assert unmentioned_tax("Do migrant workers in a hotel pay tourist tax?", definition) == "toeristenbelasting"
    # named as another law's tax: still not answered here
    other_law = ["b. de heffing van de toeristenbelasting, bedoeld in artikel 224 van de Gemeentewet."]
    assert unmentioned_tax("Moet ik toeristenbelasting betalen?", other_law) == "toeristenbelasting"
    # what the passage does with the tax it names is answered there
    assert unmentioned_tax("Mag de gemeente die gegevens gebruiken voor de toeristenbelasting?", other_law) is None
    # a passage that names it in its own rule
    compliance = ["eisen over de afdracht van de loonbelasting en de omzetbelasting"]
    assert unmentioned_tax("Moet het uitzendbureau loonbelasting afdragen?", compliance) is None
    # "belasting" alone names no tax
    assert unmentioned_tax("Is een hoge belasting van de woning toegestaan?", definition) is None


def test_a_deduction_told_before_a_question_that_refers_back():
    separate = ["a. de huurovereenkomst afzonderlijk van de arbeidsovereenkomst vastgelegd;"]
    told = "Mijn werkgever houdt elke maand geld van mijn loon in voor de kamer. Hoeveel mag dat zijn?"
    assert unmentioned_deduction(told, separate)
    # a question of its own after the same story asks something else
    other = "Mijn werkgever houdt huur van mijn loon in. Moet het huurcontract los van mijn arbeidscontract?"
    assert not unmentioned_deduction(other, separate)
    # keeping to a pay scale is no deduction
    assert not unmentioned_deduction("Moet een uitzendbureau zich houden aan het loon in de cao van de inlener?", separate)


def test_which_places_make_up_an_area_is_a_fact_of_the_world():
    """A designation names the municipalities of a housing-market region; the statute never
    does (laws-blind50's first measurement answered it with Huisvestingswet art. 3)."""
    assert asks_about_the_world("Uit welke gemeenten bestaat de woningmarktregio waartoe onze provincie behoort?")
    assert asks_about_the_world("Which municipalities belong to our housing market region?")
    assert asks_about_the_world("Welke gemeenten vallen onder de woningmarktregio Utrecht?")
    # which municipalities a rule applies to, or must do something, is a rule
    assert not asks_about_the_world("Welke gemeenten moeten een huisvestingsverordening vaststellen?")
    assert not asks_about_the_world("Welke gemeenten kunnen een woningmarktregio vormen?")
    assert not asks_about_the_world("Which municipalities can fall under a housing market region that crosses provincial borders?")
    # a relative clause after the region describes it; it does not make the question a rule
    # (laws-blind89's first measurement answered it with Wgv art. 5)
    assert asks_about_the_world(
        "Welke gemeenten horen bij onze woningmarktregio in Noord-Brabant, waarmee we over de verhuurverordening "
        "moeten overleggen?"
    )
    assert not asks_about_the_world("Welke gemeenten moeten bij een woningmarktregio horen, die de provincie vaststelt?")
    # ... and so does one that says why it is asked (laws-blind92)
    assert asks_about_the_world(
        "Welke gemeenten horen bij onze woningmarktregio, zodat we weten met wie we moeten afstemmen?"
    )


def test_designations_asked_in_the_passive_ask_about_the_world():
    assert asks_about_the_world("Welke inspectie-instellingen zijn inmiddels aangewezen?")
    # without "al" or "inmiddels" the passive asks what a rule sets
    assert not asks_about_the_world("Welke beslistermijn is vastgesteld voor een verhuurvergunning?")
    assert not asks_about_the_world("Welke gegevens zijn aangewezen als algemene gegevens?")
    assert asks_about_the_world("Which inspection bodies have been accredited so far?")
    # the one who chose them named: which bodies, not the rule (laws-blind55)
    assert asks_about_the_world("Welke inspectie-instellingen zijn door de minister aangewezen om het rapport te beoordelen?")
    assert not asks_about_the_world("Welke taken zijn door de gemeente vastgesteld?")
    # without the minister, the statute may answer by a category (Wet BRP art. 2.40: institutions
    # for a postal address; Waadi art. 12b: accredited certifiers), found by the session 12 review
    assert not asks_about_the_world("Welke instellingen zijn aangewezen voor het kiezen van een briefadres?")
    assert not asks_about_the_world("Which bodies are accredited to certify the housing of temporary agency workers?")


def test_designations_so_far_ask_about_the_world_whatever_law_follows():
    """"... tot nu toe aangewezen om de rapporten voor de Wtta-toelating op te stellen": the
    law named after the choice is not its doer (laws-blind70's first measurement answered it)."""
    assert asks_about_the_world(
        "Welke inspectie-instellingen heeft de minister tot nu toe aangewezen om de rapporten voor "
        "de Wtta-toelating op te stellen?"
    )
    assert asks_about_the_world("Which inspection bodies has the minister designated so far under the Waadi?")
    # a rule, even so far
    assert not asks_about_the_world("Welke taken heeft de minister tot nu toe aangewezen in de Waadi?")
    assert not asks_about_the_world("Welke inspectie-instellingen mag de minister sinds 2026 aanwijzen volgens de Waadi?")
    assert not asks_about_the_world("Welke instellingen zijn door het college aangewezen als briefadresgever?")
    assert not asks_about_the_world("Welke ambtenaar is door de minister aangewezen om bestuurlijke boetes op te leggen?")
    # a rule's content, or what the law itself sets, is still a rule
    assert not asks_about_the_world("Welke eisen zijn vastgesteld in de wet?")
    assert not asks_about_the_world("Welke gegevens zijn vereist bij een gebruiksmelding?")


def test_what_something_costs_is_answered_only_near_that_thing():
    vog = expected("Hoeveel kost een VOG voor een uitzendbureau?")
    assert vog.kind is Kind.MONEY and vog.nouns[0] == "vog"
    assert not satisfies(vog, "De aanvrager stelt een financiële zekerheid van € 100.000.")
    assert satisfies(vog, "Een VOG kost € 41,35.")
    # a fee stated for the procedure answers what the procedure costs
    admission = expected("Wat kost de toelatingsprocedure?")
    assert satisfies(admission, "4. De vergoeding bedraagt jaarlijks ten hoogste € 3.611.")
    # a pronoun or a verb as the thing leaves any amount
    assert expected("Wat kost dat?").nouns == ()
    assert expected("Hoeveel kost het aanvragen van een toelating?").nouns == ()
    certificate = expected("What does the housing-quality certificate cost?")
    assert certificate.kind is Kind.MONEY and certificate.nouns
    # a named money noun keeps its own meaning
    assert expected("Hoeveel leges kost een vergunning?").nouns == ("leges",)
    assert expected("Wat is het minimumuurloon voor een uitzendkracht?").kind is Kind.MONEY
    assert expected("What is the maximum security deposit a landlord may ask?").nouns == ("borg",)


def test_a_verb_after_which_noun_is_not_the_kind_asked():
    """"Welke boete riskeert hij?" asks about a fine; "riskeert" is the verb, not an unknown
    kind of thing (it was refused as "not in any document: riskeert")."""
    assert unknown_kind("Welke boete riskeert hij maximaal?", frozenset({"boete"})) == []
    assert unknown_kind("Welke exacte eisen gelden er?", frozenset({"eisen"})) == []
    assert unknown_kind("Welke Poolse tolkenbureaus werken er?", frozenset({"werken"})) == ["tolkenbureaus"]
    # a relative pronoun after the noun is no subject of a verb
    assert unknown_kind("Welke concrete regels die voor verhuurders gelden, staan erin?", frozenset({"regels"})) == []


def test_the_new_checks_refuse_through_the_abstention_model():
    model = AbstentionModel(threshold=1.0)

    def refusal(question: str, *texts: tuple[str, str]) -> str | None:
        hits = [
            Hit(rank=i, score=5.0, source="x.md", title="X", doc_type="regelgeving", locator=loc, text=text,
                chunk_id=f"c{i}")
            for i, (loc, text) in enumerate(texts, start=1)
        ]
        return model.refusal(Retrieval(question, hits, None, False), {"vergunning", "documenten", "rni"})

    assert "papers" in refusal("Welke documenten moet ik meenemen naar het RNI-loket?", ("Artikel 2.67", RNI_PAPERS))
    assert "article 8" in refusal(
        "Binnen welke termijn beslist het college op een vergunning als bedoeld in artikel 8?", ("Artikel 43", HW_41)
    )
    assert refusal(
        "Binnen welke termijn beslist het college op een vergunning als bedoeld in artikel 41?", ("Artikel 43", HW_41)
    ) is None


def test_a_measure_per_person_needs_a_measure_per_something():
    per_person = expected("Hoeveel vierkante meter moet er minimaal per arbeidsmigrant zijn?")
    assert per_person.kind is Kind.MEASURE and per_person.nouns == ("per",)
    assert satisfies(per_person, "ten minste 3,5 m² per persoon in de slaapkamer")
    assert satisfies(per_person, "per bewoner ten minste 12 m²")
    # a building's floor area is no space per person
    assert not satisfies(per_person, "bij een gebouw met een bruto-vloeroppervlakte van minder dan 10.000 m2")
    whole = expected("Welke vloeroppervlakte geldt voor een groot gebouw?")
    assert whole.kind is Kind.MEASURE and satisfies(whole, "minder dan 10.000 m2")


def test_what_a_report_found_is_a_fact_about_the_world():
    assert asks_about_the_world("Wat waren de conclusies van de evaluatie van de wet?")
    assert asks_about_the_world("What did the evaluation report conclude?")
    # when the report is due, or what it must contain, is a rule
    assert not asks_about_the_world("Wanneer moet de minister het verslag over de effecten sturen?")
    assert not asks_about_the_world("Welke resultaten moet het onderzoek opleveren?")
    assert not asks_about_the_world("Wat gebeurt er met hoofdstuk 7 als de conclusies van het verslag negatief zijn?")


def test_which_website_needs_a_passage_that_names_one():
    rule = ["c. een verwijzing naar een website waar een huurprijscheck kan worden uitgevoerd;"]
    assert unnamed_website("Naar welke website moet de verhuurder verwijzen voor de huurprijscheck?", rule)
    assert unnamed_website("What is the website for the rent check?", rule)
    assert not unnamed_website("Which website?", ["Kijk op www.huurcommissie.nl voor de check."])
    assert not unnamed_website("What site plan must be attached to a gebruiksmelding?", rule)
    # a website in the story, not asked for
    assert not unnamed_website("De gemeente zette mijn boete op haar website. Hoe lang blijft die staan?", rule)


def test_how_much_notice_before_moving_out_is_a_tenancy_notice():
    """A notice before having to leave a home is the tenancy's notice (the Civil Code's): a
    period to hand in a certificate of conduct does not answer it (laws-blind51)."""
    asked = "Our agency says we must leave the chalet within three days. How much notice must they give before we have to move out?"
    assert [act for act, _ in asked_acts(asked)] == ["how much notice"]
    vog = ["3. ... legt de toegelaten uitlener in ieder geval binnen drie maanden na de wisseling een verklaring omtrent het gedrag over."]
    assert unmentioned_act(asked, vog) == "how much notice"
    # notice given to the municipality is a notification, not this act
    assert asked_acts("How much notice must I give the municipality before I move?") == []


def test_days_before_having_to_leave_the_room_are_a_tenancys_notice():
    asked = "If my agency ends my job, how many days do I have before I must leave the room?"
    assert [act for act, _ in asked_acts(asked)] == ["leave the room"]
    fines = ["a. de verhuurder binnen een tijdvak van vier jaar reeds tweemaal een bestuurlijke boete is opgelegd;"]
    assert unmentioned_act(asked, fines)
    dutch = "Hoeveel dagen heb ik voordat ik de kamer van het uitzendbureau moet verlaten?"
    assert asked_acts(dutch)
    # leaving the country or moving house is the Wet BRP's, which has its own periods (review)
    assert not asked_acts("Binnen hoeveel dagen voordat ik vertrek moet ik dat melden?")
    assert not asked_acts("How many days before I must leave the Netherlands can I make the declaration of departure?")
    assert not asked_acts("Hoeveel dagen voordat ik Nederland moet verlaten kan ik aangifte van vertrek doen?")
    assert not asked_acts("Hoeveel weken voordat we moeten verhuizen mogen we de adreswijziging al doorgeven?")
    assert not asked_acts("How many weeks before we have to move out can we report our new address?")
    # a landlord giving notice of a gebruiksmelding is a notification, not a tenancy's notice
    assert not asked_acts("How much notice does the fire safety notification need before a landlord starts using a building?")


def test_paying_back_is_an_act_with_its_own_period():
    asked = "Binnen hoeveel dagen na het einde van de huur moet de verhuurder de borg terugbetalen?"
    assert [act for act, _ in asked_acts(asked)] == ["terugbetalen"]
    other = ["1. Burgemeester en wethouders beslissen binnen acht weken op de aanvraag."]
    assert unmentioned_act(asked, other) == "terugbetalen"
    assert unmentioned_act("Within how many days must the landlord pay the deposit back?", other)
    refund = ["Een ten onrechte opgelegde boete wordt binnen zes weken terugbetaald."]
    assert unmentioned_act("Binnen welke termijn wordt een ten onrechte opgelegde boete terugbetaald?", refund) is None


def test_which_body_asked_after_a_lead_clause():
    """"Under Article 12ba, to which authority must ... report, and after how many weeks?":
    the clause that asks which body starts with "to", not with a question word."""
    waadi = (
        "Waadi — Artikel 12ba\n\n3. ... hiervan melding maakt bij een bij algemene maatregel van "
        "bestuur aangewezen instantie."
    )
    asked = (
        "Under Article 12ba of the Waadi, to which authority must an agency report it, and after how "
        "many weeks?"
    )
    assert delegated_body(asked, [waadi])


# Checks of sessions 7 and 8 (moved from test_answer_types.py)


def test_a_right_to_something_no_top_passage_names_is_refused():
    """Allowances and benefits come from other law than the passages found: a passage about
    registration that never names "zorgtoeslag" cannot say whether there is a right to it."""
    analyzer = Analyzer()
    registration = ["Wie hier rechtmatig verblijft, wordt ingeschreven als ingezetene."]
    question = "Heeft een arbeidsmigrant die als niet-ingezetene staat ingeschreven recht op zorgtoeslag?"
    assert unmentioned_right(question, registration, analyzer) == "zorgtoeslag"
    named = ["Een ingezetene kan recht hebben op zorgtoeslag."]
    assert unmentioned_right(question, named, analyzer) is None
    # by stem: "huurtoeslagen" names what "recht op de huurtoeslag" asks about
    assert unmentioned_right("Recht op de huurtoeslag?", ["De huurtoeslagen."], analyzer) is None
    # English only where the statute word is known: "rent" is "huur"
    assert unmentioned_right("Is he entitled to rent protection?", registration, analyzer) is None
    assert unmentioned_right("Is a worker eligible for housing?", registration, analyzer) == "huisvesting"
    # no right asked about
    assert unmentioned_right("Mag de huisbaas mijn kamer in?", registration, analyzer) is None
    model = AbstentionModel(threshold=1.0)
    retrieval = _retrieval(question, registration[0])
    assert "zorgtoeslag" in model.refusal(retrieval, {"ingezetene"}, analyzer)
    assert model.refusal(retrieval, {"ingezetene"}) is None  # without an analyzer: not checked


@pytest.mark.parametrize(
    ("question", "world"),
    [
        ("Which Dutch municipalities have already adopted a rental bylaw?", True),
        ("Welke gemeenten hebben al een verhuurverordening vastgesteld?", True),
        ("Welke inspectie-instellingen heeft de minister aangewezen?", True),
        ("Which bodies has the minister designated?", True),
        # what the law itself has laid down, or a rule's content, is a rule
        ("Welke eisen heeft de wetgever gesteld aan de huisvesting?", False),
        ("Welke voorwaarden heeft het college gesteld?", False),
        ("Welke gevolgen heeft het als hij te laat is?", False),
        ("Hoeveel arbeidsmigranten wonen er in Nederland?", True),
        ("How many staffing agencies have been admitted so far?", True),
        # rules: what must, may or can be, and what is needed
        ("Welke gemeenten moeten een huisvestingsverordening hebben?", False),
        ("Hoeveel arbeidsmigranten mogen er in één woning wonen?", False),
        ("Vanaf hoeveel personen is een gebruiksmelding nodig?", False),
        # which municipality is competent is a rule, not a list of places
        ("Bij welke gemeente doet hij aangifte?", False),
        ("Wat moet een verhuurder doen?", False),
    ],
)
def test_questions_about_the_world_are_told_from_questions_about_rules(question, world):
    assert asks_about_the_world(question) is world


def test_statute_text_does_not_answer_questions_about_the_world():
    model = AbstentionModel(threshold=1.0)
    question = "Welke gemeenten hebben al een verhuurverordening vastgesteld?"
    retrieval = _retrieval(question, "De gemeenteraad kan een verhuurverordening vaststellen.")
    assert "facts" in model.refusal(retrieval, {"gemeenten"}, rules_only=True)
    # guidance among the top passages may report which municipalities did
    assert model.refusal(retrieval, {"gemeenten"}, rules_only=False) is None


def test_an_investigation_a_citizen_service_number_and_contesting_a_decision_are_acts():
    """Recurring unanswerable questions: the Wet BRP states no period for an address
    investigation nor for issuing a BSN, and the Awb's objection period is not in the
    statutes; a period line that names neither answers another question."""
    registration = [
        "2. Hij doet niet eerder aangifte dan vier weken vóór de beoogde datum van adreswijziging.",
        "1. De aangifte wordt gedaan uiterlijk op de vijfde dag na de aanvang van zijn verblijf.",
    ]
    investigation = "Binnen hoeveel weken moet de gemeente haar adresonderzoek afronden?"
    assert unmentioned_act(investigation, registration) == "adresonderzoek"
    assert unmentioned_act("How long may an address investigation take?", registration) == "investigation"
    bsn = "Binnen hoeveel dagen na de aangifte krijgt hij zijn burgerservicenummer?"
    assert unmentioned_act(bsn, registration) == "burgerservicenummer"
    # the clause that names what is contested need not start with a question word
    contest = "Bij wie kan ik daartegen opkomen, en binnen hoeveel weken moet ik dat doen?"
    assert unmentioned_act(contest, ["1. Burgemeester en wethouders beslissen binnen acht weken."])
    stated = ["Het onderzoek wordt binnen twaalf weken afgerond."]
    assert unmentioned_act(investigation, stated) is None
    # no period asked: no act
    assert asked_acts("Wie doet het adresonderzoek?") == []


def test_a_period_of_an_act_no_period_line_names_is_refused():
    """A period belongs to an act: the decision period on a licence is no objection period, and
    a passage that names a notice ("opgezegd") without stating its period gives none."""
    decision = "1. Burgemeester en wethouders beslissen op de aanvraag binnen acht weken."
    objection = "Binnen welke termijn kan een verhuurder bezwaar maken tegen de weigering?"
    assert unmentioned_act(objection, [decision]) == "bezwaar"
    assert unmentioned_act("Binnen hoeveel weken moet het college beslissen?", [decision]) is None
    assert unmentioned_act("How long does the college have to decide?", [decision]) is None
    named_elsewhere = [
        "5. De verhuurder die een huurovereenkomst heeft opgezegd doet een melding.\n"
        "6. De informatie wordt binnen vier weken verstrekt."
    ]
    notice = "How many months' notice must a landlord give to end the tenancy?"
    assert unmentioned_act(notice, named_elsewhere) == "months' notice"
    assert unmentioned_act("Welke opzegtermijn geldt?", named_elsewhere) == "opzegtermijn"
    stated = ["De opzegtermijn bedraagt ten minste drie maanden."]
    assert unmentioned_act("Welke opzegtermijn geldt?", stated) is None
    # a list item's lead-in names the act for the period below it
    lead_in = ["Een bezwaar wordt ingediend:\na. binnen zes weken na de bekendmaking."]
    assert unmentioned_act(objection, lead_in) is None
    # only questions that ask for a period or a moment
    assert unmentioned_act("Kan een verhuurder bezwaar maken tegen de weigering?", [decision]) is None
    # a dispute before the rent tribunal is an act of its own
    tribunal = "Binnen welke termijn moet een huurder naar de Huurcommissie stappen?"
    assert unmentioned_act(tribunal, [decision]) == "huurcommissie"
    assert unmentioned_act(tribunal, ["De huurcommissie beslist binnen vier maanden."]) is None
    # "notice" alone is often a notification ("notice of use"), not a notice period
    assert unmentioned_act("How long before opening must the notice of use be given?", [decision]) is None


def test_a_value_the_fitting_line_leaves_to_a_regulation_is_refused():
    """Waadi art. 12ba lid 3 leaves both the period and the body to an AMvB: the documents do
    not hold them, whatever other period the passage states."""
    analyzer = Analyzer()
    passage = (
        "Waadi — Artikel 12ba\n\n"
        "3. Bij algemene maatregel van bestuur kan worden bepaald dat, indien de uitlener na een "
        "bij algemene maatregel van bestuur te bepalen termijn een redelijk vermoeden heeft dat "
        "de arbeidskracht niet als ingezetene staat ingeschreven, hiervan melding maakt.\n"
        "4. De voordracht wordt niet eerder gedaan dan vier weken nadat het ontwerp is overgelegd."
    )
    question = (
        "Na hoeveel dagen moet een uitlener melden dat een arbeidskracht niet als ingezetene "
        "staat ingeschreven?"
    )
    assert delegated_value(question, [passage], analyzer) == "te bepalen termijn"
    # a question the period line fits better is answered by its period
    draft = "Hoeveel weken nadat het ontwerp is overgelegd wordt de voordracht gedaan?"
    assert delegated_value(draft, [passage], analyzer) is None
    # the delegated value must be of the kind asked for: an amount is no period
    assert delegated_value("Hoeveel euro moet de uitlener betalen als hij melding maakt van de ingezetene?", [passage], analyzer) is None
    model = AbstentionModel(threshold=1.0)
    retrieval = _retrieval(question, passage)
    assert "regulation" in model.refusal(retrieval, {"uitlener"}, analyzer)


def test_a_first_passage_that_hands_the_value_to_a_regulation_and_states_none():
    """Wgv art. 4 hands rules on the "bewaartermijn" to an AMvB; a period in a lower passage
    belongs to something else."""
    analyzer = Analyzer()
    meldpunt = (
        "Wgv — Artikel 4\n\n"
        "2. Burgemeester en wethouders verwerken persoonsgegevens van bij het meldpunt "
        "ingediende klachten.\n"
        "3. Bij of krachtens algemene maatregel van bestuur worden nadere regels gesteld omtrent "
        "de verwerking. Deze regels hebben betrekking op de bewaartermijn van de gegevens."
    )
    other = "BRP — Artikel 2.55\n\nDe gegevens worden twintig jaar bewaard."
    question = "Hoe lang mag de gemeente de persoonsgegevens van klachten bij het meldpunt bewaren?"
    assert delegated_value(question, [meldpunt, other], analyzer) == "bewaartermijn"
    # a first passage that states a period answers with it
    stated = meldpunt + "\n4. De gegevens worden ten hoogste vijf jaar bewaard."
    assert delegated_value(question, [stated, other], analyzer) is None
    # no period asked for: nothing delegated matters
    assert delegated_value("Wie verwerkt de klachten van het meldpunt?", [meldpunt], analyzer) is None


def test_a_short_period_clause_asks_about_the_clause_before_it():
    decision = "1. Burgemeester en wethouders beslissen op de aanvraag binnen acht weken."
    # "..., and what is the deadline?" asks the deadline of the appeal named before it
    assert unmentioned_act("Bij welke rechter gaat hij in beroep, en wat is de termijn?", [decision]) == "rechter"
    # a period clause with a subject of its own asks about that subject
    own = "Wat zegt de regeling over de Huurcommissie, en vanaf welke datum geldt die regeling?"
    assert unmentioned_act(own, ["De regeling treedt in werking met ingang van 1 juli 2023."]) is None


def test_a_deduction_from_wages_no_top_passage_names_is_refused():
    separate = ["a. de huurovereenkomst afzonderlijk van de arbeidsovereenkomst vastgelegd;"]
    for question in (
        "Mag de werkgever de huur rechtstreeks inhouden op het loon van de arbeidsmigrant?",
        "May a landlord who is also the employer deduct the rent from the worker's wages?",
        "Kan het uitzendbureau de huur met het loon verrekenen?",
    ):
        assert unmentioned_deduction(question, separate), question
    assert not unmentioned_deduction(
        "Mag de werkgever de huur inhouden op het loon?", ["De inhouding op het loon bedraagt ..."]
    )
    # a fee kept back, not wages: another rule (Waadi art. 12) may answer it
    assert not unmentioned_deduction("Mag een uitzendbureau een bedrag inhouden als vergoeding?", separate)
    # "de inhoud van het rapport" (content) is no deduction
    assert unmentioned_deduction("Mag hij de huur inhouden op het loon?", ["De inhoud van het rapport."])


def test_review_cases_the_gap_checks_must_not_refuse():
    """Answerable questions a review of the checks found refused (session 7)."""
    analyzer = Analyzer()
    # a value stated in the sentence that fits best is no delegated value
    entry = (
        "Wgv — Artikel 28\n\nDeze wet treedt in werking op een bij koninklijk besluit te bepalen "
        "tijdstip. Zij is op 1 juli 2023 in werking getreden."
    )
    assert delegated_value("Op welke datum is de wet in werking getreden?", [entry], analyzer) is None
    # what the law counts or where it applies is a rule, and so is a body's role
    for question in (
        "Hoeveel algemene regels van goed verhuurderschap noemt artikel 2 van de Wgv?",
        "Vanaf hoeveel personen geldt de meldingsplicht voor brandveilig gebruik?",
        "From how many occupants does the licence requirement apply?",
        "In welke gemeenten geldt de Wet goed verhuurderschap?",
        "Welke rol heeft de gemeenteraad bij de huisvestingsverordening?",
        "Welke bevoegdheid heeft de burgemeester bij gebreken?",
    ):
        assert not asks_about_the_world(question), question
    # "give notice to the municipality" is a notification, not a tenancy's notice
    use = ["1. Het is verboden een bouwwerk te gebruiken zonder dit ten minste vier weken te melden."]
    assert unmentioned_act("How many weeks before use must the user give notice to the municipality?", use) is None
    # a right to "hetzelfde loon" is a right to pay, which the passage names
    pay = ["De uitzendkracht heeft recht op ten minste hetzelfde loon als werknemers van de inlener."]
    assert unmentioned_right("Heeft een uitzendkracht recht op hetzelfde loon?", pay, analyzer) is None
    # "de inhoud van" is content, not a deduction
    assert not unmentioned_deduction("Wat is de inhoud van artikel 8 over het loon van uitzendkrachten?", pay)


def test_a_value_only_another_statute_states_is_refused():
    """One law's fine or period does not answer a question about another's: the Wgv's fine
    article states a category, the Wet BRP's "€ 325" below it is the fine for a wrong address."""
    fine = "Hoeveel euro is de boete bij een eerste overtreding van de vergunningplicht?"
    wgv, brp = "Wet goed verhuurderschap", "Wet basisregistratie personen"
    assert value_of_another_statute(fine, wgv, [brp]) == brp
    assert value_of_another_statute(fine, wgv, [brp, wgv]) is None  # the best passage's law states one
    assert value_of_another_statute(fine, wgv, []) is None
    # a question that names the other law asks about it
    assert value_of_another_statute("Hoeveel euro is de boete uit de Wet BRP?", wgv, [brp]) is None
    model = AbstentionModel(threshold=1.0)
    retrieval = Retrieval(
        fine,
        [
            _hit("De boete bedraagt ten hoogste het bedrag van de vierde categorie.", wgv),
            _hit("De boete bedraagt ten hoogste € 325.", brp),
        ],
        None,
        False,
    )
    assert "another statute" in model.refusal(retrieval, {"boete"}, rules_only=True)
    # guidance passages (not statute text only) are left to the score
    assert model.refusal(retrieval, {"boete"}, rules_only=False) is None


def test_where_a_service_is_asks_about_the_world_even_with_a_rule_word():
    for question in (
        "In welke gemeenten zit een loket waar dat kan?",
        "In welke gemeenten kan een seizoenarbeider terecht bij een loket?",
        "In which municipalities are the registration desks located?",
    ):
        assert asks_about_the_world(question), question
    assert not asks_about_the_world("In welke gemeenten moet een verhuurder een vergunning hebben?")


def test_a_number_the_fitting_sentence_leaves_to_the_bylaw_is_refused():
    analyzer = Analyzer()
    tourist = (
        "Hw — Artikel 23b\n\n1. De gemeenteraad kan bepalen dat het verboden is een woonruimte "
        "voor toeristische verhuur meer dan een in die verordening bepaald aantal nachten per jaar "
        "in gebruik te geven."
    )
    question = "How many nights per year may a home be let to tourists?"
    assert delegated_value(question, [tourist], analyzer) == "een in die verordening bepaald aantal"
    assert delegated_value("Hoeveel nachten per jaar mag een woning aan toeristen worden verhuurd?", [tourist], analyzer)
    # a bylaw's "vastgestelde termijn" elsewhere in a first passage is not enough: only the
    # sentence that fits best counts
    other = (
        "Hw — Artikel 4\n\n1. De gemeenteraad kan bij verordening voor de duur van ten hoogste "
        "vier jaar regels geven.\n2. Een in de verordening vastgestelde termijn geldt."
    )
    assert delegated_value("Voor hoe lang mag de gemeenteraad een verordening vaststellen?", [other], analyzer) is None


def test_a_delegating_sentence_below_a_passage_that_states_the_value_is_no_refusal():
    """"Hoe lang mogen we die kopie bewaren?" is answered by Waadi art. 7c ("uiterlijk vier weken
    nadat het afschrift ..."), though a lower passage's "te bepalen termijn" shares more words."""
    analyzer = Analyzer()
    copy = (
        "Waadi — Artikel 7c\n\n4. Hij vernietigt het afschrift uiterlijk vier weken nadat het "
        "afschrift in de administratie is opgenomen."
    )
    report = (
        "Waadi — Artikel 12ba\n\n3. De uitlener meldt na een bij algemene maatregel van bestuur "
        "te bepalen termijn dat de uitzendkracht bij inschrijving geen kopie heeft overgelegd."
    )
    question = "We maken bij inschrijving een kopie van het paspoort van uitzendkrachten. Hoe lang mogen we die kopie bewaren?"
    assert delegated_value(question, [copy, report], analyzer) is None
    assert delegated_value(question, [report, copy], analyzer) == "te bepalen termijn"


def test_how_long_something_stays_valid_needs_a_period_line_about_validity():
    registration = ["1. Hij wordt ingeschreven als hij gedurende een half jaar ten minste twee derde in Nederland is."]
    question = "How long does the registration stay valid before I have to renew it?"
    assert unmentioned_act(question, registration) == "valid"
    valid = ["2. De geldigheidsduur van de toelating bedraagt vijf jaar."]
    assert unmentioned_act(question, valid) is None
    extended = ["3. Zij kunnen de termijn eenmaal verlengen met ten hoogste zes weken."]
    assert unmentioned_act("Met hoeveel weken kan de termijn worden verlengd?", extended) is None
    # "for how many years is it granted" asks how long it stays valid
    transitional = ["4. ... de voorwaarde verbinden dat de verblijfsruimte binnen drie jaar voldoet aan de eisen."]
    granted = "Voor hoeveel jaar wordt een verhuurvergunning voor verblijfsruimte op grond van de Wgv verleend?"
    assert unmentioned_act(granted, transitional) is not None
    assert unmentioned_act(granted, ["De vergunning wordt verleend voor een periode van vijf jaar."]) is None
    assert unmentioned_act("For how many years is an admission granted?", transitional) is not None


def test_the_dutch_term_given_with_an_english_right_is_the_thing_asked():
    analyzer = Analyzer()
    question = "Is a non-resident entitled to rent benefit (huurtoeslag) for his room?"
    registration = ["De niet-ingezetene wordt ingeschreven in de basisregistratie."]
    assert unmentioned_right(question, registration, analyzer) == "huurtoeslag"
    assert unmentioned_right(question, ["Recht op huurtoeslag bestaat ..."], analyzer) is None


def test_a_law_named_after_an_allowance_does_not_name_a_right_to_it():
    """"het bedrag, genoemd in artikel 13 van de Wet op de huurtoeslag" borrows a rent limit;
    it says nothing about who has a right to the allowance."""
    analyzer = Analyzer()
    limit = ["Een huurprijs die niet hoger is dan het bedrag, genoemd in artikel 13 van de Wet op de huurtoeslag."]
    question = "Heeft een niet-ingezetene recht op huurtoeslag voor zijn kamer?"
    assert unmentioned_right(question, limit, analyzer) == "huurtoeslag"
    assert unmentioned_right(question, limit + ["Hij heeft recht op huurtoeslag."], analyzer) is None


def test_the_act_a_period_belongs_to_is_known_to_the_composer():
    """The composer gives a stated period the typed bonus only where the act is named: "binnen
    een tijdvak van acht jaar" under a refusal ground is no decision period (Wgv art. 7 vs 9)."""
    acts = asked_acts("Binnen welke termijn beslist het college op een aanvraag?")
    assert [act for act, _ in acts] == ["beslist"]
    assert names_acts("Burgemeester en wethouders beslissen binnen acht weken.", acts)
    assert not names_acts("a. indien binnen een tijdvak van acht jaar een boete is opgelegd", acts)
    assert asked_acts("Wie beslist op de aanvraag?") == []  # no period asked


def test_review_cases_of_session_8_the_checks_must_not_refuse():
    """Answerable questions a review of session 8's checks found refused."""
    analyzer = Analyzer()
    # "geldig" as an adjective is no question about validity; "afgegeven voor een periode van
    # vier jaar" states a validity in other words
    five_days = ["1. Hij doet binnen vijf dagen aangifte van verblijf en adres."]
    assert unmentioned_act("Binnen hoeveel dagen moet hij zich met een geldig paspoort inschrijven?", five_days) is None
    assert unmentioned_act("Within how many days must he register with a valid passport?", five_days) is None
    assert unmentioned_act("Vanaf welke datum is de regeling geldig?", ["Zij treedt in werking op 1 juli 2023."]) is None
    issued = ["2. De aanwijzing wordt afgegeven voor een periode van vier jaar."]
    assert unmentioned_act("Hoe lang is een aanwijzing als inspectie-instelling geldig?", issued) is None
    # "amount of time" and "the deadline for returning the deposit" ask no money
    assert expected("What is the amount of time the municipality has to decide?") is None
    assert expected("What is the deadline for returning the deposit?").kind is Kind.DURATION
    # a regulation's date fills in its parent law's: only money is checked across statutes
    date = "Vanaf wanneer moet een verhuurder de huurder schriftelijk informeren?"
    assert value_of_another_statute(date, "Regeling goed verhuurderschap", ["Wet goed verhuurderschap"]) is None
    # which municipalities must have a desk is a rule
    assert not asks_about_the_world("Welke gemeenten moeten een loket hebben waar huurders klachten melden?")
    assert not asks_about_the_world("Which municipalities must set up a desk for complaints?")
    # an English word in brackets is no Dutch term
    registration = ["De niet-ingezetene wordt ingeschreven."]
    question = "Is a temp worker entitled to housing (accommodation) from the agency?"
    assert unmentioned_right(question, registration, analyzer) != "accommodation"
    # "bedraagt" is the question's verb, not its subject
    assert "bedraagt" not in analyzer.key_terms("Hoeveel bedraagt de boete?", subject=True)


def test_getting_an_allowance_is_asking_a_right_to_it():
    """ "Kan ik huurtoeslag krijgen?" asks the same as "Heb ik recht op huurtoeslag?"; a passage
    that only borrows an amount from the "Wet op de huurtoeslag" does not answer it. Getting a
    permit is no allowance: the statutes grant those themselves."""
    analyzer = Analyzer()
    borrowed = ["een huurprijs hoger dan het bedrag, bedoeld in artikel 13 van de Wet op de huurtoeslag"]
    for question in (
        "kan ik als arbeidsmigrant huurtoeslag krijgen voor mijn kamer",
        "Krijgt een seizoenwerker zorgtoeslag?",
        "Can I get rent benefit (huurtoeslag) for my room?",
        # the Dutch term a few words after "entitled to"
        "Is a seasonal worker renting my room entitled to Dutch housing benefit (huurtoeslag)?",
    ):
        assert unmentioned_right(question, borrowed, analyzer) in ("huurtoeslag", "zorgtoeslag"), question
    assert unmentioned_right("Kan ik huurtoeslag krijgen?", ["Recht op huurtoeslag ..."], analyzer) is None
    assert unmentioned_right("Kan ik een vergunning krijgen?", borrowed, analyzer) is None
    assert unmentioned_right("Can I get a permit for my rooms?", borrowed, analyzer) is None
    # capitalised, a few words after "entitled to"
    question = "Is a seasonal worker entitled to Dutch Housing Benefit (huurtoeslag)?"
    assert unmentioned_right(question, borrowed, analyzer) == "huurtoeslag"
    # having an allowance, or a surcharge called "toeslag", asks no right to one
    assert unmentioned_right("Ik heb huurtoeslag, mag de verhuurder de huur verhogen?", borrowed, analyzer) is None
    assert unmentioned_right("Kan de verhuurder een toeslag voor schoonmaak vragen?", borrowed, analyzer) is None
    # "entitled to" a thing the statute itself gives is no right of other law
    for question in ("Is a tenant entitled to a translation of the contract?", "Is he entitled to a refund?"):
        assert unmentioned_right(question, borrowed, analyzer) is None, question


def test_norms_left_to_a_collective_agreement_are_not_in_the_documents():
    """Waadi art. 12b certifies landlords against "de bij collectieve arbeidsovereenkomst
    vastgestelde normen": what those norms are in detail is in the agreement. That the
    landlord must be certified does answer which requirements the landlord must meet."""
    article_12b = (
        "Indien degene die de arbeidskracht ter beschikking stelt in de huisvesting voorziet, "
        "wordt uitsluitend huisvesting aangeboden waarvan de verhuurder:\n"
        "- b. gecertificeerd is overeenkomstig de bij collectieve arbeidsovereenkomst vastgestelde "
        "normen over de kwaliteit van huisvesting van arbeidskrachten."
    )
    detail = "Aan welke concrete eisen (zoals vierkante meters per persoon) moet de huisvesting voldoen?"
    assert delegated_norms(detail, [article_12b]) == "bij collectieve arbeidsovereenkomst vastgestelde normen"
    english = "Which housing standards, for example floor space per person, does the certification require?"
    assert delegated_norms(english, [article_12b])
    assert delegated_norms("Aan welke eisen moet de verhuurder volgens artikel 12b voldoen?", [article_12b]) is None
    stated = "De slaapkamer heeft een vloeroppervlakte van ten minste 3,5 m² per persoon."
    assert delegated_norms(detail, [stated]) is None


def test_a_validity_needs_a_line_that_states_one():
    """Wgv art. 9 extends the decision period and art. 28 speaks of permits "die voor dat
    tijdstip zijn verleend": neither says how long a rental permit is granted for."""
    wgv = [
        "2. Burgemeester en wethouders kunnen de termijn, bedoeld in het eerste lid, eenmaal verlengen met ten hoogste zes weken.",
        "Artikel 8 blijft gedurende een jaar na dat tijdstip van toepassing op vergunningen die voor dat tijdstip zijn verleend.",
    ]
    question = "Voor hoeveel jaar wordt een verhuurvergunning verleend?"
    assert unmentioned_act(question, wgv)
    waadi = ["2. Een toelating wordt verleend voor een periode van vier jaar."]
    assert unmentioned_act("Voor hoeveel jaar wordt een toelating verleend?", waadi) is None
    warning = ["4. De waarschuwing, bedoeld in het eerste lid, vervalt indien na de dagtekening vijf jaren zijn verstreken."]
    assert unmentioned_act("Hoe lang blijft zo'n waarschuwing geldig?", warning) is None
    # renewal is an act of its own, unless the validity is what is asked
    assert unmentioned_act("Binnen hoeveel weken kan ik de vergunning laten verlengen?", wgv) is None
    assert unmentioned_act("Binnen hoeveel weken kan ik de vergunning laten verlengen?", waadi) == "verlengen"


def test_the_start_of_a_provision_not_yet_in_force_is_not_stated():
    """Seven writers of question sets asked when the Waadi's ban on supplying workers without
    an admission (art. 12c lid 1) starts to apply: the text only says it is not yet in force."""
    article_12c = (
        "Wet allocatie arbeidskrachten door intermediairs — Artikel 12c\n"
        "1. *Dit lid is nog niet in werking getreden.*\n"
        "2. Degene die arbeidskrachten ter beschikking stelt is verplicht te melden ..."
    )
    asked = "Per welke datum treedt het uitleenverbod van artikel 12c, eerste lid, in werking?"
    assert commencement_not_stated(asked, [article_12c])
    assert commencement_not_stated("On what date does the ban of Article 12c(1) take effect?", [article_12c])
    # "Per wanneer is het verboden ...?" asks the same start (laws-blind90's first measurement)
    assert commencement_not_stated(
        "Per wanneer is het voor uitzendbureaus verboden om zonder toelating uitzendkrachten uit te lenen?", [article_12c]
    )
    # ... and "Vanaf welke datum ...?", even followed by the time left (laws-blind94)
    assert commencement_not_stated(
        "Vanaf welke datum is het verboden om zonder toelating uitzendkrachten uit te lenen? "
        "Ik wil weten hoeveel tijd ik nog heb.",
        [article_12c],
    )
    assert not commencement_not_stated("Hoeveel tijd heeft de minister om te beslissen?", [article_12c])
    # whether it is in force is answered by that very line
    assert not commencement_not_stated("Is artikel 12c, eerste lid, al in werking getreden?", [article_12c])
    in_force = "De regeling treedt in werking met ingang van 1 januari 2024."
    assert not commencement_not_stated("Op welke datum is de regeling in werking getreden?", [in_force])


def test_what_an_amvb_or_the_minister_designates_is_not_in_the_documents():
    """Waadi art. 1b lid 2 lets an AMvB exempt sectors; which ones it exempts is in that
    AMvB. Art. 1b lid 1, which lists who is exempt, answers "which organisations"."""
    lid_2 = (
        "2. Indien de belangen van een of meer sectoren van het bedrijfsleven onevenredig worden "
        "geschaad, kunnen die sectoren of segmenten bij algemene maatregel van bestuur van de "
        "toepassing van het bepaalde bij of krachtens dat hoofdstuk worden uitgezonderd."
    )
    asked = "Welke sectoren zijn bij algemene maatregel van bestuur uitgezonderd van de toelatingsplicht?"
    assert designation_elsewhere(asked, [lid_2]) == "sectoren"
    minister = "1. Onze Minister kan op aanvraag inspectie-instellingen aanwijzen."
    assert designation_elsewhere("Which sectors are exempted by order in council?", [lid_2]) == "sectors"
    assert designation_elsewhere("Welke inspectie-instellingen zijn aangewezen?", [minister]) == "inspectie-instellingen"
    lid_1 = "1. Hoofdstuk 3a is niet van toepassing op: a. de organisaties die bij algemene maatregel van bestuur zijn uitgezonderd"
    assert designation_elsewhere("Welke organisaties zijn uitgezonderd?", [lid_1]) is None  # listed
    # a designation by the municipality's own bylaw is stated by the passage that asks for it
    bylaw = "De gemeenteraad kan in de verordening gebieden aanwijzen waarin een vergunning nodig is."
    assert designation_elsewhere("Welke gebieden zijn aangewezen?", [bylaw]) is None


def test_why_a_rule_was_made_and_its_passage_are_history_not_rules():
    assert asks_history("Waarom is de inkomensgrens op € 70.149 gelegd, en hoe hoog was die in 2024?")
    assert asks_history("Sinds wanneer en waarom is de vergunningplicht geschrapt?")
    assert asks_history("When was the Wtta adopted by parliament, and which minister introduced the bill?")
    assert asks_history("Welke rapporten lagen ten grondslag aan de verplichting om de huur apart te regelen?")
    # a reason someone must give is a rule
    assert not asks_history("Moet ik de mensen die ik afwijs vertellen waarom ik voor een ander heb gekozen?")
    assert not asks_history("Wanneer moet de verhuurder de keuze motiveren?")


def test_a_count_of_what_happened_so_far_is_a_fact_whatever_law_it_names():
    assert asks_about_the_world("How many landlords have been fined under the Good Landlordship Act since 2023?")
    assert asks_about_the_world("Hoeveel uitleners zijn tot nu toe toegelaten op grond van de Waadi?")
    assert not asks_about_the_world("Hoeveel regels noemt artikel 2 van de Wgv?")
    assert not asks_about_the_world("How many people may live in a dwelling since the bylaw took effect?")


def test_contact_details_no_passage_gives_are_not_in_the_documents():
    meldpunt = ["1. Burgemeester en wethouders dragen zorg voor een meldpunt waar meldingen kunnen worden gedaan."]
    asked = "Wat is het telefoonnummer of e-mailadres van het meldpunt van mijn gemeente?"
    assert unnamed_website(asked, meldpunt)
    assert unnamed_website("What is the phone number of the complaints desk?", meldpunt)
    assert not unnamed_website(asked, ["Het meldpunt is bereikbaar via meldpunt@gemeente.nl of 010-1234567."])
    # a question that only mentions e-mail as a way to do something asks a rule
    assert not unnamed_website("Mag ik de aangifte per e-mail doen?", meldpunt)


def test_getting_an_allowance_named_far_after_the_verb_is_a_right_asked():
    asked = "Krijgt een arbeidsmigrant die als ingezetene in de BRP staat ingeschreven kinderbijslag voor zijn kinderen?"
    assert right_asked(asked) == "kinderbijslag"


def test_which_ones_someone_has_designated_so_far_with_the_dutch_term_in_brackets():
    assert asks_about_the_world(
        "Which inspection bodies (inspectie-instellingen) have currently been designated by the Minister?"
    )
    assert asks_about_the_world("Welke inspectie-instellingen zijn momenteel aangewezen?")
    assert not asks_about_the_world("Welke beslistermijn is vastgesteld?")


def test_a_budget_and_a_repair_period_are_not_in_the_statutes():
    assert asks_about_the_world("Hoeveel geld stelt het Rijk jaarlijks beschikbaar voor huisvesting van arbeidsmigranten?")
    assert not asks_about_the_world("Hoeveel bedraagt de financiële zekerheid die een uitlener stelt?")
    decision = ["1. Burgemeester en wethouders beslissen op de aanvraag binnen acht weken."]
    assert unmentioned_act("How many days does my landlord have to repair the heating?", decision) == "repair"


def test_review_cases_that_the_statutes_answer_stay_answerable():
    """Found by a review of the session's rules: each is answered by the quoted statute line."""
    # Wgv art. 2 lid 2 e lists the contact details a landlord gives; e-mail as a means is a rule
    contact = ["- 3°. de contactgegevens van een contactpunt waar de huurder terecht kan"]
    assert not unnamed_website("Welke contactgegevens moet de verhuurder schriftelijk verstrekken?", contact)
    assert not unnamed_website("What are the contact details a landlord must give?", contact)
    assert not unnamed_website("Op welke manier moet de uitlener melden, bijvoorbeeld per e-mail?", contact)
    # a BSN as the purpose of registering, or as what is corrected, is not the act timed
    assert asked_acts("Binnen hoeveel dagen moet hij zich melden om een burgerservicenummer te krijgen?") == []
    assert asked_acts("Binnen hoeveel weken moet de gemeente mijn burgerservicenummer verbeteren?") == []
    assert asked_acts("Hoeveel dagen na zijn aangifte krijgt een arbeidsmigrant zijn burgerservicenummer?")
    # a period after an investigation, and an agency that is contesting a decision
    assert asked_acts("Binnen hoeveel weken na het onderzoek past de gemeente de inschrijving aan?") == []
    assert asked_acts("How long may an agency that is contesting the withdrawal keep supplying workers?") == []
    assert asked_acts("How many weeks do I have to contest the refusal?")
    # grounds asked with "why" and a modal are in the statute (Wgv art. 7 lid 2, art. 10)
    assert not asks_history("Waarom kan de gemeente een verhuurvergunning weigeren?")
    assert not asks_history("Kan de gemeente mijn verhuurvergunning intrekken, en waarom?")
    # the landlord's requirements under Waadi art. 12b, even asked "precies"
    article_12b = "- b. gecertificeerd is overeenkomstig de bij collectieve arbeidsovereenkomst vastgestelde normen"
    assert delegated_norms("Aan welke eisen moet de verhuurder precies voldoen?", [article_12b]) is None


def test_how_long_one_may_stay_after_the_job_ends_is_a_tenancys_end():
    """The Civil Code ends a tenancy; none of these statutes gives a worker days to leave the
    agency's housing (laws-blind66, 68 and 72 asked it; their first measurements quoted a BRP
    or Waadi period)."""
    for question in (
        "My landlord is also my employer. If I get fired, how many days do I have to leave the house?",
        "How many days am I allowed to stay in the agency's housing after my work ends?",
        "For how many weeks after my last working day may I keep living in the housing the agency arranged?",
        "Hoeveel dagen heb ik na mijn ontslag om de woning van het uitzendbureau te verlaten?",
        "Hoe lang mag ik na mijn ontslag nog in de woning van het uitzendbureau blijven wonen?",
    ):
        assert [roots for _, roots in asked_acts(question)] == [("opzeg", "opgezegd")], question
    # staying in the country, or keeping a contract, is no tenancy
    assert asked_acts("How long may I stay in the Netherlands after my contract ends?") == []
    # (keeping a copy is an act of its own, see test_keeping_records_is_an_act...)
    kept = asked_acts("Hoe lang moet een uitzendbureau de kopie van het werkcontract bewaren?")
    assert ("opzeg", "opgezegd") not in [roots for _, roots in kept]
    # a period for leaving the house is stated only where a tenancy's end is
    question = "If I get fired, how many days do I have to leave the house?"
    assert unmentioned_act(question, ["De aangifte geschiedt uiterlijk op de vijfde dag na de verhuizing."])


def test_giving_advice_is_an_act_of_its_own():
    """"Binnen hoeveel weken moet het Bureau Bibob zijn advies uitbrengen?" is not answered by
    the college's eight weeks to decide on the application (laws-blind71)."""
    question = (
        "De gemeente vraagt het Bureau Bibob om advies over mijn aanvraag voor een "
        "verhuurvergunning. Binnen hoeveel weken moet dat bureau zijn advies uitbrengen?"
    )
    acts = asked_acts(question)
    assert [act for act, _ in acts] == ["advies uitbrengen"]
    decide = "Burgemeester en wethouders beslissen op de aanvraag binnen acht weken na de datum van ontvangst."
    assert not names_acts(decide, acts)
    assert names_acts("Gedeputeerde staten brengen binnen zes weken advies uit over de verordening.", acts)


def test_a_pronoun_doing_the_act_brings_the_sentences_doer_along():
    """"If I file a complaint with the Huurcommissie, within how many weeks must it decide?":
    the Huurcommissie's decision, not the college's eight weeks (laws-blind71)."""
    question = "If I file a complaint about my service costs with the Huurcommissie, within how many weeks must it decide?"
    assert {act for act, _ in asked_acts(question)} == {"decide", "huurcommissie"}
    # a named doer keeps the clause to itself
    named = "Ik heb een vergunning aangevraagd. Binnen hoeveel weken moet de gemeente beslissen?"
    assert [act for act, _ in asked_acts(named)] == ["beslissen"]


def test_how_often_something_must_be_checked_needs_a_line_that_names_the_check():
    """The Bbl has the installation "adequaat ... gecontroleerd" with no interval; "reeds
    tweemaal een bestuurlijke boete" counts fines (laws-blind75 and 76's first measurements
    answered how often smoke detectors and water pipes must be checked)."""
    question = "Hoe vaak moet een verhuurder de rookmelders in een kamerverhuurpand laten controleren of testen?"
    assert [act for act, _ in asked_acts(question)] == ["controleren"]
    fines = ["a. de verhuurder ... reeds tweemaal een bestuurlijke boete is opgelegd;"]
    assert unmentioned_act(question, fines) == "controleren"
    assert unmentioned_act(question, ["De rookmelders worden ten minste eenmaal per jaar getest."]) is None
    # other acts asked "how often" are no check: "de termijn eenmaal verlengen" answers this
    assert asked_acts("Hoe vaak mag het college de beslistermijn voor een verhuurvergunning verlengen?") == []


def test_being_made_to_leave_or_move_out_is_a_tenancys_end():
    """laws-blind77 and 79 asked how long a worker has before moving out when the job ends; the
    Civil Code sets a tenancy's notice, not these statutes."""
    moving_out = "If the agency ends our job, how many days do we have before we must move out?"
    assert [act for act, _ in asked_acts(moving_out)] == ["before we must move out"]
    made_to = "My job ends soon. How much notice must the landlord give me before he can make me leave?"
    assert [act for act, _ in asked_acts(made_to)] == ["how much notice"]
    # a report timed by the move is the Wet BRP's (session 12 review)
    assert not asked_acts("How many weeks before we have to move out can we report our new address?")


def test_closing_a_home_is_an_act_of_its_own():
    """"Voor hoeveel maanden mag de burgemeester een woning sluiten ...?" (the Opiumwet's and
    the Gemeentewet's; laws-blind79's first measurement quoted another period)."""
    question = "Voor hoeveel maanden mag de burgemeester een woning maximaal sluiten als daar drugs worden verhandeld?"
    assert [roots for _, roots in asked_acts(question)] == [("sluiting", "sluiten")]
    assert unmentioned_act(question, ["De vergunning wordt verleend voor een periode van vier jaar."])
    assert unmentioned_act("How long may the mayor close a house?", ["binnen zes maanden na de sluiting van de woning"]) is None
    # a contract concluded ("gesloten") is no closure
    assert asked_acts("Hoe lang moet de huurovereenkomst zijn gesloten?") == []


def test_a_deduction_asked_after_the_wage_it_comes_from_is_a_deduction():
    """"My agency deducts 110 euros per week from my wage for the room. What is the maximum they
    are allowed to deduct for housing?": the wage is in the situation, the deduction asked
    (laws-blind85's first measurement quoted Waadi art. 12b on who may let the housing)."""
    question = (
        "My temp agency deducts 110 euros per week from my wage for the room they arranged. "
        "What is the maximum they are allowed to deduct for housing?"
    )
    housing = ["Indien degene die de arbeidskracht ter beschikking stelt ... in de huisvesting voorziet, ..."]
    assert unmentioned_deduction(question, housing)
    # no wage anywhere: a deduction of something else
    assert not unmentioned_deduction("What costs may a landlord deduct from the deposit?", housing)


def test_laying_a_draft_open_for_inspection_is_an_act_of_its_own():
    """"Hoeveel weken moet het ontwerp van de verhuurverordening ter inzage liggen?" (the Awb's
    procedure): the Wgv's six months' transition is another period (laws-blind83)."""
    question = "Hoeveel weken moet het ontwerp van de verhuurverordening ter inzage liggen voordat de raad besluit?"
    assert [act for act, _ in asked_acts(question)] == ["ter inzage liggen"]
    transition = ["dat dit verbod niet eerder dan zes maanden na de inwerkingtreding ervan geldt."]
    assert unmentioned_act(question, transition) == "ter inzage liggen"
    assert unmentioned_act(question, ["Het ontwerp wordt gedurende zes weken ter inzage gelegd."]) is None


def test_leaving_the_agencys_house_is_a_tenancys_end():
    """"how many days do I have to move out of the agency house?", "... before I must leave the
    agency's house?": whose house it is may stand between (laws-blind88, 90 and 91 asked it;
    their first measurements quoted a five-year report and a BRP registration period)."""
    for question, act in (
        ("If my agency ends my job, how many days do I have to move out of the agency house?",
         "move out of the agency house"),
        ("If the greenhouse fires me, how many days do I have before I must leave the agency's house?",
         "leave the agency's house"),
        ("If the meat plant ends my job, how many days' notice must the agency give me before I have to leave "
         "the agency housing?", "leave the agency housing"),
    ):
        assert [found for found, _ in asked_acts(question)] == [act]
        assert unmentioned_act(question, ["Onze Minister zendt binnen vijf jaar een verslag."]) == act
    # leaving the country is a departure the Wet BRP times
    assert asked_acts("How many days before I leave the Netherlands must I report it?") == []


def test_taking_money_from_wages_is_a_deduction():
    """"How much can my agency take from my wages every week for the room?" (laws-blind88 and
    91's first measurements quoted Waadi art. 12b on who may let the housing)."""
    housing = ["Indien degene die de arbeidskracht ter beschikking stelt ... in de huisvesting voorziet, ..."]
    assert unmentioned_deduction("How much can my agency take from my wages every week for the room?", housing)
    assert unmentioned_deduction("Can my agency take the rent straight out of my wages?", housing)
    assert unmentioned_deduction("Mag het uitzendbureau de huur van mijn loon aftrekken?", housing)
    assert unmentioned_deduction(
        "My agency takes money from my salary every week for the room. What is the maximum they are allowed "
        "to deduct for housing?",
        housing,
    )
    # taking something else, or wages named without taking from them
    assert not unmentioned_deduction("Can my agency take my passport?", housing)
    assert not unmentioned_deduction("Do I get the same wages as the hirer's own workers?", housing)


def test_whether_a_registration_expires_needs_a_passage_on_expiry():
    """"Does that registration expire after some years, or do I have to renew it?" (laws-blind90):
    the Wet BRP registers non-residents and never says how long that lasts."""
    asked = "I'm registered in the BRP as a non-resident (RNI). Does that registration expire after some years, or do I have to renew it?"
    registering = ["Onze Minister schrijft een persoon in de basisregistratie in op grond van een verzoek."]
    assert unmentioned_expiry(asked, registering)
    assert unmentioned_expiry("Vervalt mijn RNI-inschrijving na een paar jaar?", registering)
    # a passage that says what lapses answers it (laws-blind74-nl-15, Huisvestingswet art. 11b)
    lapses = ["bepaalt de gemeenteraad dat ... de inschrijving als woningzoekende niet vervalt."]
    assert not unmentioned_expiry("Mag zijn inschrijving als woningzoekende daardoor komen te vervallen?", lapses)
    # asking for the period itself is `unmentioned_act`'s
    assert not unmentioned_expiry("How long does an RNI registration stay valid before I must renew it?", registering)


def test_leaving_after_naming_the_home_and_responding_to_an_intention_are_acts():
    """laws-blind95: "... how many days can I stay in the agency house before I have to leave?"
    (the job ended in a clause before it) and "Hoeveel tijd moeten we een bewoner geven om te
    reageren op ons voornemen ...?" (the Awb's zienswijze; laws-blind45 asked it too)."""
    stay = "If the agency fires me, how many days can I stay in the agency house before I have to leave?"
    assert [act for act, _ in asked_acts(stay)] == ["before i have to leave"]
    respond = "Hoeveel dagen krijgt een ingeschrevene om te reageren op het voornemen van het college?"
    assert [act for act, _ in asked_acts(respond)] == ["reageren op het voornemen"]
    assert unmentioned_act(respond, ["De aangifte geschiedt binnen vijf dagen na de verhuizing."])
    # reacting to a request is deciding on it, which the decision period answers (laws-blind8)
    assert asked_acts("Binnen welke termijn moet de gemeente reageren op een verzoek om verbetering?") == []
    # leaving the country is the Wet BRP's
    assert asked_acts("How many days can I stay in the Netherlands before I have to leave?") == []


def test_which_ones_a_regulation_determines_are_not_in_the_documents():
    """Wet BRP art. 1.6 leaves to an AMvB which data are authentic (laws-blind45 and 99 asked
    which ones; their first measurements quoted the article as if it listed them)."""
    article_1_6 = [
        "Bij algemene maatregel van bestuur wordt bepaald welke van de algemene gegevens, bedoeld in "
        "de artikelen 2.7 en 2.69, worden aangemerkt als authentieke gegevens."
    ]
    assert delegated_which("Welke gegevens in de BRP zijn precies authentieke gegevens?", article_1_6)
    assert delegated_which("Which items in a BRP record are designated as authentic data (authentieke gegevens)?", article_1_6)
    # who decides it is what the sentence says; other things asked are not left by it
    assert delegated_which("Wie bepaalt welke gegevens in de BRP authentiek zijn?", article_1_6) is None
    assert delegated_which("Welke boete staat op het niet doen van aangifte?", article_1_6) is None


def test_keeping_records_is_an_act_and_government_money_is_a_fact():
    """laws-blind98: "Hoe lang moet ik ... de gegevens van afgewezen kandidaten bewaren?" (no
    line names keeping them) and "Krijgen gemeenten geld van het Rijk ..., en zo ja hoeveel?"."""
    keeping = "Hoe lang moet ik als verhuurbemiddelaar de gegevens van afgewezen kandidaat-huurders bewaren?"
    assert [act for act, _ in asked_acts(keeping)] == ["bewaren"]
    assert unmentioned_act(keeping, ["De huurovereenkomst wordt binnen zes weken schriftelijk vastgelegd."])
    kept = ["De gegevens worden bewaard tot ten minste zeven jaar na het einde van het kalenderjaar."]
    assert unmentioned_act("How long must the agency keep these records?", kept) is None
    assert asks_about_the_world(
        "Krijgen gemeenten geld van het Rijk voor de uitvoering van de Wet goed verhuurderschap, en zo ja hoeveel?"
    )
    assert not asks_about_the_world("Hoeveel geld mag de gemeente van een verhuurder vragen?")


def test_a_certifier_described_only_as_a_kind_of_body_is_not_named():
    """Waadi art. 12b: certified "na een conformiteitsbeoordeling van een door de Raad van
    Accreditatie daartoe geaccrediteerde instelling". Four held-out sets asked which
    organisation that is (laws-blind96, 101 and 103's first measurements quoted the article)."""
    article_12b = [
        "b. gecertificeerd is overeenkomstig de bij collectieve arbeidsovereenkomst vastgestelde normen over de "
        "kwaliteit van huisvesting van arbeidskrachten na een conformiteitsbeoordeling van een door de Raad van "
        "Accreditatie daartoe geaccrediteerde instelling."
    ]
    for question in (
        "Bij welke organisatie moet ik mijn pand laten certificeren?",
        "Hoe heet de organisatie die het keurmerk voor huisvesting van arbeidsmigranten geeft?",
        "What is the name of the organisation that certifies agency housing?",
    ):
        assert unnamed_certifier(question, article_12b), question
    # what the housing must meet is what the article says
    assert unnamed_certifier("Aan welke eisen moet de huisvesting van een uitzendbureau voldoen?", article_12b) is None
    # a passage that names the body answers
    named = ["De aanvraag wordt ingediend bij de Stichting Normering Flexwonen, die het keurmerk verleent."]
    assert unnamed_certifier("Bij welke organisatie moet ik mijn pand laten certificeren?", named) is None


def test_keeping_wages_back_is_a_deduction_and_getting_a_permit_for_years_is_its_validity():
    """laws-blind103: "How much of my salary is the agency allowed to keep back for my room?";
    laws-blind101: "Voor hoeveel jaar krijg ik een verhuurvergunning?"."""
    housing = ["Indien degene die de arbeidskracht ter beschikking stelt ... in de huisvesting voorziet, ..."]
    assert unmentioned_deduction("How much of my salary is the agency allowed to keep back for my room?", housing)
    assert not unmentioned_deduction("Can the landlord keep back my deposit?", housing)
    acts = asked_acts("Voor hoeveel jaar krijg ik een verhuurvergunning voor de huisvesting van arbeidsmigranten?")
    assert [roots[0] for _, roots in acts] == ["geldig"]
