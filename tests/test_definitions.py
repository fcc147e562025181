"""Definition questions: the term asked, the line that defines it, and retrieval and the
composer putting that line first (`assistant/definitions.py`)."""

from __future__ import annotations

import pytest

from assistant.definitions import defined_term, defines


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Wat verstaat de Wet goed verhuurderschap precies onder een 'verblijfsruimte'?", "verblijfsruimte"),
        ("Wat verstaat de Huisvestingswet 2014 onder toeristische verhuur?", "toeristische verhuur"),
        ("Hoe definieert de wet het begrip 'arbeidsmigrant'?", "arbeidsmigrant"),
        ("Wat wordt in hoofdstuk 5 verstaan onder 'beheer'?", "beheer"),
        ("What does the Housing Act mean by a 'woningmarktregio'?", "woningmarktregio"),
        ("What does the Huisvestingswet 2014 mean by tourist rental?", "toeristische verhuur"),
        ("How does the Act define a labour migrant?", "arbeidsmigrant"),
        ("Wat is een logiesgebouw volgens het Bbl?", "logiesgebouw"),
        ("What counts as accommodation under the Act?", "verblijfsruimte"),
        ("Wat verstaat de Huisvestingswet onder een toegelaten instelling?", "toegelaten instelling"),
        ("What is meant by a 'beheerder' in the Act?", "beheerder"),
    ],
)
def test_the_term_a_definition_question_asks(question, term):
    assert defined_term(question) == term


@pytest.mark.parametrize(
    "question",
    [
        "Wat is de boete voor een verhuurder?",
        "Wat is de boete?",
        "Wat moet een verhuurder doen?",
        "What is the fine?",
        "What is the maximum rent under the Act?",
    ],
)
def test_other_questions_ask_no_definition(question):
    assert defined_term(question) is None


def test_a_definition_line_in_the_statutes_markdown():
    assert defines("- *verblijfsruimte:* gebouw of deel van een gebouw", "verblijfsruimte")
    assert defines("**toeristische verhuur:** in een woonruimte tegen betaling", "toeristische verhuur")
    assert defines("b. arbeidsmigranten: personen die ...", "arbeidsmigrant")
    assert defines("- f. *de ingezetene:* degene die ...", "ingezetene")
    # a compound that begins with the term is another term
    assert not defines("**woningmarktregio:** gebied dat ...", "woning")
    assert not defines("- *verhuurbemiddelaar:* natuurlijke of rechtspersoon", "verhuur")
    # the word used in a rule, or a colon later in the line, defines nothing
    assert not defines("Een verblijfsruimte is veilig: ja", "verblijfsruimte")
    assert not defines("1. Een verhuurder van een verblijfsruimte handelt ...", "verblijfsruimte")


def test_the_defining_line_is_found_and_cited(laws_assistant):
    """"verblijfsruimte" stands in nearly every Wgv article; the question about its meaning is
    answered by one line of Artikel 1, which the citation quotes."""
    question = "Hoe omschrijft de Wet goed verhuurderschap het begrip verblijfsruimte?"
    hits = laws_assistant.search(question, k=3)
    assert hits[0].locator == "Artikel 1" and hits[0].title == "Wet goed verhuurderschap"
    answer = laws_assistant.ask(question, remember=False)
    assert answer.citations[0].quote.lstrip("-* ").startswith("verblijfsruimte:"), answer.citations[0].quote
