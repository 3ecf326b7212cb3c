"""The version a server keys kept answers on, read beside the writer's connection."""

from __future__ import annotations

from pathlib import Path

from papergraph.index.store import ChunkStore


def test_committed_version_follows_every_write_even_in_an_odd_folder(tmp_path: Path) -> None:
    store = ChunkStore(tmp_path / "odd name #1?x" / "papers.sqlite")
    try:
        before = store.committed_version()
        assert before == store.version()
        with store.transaction():
            store.mark_changed()
            assert store.committed_version() == before  # not committed yet
        assert store.committed_version() == store.version() == before + 1
    finally:
        store.close()
