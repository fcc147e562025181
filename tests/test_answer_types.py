"""Answer-type checks: which questions ask for an amount, a date, a period, a measure or a
number, and which passages can supply one. They drive a ranking feature, a refusal reason and
the extractive composer's last check, so both directions are pinned here."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.abstention import (
    AbstentionModel,
    missing_names,
    place_specific,
    unknown_acronyms,
    unknown_kind,
    unknown_names,
    unknown_units,
)
from assistant.analysis import Analyzer
from assistant.answer_types import Kind, expected, partly_typed, satisfies, wh_clauses
from assistant.compose_extractive import missing_names_note
from assistant.models import Hit
from assistant.passage_gaps import (
    asked_acts,
    asks_about_the_world,
    delegated_value,
    names_acts,
    unmentioned_act,
    unmentioned_deduction,
    unmentioned_right,
    value_of_another_statute,
)
from assistant.retrieval import Retrieval


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Wat kost een verhuurvergunning?", Kind.MONEY),
        ("Hoeveel leges mag de gemeente rekenen?", Kind.MONEY),
        ("Hoe hoog is de boete voor een verhuurder zonder vergunning?", Kind.MONEY),
        ("How much does registration at the RNI counter cost?", Kind.MONEY),
        ("Op welke datum treedt de toelatingsplicht in werking?", Kind.DATE),
        ("From what date is admission mandatory?", Kind.DATE),
        ("Binnen welke termijn beslist het college?", Kind.DURATION),
        ("Hoeveel weken voor ingebruikname moet de melding binnen zijn?", Kind.DURATION),
        ("How long must records be kept?", Kind.DURATION),
        ("Welke plafondhoogte eist het Bbl voor een slaapkamer?", Kind.MEASURE),
        ("Hoeveel arbeidsmigranten wonen er in Nederland?", Kind.COUNT),
        # how much money, asked with a verb
        ("Hoeveel mag een uitzendbureau inhouden op het loon?", Kind.MONEY),
        ("How much may an agency deduct from wages for housing?", Kind.MONEY),
        ("Met hoeveel groeit het aantal arbeidsmigranten per jaar?", Kind.QUANTITY),
        ("Hoeveel mogen er in een kamer slapen?", Kind.QUANTITY),
        # a yes/no question with a second clause that asks for an amount
        ("Heeft hij recht op huurtoeslag, en hoeveel krijgt hij dan?", Kind.MONEY),
    ],
)
def test_question_kinds(question, kind):
    found = expected(question)
    assert found is not None and found.kind is kind, found


@pytest.mark.parametrize(
    "question",
    [
        "Mag de verhuurder zomaar mijn kamer binnenlopen?",
        # an embedded question word does not make a yes/no question ask for a number
        "Kan de gemeente een plafond stellen aan hoeveel overnachtingen een woning verhuurd wordt?",
        "Wanneer moet een arbeidsmigrant zich inschrijven in de BRP?",  # conditions, not a date
        "Welke eisen stelt de Wgv aan een verhuurder?",
    ],
)
def test_questions_without_an_answer_kind(question):
    assert expected(question) is None


def test_wh_clauses_keeps_only_the_asking_parts():
    assert wh_clauses("Komt er een registratieplicht, en vanaf wanneer?") == "vanaf wanneer?"
    assert wh_clauses("Mag dat? Hoe lang duurt het?") == "Hoe lang duurt het?"


def test_money_needs_an_amount_and_euro_rules_out_a_fine_category():
    money = expected("Hoe hoog is de boete?")
    euro = expected("Hoeveel euro is de boete?")
    assert money.kind is euro.kind is Kind.MONEY
    category = "De overtreder wordt gestraft met een geldboete van de vierde categorie."
    assert satisfies(money, category)
    assert not satisfies(euro, category)
    assert satisfies(euro, "Een bestuurlijke boete van ten hoogste € 25.000.")
    assert satisfies(euro, "een boete van ten hoogste 325 euro")


def test_money_asked_with_a_verb_is_answered_by_a_share_or_multiple_too():
    deposit = expected("Hoeveel mag een verhuurder maximaal aan borg vragen?")
    assert deposit.kind is Kind.MONEY and deposit.relative
    assert satisfies(deposit, "De waarborgsom bedraagt niet meer dan twee maal de kale huurprijs.")
    assert satisfies(deposit, "De borg is ten hoogste 25% van de jaarhuur.")
    # the share must be a share of what is asked about
    assert not satisfies(deposit, "ten hoogste 25% van het wettelijk minimumloon")
    assert not satisfies(deposit, "De verhuurder mag een waarborgsom vragen.")
    # a noun question ("hoeveel leges") still needs an amount
    assert not satisfies(expected("Hoeveel leges vraagt de gemeente?"), "twee maal de huurprijs")


def test_an_amount_must_be_the_amount_of_what_is_asked_about():
    fees = expected("Hoeveel leges mag een gemeente rekenen voor een verhuurvergunning?")
    assert fees.nouns == ("leges",)
    assert not satisfies(fees, "De uitlener stelt een financiële zekerheid van € 100.000.")
    assert satisfies(fees, "De leges voor een verhuurvergunning bedragen € 120.")
    wage = expected("Wat is het wettelijk minimumloon per uur?")
    assert wage.nouns == ("loon",)
    assert not satisfies(wage, "een huishoudinkomen van ten hoogste € 70.149")
    assert satisfies(wage, "Het minimumloon is € 14,71 per uur.")
    # a fine category answers a question about a fine, and only that
    assert satisfies(expected("Hoe hoog is de boete?"), "een geldboete van de vierde categorie")
    assert not satisfies(fees, "een geldboete van de vierde categorie")


def test_a_count_needs_a_number_of_the_things_counted():
    agencies = expected("How many staffing agencies have been granted admission so far?")
    assert agencies.kind is Kind.COUNT and agencies.nouns == ("uitlener",)
    # an amount of money is not a number of agencies; a measure still answers "hoeveel ruimte"
    assert not satisfies(agencies, "De uitlener stelt een financiële zekerheid van € 100.000.")
    assert satisfies(agencies, "Er zijn 4.000 uitleners toegelaten.")
    space = expected("Hoeveel slaapruimte per persoon vraagt de norm?")
    assert satisfies(space, "De norm vraagt 12 m² per persoon.")


def test_article_references_and_statute_years_are_not_answers():
    date = expected("Op welke datum gaat dit in?")
    header = "Huisvestingswet 2014 — Artikel 21\n\nDe gemeenteraad kan regels stellen."
    assert not satisfies(date, header)
    assert not satisfies(date, "zoals bedoeld in artikel 2023 van de Huisvestingswet 2014")
    assert satisfies(date, "De wet geldt vanaf 1 januari 2026.")
    duration = expected("Hoe lang blijft de boete openbaar?")
    assert not satisfies(duration, "Artikel 5, leden 2-3: zie artikel 12 lid 3.")
    assert satisfies(duration, "De publicatie blijft ten hoogste vijf jaar staan.")
    quantity = expected("Hoeveel mag het uitzendbureau inhouden?")
    assert not satisfies(quantity, "bedoeld in artikel 7a, tweede lid")
    assert satisfies(quantity, "ten hoogste 25% van het loon")


def test_a_count_needs_a_number_near_the_counted_noun():
    count = expected("Hoeveel arbeidsmigranten wonen er in Nederland?")
    assert count.kind is Kind.COUNT
    assert satisfies(count, "Er wonen ruim 700.000 arbeidsmigranten in Nederland.")
    assert not satisfies(count, "In 2023 woonden veel arbeidsmigranten in Nederland (artikel 12).")
    assert satisfies(count, "|   | a | in een logiesgebouw | 1 | 2 | – | 10 |")  # a table row


def test_measure():
    measure = expected("What minimum ceiling height does the Bbl require?")
    assert measure.kind is Kind.MEASURE
    assert satisfies(measure, "De vrije hoogte is ten minste 2,6 m.")
    assert not satisfies(measure, "Het plafond moet voldoende hoog zijn.")


def test_unknown_acronyms():
    known = {"brp", "rni", "vng"}
    assert unknown_acronyms("Wat doet het CBS met de BRP-gegevens?", known) == ["CBS"]
    assert unknown_acronyms("Wat kost een SNF-certificering?", known) == ["SNF"]
    # statute abbreviations and EU are always known; mixed case is not an acronym
    assert unknown_acronyms("Mogen EU-burgers dat onder de Wgv en de Waadi (Wtta)?", set()) == []
    assert unknown_acronyms("Under the Dutch BRP Act, who is a resident?", known) == []
    # context before the question proper, and personal details, are not what is asked about
    assert unknown_acronyms("Mijn cliënt (BSN 123, werkt bij ACME) vraagt: hoe lang duurt het?", known) == []



def test_unknown_names_are_places_the_question_asks_about():
    known = {"gemeente", "gemeenten", "verhuurverordening", "huurcommissie", "arbeidsmigranten"}
    assert unknown_names("Welke gemeenten in Zeeland hebben een verhuurverordening?", known) == [
        "Zeeland"
    ]
    assert unknown_names("How many labour migrants live in the municipality of Westland?", known) == [
        "Westland"
    ]
    # a name the documents do contain is not missing
    assert unknown_names("Welke gemeenten in Zeeland doen mee?", known | {"zeeland"}) == []
    # missing_names() gathers acronyms, names and kinds of thing
    assert missing_names("Wat weet het CBS over Westland?", known) == ["CBS", "Westland"]


@pytest.mark.parametrize(
    ("question", "specific"),
    [
        # a number, or which municipalities: the answer is about the place
        ("Welke gemeenten in Zeeland hebben een verhuurverordening?", True),
        ("How many labour migrants live in the municipality of Westland?", True),
        ("Hoeveel arbeidsmigranten wonen er in Westland?", True),
        # the general rule answers these; the name is only a caveat
        ("Mag de gemeente Westland een vergunning eisen voor kamerverhuur?", False),
        ("Hoe lang is een verhuurvergunning in Westland geldig?", False),
        ("Welke regels gelden voor arbeidsmigranten in Westland?", False),
        ("Mag verhuurder Jansen zomaar de kamer binnenlopen?", False),
    ],
)
def test_a_missing_place_refuses_only_place_specific_questions(question: str, specific: bool):
    assert place_specific(question) is specific
    model = AbstentionModel(threshold=1.0)
    passage = "De gemeente kan een vergunning eisen; die is vijf jaar geldig."
    retrieval = _retrieval(question, passage)
    decision = model.decide(retrieval, np.array([0.9]), ["vergunning"], Analyzer(), {"gemeente"})
    assert decision.missing  # always told to the user
    assert decision.answerable is not specific


@pytest.mark.parametrize(
    "question",
    [
        # context before the asking sentence
        "Een uitzendkracht uit Oost-Gelderland spreekt geen Nederlands. Moet de verhuurder iets?",
        # countries, nationalities and months are context, in Dutch and English
        "Moet een arbeidsmigrant uit Polen of Roemenië zich inschrijven?",
        "Does a Polish worker who arrives in July have to register?",
        # multi-word titles and parenthesised glosses
        "Under the Dutch Good Landlordship Act, can a municipality fine landlords?",
        "What must a landlord tell tenants about the Rent Tribunal (Huurcommissie)?",
        "What must a landlord tell tenants about the tribunal (Huurcommissiezaken)?",
        # a capitalised first word, and ordinary English words, also inflected
        "Zeeland: mag de gemeente een vergunning eisen?",
        "Which Housing rules apply?",
        "Can a municipality refuse Permits for rooms?",
        "What does the Regulation say about rooms?",
        # singular nationalities, names typed without their diaeresis, and any Unicode form
        "Moet een Oekraïner zich inschrijven?",
        "Moet een Roemeen uit Roemenie zich inschrijven?",
        "Moet een Oekrai\u0308ner zich inschrijven?",
        # everything in parentheses, whatever the quotes
        "Is de vergunning geldig (vraag namens gemeente Westland)?",
        # an everyday word for a statute term
        "Wat moet ik als Wethouder doen?",
    ],
)
def test_context_and_titles_are_not_unknown_names(question: str):
    known = {"gemeente", "vergunning", "arbeidsmigrant", "verhuurder"}
    assert unknown_names(question, known) == []


def test_asking_which_of_a_kind_the_documents_never_mention():
    known = {"groep", "groepen", "gemeente", "uitlener", "vergunning"}
    assert unknown_kind("Met welk tolkenbureau heeft de VNG een raamcontract?", known) == [
        "tolkenbureau"
    ]
    # inflected forms, everyday words for statute terms, and yes/no questions are not missing
    assert unknown_kind("Welke groeperingen moeten urgent zijn?", {"groeperingen"}) == []
    # a compound by its last part; an adjective or "soort" by the noun after it
    assert unknown_kind("Welke BRP-gegevens mag de gemeente delen?", {"gegevens"}) == []
    assert unknown_kind("Welke typen woningen zijn er?", {"woningen"}) == []
    assert unknown_kind("Welke exacte eisen gelden?", {"eisen"}) == []
    assert unknown_kind("Welke groepen moeten urgent zijn?", {"groep"}) == []
    assert unknown_kind("Welke uitzendbureaus hebben een toelating nodig?", known) == []
    assert unknown_kind("Mag een tolkenbureau dat doen?", known) == []


def test_a_number_per_unit_the_documents_never_mention_is_missing():
    known = {"persoon", "personen", "jaar", "logiesgebouw", "arbeidsmigranten", "kamer"}
    question = "Hoeveel arbeidsmigranten mogen er maximaal op één slaapkamer in een logiesgebouw slapen?"
    assert unknown_units(question, known) == ["slaapkamer"]
    assert unknown_units("Hoeveel arbeidsmigranten mogen er per slaapkamer wonen?", known) == ["slaapkamer"]
    # units the documents use, idioms, and questions that ask for no number are not missing
    assert unknown_units("Hoeveel vierkante meter per persoon moet een kamer hebben?", known) == []
    assert unknown_units("Met hoeveel groeit het aantal arbeidsmigranten per saldo?", known) == []
    assert unknown_units("Mag een huisbaas per slaapkamer huur vragen?", known) == []
    assert unknown_units("Wanneer moet de huur per slaapkamer betaald zijn?", known) == []
    assert unknown_units("Hoeveel mag een verhuurder vragen op een camping?", known) == []
    # the refusal tells the user what no document mentions
    assert "slaapkamer" in missing_names(question, known)


def test_unknown_name_refusal_tells_the_user_what_is_missing():
    model = AbstentionModel(threshold=1.0)
    retrieval = Retrieval(
        "Welke gemeenten in Zeeland hebben een verhuurverordening?",
        [_hit("De gemeenteraad kan een verhuurverordening vaststellen.")],
        None,
        False,
    )
    decision = model.decide(retrieval, np.array([0.9]), ["verhuurverorden"], Analyzer(), {"gemeenten"})
    assert not decision.answerable
    assert decision.missing == ("Zeeland",)
    assert missing_names_note(decision.missing, "nl") == "Geen van de documenten noemt ‘Zeeland’."
    assert "mentions ‘Zeeland’" in missing_names_note(decision.missing, "en")


def _hit(text: str, title: str = "X") -> Hit:
    return Hit(
        rank=1, score=5.0, source="x.md", title=title, doc_type="regelgeving", locator="", text=text,
        chunk_id="c1",
    )


def _retrieval(question: str, *texts: str) -> Retrieval:
    return Retrieval(question, [_hit(text) for text in texts], None, False)


def test_refusal_reasons_override_a_high_score():
    model = AbstentionModel(threshold=1.0)
    words = {"verhuurder", "boete"}
    no_amount = Retrieval(
        "Hoeveel leges vraagt de gemeente?", [_hit("De gemeente kan leges heffen.")], None, False
    )
    assert "money" in model.refusal(no_amount, words)
    with_amount = Retrieval(
        "Hoeveel leges vraagt de gemeente?", [_hit("De leges bedragen € 120.")], None, False
    )
    assert model.refusal(with_amount, words) is None
    acronym = Retrieval("Wat zegt het CBS?", [_hit("De boete.")], None, False)
    assert "CBS" in model.refusal(acronym, words)


def test_a_question_about_a_termijn_asks_for_a_period():
    for question in (
        "Wat is de beslistermijn voor een aanvraag om een verhuurvergunning?",
        "What is the retention period for the records?",
    ):
        assert expected(question).kind is Kind.DURATION, question
    assert expected("On what exact date does the ban take effect?").kind is Kind.DATE
    assert expected("Op welke exacte datum treedt het verbod in werking?").kind is Kind.DATE
    for question in (
        "Welke opzegtermijn moet een verhuurder in acht nemen?",
        "Welke wettelijke bewaartermijn geldt voor de kopie?",
        "Welke termijnen gelden voor de aangifte?",
    ):
        assert expected(question).kind is Kind.DURATION, question
    assert expected("Wat is de maximale boete voor een verhuurder?").kind is Kind.MONEY
    assert expected("Wat is de rol van de gemeente?") is None
    assert expected("Wat is de huurprijsbescherming?") is None


def test_acronyms_count_as_known_where_the_texts_write_them_out():
    from assistant.acronyms import written_out

    texts = [
        "De uitlener legt een verklaring omtrent het gedrag over.",
        "Gegevens over niet-ingezetenen.",
        "bevolkingscijfers van het Centraal bureau voor de statistiek",
    ]
    known = written_out(texts)
    assert known == {"vog", "rni"}  # organisations (CBS) count only by their acronym
    words = {w for t in texts for w in t.lower().split()} | known
    assert unknown_acronyms("Binnen welke termijn moet een nieuwe VOG worden overgelegd?", words) == []
    assert unknown_acronyms("Hoeveel arbeidsmigranten telt het CBS?", words) == ["CBS"]


def test_a_value_noun_is_not_an_unknown_kind():
    words = {"bestaande", "gebouwen", "tolk"}
    assert unknown_kind("Welke peildatum geldt voor bestaande gebouwen?", words) == []
    assert unknown_kind("Welk bedrag geldt er?", words) == []
    assert unknown_kind("Met welk tolkenbureau werkt de VNG?", words) == ["tolkenbureau"]
    assert unknown_kind("Welke metadata slaat de gemeente op?", words) == ["metadata"]


def test_money_and_dates_asked_in_longer_phrasings():
    tax = "How much tourist tax per night may a municipality charge for short-stay housing?"
    assert expected(tax).kind is Kind.MONEY and expected(tax).nouns == ("belasting",)
    both = "Wie heeft het aanjaagteam in het leven geroepen en wanneer was dat?"
    assert expected(both).kind is Kind.DATE
    assert expected("Wie heeft het aanjaagteam in het leven geroepen?") is None
    # ... but not every "en hoe lang" asks: here it is part of a yes/no question
    assert expected("Moet de verhuurder bijhouden wie er verblijft en hoe lang zij blijven?") is None
    assert expected("How much time may a landlord take to pay back the deposit?").kind is (
        Kind.DURATION
    )
    for not_money in ("Wat zijn de regels voor kamerverhuur?", "Wat is de definitie van verhuur?"):
        assert expected(not_money) is None, not_money
    assert expected("Wat is de opzegtermijn bij verhuur?").kind is Kind.DURATION



def test_lid_numbers_and_statute_names_count_no_one():
    count = expected("Hoeveel arbeidsmigranten staan er in onze gemeente ingeschreven?")
    assert count.kind is Kind.COUNT
    assert not satisfies(count, "2. Degene die de arbeidskracht ter beschikking stelt, ...")
    assert not satisfies(count, "Hij staat binnen vier weken in de basisregistratie personen.")
    assert not satisfies(count, "- 4°. de arbeidskracht ter beschikking stellen")
    assert not satisfies(count, "Drie maanden na de Wet allocatie arbeidskrachten door intermediairs")
    date = expected("Op welke datum ging het in?")
    assert not satisfies(date, "Dit volgt uit de Wet goed verhuurderschap 2023.")  # no date left
    assert satisfies(date, "Dit geldt sinds 1 januari 2024.")
    assert satisfies(count, "Er staan ruim 2.000 arbeidsmigranten ingeschreven.")
    assert satisfies(count, "3. Meer dan tien personen mogen er niet verblijven.")


def test_an_index_vocabulary_is_searched_by_stem_in_sorted_order():
    from assistant.abstention import _mentioned

    words = ["groepen", "verhuurder", "tolk", "arbeidsmigranten", "zzz"]
    for word in ("groep", "groepjes", "verhuurders", "tolkenbureau", "arbeidsmigrant", "aaaaa"):
        assert _mentioned(word, frozenset(words)) == _mentioned(word, set(words)), word
    assert _mentioned("verhuurders", frozenset(words))
    assert not _mentioned("tolkenbureau", frozenset(words))


def test_a_percentage_asks_for_a_share():
    share = expected("Welk percentage van het loon mag een uitzendbureau inhouden voor de huisvesting?")
    assert share is not None and share.kind is Kind.SHARE
    assert expected("What percentage of the dwellings may go to people with local ties?").kind is Kind.SHARE
    assert satisfies(share, "ten hoogste 50% van de woonruimten")
    assert satisfies(share, "niet meer dan de helft van de vrijkomende woningen")
    assert not satisfies(share, "een bedrag van € 100 per maand")
    assert not satisfies(share, "binnen een half jaar")


def test_an_adjective_before_the_money_noun_keeps_it_money():
    money = expected("Hoeveel financiële zekerheid moet een uitzendbureau stellen?")
    assert money is not None and money.kind is Kind.MONEY and money.nouns == ("zekerheid",)
    assert satisfies(money, "De financiële zekerheid wordt gesteld voor een bedrag van € 100.000.")


def test_the_euro_amount_of_a_fine_category_must_be_that_categorys():
    asked = expected("Hoeveel euro is een boete van de vierde categorie precies?")
    assert not satisfies(asked, "een bestuurlijke boete van ten hoogste € 325")
    assert satisfies(asked, "een geldboete van de vierde categorie (€ 25.750)")


def test_months_of_rent_ask_for_money_not_a_period():
    asked = expected("Hoeveel maanden huur mag een huisbaas maximaal als borg vragen?")
    assert asked.kind is Kind.MONEY
    assert not satisfies(asked, "een omgevingsvergunning met een termijn van maximaal vijftien jaren")
    assert satisfies(asked, "een waarborgsom van ten hoogste twee maal de kale huurprijs")


def test_which_part_of_a_law_is_no_share_and_counted_adjectives_stay_counts():
    assert expected("Welk deel van de Huisvestingswet gaat over urgentie?") is None
    assert expected("Hoeveel verschillende boetes kan de gemeente opleggen?").kind is Kind.COUNT
    share = expected("Welk percentage van de woningen mag met voorrang worden toegewezen?")
    assert satisfies(share, "ten minste twee derde van de tijd in Nederland")
    assert satisfies(share, "ten hoogste vijftig procent van de woonruimte")


def test_how_often_asks_for_a_frequency():
    expectation = expected("Hoe vaak moet de brandweer een logiesgebouw controleren?")
    assert expectation is not None and expectation.kind is Kind.FREQUENCY
    assert satisfies(expectation, "Locaties worden elk jaar geïnspecteerd.")
    assert satisfies(expectation, "De keuring vindt twee keer per jaar plaats.")
    assert satisfies(expectation, "Het college controleert jaarlijks de registratie.")
    assert not satisfies(expectation, "De melding wordt ten minste vier weken voor het begin gedaan.")
    assert expected("How often must the fire brigade inspect the building?").kind is Kind.FREQUENCY


def test_from_when_is_answered_by_a_moment_relative_to_an_event():
    relative = expected("Hij vertrekt naar Polen. Vanaf wanneer loopt de termijn voor de aangifte?")
    assert relative is not None and relative.kind is Kind.DATE
    assert satisfies(relative, "De aangiftetermijn vangt aan op de vijfde dag voor de dag van vertrek.")
    assert satisfies(relative, "niet eerder dan vier weken vóór de beoogde datum van adreswijziging")
    # procedure text is no moment of the rule asked about; a calendar date asks for a date
    assert not satisfies(relative, "wordt niet eerder gedaan dan vier weken nadat het ontwerp is overgelegd")
    calendar = expected("Op welke datum treedt het uitleenverbod in werking?")
    assert not satisfies(calendar, "De aangiftetermijn vangt aan op de vijfde dag voor de dag van vertrek.")
    assert satisfies(calendar, "Dit artikel treedt in werking op 1 januari 2026.")


def test_money_nouns_for_english_fees_and_rent_not_letting():
    fee = expected("What is the maximum annual fee a staffing agency pays for the admission procedure?")
    assert satisfies(fee, "De vergoeding bedraagt jaarlijks ten hoogste € 3.611.")
    deposit = expected("Hoeveel maanden kale huur mag de waarborgsom maximaal bedragen?")
    assert deposit is not None and deposit.kind is Kind.MONEY
    assert satisfies(deposit, "De waarborgsom bedraagt ten hoogste twee maal de kale huurprijs.")
    # "verhuurders ... zes maanden" is about landlords, not about rent
    assert not satisfies(
        deposit, "geldt voor verhuurders die verhuurden dat dit verbod niet eerder dan zes maanden geldt"
    )


def test_euros_before_the_asking_clause_still_ask_for_the_amount():
    expectation = expected("In euros, what is the maximum fine for a fifth-category offence?")
    assert expectation is not None and expectation.explicit_euro and expectation.nouns == ("categorie",)
    assert not satisfies(expectation, "bedraagt ten hoogste het bedrag van de vijfde categorie")
    # a question introduced by a condition still asks what its last clause asks
    assert wh_clauses("Als een verhuurder zich niet aan de regels houdt, hoe hoog is de boete?") == (
        "hoe hoog is de boete?"
    )


def test_asking_which_rule_about_a_mentioned_thing_is_not_an_unknown_kind():
    known = {"vergunning", "plicht", "verplicht", "tolken", "bureau"}
    assert unknown_kind("Welke vergunningplicht kan hierop van toepassing zijn?", known) == []
    # an organisation is not named by its parts appearing elsewhere
    assert unknown_kind("Met welk tolkenbureau werkt de gemeente samen?", known) == ["tolkenbureau"]


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


def test_values_asked_in_other_words():
    # months of rent are an amount of money (or a multiple of the rent), not a period
    months = expected("How many months of basic rent may a landlord charge as a deposit?")
    assert months.kind is Kind.MONEY and months.relative
    # "de hoogte van de boete" is the fine's amount, not a height
    amount = expected("Wat betekent dat voor de hoogte van de nieuwe boete?")
    assert amount.kind is Kind.MONEY and amount.relative
    assert expected("Welke plafondhoogte eist het Bbl?").kind is Kind.MEASURE
    # "the maximum number of" asks for a count; "the number of the article" does not
    assert expected("What is the maximum number of nights a home may be let?").kind is Kind.COUNT
    assert expected("Wat is het maximale aantal personen in een logiesgebouw?").nouns[0] == "personen"
    assert expected("What is the number of the article on fines?") is None


def test_a_question_with_an_untyped_part_is_answered_in_part():
    assert partly_typed("Wat moet hij vertellen over de Huurcommissie, en vanaf welke datum geldt dat?")
    assert not partly_typed("Vanaf welke datum geldt de regeling?")
    assert not partly_typed("Heeft hij recht op huurtoeslag, en hoeveel krijgt hij dan?")  # yes/no first
    model = AbstentionModel(threshold=1.0)
    no_date = _retrieval(
        "Wat moet een verhuurder vertellen over de Huurcommissie, en vanaf welke datum geldt dat?",
        "De verhuurder verstrekt informatie over de Huurcommissie.",
    )
    assert model.refusal(no_date, {"verhuurder"}) is None


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


def test_a_typed_clause_about_the_other_clause_is_one_question():
    """"Welke boete staat erop? Hoeveel euro is dat?" asks the euro amount of that fine: the
    type check still applies."""
    assert not partly_typed("Welke boete staat erop? Hoeveel euro is dat?")
    model = AbstentionModel(threshold=1.0)
    no_amount = _retrieval(
        "Welke boete staat erop? Hoeveel euro is dat?",
        "De boete bedraagt ten hoogste het bedrag van de vierde categorie.",
    )
    assert "money" in model.refusal(no_amount, {"boete"})


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


def test_more_ways_to_ask_for_money():
    deposit = expected("What is the maximum deposit, expressed in months of basic rent, a landlord may charge?")
    assert deposit.kind is Kind.MONEY and "borg" in deposit.nouns
    assert expected("What tourist tax rate per night do I have to charge?").kind is Kind.MONEY
    assert expected("Welk tarief mag de gemeente rekenen?").kind is Kind.MONEY
    assert expected("Which fee applies to an application?").kind is Kind.MONEY
    # a rate of increase is a share or a rule, not an amount of money
    assert expected("What rate of increase applies?") is None
    # "hoeveel bedraagt de boete" asks an amount, not any number; "welk boetebedrag" too
    leges = expected("Hoeveel bedragen de leges voor een verhuurvergunning?")
    assert leges.kind is Kind.MONEY and leges.nouns == ("leges",)
    assert expected("Wat bedraagt de financiële zekerheid?").kind is Kind.MONEY
    assert expected("Welk boetebedrag krijgt de inlener?").kind is Kind.MONEY
    assert expected("Hoeveel bedraagt de termijn?").kind is not Kind.MONEY


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
