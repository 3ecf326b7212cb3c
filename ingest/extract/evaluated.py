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

from papergraph.core.canonical import DATASET_TYPES, canonical
from papergraph.core.model import Entity, EntityType, Result, Role


def from_tables(entities: list[Entity], results: list[Result]) -> None:
    """Mark the datasets the paper's table rows evaluate on as evaluates-on and shown."""
    rows = [r for r in results if r.value is not None and any(e.table for e in r.evidence)]
    datasets = {_dataset_key(r.dataset) for r in rows if r.dataset}
    for entity in entities:
        if entity.type in DATASET_TYPES and datasets & _dataset_keys(entity):
            entity.role = Role.EVALUATES_ON
            entity.salient = True


def _dataset_key(name: str) -> str:
    return canonical(name, EntityType.DATASET).key


def _dataset_keys(entity: Entity) -> set[str]:
    return {_dataset_key(name) for name in (entity.label, *entity.aliases)}
