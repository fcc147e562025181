"""`vraagbaak` command line: a thin adapter over the Assistant and the ingest pipeline.

Human-readable output by default; `--json` prints the contract shapes of DESIGN.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from assistant.config import DEFAULT_CORPUS, Settings
from assistant.models import Answer, Filters, Hit

EXIT_USAGE = 2


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _hit_json(hit: Hit) -> dict[str, Any]:
    return hit.model_dump(exclude={"chunk_id", "themes"})


def _answer_json(answer: Answer) -> dict[str, Any]:
    data = answer.model_dump(exclude={"hits"})
    data["citations"] = [c.model_dump(exclude={"chunk_id"}) for c in answer.citations]
    data["sources"] = [_hit_json(h) for h in answer.hits[:5]]
    return data


def render_answer(answer: Answer) -> str:
    """Plain-text rendering for the terminal: answer, then numbered sources with links."""
    lines = [answer.answer, ""]
    if answer.note:
        lines += [f"({answer.note})", ""]
    en = answer.language == "en"
    if answer.citations:
        lines.append("Sources:" if en else "Bronnen:")
        for c in answer.citations:
            lines.append(f"  [{c.n}] {c.title} — {c.locator}")
            if c.url:
                lines.append(f"      {c.url}")
    elif answer.hits:
        lines.append("Nearest sources:" if en else "Dichtstbijzijnde bronnen:")
        for h in answer.hits[:3]:
            lines.append(f"  - {h.title} — {h.locator}")
            if h.url:
                lines.append(f"      {h.url}")
    return "\n".join(lines).rstrip()


def _assistant(settings: Settings):
    from assistant.core import Assistant

    return Assistant.from_settings(settings)


def _filters(args: argparse.Namespace) -> Filters | None:
    if not (getattr(args, "doc_type", None) or getattr(args, "theme", None)):
        return None
    return Filters(doc_type=args.doc_type, theme=args.theme)


# ---- commands -----------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.pipeline import Ingestor

    targets = args.paths or [str(DEFAULT_CORPUS)]
    report = Ingestor(settings, rebuild=args.rebuild).run(targets, progress=not args.json)
    if args.json:
        _print_json(report.as_dict())
    else:
        for source, reason in report.failed:
            print(f"mislukt / failed: {source}: {reason}", file=sys.stderr)
        for source, warning in report.warnings:
            print(f"waarschuwing / warning: {source}: {warning}", file=sys.stderr)
        print(report.summary())
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    assistant = _assistant(settings)
    hits = assistant.search(args.query, k=args.k, filters=_filters(args))
    if args.json:
        _print_json({"query": args.query, "hits": [_hit_json(h) for h in hits]})
        return 0
    if not hits:
        print("Geen resultaten. / No results.")
    for h in hits:
        print(f"{h.rank:>2}. {h.title} — {h.locator}  ({h.doc_type}, score {h.score:.4f})")
        if h.url:
            print(f"    {h.url}")
        snippet = " ".join(h.text.split("\n\n", 1)[-1].split())
        print(f"    {snippet[:220]}{'…' if len(snippet) > 220 else ''}")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.conversations import ConversationNotFound

    assistant = _assistant(settings)
    try:
        answer = assistant.ask(
            args.question, conversation_id=args.conversation, owner="cli", filters=_filters(args)
        )
    except ConversationNotFound:
        print(
            f"Onbekend gesprek / unknown conversation: {args.conversation}", file=sys.stderr
        )
        return EXIT_USAGE
    if args.json:
        _print_json(_answer_json(answer))
    else:
        print(render_answer(answer))
        print(f"\n(gesprek / conversation: {answer.conversation_id})")
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    assistant = _assistant(settings)
    conversation: str | None = None
    print(
        "Vraagbaak arbeidsmigranten — stel uw vraag (Nederlands of English).\n"
        "Lege regel of 'stop' om te stoppen, '/nieuw' voor een nieuw gesprek."
    )
    while True:
        try:
            question = input("\nvraag> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question or question.lower() in {"stop", "exit", "quit", "/stop"}:
            return 0
        if question.lower() in {"/nieuw", "/new"}:
            conversation = None
            print("Nieuw gesprek gestart.")
            continue
        answer = assistant.ask(question, conversation_id=conversation, owner="cli", channel="chat")
        conversation = answer.conversation_id
        print()
        print(render_answer(answer))


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation import EvalFileError, read_items, run_eval

    try:
        items = read_items(Path(args.file))
    except (OSError, EvalFileError) as exc:
        print(f"fout / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    result = run_eval(_assistant(settings), items, k=args.k)
    if args.json:
        _print_json(result)
    else:
        for item in result["items"]:
            flag = "ABSTAIN" if item["abstained"] else "answer "
            top = item["hits"][0]["locator"] if item["hits"] else "-"
            print(f"{item['id']:<14} {flag} top: {top:<24} {item['question'][:70]}")
        print(json.dumps(result["metrics"], indent=2, ensure_ascii=False))
    return 0


def cmd_documents(args: argparse.Namespace, settings: Settings) -> int:
    docs = _assistant(settings).documents()
    if args.json:
        _print_json({"documents": [d.model_dump() for d in docs]})
        return 0
    for d in docs:
        print(f"{d.doc_type:<12} {d.chunks:>4} chunks  {d.source}  — {d.title}")
    print(f"{len(docs)} documents, {sum(d.chunks for d in docs)} chunks")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.api.server import serve

    return serve(settings, host=args.host, port=args.port, insecure=args.insecure)


def cmd_slack(args: argparse.Namespace, settings: Settings) -> int:
    if not args.socket:
        print(
            "HTTP mode runs inside `vraagbaak serve` at /slack/events; "
            "use `vraagbaak slack --socket` for Socket Mode.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from bots.slack.socket_mode import run_socket_mode

    return run_socket_mode(settings)


def cmd_corpus(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.corpus_check import check_corpus

    root = Path(args.path or DEFAULT_CORPUS)
    problems = check_corpus(root)
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        print(f"{p.severity}: {p.path}: {p.message}")
    print(f"{len(errors)} errors, {len(problems) - len(errors)} warnings in {root}")
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vraagbaak",
        description="Vraagbaak: questions about labour migrants answered from cited documents.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="index documents (default: the shipped corpus/)")
    p.add_argument("paths", nargs="*", metavar="PATH|URL")
    p.add_argument("--rebuild", action="store_true", help="drop the index and build it anew")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    def add_filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--doc-type", choices=["publicatie", "regelgeving", "praktijktip"])
        from assistant.taxonomy import THEMES

        sp.add_argument("--theme", choices=list(THEMES))

    p = sub.add_parser("search", help="show the passages retrieved for a query")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    add_filters(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer one question with citations")
    p.add_argument("question")
    p.add_argument("--conversation", help="continue a conversation by its id")
    p.add_argument("--json", action="store_true")
    add_filters(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="conversation in the terminal")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("eval", help="answer a JSONL file of questions and report metrics")
    p.add_argument("file")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("documents", help="list indexed documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("serve", help="start the HTTP API, widget and Slack endpoint")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow a non-loopback address without VRAAGBAAK_API_KEYS",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("slack", help="run the Slack bot")
    p.add_argument("--socket", action="store_true", help="Socket Mode (no public address)")
    p.set_defaults(func=cmd_slack)

    p = sub.add_parser("corpus", help="editor tools for the corpus")
    corpus_sub = p.add_subparsers(dest="corpus_command", required=True)
    c = corpus_sub.add_parser("check", help="validate front matter and internal links")
    c.add_argument("path", nargs="?")
    c.set_defaults(func=cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        # libraries that chatter at import or on recoverable input problems
        for noisy in ("bm25s", "pypdf", "chromadb", "httpx"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
    from pydantic import ValidationError

    from assistant.embeddings import EmbedderError
    from assistant.index import EmbedderMismatch

    try:
        settings = Settings()
        return int(args.func(args, settings) or 0)
    except (EmbedderMismatch, EmbedderError) as exc:
        print(f"fout / error: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"fout / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"fout / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
