"""Tasks and datasets the paper says it leaves out are not what it is about.

A paper names data it does not use to say so: SEAL "We do not use the entity linking and ELI5
KILT tasks, where a ground truth passage is not provided"; LongEval "This constraint excludes two
popular benchmarks ...: CNN/DM (Nallapati et al., 2016) and XSUM". Counted as mentions, such a
name ranks among the paper's own topics and was shown. A task or dataset named in no table or
caption, one of whose mentions stands in a sentence that sets it aside before naming it, is not
shown (`mark_salient`, ingest/extract/curate.py): the paper's own words say it is not its topic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.core.model import Entity, EntityType
from papergraph.ingest.extract.sentences import sentence_span

_TOPICS = (EntityType.TASK, EntityType.DATASET)
#: Words that set data aside, then the name later in the same sentence ("We do not use the
#: entity linking ...", "This constraint excludes two popular benchmarks ...: CNN/DM").
_ASIDE = re.compile(
    r"\b(?:(?:do|does|did) not (?:use|consider|evaluate on)|"
    r"excludes?|excluded|leave out|leaves out|left out)\b",
    re.IGNORECASE,
)
#: A word that starts a phrase of its own between the verb and the name: the name is then no
#: object of the verb ("excludes two popular benchmarks in summarization research").
_PHRASE = re.compile(r"\b(?:in|of|for|on|with|from|by|to|over|than|that|which|as)\b", re.I)
MAX_GAP = 60  # characters between the verb (or a colon after it) and the name it sets aside


def set_aside(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the paper says of a task or dataset, named in no table or caption, that it leaves
    it out (`texts`: chunk id -> text, which the evidence's offsets index)."""
    if entity.type not in _TOPICS or not entity.evidence:
        return False
    if any(e.table or e.row_header or e.caption for e in entity.evidence):
        return False
    return any(_aside_before(texts.get(e.chunk_id, ""), e.start) for e in entity.evidence)


def _aside_before(text: str, start: int) -> bool:
    """Whether the sentence holding the mention at `start` sets it aside: a verb of leaving out
    before it, and between them (after the colon of a list, where one follows the verb) a short
    stretch that opens no phrase of its own ("do not use the entity linking", "excludes two
    popular benchmarks ...: CNN/DM (Nallapati et al., 2016) and XSUM")."""
    if not 0 < start <= len(text):
        return False
    sentence = text[sentence_span(text, start, start)[0] : start]
    verbs = list(_ASIDE.finditer(sentence))
    if not verbs:
        return False
    gap = sentence[verbs[-1].end() :].rsplit(":", 1)[-1]
    return len(gap) <= MAX_GAP and _PHRASE.search(gap) is None
