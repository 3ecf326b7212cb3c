"""One settings object for the whole service, read from PAPERGRAPH_* variables and `.env`.

Each package owns its section; nested fields are set with a double underscore, e.g.
`PAPERGRAPH_INDEX__MODEL_NAME=all-mpnet-base-v2` or `PAPERGRAPH_GRAPH__STORE=Memory`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from papergraph.api.related.settings import RelatedSettings
from papergraph.index.settings import IndexSettings
from papergraph.ingest.settings import IngestSettings
from papergraph.kg.settings import GraphSettings


class ApiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str = Field("127.0.0.1", description="Address the server binds.")
    port: int = Field(8000, ge=0, le=65535, description="Port the server binds.")
    api_key: str | None = Field(
        None, description="Key required by write endpoints (header X-API-Key); unset: writes off."
    )
    workers: int = Field(
        1,
        ge=1,
        description="Server processes (`serve --workers N`). Above 1 they share the stores "
        "read-only (graph opened read-only, vectors memory-mapped) and take no writes: a "
        "server with an API key runs one process, the single writer.",
    )
    response_cache_size: int = Field(
        1024,
        ge=0,
        description="GET answers of the read routes kept while no write happens (keyed by the "
        "store's version counter, replayed byte for byte; 0: none kept).",
    )
    response_cache_max_bytes: int = Field(
        256 * 1024, ge=0, description="Largest answer the response cache keeps, in bytes."
    )
    blas_threads: int = Field(
        1,
        ge=1,
        description="Threads one numpy product (related papers' cosines, a paper's chunks) may "
        "use while serving. Requests already run side by side; with more, OpenBLAS's threads "
        "spin against each other under load (issue 19: 0.1 ms a product alone, 6.5 ms of CPU "
        "from eight request threads with two BLAS threads each).",
    )
    cors_origins: list[str] = Field(
        ["*"],
        description="Origins whose browser pages may read the API (SPARQL editors such as YASGUI). "
        "Only GET and POST with Accept/Content-Type headers: X-API-Key is never allowed "
        "cross-origin, so writes stay with same-origin pages and programs.",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PAPERGRAPH_", env_nested_delimiter="__", env_file=".env", extra="forbid"
    )

    data_dir: Path = Field(Path("papergraph-data"), description="Where every store lives.")
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    graph: GraphSettings = Field(default_factory=GraphSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    related: RelatedSettings = Field(default_factory=RelatedSettings)
    api_key: str | None = Field(
        None,
        exclude=True,
        description="Short alias of api.api_key (PAPERGRAPH_API_KEY); PAPERGRAPH_API__API_KEY wins "
        "when both are set.",
    )

    @model_validator(mode="after")
    def _short_api_key(self) -> Settings:
        """`PAPERGRAPH_API_KEY` is what people type first; let it set the real field."""
        if self.api_key and not self.api.api_key:
            self.api.api_key = self.api_key
        return self
