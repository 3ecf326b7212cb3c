"""Every paper of the seed sample (../shared/data/ai-arxiv2-sample.jsonl) gets explained
recommendations."""

from __future__ import annotations

from pathlib import Path

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.related.rank import related_papers


def test_every_seed_paper_gets_a_ranked_list_with_reasons(
    shared_data: Path, tmp_path: Path, embedder
) -> None:
    backend = Backend.open(Settings(data_dir=tmp_path), embedder=embedder)
    try:
        report = backend.ingester().ingest([shared_data / "ai-arxiv2-sample.jsonl"])
        assert report.ok and len(report.ingested) == 3
        lists = {pid: related_papers(backend.recommender, pid, 5) for pid in report.ingested}
    finally:
        backend.close()
    for paper_id, items in lists.items():
        assert {item.paper_id for item in items} == set(report.ingested) - {paper_id}
        assert items[0].score >= items[1].score
        for item in items:
            assert item.reasons and all(reason["text"] for reason in item.reasons)
            assert any(reason["kind"] == "similar_text" for reason in item.reasons)
    survey, rlcd = lists["2307.12966"], lists["2307.12950"]
    assert survey[0].paper_id == "2307.12950"  # alignment survey ↔ alignment method
    assert rlcd[0].paper_id == "2307.12966"
    # The sample holds a few chunks of each paper: RLCD's are about RLCD alone, so the two share
    # no entity they are about, and the generic phrase both name ("large language model", once a
    # shared method here) is no entity and no reason.
    texts = [reason["text"] for reason in survey[0].reasons]
    assert not any("large language model" in text.lower() for text in texts), texts
