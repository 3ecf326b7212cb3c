"""The paper's own method where neither its title nor its opening names one: the name its text
claims results for.

A page read without its title (an excerpt, a title the reader missed) or a title that names no
method leaves the tables without an own row, and every row of the paper is dropped. The text still
says which name is the paper's: "We observe that SciBERT outperforms BERT-Base", "SciBERT achieves
new SOTA results", "we refer to it as Fusion-in-Decoder", "the results obtained by
Fusion-in-Decoder", "our InstructGPT models" ("our API prompts" names no method), "X (ours)"; a
title-less excerpt of a data paper ("We introduce S2ORC, a large corpus") claims none. Each such
claim counts for the name; each time the name is what another is compared against ("outperforms
BERT-Base", "than X", "compared with X") or is cited ("REALM (Guu et al., 2020)", "DPR [12]")
counts against it. Only a name the paper's tables print (a row label or a header: where its results
are) and no dataset, task or metric the paper names is a candidate, and the one chosen needs CLAIMS
claims more than it has baseline mentions, so a baseline the paper only compares against (BERT-Base
beside SciBERT) is never taken for its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType, Table, fold

#: A coined name: a capital, then a second capital or a digit ("SciBERT", "Fusion-in-Decoder",
#: "T5"), not a plain capitalised word ("Table", "Our").
_NAME = r"(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)"
_CLAIM_VERB = (
    r"(?:outperforms|outperformed|achieves|achieved|obtains|sets|surpasses|beats|reaches|"
    r"improves\s+(?:on|over|upon))"
)
#: What data is introduced as: "We introduce S2ORC, a large corpus" is no method with results.
_DATA = (
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:corpus|data\s*set|collection|benchmark|set|suite|resource|toolkit|library)\b"
)
_KINDS = r"(?:models?|methods?|approach(?:es)?|systems?|networks?|framework|algorithm)"
#: Sentences in which the paper speaks of a name as its own.
_CLAIMS = (
    re.compile(
        rf"\b[Ww]e\s+(?:present|introduce|propose|release|call\s+(?:it|this|our\s+\w+)|"
        rf"(?:refer\s+to|denote)\s+(?:it|this|our\s+\w+)\s+as)\s+{_NAME}(?!{_DATA})"
    ),
    re.compile(rf"\b(?:obtained|achieved)\s+by\s+{_NAME}"),
    # "our InstructGPT models", not "our API prompts"
    re.compile(rf"\b[Oo]ur\s+{_NAME}\s+{_KINDS}\b"),
    re.compile(rf"\b{_NAME}\s+\((?i:ours)\)"),
    re.compile(rf"\b{_NAME}\s+{_CLAIM_VERB}\b"),
    re.compile(rf"\b[Cc]ompar(?:e|es|ing)\s+{_NAME}\s+(?:with|to|against)\b"),
)
#: Sentences in which a name is what the paper compares against, or another paper's work.
_BASELINES = (
    re.compile(
        rf"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beats?|than|over|versus|vs\.?|"
        rf"compared\s+(?:to|with)|with\s+the\s+reported)\s+(?:the\s+)?{_NAME}"
    ),
    re.compile(rf"\b{_NAME}\s*(?:\([^()]*\bet al\.?|\([^()]*(?:19|20)\d\d\w?\)|\[\d+)"),
)
CLAIMS = 2  # claims a name needs more than its baseline mentions to be taken as the paper's own
_NOT_NAMES = (EntityType.DATASET, EntityType.BENCHMARK, EntityType.TASK, EntityType.METRIC)


def claimed_names(text: str, tables: Iterable[Table], entities: Iterable[Entity]) -> list[str]:
    """The name the text claims results for as its own, where its tables print it; none where
    no name has CLAIMS net claims or two names have as many (no telling which is the paper's)."""
    printed = {fold(cell.text) for table in tables for cell in table.cells}
    other = {fold(n) for e in entities if e.type in _NOT_NAMES for n in (e.label, *e.aliases)}
    claimed = [m.group("name") for p in _CLAIMS for m in p.finditer(text)]
    claims = Counter(fold(name) for name in claimed)
    against = Counter(fold(m.group("name")) for p in _BASELINES for m in p.finditer(text))
    ranked = sorted(
        (
            (claims[name] - against[name], name)
            for name in claims
            if len(name) >= 3 and name not in other and any(name in cell for cell in printed)
        ),
        reverse=True,
    )
    if not ranked or ranked[0][0] < CLAIMS or ranked[1:2] and ranked[1][0] == ranked[0][0]:
        return []
    return [next(name for name in claimed if fold(name) == ranked[0][1])]
