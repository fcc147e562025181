"""The `vraagbaak` console script end to end: JSON contracts of DESIGN.md, exit codes, chat.

Every test runs the real command in a subprocess against the session's index of
../shared/laws (built once by `laws_settings`; these tests only read it, apart from the
conversations that `ask` and `chat` store next to it).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LAWS, LAWS_DEV

LAW_FILES = sorted(p.name for p in LAWS.glob("*.md")) if LAWS.is_dir() else []
TOELATING = "Hoe lang is een toelating geldig?"


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VRAAGBAAK_")}
    env.update(
        VRAAGBAAK_DATA_DIR=str(data_dir),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONIOENCODING="utf-8",
    )
    return env


def _run(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    cwd: Path | None = None,
    command: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the CLI; cwd defaults to the data dir's parent so no stray `.env` is read."""
    return subprocess.run(
        [*(command or [sys.executable, "-m", "assistant.cli"]), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(data_dir),
        cwd=str(cwd or data_dir.parent),
        timeout=300,
    )


def _json(proc: subprocess.CompletedProcess[str]) -> Any:
    assert proc.returncode == 0, (
        f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    )
    return json.loads(proc.stdout)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _assert_hit_shape(hit: dict[str, Any]) -> None:
    assert _is_int(hit["rank"])
    assert isinstance(hit["score"], float)
    for key in ("source", "title", "doc_type", "locator", "text"):
        assert isinstance(hit[key], str) and hit[key].strip(), (key, hit)
    assert hit["url"] is None or (isinstance(hit["url"], str) and hit["url"].startswith("http"))


def _assert_citation_shape(citation: dict[str, Any]) -> None:
    assert _is_int(citation["n"]) and citation["n"] >= 1
    for key in ("source", "title", "locator", "quote"):
        assert isinstance(citation[key], str) and citation[key].strip(), (key, citation)
    url = citation["url"]
    assert url is None or (isinstance(url, str) and url.startswith("http"))


@pytest.fixture(scope="module")
def data_dir(laws_settings) -> Path:
    return Path(laws_settings.data_dir)


@pytest.fixture(scope="module")
def first_ask(data_dir: Path) -> dict[str, Any]:
    return _json(_run(data_dir, "ask", TOELATING, "--json"))


# ---- search ---------------------------------------------------------------------------------
def test_search_json_contract(data_dir: Path) -> None:
    data = _json(_run(data_dir, "search", TOELATING, "--json", "-k", "3"))

    assert data["query"] == TOELATING
    hits = data["hits"]
    assert [h["rank"] for h in hits] == [1, 2, 3]
    for hit in hits:
        _assert_hit_shape(hit)
        assert hit["source"] in LAW_FILES
        assert hit["doc_type"] == "regelgeving"
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    # The article that answers it (Waadi art. 12i: "voor een periode van vier jaar") is found,
    # with its article locator and official link.
    top = [h for h in hits if h["locator"].startswith("Artikel 12i")]
    assert top, [(h["source"], h["locator"]) for h in hits]
    assert top[0]["source"] == "waadi_incl_wtta_2026.md"
    assert "vier jaar" in top[0]["text"]
    assert top[0]["url"] == "https://wetten.overheid.nl/jci1.3:c:BWBR0009616&artikel=12i"


def test_search_k_limits_the_hits(data_dir: Path) -> None:
    data = _json(_run(data_dir, "search", "huurovereenkomst arbeidsmigrant", "--json", "-k", "7"))
    assert [h["rank"] for h in data["hits"]] == list(range(1, 8))
    assert len({(h["source"], h["locator"], h["text"]) for h in data["hits"]}) == 7


def test_search_doc_type_filter(data_dir: Path) -> None:
    data = _json(_run(data_dir, "search", TOELATING, "--json", "--doc-type", "praktijktip"))
    assert data == {"query": TOELATING, "hits": []}

    bad = _run(data_dir, "search", TOELATING, "--json", "--doc-type", "nieuwsbrief")
    assert bad.returncode == 2
    assert "nieuwsbrief" in bad.stderr
    assert bad.stdout == ""


# ---- ask ------------------------------------------------------------------------------------
def test_ask_json_contract(data_dir: Path, first_ask: dict[str, Any]) -> None:
    answer = first_ask
    assert isinstance(answer["answer"], str) and answer["answer"].strip()
    assert answer["abstained"] is False
    assert isinstance(answer["conversation_id"], str) and answer["conversation_id"]
    citations = answer["citations"]
    assert citations
    assert [c["n"] for c in citations] == list(range(1, len(citations) + 1))
    for c in citations:
        _assert_citation_shape(c)
        assert f"[{c['n']}]" in answer["answer"]
    assert any(c["locator"].startswith("Artikel 12i") for c in citations)
    # only markers that resolve to a citation
    markers = {int(m) for m in re.findall(r"\[(\d+)\]", answer["answer"])}
    assert markers == {c["n"] for c in citations}

    # Each quote is verbatim text of a chunk of the cited source, as `search` shows it.
    shown = _json(_run(data_dir, "search", TOELATING, "--json", "-k", "20"))["hits"]
    for c in citations:
        chunks = [h for h in shown if h["source"] == c["source"] and h["locator"] == c["locator"]]
        assert chunks, f"cited chunk {c['source']} {c['locator']} not among the search hits"
        assert any(c["quote"] in h["text"] for h in chunks), c["quote"]
        assert c["title"] == chunks[0]["title"]
        assert c["url"] == chunks[0]["url"]


def test_ask_continues_a_conversation(data_dir: Path, first_ask: dict[str, Any]) -> None:
    cid = first_ask["conversation_id"]
    # "die" is the toelating of the previous turn; on its own the question is about
    # withdrawing anything (e.g. a housing permit).
    follow_up = "En wanneer kan die worden ingetrokken?"
    answer = _json(_run(data_dir, "ask", follow_up, "--conversation", cid, "--json"))

    assert answer["conversation_id"] == cid
    assert answer["abstained"] is False
    citations = answer["citations"]
    assert citations
    assert all(c["source"] == "waadi_incl_wtta_2026.md" for c in citations), citations
    assert citations[0]["locator"].startswith("Artikel 12m")  # intrekking van een toelating
    assert any("toelating" in c["quote"] and "ingetrokken" in c["quote"] for c in citations)

    alone = _json(_run(data_dir, "ask", follow_up, "--json"))
    assert alone["conversation_id"] != cid
    assert alone["abstained"] or [(c["source"], c["locator"]) for c in alone["citations"]] != [
        (c["source"], c["locator"]) for c in citations
    ]

    with sqlite3.connect(data_dir / "vraagbaak.sqlite3") as db:
        questions = [
            row[0]
            for row in db.execute(
                "SELECT question FROM messages WHERE conversation_id=? ORDER BY created_at", (cid,)
            )
        ]
    assert questions == [TOELATING, follow_up]


def test_ask_unknown_conversation_fails_clearly(data_dir: Path) -> None:
    proc = _run(data_dir, "ask", TOELATING, "--conversation", "c_bestaat-niet", "--json")
    assert proc.returncode != 0
    assert proc.stdout.strip() == ""
    assert "c_bestaat-niet" in proc.stderr
    assert re.search(r"unknown conversation|onbekend gesprek", proc.stderr, re.I)
    assert "Traceback" not in proc.stderr


# ---- eval -----------------------------------------------------------------------------------
def test_eval_laws_dev_contract(data_dir: Path) -> None:
    if not LAWS_DEV.exists():
        pytest.skip("../shared/eval/laws-dev.jsonl is not available")
    expected = [
        json.loads(line)
        for line in LAWS_DEV.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    data = _json(_run(data_dir, "eval", str(LAWS_DEV), "--json"))

    items = data["items"]
    assert [i["id"] for i in items] == [str(e["id"]) for e in expected]
    for item, exp in zip(items, expected, strict=True):
        assert item["question"] == exp["question"]
        assert isinstance(item["answer"], str) and item["answer"].strip()
        assert isinstance(item["abstained"], bool)
        assert isinstance(item["citations"], list)
        for c in item["citations"]:
            _assert_citation_shape(c)
        if item["abstained"]:
            assert item["citations"] == []
        else:
            assert item["citations"]
        assert 1 <= len(item["hits"]) <= 10
        assert [h["rank"] for h in item["hits"]] == list(range(1, len(item["hits"]) + 1))
        for h in item["hits"]:
            _assert_hit_shape(h)

    metrics = data["metrics"]
    for key in ("hit@1", "hit@5", "hit@10", "mrr@10", "abstention_acc"):
        assert isinstance(metrics[key], float), (key, metrics)
        assert 0.0 <= metrics[key] <= 1.0, (key, metrics)
    assert metrics["hit@1"] <= metrics["hit@5"] <= metrics["hit@10"]
    assert metrics["hit@1"] <= metrics["mrr@10"] <= metrics["hit@10"]
    # a working retriever finds most supporting passages of the dev set
    assert metrics["hit@10"] >= 0.5
    # hit@10 agrees with the hits printed per item
    ranked = [
        (item, exp)
        for item, exp in zip(items, expected, strict=True)
        if exp.get("answerable", True) and exp.get("quote")
    ]

    def norm(s: str) -> str:
        return " ".join(s.split())

    found = sum(
        any(norm(exp["quote"]) in norm(h["text"]) for h in item["hits"][:10])
        for item, exp in ranked
    )
    assert found / len(ranked) == pytest.approx(metrics["hit@10"], abs=0.1)
    # the answer quotes the supporting passage: half the quote's words on one answer line
    answered = [(item, exp) for item, exp in ranked if not item["abstained"]]
    words = [set(re.findall(r"\w+", exp["quote"].lower())) for _, exp in answered]
    quoted = sum(
        any(len(w & set(re.findall(r"\w+", line.lower()))) * 2 >= len(w) for line in item["answer"].split("\n"))
        for w, (item, _) in zip(words, answered, strict=True)
    )
    assert metrics["answer_quotes_support"] == pytest.approx(quoted / len(answered), abs=1e-3)
    assert metrics["answer_quotes_support"] >= 0.5


def test_eval_without_expected_fields(data_dir: Path, tmp_path: Path) -> None:
    questions = tmp_path / "vragen.jsonl"
    questions.write_text(
        json.dumps({"id": "q1", "question": TOELATING})
        + "\n\n"
        + json.dumps(
            {"id": 2, "question": "Wat is een arbeidsmigrant volgens de Wet goed verhuurderschap?"}
        )
        + "\n",
        encoding="utf-8",
    )
    data = _json(_run(data_dir, "eval", str(questions), "--json", "-k", "5"))

    assert [i["id"] for i in data["items"]] == ["q1", "2"]
    assert all(1 <= len(i["hits"]) <= 5 for i in data["items"])
    metrics = data["metrics"]
    assert isinstance(metrics, dict)
    assert not any(key.startswith(("hit@", "mrr@")) for key in metrics), metrics
    assert "abstention_acc" not in metrics


def test_eval_malformed_jsonl_names_the_line(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "kapot.jsonl"
    bad.write_text(
        json.dumps({"id": "a", "question": TOELATING})
        + "\n"
        + json.dumps({"id": "b", "question": "Wat is een arbeidsmigrant?"})
        + '\n{"id": "c", "question": "afgebroken\n',
        encoding="utf-8",
    )
    proc = _run(data_dir, "eval", str(bad), "--json")
    assert proc.returncode == 2
    assert proc.stdout.strip() == ""
    assert re.search(r"(:|line |regel )3\b", proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr

    missing = tmp_path / "geen-vraag.jsonl"
    missing.write_text('{"id": "a", "question": "x"}\n{"id": "b"}\n', encoding="utf-8")
    proc = _run(data_dir, "eval", str(missing))
    assert proc.returncode == 2
    assert re.search(r"(:|line |regel )2\b", proc.stderr), proc.stderr


# ---- documents and corpus check -------------------------------------------------------------
def test_documents_json_lists_the_laws(data_dir: Path) -> None:
    data = _json(_run(data_dir, "documents", "--json"))
    docs = data["documents"]
    assert sorted(d["source"] for d in docs) == LAW_FILES
    assert len(docs) == 7
    for d in docs:
        assert d["doc_type"] == "regelgeving"
        assert isinstance(d["title"], str) and d["title"] and d["title"] != d["source"]
        assert _is_int(d["chunks"]) and d["chunks"] > 0
    assert sum(d["chunks"] for d in docs) > 100  # articles, not whole files


def test_corpus_check_broken_corpus_exits_1(tmp_path: Path) -> None:
    root = tmp_path / "kapot-corpus"
    (root / "publicaties").mkdir(parents=True)
    (root / "publicaties" / "geen-titel.md").write_text(
        "---\ndoc_type: nieuwsbrief\nthemes: [vakantie]\n---\n# Iets\n\nZie [dit](weg.md).\n",
        encoding="utf-8",
    )
    proc = _run(tmp_path / "data", "corpus", "check", str(root))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "geen-titel.md" in proc.stdout
    assert "error" in proc.stdout


# ---- terminal chat --------------------------------------------------------------------------
def test_chat_answers_two_turns(data_dir: Path) -> None:
    script = Path(sys.executable).with_name("vraagbaak")
    command = [str(script)] if script.exists() else None  # the installed console script
    proc = _run(
        data_dir,
        "chat",
        stdin=f"{TOELATING}\nEn een voorlopige toelating?\n\n",
        command=command,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    sources = re.findall(r"^(?:Bronnen|Dichtstbijzijnde bronnen):$", proc.stdout, re.M)
    assert len(sources) == 2, proc.stdout
    assert "vier jaar" in proc.stdout  # the first answer quotes Waadi art. 12i
    assert "zes maanden" in proc.stdout
    assert proc.stdout.count("vraag>") == 3  # two questions, then the empty line ends it


def test_answer_quotes_support_needs_half_the_quote_on_one_line() -> None:
    from assistant.evaluation import quotes_support

    quote = "De vergoeding bedraagt jaarlijks ten hoogste € 3.611."
    assert quotes_support("Dit staat er:\n- Waadi: “4. De vergoeding bedraagt jaarlijks ten hoogste € 3.611.” [1]", quote)
    # another sentence of the same article does not count
    assert not quotes_support("- De aanvrager is een vergoeding verschuldigd.", quote)
    assert not quotes_support("", quote)
