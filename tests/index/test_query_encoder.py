"""The query encoder a server uses: ONNX fp32 beside a torch index when the `fast` extra is
there (same vectors, torch weights never loaded), one thread, torch otherwise."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from papergraph.index.embed import Embedder, query_backend
from papergraph.index.settings import IndexSettings

QUERY = "direct preference optimization without a reward model"


def test_auto_picks_onnx_fp32_beside_a_torch_index_never_int8() -> None:
    pytest.importorskip("onnxruntime")
    assert query_backend(IndexSettings()) == "onnx"
    assert query_backend(IndexSettings(encoder_backend="onnx-int8")) == "onnx-int8"
    assert query_backend(IndexSettings(query_encoder="torch")) == "torch"


def test_onnx_queries_match_torch_vectors_without_loading_torch_weights(
    embedder: Embedder,
) -> None:
    pytest.importorskip("onnxruntime")
    served = Embedder(IndexSettings(query_encoder="onnx"))
    vector = served.encode_query(QUERY)
    assert not served.loaded  # the sentence-transformers model stayed unloaded
    reference = embedder.encode([QUERY])[0]
    np.testing.assert_allclose(vector, reference, atol=1e-5)


def test_torch_queries_use_query_threads_and_leave_the_setting_as_it_was() -> None:
    before = torch.get_num_threads()
    served = Embedder(IndexSettings(query_encoder="torch", query_threads=1))
    together = served.encode_queries([QUERY, "graph neural networks"])
    assert together.shape == (2, 384)
    np.testing.assert_allclose(together[0], served.encode([QUERY])[0], atol=1e-5)
    assert torch.get_num_threads() == before
