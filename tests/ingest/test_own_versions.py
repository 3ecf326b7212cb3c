"""A newer version of the method the title names is the paper's own (ingest/extract/own_versions.py)."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType
from papergraph.ingest.extract.own_versions import newest


def _method(label: str, salient: bool = True) -> Entity:
    entity = Entity(EntityType.METHOD, label)
    entity.salient = salient
    return entity


def test_a_shown_version_of_a_title_name_is_the_papers_own_and_the_bare_name_its_baseline() -> None:
    shown = [_method("GAT"), _method("GATv2"), _method("GNN")]
    assert newest(["GAT", "graph attention network"], shown) == [
        "GATv2",
        "graph attention network",
    ]
    assert newest(["ConvNeXt"], [_method("ConvNeXt V2")]) == ["ConvNeXt V2"]


def test_a_longer_name_that_is_no_version_or_a_hidden_one_changes_nothing() -> None:
    assert newest(["BERT"], [_method("BERTology"), _method("BERT-2", salient=False)]) == ["BERT"]


def test_the_newest_version_wins_and_a_first_version_or_a_size_is_none() -> None:
    shown = [_method("ConvNeXt V1"), _method("ConvNeXt V2"), _method("RWKV-4"), _method("YOLOv3")]
    assert newest(["ConvNeXt", "RWKV", "YOLO"], shown) == ["ConvNeXt V2", "RWKV", "YOLOv3"]


def test_the_older_methods_other_names_go_with_it() -> None:
    gat = _method("GAT")
    gat.aliases = ["graph attention network", "GATs"]
    names = ["GAT", "graph attention network", "GATs"]
    # "GATs" and the spelt-out name are GAT's, the baseline: no row of theirs is the paper's
    assert newest(names, [gat, _method("GATv2")]) == ["GATv2"]
    assert newest(names, [gat]) == names
