"""Related papers by facet (background, method, result), and sentence similarity as a signal.

The fused ranking (`papergraph.api.related.rank`) proposes its best `facet_candidates` papers; they are then
re-scored. With a facet, a candidate's score is the text signal, plus `sentence_weight` times the
max-sim of the seeds' sentences of that facet against the candidate's (`papergraph.api.related.facets`),
plus the entity signal restricted to the facet's entity types (methods for `method`; datasets,
benchmarks, metrics and tasks for `result`; none for `background`), plus citations. Without a
facet, the max-sim over all sentences is added to the fused score. Reasons quote the best
matched sentence pairs.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence

from papergraph.api.related.corpus import RelatedCorpus
from papergraph.api.related.facets import SentenceCache, SentenceMatch, match
from papergraph.api.related.reasons import (
    MatchedSentencesReason,
    RelatedPaper,
    RelatedReason,
    SentencePair,
    SharedEntityReason,
)
from papergraph.api.related.settings import RelatedSettings
from papergraph.index.store import ChunkStore


class Facet(str, enum.Enum):
    BACKGROUND = "background"
    METHOD = "method"
    RESULT = "result"


#: The entity types (key prefixes) a facet's entity signal reads.
FACET_ENTITY_TYPES: dict[Facet, tuple[str, ...]] = {
    Facet.BACKGROUND: (),
    Facet.METHOD: ("method",),
    Facet.RESULT: ("dataset", "benchmark", "metric", "task"),
}


def paper_texts(chunks: ChunkStore, paper_ids: Sequence[str]) -> dict[str, str]:
    """Title and abstract of each paper (its first chunk when it has no abstract)."""
    texts = {}
    for paper_id in paper_ids:
        paper = chunks.get_paper(paper_id) or {}
        body = paper.get("abstract") or ""
        if not body:
            first = chunks.paper_chunks(paper_id)[:1]
            body = first[0]["text"] if first else ""
        title = str(paper.get("title") or "").strip()
        texts[paper_id] = (
            f"{title}. {body}" if title and not title.endswith(".") else f"{title} {body}"
        )
    return texts


def rerank(
    chunks: ChunkStore,
    sentence_cache: SentenceCache,
    corpus: RelatedCorpus,
    positive: Sequence[str],
    candidates: list[RelatedPaper],
    facet: Facet | None,
    settings: RelatedSettings,
) -> list[RelatedPaper]:
    """`candidates` re-scored by facet (or with the sentence signal), best first."""
    seeds = list(dict.fromkeys(positive))
    sentences = sentence_cache.get(paper_texts(chunks, seeds + [c.paper_id for c in candidates]))
    for item in candidates:
        matches = [
            match(sentences[s], sentences[item.paper_id], facet.value if facet else None)
            for s in seeds
        ]
        similarity = sum(m.score for m in matches) / len(matches)
        item.signals["sentences"] = round(similarity, 4)
        if facet is None:
            item.score = round(item.score + settings.sentence_weight * similarity, 4)
        else:
            entities = sum(typed_entity_cosine(corpus, s, item.paper_id, facet) for s in seeds)
            item.signals["facet_entities"] = round(entities / len(seeds), 4)
            item.score = round(
                settings.text_weight * item.signals.get("text", 0.0)
                + settings.facet_sentence_weight * similarity
                + settings.entity_weight * entities / len(seeds)
                + settings.citation_weight * item.signals.get("citations", 0.0),
                4,
            )
        item.reasons = _sentence_reasons(matches, facet) + _facet_reasons(item, facet)
    candidates.sort(key=lambda c: (-c.score, c.paper_id))
    return candidates


def typed_entity_cosine(corpus: RelatedCorpus, seed: str, other: str, facet: Facet) -> float:
    """idf-weighted cosine of the two papers' entities of the facet's types."""
    types = FACET_ENTITY_TYPES[facet]
    if not types:
        return 0.0

    def typed(paper: str) -> set[str]:
        return {k for k in corpus.entity_keys.get(paper, set()) if k.split("/", 1)[0] in types}

    mine, theirs = typed(seed), typed(other)
    shared = sum(corpus.idf[k] ** 2 for k in mine & theirs)
    if not shared:
        return 0.0
    norm = math.sqrt(
        sum(corpus.idf[k] ** 2 for k in mine) * sum(corpus.idf[k] ** 2 for k in theirs)
    )
    return shared / norm


def _sentence_reasons(matches: list[SentenceMatch], facet: Facet | None) -> list[RelatedReason]:
    best = max(matches, key=lambda m: m.score)
    if not best.pairs:
        return []
    seed_sentence, sentence, cosine = best.pairs[0]
    about = f"{facet.value} " if facet else ""
    text = (
        f"its {about}sentence \u201c{sentence}\u201d matches \u201c{seed_sentence}\u201d "
        f"(cosine {cosine:.2f})"
    )
    pairs = [SentencePair(seed_sentence=a, sentence=b, cosine=c) for a, b, c in best.pairs]
    reason = MatchedSentencesReason(
        facet=facet.value if facet else None, score=round(best.score, 3), pairs=pairs, text=text
    )
    return [reason]


def _facet_reasons(item: RelatedPaper, facet: Facet | None) -> list[RelatedReason]:
    """The fused ranking's reasons, less the entity reasons outside the facet's types."""
    if facet is None:
        return list(item.reasons)
    types = FACET_ENTITY_TYPES[facet]
    return [
        r
        for r in item.reasons
        if not isinstance(r, SharedEntityReason) or r.entity.split("/", 1)[0] in types
    ]
