"""Ingest and search against a real `chroma run` server on loopback (the scale-out path).

Two "replicas" with their own, fresh data dirs share one Chroma server: what one ingests the
other answers, and neither keeps a local copy of the index.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

HEARTBEAT_TIMEOUT = 30.0


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the `chroma` executable is not installed next to the interpreter")
    path = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (path.parent / f"{path.name}.log").open("wb")
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + HEARTBEAT_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited with {proc.returncode}; see {log.name}")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no Chroma heartbeat within {HEARTBEAT_TIMEOUT:.0f}s; see {log.name}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def test_ingest_and_search_through_a_chroma_server(
    chroma_url: str, make_settings, small_corpus: Path
) -> None:
    from assistant.core import Assistant
    from ingest.pipeline import Ingestor

    settings = make_settings(chroma_url=chroma_url, collection="server_e2e")

    first = Ingestor(settings).run([str(small_corpus)], progress=False)
    assert not first.failed, first.failed
    expected_sources = sorted(
        p.relative_to(small_corpus).as_posix() for p in small_corpus.rglob("*.md")
    )
    assert sorted(first.added) == expected_sources
    assert first.chunks_embedded > len(expected_sources)

    # The server holds the index: nothing was written to the local embedded store.
    assert not settings.chroma_path.exists()

    assistant = Assistant.from_settings(settings)
    hits = assistant.search("Hoe snel worden meldingen over intimidatie opgepakt?", k=3)
    assert hits[0].source == "praktijktips/meldpunt.md"
    assert "vijf werkdagen" in hits[0].text
    hits = assistant.search("inschrijven als ingezetene of in de RNI", k=3)
    assert hits[0].source == "publicaties/brp.md"

    # A second ingest embeds nothing.
    second = Ingestor(settings).run([str(small_corpus)], progress=False)
    assert second.chunks_embedded == 0
    assert sorted(second.unchanged) == expected_sources
    assert not (second.added or second.updated or second.removed or second.failed)

    docs = {d.source: d for d in assistant.documents()}
    assert sorted(docs) == expected_sources
    assert docs["praktijktips/meldpunt.md"].doc_type == "praktijktip"
    assert docs["publicaties/brp.md"].doc_type == "publicatie"
    if "regelgeving/regeling_goed_verhuurderschap_2023.md" in docs:
        assert docs["regelgeving/regeling_goed_verhuurderschap_2023.md"].doc_type == "regelgeving"
    assert sum(d.chunks for d in docs.values()) == first.chunks_embedded

    # A second replica: fresh data dir, same server. It answers the same, from the server alone.
    replica_settings = make_settings(chroma_url=chroma_url, collection="server_e2e")
    assert replica_settings.data_dir != settings.data_dir
    replica = Assistant.from_settings(replica_settings)
    question = "Hoe snel worden meldingen over intimidatie opgepakt?"
    ours = assistant.search(question, k=5)
    theirs = replica.search(question, k=5)
    assert [h.chunk_id for h in theirs] == [h.chunk_id for h in ours]
    assert [h.score for h in theirs] == pytest.approx([h.score for h in ours])
    assert {d.source for d in replica.documents()} == set(expected_sources)

    a = assistant.ask(question, remember=False)
    b = replica.ask(question, remember=False)
    assert not a.abstained and not b.abstained
    assert b.answer == a.answer
    assert [(c.source, c.locator, c.quote) for c in b.citations] == [
        (c.source, c.locator, c.quote) for c in a.citations
    ]
    assert b.citations[0].source == "praktijktips/meldpunt.md"
    assert not replica_settings.chroma_path.exists()

    # What one replica ingests, the other finds (its lexical side refreshes on the version).
    new_doc = small_corpus / "publicaties" / "zorgverzekering.md"
    new_doc.write_text(
        '---\ntitle: "Zorgverzekering bij kort verblijf"\ndoc_type: publicatie\n'
        'themes: [zorg-en-welzijn]\nsummary: "Verzekeringsplicht."\n'
        "sources: [https://www.zorgverzekeringslijn.nl/]\nupdated: 2026-11-01\n---\n"
        "# Zorgverzekering bij kort verblijf\n\n## Verzekeringsplicht\n\n"
        "Een gedetacheerde werknemer met een A1-verklaring blijft verzekerd in het zendland "
        "en sluit geen Nederlandse basisverzekering af.\n",
        encoding="utf-8",
    )
    third = Ingestor(replica_settings).run([str(small_corpus)], progress=False)
    assert third.added == ["publicaties/zorgverzekering.md"]
    assert third.chunks_embedded >= 1
    time.sleep(2.2)  # the retriever polls the index version at most every 2 s
    hits = assistant.search("A1-verklaring gedetacheerde werknemer basisverzekering", k=3)
    assert hits[0].source == "publicaties/zorgverzekering.md"
    assert "publicaties/zorgverzekering.md" in {d.source for d in assistant.documents()}
