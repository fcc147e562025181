"""`vraagbaak serve`: start the API with uvicorn, refusing unsafe combinations.

Without `VRAAGBAAK_API_KEYS` anybody who can reach the port can use the whole API, so the
server then only binds loopback. Binding another address without keys is refused (exit code 2)
unless the operator explicitly says it is fine (`--insecure` / `VRAAGBAAK_ALLOW_INSECURE`),
e.g. behind a reverse proxy that does its own authentication.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from assistant.config import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

EXIT_REFUSED = 2


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, `localhost`)."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def display_url(host: str, port: int) -> str:
    """The address to open in a browser (a wildcard bind is shown as this machine's name)."""
    shown = host.strip("[]")
    if shown in ("0.0.0.0", "::", ""):
        shown = socket.gethostname()
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(settings: Settings, host: str, port: int, insecure: bool = False) -> int:
    """Run the server until interrupted; returns the process exit code."""
    import uvicorn

    from assistant.api.app import create_app

    keys = [k for k in settings.api_keys if k]
    if not keys and not is_loopback(host):
        if not (insecure or settings.allow_insecure):
            print(
                f"fout / error: geen VRAAGBAAK_API_KEYS ingesteld; de server luistert zonder "
                f"sleutels alleen op loopback (127.0.0.1), niet op {host}. Stel "
                "VRAAGBAAK_API_KEYS in, of start met --insecure (VRAAGBAAK_ALLOW_INSECURE=1) "
                "als een proxy ervoor de toegang regelt.\n"
                f"No VRAAGBAAK_API_KEYS set: without keys the server only listens on loopback "
                f"(127.0.0.1), not on {host}. Set VRAAGBAAK_API_KEYS, or pass --insecure "
                "(VRAAGBAAK_ALLOW_INSECURE=1) if a proxy in front handles access.",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        print(
            f"WAARSCHUWING / WARNING: onbeveiligd / insecure: listening on {host} without API "
            "keys; anyone who can reach this port can use the API.",
            file=sys.stderr,
        )
    elif not keys:
        print(
            "Geen API-sleutels ingesteld: alleen bereikbaar vanaf deze machine (loopback). / "
            "No API keys set: reachable from this machine only (loopback)."
        )
    origins = ", ".join(settings.widget_origins) or "-"
    print(f"Widget-origins / widget origins: {origins} (plus the server's own demo page)")
    url = display_url(host, port)
    print(f"Demo-pagina / demo page: {url}")
    print(f"API-documentatie / API docs: {url}docs")
    sys.stdout.flush()

    app = create_app(settings)
    config = uvicorn.Config(app, host=host, port=port, log_level="info", proxy_headers=True)
    server = uvicorn.Server(config)
    try:
        server.run()
    except KeyboardInterrupt:
        return 0
    except SystemExit as exc:  # uvicorn exits(1) when the port cannot be bound
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    return 0 if server.started else 1


@contextmanager
def background_server(app: FastAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """Run `app` with uvicorn in a thread on a free port; yields the base URL.

    For tests and benchmarks: a real HTTP server (real SSE, real sockets) without a subprocess.
    The socket is bound before uvicorn starts, so there is no race for the port.
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="vraagbaak-uvicorn", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
