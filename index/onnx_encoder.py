"""The encoder on onnxruntime: exported once from the local sentence-transformers weights, offline.

`sentence-transformers[onnx]` would pull optimum, which downgrades transformers (MEASUREMENTS.md),
so the export is done here: the model's transformer wrapped with mean pooling and L2
normalisation, traced by `torch.onnx.export`, and for `onnx-int8` quantised by onnxruntime with
int8 weights per channel and `reduce_range` (per-tensor int8 loses too much: top-10 neighbour
overlap 0.77 against 0.90). The files are cached under `onnx_cache_dir/<model>/`, so the export
(seconds) happens once per model and variant. Only the fast tokenizer and onnxruntime run at
encode time; the export itself needs torch and transformers.

`OnnxSentenceModel` answers the part of SentenceTransformer's interface `Embedder` uses.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

VARIANTS = {"onnx": "model.onnx", "onnx-int8": "model-int8.onnx"}


def export(model_dir: Path, target: Path) -> Path:
    """`model_dir`'s transformer + mean pooling + normalisation as ONNX at `target` (fp32)."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            tokens = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    module = Pooled().eval()
    example = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    temporary = target.with_suffix(f".{os.getpid()}.tmp")  # several servers may export at once
    with torch.no_grad():
        torch.onnx.export(
            module,
            (example, example, torch.zeros_like(example)),
            str(temporary),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["embedding"],
            opset_version=17,
            dynamo=False,
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "embedding": {0: "batch"},
            },
        )
    temporary.replace(target)
    return target


def quantize(source: Path, target: Path) -> Path:
    """Dynamic int8 quantisation, per channel, with reduce_range (see the module docstring)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    quantize_dynamic(
        str(source),
        str(temporary),
        per_channel=True,
        reduce_range=True,
        weight_type=QuantType.QInt8,
    )
    temporary.replace(target)
    return target


def cached_model(model_dir: Path, cache: Path, variant: str) -> Path:
    """The ONNX file of `variant` for `model_dir`, exported (and quantised) on first use."""
    cache.mkdir(parents=True, exist_ok=True)
    fp32 = cache / VARIANTS["onnx"]
    if not fp32.exists():
        export(model_dir, fp32)
    if variant == "onnx":
        return fp32
    int8 = cache / VARIANTS[variant]
    return int8 if int8.exists() else quantize(fp32, int8)


class OnnxSentenceModel:
    """Texts → unit vectors with onnxruntime; the interface `papergraph.index.embed.Embedder` uses."""

    def __init__(
        self, model_dir: Path, cache: Path, variant: str, threads: int | None = None
    ) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        config = json.loads((model_dir / "sentence_bert_config.json").read_text())
        self.max_seq_length: int = int(config["max_seq_length"])
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads is not None:  # a query encoder: one short batch at a time, no thread pool
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(cached_model(model_dir, cache, variant)),
            options,
            providers=["CPUExecutionProvider"],
        )
        self._dimension = int(self.session.get_outputs()[0].shape[1] or 0) or None
        self._lock = threading.Lock()

    def get_embedding_dimension(self) -> int | None:
        if self._dimension is None:
            self._dimension = int(self.encode(["probe"]).shape[1])
        return self._dimension

    def encode(self, texts: Sequence[str], batch_size: int = 64, **_: Any) -> np.ndarray:
        """Unit rows in input order; batches of similar length, as sentence-transformers does."""
        order = np.argsort([-len(text) for text in texts], kind="stable")
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), batch_size):
            batch = [texts[i] for i in order[start : start + batch_size]]
            rows.append(self._run(batch))
        vectors = np.concatenate(rows) if rows else np.zeros((0, 0), dtype=np.float32)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def _run(self, batch: list[str]) -> np.ndarray:
        tokens = self.tokenizer(
            batch,
            padding=True,
            truncation=True,
            max_length=self.max_seq_length,
            return_tensors="np",
        )
        feed = {
            name: np.asarray(tokens[name], dtype=np.int64)
            for name in ("input_ids", "attention_mask", "token_type_ids")
        }
        with self._lock:
            (vectors,) = self.session.run(["embedding"], feed)
        return np.asarray(vectors, dtype=np.float32)
