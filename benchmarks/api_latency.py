"""`/v1/chat` latency and throughput over loopback with 1, 8 and 32 concurrent clients.

Indexes the corpus into a temporary data dir (or reuses `--data-dir`), starts the real server
(`python -m assistant.cli serve`) as a subprocess on 127.0.0.1 with an API key, and drives it
with httpx from this process, so client and server do not share a GIL. Every level sends a
bounded number of requests; questions rotate over a fixed Dutch/English list. Also measures the
SSE stream at one client: time to the first event and to `done`. Prints JSON.

    .venv/bin/python benchmarks/api_latency.py [--requests 64] [--levels 1,8,32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KEY = "benchmark-key"
QUESTIONS = [
    "Wat regelt de Wet goed verhuurderschap voor verhuur aan arbeidsmigranten?",
    "Wanneer moet een arbeidsmigrant zich inschrijven in de BRP?",
    "Wat is de SNF-norm?",
    "Hoe richt een gemeente een meldpunt ongewenst verhuurgedrag in?",
    "Welke boete kan de gemeente opleggen bij verhuur zonder vergunning?",
    "Hoeveel arbeidsmigranten wonen er in Nederland?",
    "Wat is het verschil tussen de RNI en de BRP?",
    "How can a municipality tackle overcrowded housing of labour migrants?",
    "Wat doet het ondersteuningsteam arbeidsmigranten van de VNG?",
    "Hoe werken gemeenten samen met uitzendbureaus bij huisvesting?",
    "Welke eisen stelt het toelatingsstelsel aan uitleners?",
    "What happens when a labour migrant loses both job and housing?",
    "Hoe krijgen arbeidsmigranten toegang tot een huisarts?",
    "Wat staat er in de Nationale verklaring van 2012?",
    "Wat is de aanbeveling van het Aanjaagteam Roemer over registratie?",
    "Hoe voer ik een verhuurvergunning voor arbeidsmigrantenhuisvesting in?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def index_corpus(data_dir: Path, corpus: Path) -> dict[str, Any]:
    from assistant.config import Settings
    from ingest.pipeline import Ingestor

    settings = Settings(_env_file=None, data_dir=data_dir)  # type: ignore[call-arg]
    started = time.perf_counter()
    report = Ingestor(settings).run([str(corpus)], progress=False)
    return {"seconds": round(time.perf_counter() - started, 2), "summary": report.summary()}


def start_server(data_dir: Path, port: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "VRAAGBAAK_DATA_DIR": str(data_dir),
        "VRAAGBAAK_API_KEYS": KEY,
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_ready(base: str, proc: subprocess.Popen[str], timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            r = httpx.get(f"{base}/readyz", timeout=2)
            if r.status_code == 200:
                return r.json()
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise RuntimeError("server did not become ready")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: a reported p95 was really observed)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def run_level(base: str, clients: int, total: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(total))
    headers = {"Authorization": f"Bearer {KEY}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:

        async def worker() -> None:
            for i in counter:
                question = QUESTIONS[i % len(QUESTIONS)]
                started = time.perf_counter()
                try:
                    r = await http.post("/v1/chat", json={"question": question}, headers=headers)
                    ok = r.status_code == 200 and "answer" in r.json()
                    key = "ok" if ok else f"http_{r.status_code}"
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                if key == "ok":
                    latencies.append(time.perf_counter() - started)
                else:
                    errors[key] = errors.get(key, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - started

    ms = [x * 1000 for x in latencies]
    return {
        "clients": clients,
        "requests": total,
        "ok": len(latencies),
        "errors": errors,
        "p50_ms": round(percentile(ms, 50), 1) if ms else None,
        "p95_ms": round(percentile(ms, 95), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "throughput_rps": round(len(latencies) / wall, 2),
        "wall_s": round(wall, 2),
    }


def measure_stream(base: str, n: int) -> dict[str, Any]:
    """Time to the first SSE event (meta) and to `done`, one client."""
    first: list[float] = []
    done: list[float] = []
    headers = {"Authorization": f"Bearer {KEY}", "Accept": "text/event-stream"}
    with httpx.Client(base_url=base, timeout=120) as http:
        for i in range(n):
            started = time.perf_counter()
            got_first = False
            with http.stream(
                "POST",
                "/v1/chat",
                json={"question": QUESTIONS[i % len(QUESTIONS)]},
                headers=headers,
            ) as r:
                for line in r.iter_lines():
                    if line.startswith("event:") and not got_first:
                        first.append(time.perf_counter() - started)
                        got_first = True
                    if line == "event: done":
                        done.append(time.perf_counter() - started)
    return {
        "requests": n,
        "first_event_p50_ms": round(percentile([x * 1000 for x in first], 50), 1),
        "done_p50_ms": round(percentile([x * 1000 for x in done], 50), 1),
        "done_p95_ms": round(percentile([x * 1000 for x in done], 95), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--requests", type=int, default=64, help="requests per level (at least 4 per client)"
    )
    parser.add_argument("--levels", default="1,8,32", help="comma-separated client counts")
    parser.add_argument("--corpus", default=str(REPO / "corpus"))
    parser.add_argument("--data-dir", help="reuse an indexed data dir instead of indexing anew")
    parser.add_argument("--stream-requests", type=int, default=16)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]

    with tempfile.TemporaryDirectory(prefix="vraagbaak-bench-") as tmp:
        result: dict[str, Any] = {
            "benchmark": "api_latency",
            "endpoint": "POST /v1/chat (JSON)",
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
        }
        if args.data_dir:
            data_dir = Path(args.data_dir)
        else:
            data_dir = Path(tmp) / "data"
            result["ingest"] = index_corpus(data_dir, Path(args.corpus))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(data_dir, port)
        try:
            result["server"] = wait_ready(base, proc)
            asyncio.run(run_level(base, 2, 4))  # warm-up: first-use costs are not latency
            result["levels"] = [
                asyncio.run(run_level(base, c, max(args.requests, 4 * c))) for c in levels
            ]
            result["stream"] = measure_stream(base, args.stream_requests)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
