"""Conversations, messages and feedback in SQLite, shared by every channel.

Conversation ids are random (unguessable) and belong to an `owner` (an API key's id, a widget
session, a Slack workspace, `cli`). Looking up a conversation with another owner behaves as if
it did not exist, so one client can never read or extend another's history.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.models import Answer, Turn

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    external_key TEXT,
    created_at REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS conversations_key ON conversations(owner, external_key)
    WHERE external_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    question TEXT NOT NULL,
    search_query TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    chunk_ids TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    answer_json TEXT
);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, created_at);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL REFERENCES messages(id),
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    channel TEXT NOT NULL DEFAULT '',
    user TEXT,
    created_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class StoredAnswer:
    question: str
    answer: Answer
    created_at: float
    """Unix time the answer was stored."""


class ConversationNotFound(LookupError):
    """Unknown conversation id, or one that belongs to another owner."""


class MessageNotFound(LookupError):
    pass


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(18)}"


class ConversationStore:
    """Thread-safe SQLite store; one short transaction per call so nothing is stored half."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(messages)")}
        if "answer_json" not in columns:  # a store written before answers were kept whole
            self._conn.execute("ALTER TABLE messages ADD COLUMN answer_json TEXT")
        self._lock = threading.Lock()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def create(self, owner: str, external_key: str | None = None) -> str:
        cid = new_id("c")
        with self._tx() as db:
            db.execute(
                "INSERT INTO conversations(id, owner, external_key, created_at) VALUES (?,?,?,?)",
                (cid, owner, external_key, time.time()),
            )
        return cid

    def get_or_create(self, owner: str, external_key: str) -> str:
        """The conversation for an external key (e.g. a Slack thread), created on first use."""
        with self._lock:
            row = self._conn.execute(
                "SELECT id FROM conversations WHERE owner=? AND external_key=?",
                (owner, external_key),
            ).fetchone()
        if row:
            return row[0]
        try:
            return self.create(owner, external_key)
        except sqlite3.IntegrityError:  # created concurrently
            return self.get_or_create(owner, external_key)

    def find(self, owner: str, external_key: str) -> str | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id FROM conversations WHERE owner=? AND external_key=?",
                (owner, external_key),
            ).fetchone()
        return row[0] if row else None

    def check(self, conversation_id: str, owner: str) -> None:
        with self._lock:
            row = self._conn.execute(
                "SELECT owner FROM conversations WHERE id=?", (conversation_id,)
            ).fetchone()
        if row is None or row[0] != owner:
            raise ConversationNotFound(conversation_id)

    def history(self, conversation_id: str, owner: str, limit: int = 6) -> list[Turn]:
        self.check(conversation_id, owner)
        with self._lock:
            rows = self._conn.execute(
                "SELECT question, answer, search_query FROM messages WHERE conversation_id=? "
                "ORDER BY created_at DESC LIMIT ?",
                (conversation_id, limit),
            ).fetchall()
        return [Turn(question=q, answer=a, search_query=s) for q, a, s in reversed(rows)]

    def add_message(
        self,
        conversation_id: str,
        question: str,
        answer: Answer,
        search_query: str = "",
        channel: str = "",
        message_id: str | None = None,
        owner: str | None = None,
    ) -> str:
        """Store one answered question; with `owner`, create the conversation in the same
        transaction if it does not exist yet (so a failed answer leaves no empty conversation)."""
        mid = message_id or new_id("m")
        chunk_ids = [c.chunk_id for c in answer.citations]
        with self._tx() as db:
            if owner is not None:
                db.execute(
                    "INSERT OR IGNORE INTO conversations(id, owner, external_key, created_at) "
                    "VALUES (?,?,NULL,?)",
                    (conversation_id, owner, time.time()),
                )
            db.execute(
                "INSERT INTO messages(id, conversation_id, question, search_query, answer, "
                "abstained, chunk_ids, channel, created_at, answer_json) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    mid,
                    conversation_id,
                    question,
                    search_query,
                    answer.answer,
                    int(answer.abstained),
                    json.dumps(chunk_ids),
                    channel,
                    time.time(),
                    answer.model_copy(update={"message_id": mid}).model_dump_json(),
                ),
            )
        return mid

    def message_owner(self, message_id: str) -> str:
        with self._lock:
            row = self._conn.execute(
                "SELECT c.owner FROM messages m JOIN conversations c ON c.id=m.conversation_id "
                "WHERE m.id=?",
                (message_id,),
            ).fetchone()
        if row is None:
            raise MessageNotFound(message_id)
        return row[0]

    def add_feedback(
        self,
        message_id: str,
        rating: str,
        comment: str | None = None,
        channel: str = "",
        user: str | None = None,
        owner: str | None = None,
    ) -> int:
        """Store a rating; with `owner`, only for a message in that owner's conversation."""
        if owner is not None and self.message_owner(message_id) != owner:
            raise MessageNotFound(message_id)
        with self._tx() as db:
            exists = db.execute("SELECT 1 FROM messages WHERE id=?", (message_id,)).fetchone()
            if not exists:
                raise MessageNotFound(message_id)
            cur = db.execute(
                "INSERT INTO feedback(message_id, rating, comment, channel, user, created_at) "
                "VALUES (?,?,?,?,?,?)",
                (message_id, rating, comment, channel, user, time.time()),
            )
            return int(cur.lastrowid or 0)

    def feedback_rows(self, message_id: str | None = None) -> list[dict[str, object]]:
        query = "SELECT message_id, rating, comment, channel, user FROM feedback"
        args: tuple[object, ...] = ()
        if message_id:
            query += " WHERE message_id=?"
            args = (message_id,)
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY id", args).fetchall()
        keys = ("message_id", "rating", "comment", "channel", "user")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def message(self, message_id: str) -> dict[str, object]:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, conversation_id, question, answer, abstained, chunk_ids, channel "
                "FROM messages WHERE id=?",
                (message_id,),
            ).fetchone()
        if row is None:
            raise MessageNotFound(message_id)
        keys = ("id", "conversation_id", "question", "answer", "abstained", "chunk_ids", "channel")
        out = dict(zip(keys, row, strict=True))
        out["chunk_ids"] = json.loads(str(out["chunk_ids"]))
        return out

    def stored_answer(self, message_id: str) -> StoredAnswer:
        """The whole answer as it was given (citations and sources included).

        Channels that show an answer again later need it: Slack's "Deel in kanaal" button
        arrives without the ephemeral message's content, possibly after a restart.
        """
        with self._lock:
            row = self._conn.execute(
                "SELECT question, answer_json, created_at FROM messages WHERE id=?", (message_id,)
            ).fetchone()
        if row is None or not row[1]:
            raise MessageNotFound(message_id)
        return StoredAnswer(row[0], Answer.model_validate_json(row[1]), float(row[2]))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
