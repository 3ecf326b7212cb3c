"""A dataset the paper names as what another of its datasets was built from is that one's source.

STaR (2203.14465) evaluates on CommonsenseQA and, describing it, writes "CommonsenseQA … is
constructed based off of ConceptNet, a semantic graph of concepts" and "to construct CQA, Talmor et
al. identified a set of 'target' concepts in ConceptNet": ConceptNet is where the questions came
from, not data STaR reads. Below the salience floor (`mark_salient`, ingest/extract/curate.py) it
was shown only as its type's first. A dataset below the floor, named in no table, caption or
figure, and named in a sentence that says a stronger dataset of the paper was built from it
(`BUILT`), is not shown: the paper describes the other's provenance, and the other is its data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType
from papergraph.ingest.extract.sentences import sentence_around

_DATASETS = frozenset({EntityType.DATASET, EntityType.BENCHMARK})
_OWN_KINDS = frozenset({ChunkKind.TABLE, ChunkKind.CAPTION, ChunkKind.FIGURE})
#: A sentence saying a dataset was made out of another: "is constructed based off of X",
#: "built from", "derived from", "collected from", "drawn from", "sampled from".
BUILT = re.compile(
    r"\b(?:construct(?:ed|s|ing)?|built|derived|sourced|drawn|collected|compiled|sampled|"
    r"extracted|based\s+(?:off\s+)?(?:of|on))\b",
    re.IGNORECASE,
)


def source_only(entity: Entity, entities: Sequence[Entity], chunks: Mapping[str, Chunk]) -> bool:
    """Whether `entity`, a dataset, is named only in prose and once as the source a stronger
    dataset of `entities` was built from (`chunks`: chunk id -> chunk, whose text the offsets
    index)."""
    if entity.type not in _DATASETS or not entity.evidence:
        return False
    if any(e.table or e.row_header or e.column_header or e.caption for e in entity.evidence):
        return False
    stronger = [
        other
        for other in entities
        if other.type in _DATASETS and other is not entity and other.salience > entity.salience
    ]
    names = [name for other in stronger for name in (other.label, *other.aliases) if name]
    if not names:
        return False
    other = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    sentences = []
    for evidence in entity.evidence:
        chunk = chunks.get(evidence.chunk_id)
        if chunk is None or chunk.kind in _OWN_KINDS:
            return False
        sentences.append(sentence_around(chunk.text, evidence.start, evidence.end))
    return any(BUILT.search(s) and other.search(s) for s in sentences)
