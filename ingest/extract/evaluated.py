"""What a paper's own result tables say it is about: the datasets it evaluates on.

The table reader (ingest/extract/table_results.py) resolves each value of the paper's own rows to
a dataset and a metric from the table's headers and caption. A dataset found there is one the
paper evaluates on (role evaluates-on) and is shown, however many others the paper names: XLNet
and ALBERT report on eight GLUE tasks, SQuAD and RACE beside them (rows with a value from a
table only: sentence results and claims say less). Metrics are left as salience shows them:
hiding those no table row reports, or no table prints, took out the wrong "accuracy" of two
detection papers on pdfgold-dev but more right ones on the shared PDFs (RAG's BLEU, FiD's exact
match, RETRO's perplexity), which the table reader does not resolve or the PDF reader does not
read as a table.
Measured on pdfgold-dev by benchmarks/entities_pdf.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import replace

from papergraph.core.canonical import DATASET_TYPES, SPLITS, canonical, known_type, pwc_names
from papergraph.core.model import Entity, EntityType, Evidence, Paper, Result, Role, fold
from papergraph.ingest.extract.claims import table_valued
from papergraph.ingest.extract.curate import FLOOR, admit

#: The salience of a dataset only a table row names: the floor of what is shown.
TABLE_SALIENCE = FLOOR


def from_tables(entities: list[Entity], results: list[Result], paper: Paper) -> list[Entity]:
    """`entities` with the datasets the paper's table rows evaluate on marked evaluates-on and
    shown: a name no entity has yet becomes a Dataset ("Yelp-2", "AG", "PPI" in table headers),
    one read as another type becomes that Dataset ("RTE" as a task, "COPA" as a method), each
    admitted as any other entity is (ingest/extract/curate.py). The parts the rows name keep
    their dataset's qualifiers ("VarMisuse (SeenProj)": VarMisuse, qualifier "seenproj")."""
    rows = [r for r in results if table_valued(r)]
    named = {_dataset_key(r.dataset): r for r in rows if r.dataset}
    for entity in entities:
        if entity.type in DATASET_TYPES and (keys := named.keys() & _dataset_keys(entity)):
            entity.role, entity.salient = Role.EVALUATES_ON, True
            for key in keys:
                del named[key]
            _qualified(entity, (r.dataset for r in rows if r.dataset), keys)
    others = {e.key: e for e in entities if e.type not in DATASET_TYPES}
    new = [_as_dataset(r, others) for r in named.values() if dataset_shaped(r.dataset or "")]
    kept = [e for e in entities if all(e is not n for n in new)]
    return kept + admit(new, paper)


def dataset_shaped(name: str) -> bool:
    """Whether a table's dataset name may stand as a dataset of its own: not a method's variant
    ("PaLM-540B", "OPT-2.7": a method the lists know, then a size), and, when it is several
    words, one a list holds ("LM ANLI R1", "WMT De En", "hate speech one-shot" are header
    texts the table reader joined, read on the shared PDFs)."""
    head = re.split(r"[-\s]", name, maxsplit=1)[0]
    if known_type(head) is EntityType.METHOD:
        return False
    return " " not in name or known_type(name) is EntityType.DATASET or fold(name) in pwc_names()


def _as_dataset(row: Result, others: dict[str, Entity]) -> Entity:
    """A Dataset for the row's dataset: the entity of another type under its name, or new."""
    assert row.dataset is not None
    _, label, qualifier = canonical(row.dataset, EntityType.DATASET)
    same = [e for e in others.values() if fold(e.label) == fold(label)]
    entity = same[0] if same else Entity(EntityType.DATASET, label, salience=TABLE_SALIENCE)
    if entity.label != label:  # labelled as another type: the dataset's label ("CoPA" -> COPA)
        entity.aliases = [entity.label, *(a for a in entity.aliases if a != label)]
        entity.label = label
    entity.type, entity.role, entity.salient = EntityType.DATASET, Role.EVALUATES_ON, True
    entity.evidence.extend(_naming(e, row.dataset) for e in row.evidence if e.table)
    if qualifier and qualifier not in entity.qualifiers:
        entity.qualifiers.append(qualifier)
    return entity


def _qualified(entity: Entity, names: Iterable[str], keys: AbstractSet[str]) -> None:
    """Add to `entity` the qualifiers of the row datasets `names` of its `keys` (a part of
    it, "FEVER-3", or a variant, "WMT 2014 English-German"), splits aside: a dev set is no
    part of the dataset shown."""
    for name in names:
        key, _, qualifier = canonical(name, EntityType.DATASET)
        if key in keys and qualifier and qualifier not in (*entity.qualifiers, *SPLITS):
            entity.qualifiers.append(qualifier)


def _dataset_key(name: str) -> str:
    return canonical(name, EntityType.DATASET).key


def _dataset_keys(entity: Entity) -> set[str]:
    return {_dataset_key(name) for name in (entity.label, *entity.aliases)}


def _naming(cell: Evidence, dataset: str) -> Evidence:
    """The cell's evidence, its text the header over it that names the dataset ("QQP"): the
    column's header, else the row's, else the name the table reader resolved."""
    headers = (cell.column_header, cell.row_header)
    written = next((h for h in headers if h and fold(dataset)[:3] in fold(h)), dataset)
    return replace(cell, text=written, extractor="table")
