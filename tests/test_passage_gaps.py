"""Gap checks added in session 9 (`assistant/passage_gaps.py`, `assistant/answer_types.py`):
papers a regulation names, values stated for another article's subject, a named tax, a
deduction told before the question, designations in the passive, what something costs.
Each is pinned in both directions: the question it must refuse and a neighbour it must not."""

from __future__ import annotations

from assistant.abstention import AbstentionModel, unknown_kind
from assistant.answer_types import Kind, expected, satisfies
from assistant.models import Hit
from assistant.passage_gaps import (
    _articles_about,
    asked_acts,
    asks_about_the_world,
    delegated_body,
    delegated_papers,
    unmentioned_act,
    unmentioned_deduction,
    unmentioned_tax,
    unnamed_website,
    value_for_another_article,
)
from assistant.retrieval import Retrieval

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


def test_designations_asked_in_the_passive_ask_about_the_world():
    assert asks_about_the_world("Welke inspectie-instellingen zijn inmiddels aangewezen?")
    # without "al" or "inmiddels" the passive asks what a rule sets
    assert not asks_about_the_world("Welke beslistermijn is vastgesteld voor een verhuurvergunning?")
    assert not asks_about_the_world("Welke gegevens zijn aangewezen als algemene gegevens?")
    assert asks_about_the_world("Which inspection bodies have been accredited so far?")
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
