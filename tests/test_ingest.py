"""Incremental, safe ingest into a real embedded Chroma with the real default embedder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.index import EmbedderMismatch, Index
from ingest.pipeline import Ingestor

from .conftest import LAWS


def run(settings, *targets, rebuild=False):
    return Ingestor(settings, rebuild=rebuild).run([str(t) for t in targets], progress=False)


def test_first_run_adds_second_run_embeds_nothing(make_settings, small_corpus: Path):
    settings = make_settings()
    first = run(settings, small_corpus)
    assert sorted(first.added) == [
        "praktijktips/huisarts.md",
        "praktijktips/meldpunt.md",
        "publicaties/brp.md",
        "regelgeving/regeling_goed_verhuurderschap_2023.md",
    ]
    assert first.chunks_embedded > 0 and not first.failed
    second = run(settings, small_corpus)
    assert second.chunks_embedded == 0
    assert len(second.unchanged) == 4 and not (second.added or second.updated or second.removed)


def test_metadata_from_front_matter_folder_and_statute(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)
    assistant = Assistant.from_settings(settings)
    docs = {d.source: d for d in assistant.documents()}
    tip = docs["praktijktips/meldpunt.md"]
    assert tip.doc_type == "praktijktip"
    assert tip.themes == ["huisvesting", "toezicht-en-handhaving"]
    statute = docs["regelgeving/regeling_goed_verhuurderschap_2023.md"]
    assert statute.doc_type == "regelgeving"
    assert statute.title == "Regeling goed verhuurderschap"
    hits = assistant.search("artikel 1 regeling goed verhuurderschap informatie huurder", k=5)
    article_hits = [h for h in hits if h.source.endswith("regeling_goed_verhuurderschap_2023.md")]
    assert article_hits and article_hits[0].locator.startswith("Artikel ")
    assert article_hits[0].url.startswith("https://wetten.overheid.nl/jci1.3:c:BWBR0048281&artikel=")


def test_changed_document_replaced_and_removed_document_pruned(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)
    index = Index.open(settings, Ingestor(settings).embedder)
    before = {cid for cid, m in index.metadatas() if m["source"] == "publicaties/brp.md"}

    brp = small_corpus / "publicaties" / "brp.md"
    brp.write_text(brp.read_text() + "\n## Nieuw\n\nHet RNI-loket werkt op afspraak.\n")
    (small_corpus / "praktijktips" / "huisarts.md").unlink()
    report = run(settings, small_corpus)
    assert report.updated == ["publicaties/brp.md"]
    assert report.removed == ["praktijktips/huisarts.md"]
    assert len(report.unchanged) == 2

    after = {cid for cid, m in index.metadatas() if m["source"] == "publicaties/brp.md"}
    assert before.isdisjoint(after)  # old version gone, ids carry the content hash
    sources = {m["source"] for _, m in index.metadatas()}
    assert "praktijktips/huisarts.md" not in sources
    hits = Assistant.from_settings(settings).search("RNI-loket op afspraak", k=3)
    assert any("op afspraak" in h.text for h in hits)


def test_single_file_ingest_does_not_prune_its_folder(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)
    report = run(settings, small_corpus / "publicaties" / "brp.md")
    assert not report.removed
    assert len(Assistant.from_settings(settings).documents()) == 4


def test_bad_files_are_listed_and_the_rest_indexed(make_settings, small_corpus: Path):
    (small_corpus / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    (small_corpus / "nep.docx").write_bytes(os.urandom(3000))
    (small_corpus / "leeg.txt").write_bytes(b"")
    settings = make_settings()
    report = run(settings, small_corpus)
    failed = dict(report.failed)
    assert set(failed) == {"kapot.pdf", "nep.docx", "leeg.txt"}
    assert "PDF" in failed["kapot.pdf"] and "DOCX" in failed["nep.docx"]
    assert "empty" in failed["leeg.txt"]
    assert len(report.added) == 4


def test_cli_ingest_exit_code_zero_with_failures_listed(make_settings, small_corpus: Path):
    (small_corpus / "nep.docx").write_bytes(b"no zip here")
    settings = make_settings()
    env = {**os.environ, "VRAAGBAAK_DATA_DIR": str(settings.data_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(small_corpus)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "nep.docx" in proc.stderr and "not a DOCX" in proc.stderr
    assert "4 added" in proc.stdout and "1 failed" in proc.stdout


def test_embedder_mismatch_names_rebuild(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)

    class OtherEmbedder:
        id = "other-model"
        dim = 384

    with pytest.raises(EmbedderMismatch, match="vraagbaak ingest --rebuild"):
        Index.open(settings, OtherEmbedder())  # type: ignore[arg-type]


def test_vector_search_is_widened_on_new_and_older_collections(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)
    index = Index.open(settings, Ingestor(settings).embedder)
    hnsw = index.collection.configuration["hnsw"]
    assert (hnsw["max_neighbors"], hnsw["ef_construction"], hnsw["ef_search"]) == (32, 200, 200)

    # a collection made with Chroma's defaults, as before HNSW was set, gets the wider search
    index.collection.modify(configuration={"hnsw": {"ef_search": 100}})
    reopened = Index.open(settings, Ingestor(settings).embedder)
    assert reopened.collection.configuration["hnsw"]["ef_search"] == 200


def test_rebuild_swaps_in_a_complete_index(make_settings, small_corpus: Path):
    settings = make_settings()
    run(settings, small_corpus)
    report = run(settings, small_corpus, rebuild=True)
    assert len(report.added) == 4
    assistant = Assistant.from_settings(settings)
    assert len(assistant.documents()) == 4


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_a_working_index_and_next_run_completes(
    make_settings, tmp_path: Path
):
    """Index v1, start re-indexing a changed v2, kill -9 halfway: every document still answers."""
    root = tmp_path / "laws"
    root.mkdir()
    names = [
        "wet_goed_verhuurderschap_2026.md",
        "regeling_goed_verhuurderschap_2023.md",
        "bbl_2026_excerpt_chars000000-016000.md",
    ]
    for name in names:
        (root / name).write_text((LAWS / name).read_text(encoding="utf-8"), encoding="utf-8")
    settings = make_settings()
    run(settings, root)
    total_v1 = Index.open(settings, Ingestor(settings).embedder).count()

    for name in names:  # v2: every document changes
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + "\n\nGewijzigd op 1 december.\n")
    env = {**os.environ, "VRAAGBAAK_DATA_DIR": str(settings.data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest", str(root)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6.0)  # loading + first batches; the whole run takes far longer
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    index = Index.open(settings, Ingestor(settings).embedder)
    states = index.doc_states()
    assert len(states) == len(names)
    for state in states.values():
        # each document keeps at least one complete version
        complete = [h for h, ids in state.hashes.items() if len(ids) == state.expected[h]]
        assert complete, state.source
    hits = Assistant.from_settings(settings).search("verhuurvergunning beslistermijn", k=3)
    assert hits

    report = run(settings, root)
    assert len(report.updated) + len(report.unchanged) == len(names)
    states = index.doc_states()
    assert all(s.complete_hash() for s in states.values())
    assert index.count() >= total_v1 - 5


def test_ingest_a_url_from_a_loopback_server(make_settings):
    """`vraagbaak ingest URL`: fetched, typed by Content-Type, indexed under the URL as source."""
    import http.server
    import threading

    page = (
        b"<html><head><title>Handreiking logiesgebouwen</title></head><body><main>"
        b"<h1>Handreiking logiesgebouwen</h1><h2>Gebruiksmelding</h2>"
        b"<p>Meld het gebruik van een logiesgebouw ten minste vier weken vooraf.</p>"
        b"</main></body></html>"
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            if self.path != "/handreiking":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        settings = make_settings()
        report = run(settings, f"{base}/handreiking", f"{base}/bestaat-niet")
        assert report.added == [f"{base}/handreiking"]
        assert [s for s, _ in report.failed] == [f"{base}/bestaat-niet"]
        hits = Assistant.from_settings(settings).search("gebruiksmelding logiesgebouw", k=1)
        assert hits[0].source == f"{base}/handreiking"
        assert hits[0].url == f"{base}/handreiking"
        assert hits[0].title == "Handreiking logiesgebouwen"
        assert hits[0].locator == "Gebruiksmelding"
    finally:
        server.shutdown()
