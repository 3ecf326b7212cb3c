"""An entity the paper names only in reporting others' work is not what the paper is about.

`mark_salient` (ingest/extract/curate.py) shows each type's most salient entity even below the
floor, since a short paper naming its one method once is still about it. The top entity may be
one the paper only reports of others: the HCI paper 2304.02623 names instruction tuning once, in
"Ziegler et al. [35] shows that recent instruction-tuned models are merely 'smart copiers'", and
showed it as its method. An entity shown only by that exemption must be one the paper itself
names: in a table, caption or figure, or in a sentence of its own prose (outside background and
related work) whose subject is no cited author, or that speaks in the first person ("our results
are not comparable with those in Luan et al. (2018)"). A citation in brackets names the source of
a name ("the NER part of SciERC (Luan et al., 2018)", SciBERT's own result) and reports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.core.model import Chunk, ChunkKind, Entity, Evidence
from papergraph.ingest.extract.sentences import sentence_around

#: Chunks that show the paper's own work: an entity named there is one it uses.
_OWN_KINDS = frozenset({ChunkKind.TABLE, ChunkKind.CAPTION, ChunkKind.FIGURE})
#: The authors speaking of their own work.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours)\b", re.IGNORECASE)
#: Cited authors as a sentence's words, not in brackets: "Ziegler et al. [35] shows", "Luan et
#: al. (2018)", "Thorne and Vlachos (2018)".
_AUTHORS = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?"
    r"(?:\s+et\s+al\b\.?|\s*\((?:19|20)\d\d[a-z]?\))"
)


def cited_only(entity: Entity, chunks: Mapping[str, Chunk], background: frozenset[str]) -> bool:
    """Whether every mention of `entity` reports others' work: in a chunk of `background`
    (ids of chunks under background or related-work headings) or in a sentence naming cited
    authors outside brackets, without the first person (`chunks`: chunk id -> chunk, whose
    text the offsets index)."""
    if not entity.evidence:
        return False
    return all(_reports_others(e, chunks, background) for e in entity.evidence)


def _reports_others(
    evidence: Evidence, chunks: Mapping[str, Chunk], background: frozenset[str]
) -> bool:
    if evidence.table or evidence.row_header or evidence.column_header or evidence.caption:
        return False
    chunk = chunks.get(evidence.chunk_id)
    if chunk is None or chunk.kind in _OWN_KINDS:
        return False
    if chunk.id in background:
        return True
    sentence = sentence_around(chunk.text, evidence.start, evidence.end)
    return reports_others(sentence)


def reports_others(sentence: str) -> bool:
    """Whether a sentence reports cited authors' work: it names them outside brackets ("Ziegler
    et al. [35] shows") and does not speak in the first person."""
    if _FIRST_PERSON.search(sentence):
        return False
    return any(_depth(sentence[: m.start()]) == 0 for m in _AUTHORS.finditer(sentence))


def _depth(text: str) -> int:
    """How many brackets are open at the end of `text`."""
    return sum(text.count(o) - text.count(c) for o, c in ("()", "[]"))
