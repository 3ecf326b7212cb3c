"""A paper of headed sections and entities named in them, for the tests of which sections show
an entity (background, related work, example scenarios: ingest/extract/curate.py)."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper


def sectioned(sections: list[str]) -> Paper:
    """A paper with one body chunk under each heading, `p1#<i>`."""
    chunks = [
        Chunk(id=f"p1#{i}", paper_id="p1", seq=i, text="", kind=ChunkKind.BODY, section=s)
        for i, s in enumerate(sections)
    ]
    return Paper(id="p1", title="A Paper", authors=[], chunks=chunks)


def named(kind: EntityType, name: str, salience: float, *chunks: int) -> Entity:
    """An entity of `kind` named once in each of the chunks `p1#<i>` listed (`sectioned`)."""
    evidence = [Evidence(f"p1#{i}", 0, len(name), name, "lexicon") for i in chunks]
    return Entity(kind, name, salience=salience, evidence=evidence)
