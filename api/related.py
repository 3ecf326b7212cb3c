"""Related papers that explain themselves: text similarity, shared rare entities, citations.

Each signal gives a score in [0, 1]; the fused score is their weighted sum, and every item carries
the reasons that produced it, machine-readable and human-readable.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from api.backend import Backend
from ingest.errors import NotFound


@dataclass
class RelatedWeights:
    text: float = 0.5
    entities: float = 0.3
    citations: float = 0.2


@dataclass
class RelatedPaper:
    paper_id: str
    title: str
    score: float
    reasons: list[dict[str, object]] = field(default_factory=list)


def related_papers(
    backend: Backend, paper_id: str, k: int = 10, weights: RelatedWeights | None = None
) -> list[RelatedPaper]:
    """The k papers most related to `paper_id`, never itself, each with its reasons."""
    weights = weights or RelatedWeights()
    paper = backend.stores.chunks.get_paper(paper_id)
    if paper is None:
        raise NotFound(f"no paper with id {paper_id!r}")
    text = _text_scores(backend, paper)
    entities, entity_reasons = _entity_scores(backend, paper_id)
    citations, citation_reasons = _citation_scores(backend, paper_id)
    fused: dict[str, float] = defaultdict(float)
    for signal, weight in ((text, weights.text), (entities, weights.entities),
                           (citations, weights.citations)):
        for other, score in signal.items():
            fused[other] += weight * score
    fused.pop(paper_id, None)
    ranked = sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))
    chosen: list[tuple[str, float, str]] = []
    for other, score in ranked:
        found = backend.stores.chunks.get_paper(other)  # cited papers not ingested are skipped
        if found is None or score <= 0:
            continue
        chosen.append((other, score, found["title"]))
        if len(chosen) == k:
            break
    # Labels of the shared entities, for the papers answered only and in one query (one
    # lookup per candidate made a 200-paper corpus take a minute).
    keys = {key for other, _, _ in chosen for key in entity_reasons.get(other, [])}
    labels = backend.stores.graph.entity_labels(keys) if keys else {}
    related: list[RelatedPaper] = []
    for other, score, title in chosen:
        reasons = citation_reasons.get(other, [])
        reasons += [_entity_reason(key, labels) for key in entity_reasons.get(other, [])]
        if other in text:
            reasons.append({"kind": "similar_text", "score": round(text[other], 3),
                            "text": f"similar text (cosine {text[other]:.2f})"})
        related.append(RelatedPaper(other, title, round(score, 4), reasons))
    return related


def _text_scores(backend: Backend, paper: dict[str, object]) -> dict[str, float]:
    """Best cosine between the paper's title+abstract (or first chunk) and each other paper."""
    profile = " ".join(str(paper.get(key) or "") for key in ("title", "abstract")).strip()
    chunks = backend.stores.chunks.paper_chunks(str(paper["id"]))
    if not paper.get("abstract") and chunks:
        profile = f"{profile} {chunks[0]['text']}"
    hits = backend.stores.vectors.search(backend.embedder.encode_query(profile), 200)
    rows = backend.stores.chunks.chunks_by_rowids([rowid for rowid, _ in hits])
    paper_of = {row["rowid"]: row["paper_id"] for row in rows}
    best: dict[str, float] = {}
    for rowid, score in hits:
        other = paper_of.get(rowid)
        if other is not None and score > best.get(other, 0.0):
            best[other] = float(score)
    return best


def _entity_scores(
    backend: Backend, paper_id: str
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Shared entities weighted by rarity (idf): a shared rare dataset says more than 'Adam'."""
    by_paper = backend.stores.graph.paper_entity_keys()
    mine = by_paper.get(paper_id, set())
    if not mine:
        return {}, {}
    document_frequency = Counter(key for keys in by_paper.values() for key in keys)
    idf = {key: math.log(1 + len(by_paper) / document_frequency[key]) for key in mine}
    total = sum(idf.values())
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}  # the three rarest shared keys, made reasons at the end
    for other, keys in by_paper.items():
        shared = sorted(mine & keys, key=lambda key: -idf[key])
        if other == paper_id or not shared:
            continue
        scores[other] = sum(idf[key] for key in shared) / total
        reasons[other] = shared[:3]
    return scores, reasons


def _entity_reason(key: str, labels: dict[str, str]) -> dict[str, object]:
    entity_type = key.split("/", 1)[0]
    label = labels.get(key) or key.split("/", 1)[-1]
    return {"kind": f"shared_{entity_type}", "entity": key, "label": label,
            "text": f"both involve the {entity_type} {label}"}


def _citation_scores(
    backend: Backend, paper_id: str
) -> tuple[dict[str, float], dict[str, list[dict[str, object]]]]:
    """Direct citation both ways, co-citation and bibliographic coupling."""
    cites: dict[str, set[str]] = defaultdict(set)
    cited_by: dict[str, set[str]] = defaultdict(set)
    for citing, cited in backend.stores.graph.citation_edges():
        cites[citing].add(cited)
        cited_by[cited].add(citing)
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[dict[str, object]]] = defaultdict(list)
    for other in cites[paper_id]:
        scores[other] += 1.0
        reasons[other].append({"kind": "cites", "text": "this paper cites it"})
    for other in cited_by[paper_id]:
        scores[other] += 1.0
        reasons[other].append({"kind": "cited_by", "text": "it cites this paper"})
    _add_shared(scores, reasons, cites, cited_by[paper_id], "co_cited", "cited together by")
    _add_shared(scores, reasons, cited_by, cites[paper_id], "coupled", "both cite")
    return {other: min(score, 1.0) for other, score in scores.items()}, reasons


def _add_shared(
    scores: dict[str, float],
    reasons: dict[str, list[dict[str, object]]],
    neighbours: dict[str, set[str]],
    via: set[str],
    kind: str,
    phrase: str,
) -> None:
    counts = Counter(other for node in via for other in neighbours[node])
    for other, count in counts.items():
        scores[other] += 0.5 * min(count, 2) / 2
        reasons[other].append({"kind": kind, "count": count, "text": f"{phrase} {count} paper(s)"})
