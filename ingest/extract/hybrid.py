"""The hybrid extractor: the hand lexicon, generated gazetteers, name patterns and results.

On top of the lexicon extractor it knows the generated gazetteers (Papers with Code and SciREX
tune-split names; the hand lexicon wins where they share a name), learns names no list has from
the paper's title, "we propose X" and repeated name-shaped words (typed by the known names a
paper lists them with, ingest/extract/neighbours.py), merges kind-word variants of one name
("X dataset" is X, ingest/extract/variants.py), drops names that are no concept, gives each its
canonical label and marks what the paper is about (ingest/extract/curate.py), ranks entities
with the learned salience model (ingest/extract/ranker.py), and reads result rows from the
paper's tables (its own rows, ingest/extract/table_results.py), from sentences where no table
gave one (and beside them, the sentences' headline results no table row covers,
ingest/extract/headline.py), plus value-less document-level claims (ingest/extract/claims.py). The default
`tagged` extractor builds on it.
Measured against the lexicon extractor by benchmarks/extraction.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial

from papergraph.core.canonical import canonical
from papergraph.core.model import Entity, EntityType, Extraction, Paper, Result
from papergraph.ingest.extract.caption_settings import on_dev, told_apart
from papergraph.ingest.extract.claim_tasks import claim_task
from papergraph.ingest.extract.claimed_names import claimed_names
from papergraph.ingest.extract.claims import ClaimSizes, claims, merged
from papergraph.ingest.extract.curate import (
    admit,
    called_methods,
    canonicalise,
    mark_salient,
    reshown_tasks,
)
from papergraph.ingest.extract.evaluated import from_tables
from papergraph.ingest.extract.gazetteer import LexiconEntry, generated_lexicon, hand_lexicon
from papergraph.ingest.extract.headline import headline_results
from papergraph.ingest.extract.initial_names import initialled_names
from papergraph.ingest.extract.lexicon import LexiconExtractor
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.names import find_names
from papergraph.ingest.extract.neighbours import typed_by_neighbours
from papergraph.ingest.extract.own_versions import described, newest
from papergraph.ingest.extract.patterns import Definition
from papergraph.ingest.extract.procedure_names import procedure_names
from papergraph.ingest.extract.ranker import load_salience_model
from papergraph.ingest.extract.recipe_names import recipe_names
from papergraph.ingest.extract.resolve import local_names
from papergraph.ingest.extract.results import find_results
from papergraph.ingest.extract.table_grid import read_grid
from papergraph.ingest.extract.table_names import DATASET_TYPES, own_names
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.variants import merge_variants


@lru_cache(maxsize=1)
def hybrid_matcher() -> NameMatcher:
    """The shipped gazetteers' matcher."""
    return build_matcher(generated_lexicon())


def build_matcher(generated: Sequence[LexiconEntry]) -> NameMatcher:
    """Generated names first, hand-written names over them (a later name wins its key)."""
    matcher = NameMatcher.from_entries(generated, "gazetteer")
    hand = [(name, entry) for entry in hand_lexicon() for name in entry.names]
    return matcher.extended(hand, "lexicon")


class HybridExtractor(LexiconExtractor):
    """Lexicon + gazetteers + name patterns for entities, sentence patterns for results."""

    name = "hybrid"
    salience_model = "salience.json"  # in ingest/extract/model/

    def __init__(
        self,
        learned_salience: bool = True,
        gazetteer: Sequence[LexiconEntry] | None = None,
        curated: bool = True,
    ) -> None:
        """`gazetteer` replaces the shipped generated names (training uses held-out folds);
        `curated=False` keeps every candidate under its own label, all salient (the extractor
        before issue 14, kept as the benchmarks' baseline)."""
        self._curated = curated
        self._matcher = hybrid_matcher() if gazetteer is None else build_matcher(gazetteer)
        self._ranker = load_salience_model(self.salience_model) if learned_salience else None

    def paper_matcher(self, paper: Paper) -> NameMatcher:
        """The lexicon extractor's paper matcher, plus the name-shaped words this paper uses."""
        matcher = super().paper_matcher(paper)
        defined = _defined_names(self.definitions(paper))
        found = [d for d in find_names(paper) if d.long.lower() not in defined]
        names = typed_by_neighbours(found, paper, matcher)
        local = local_names(names, matcher)
        return matcher.extended(local, "name") if local else matcher

    def extract(self, paper: Paper) -> Extraction:
        extraction = super().extract(paper)
        entities = merge_variants(extraction.entities)
        if self._curated:
            entities = called_methods(admit(entities, paper), paper)
        if self._ranker is not None:  # before relabelling: it reads the paper's own spelling
            entities = self._ranker.rescore(paper, entities)
        if self._curated:
            entities = canonicalise(entities, paper.year, self._matcher)
            entities = mark_salient(entities, paper)
        extraction.entities = entities
        # sentences only where the paper has no table to read: where both speak, the table is
        # the precise one, and where its tables hold no row of its own, the numbers its
        # sentences print are mostly the others' or settings (benchmarks/results_pdf.py)
        # beside own table rows, the sentences' headline results no table row covers
        # (ingest/extract/headline.py)
        found = self.table_results(paper, extraction.entities)
        if found:
            stated = find_results(paper, extraction.entities)
            found += headline_results(paper, extraction.entities, stated, found)
        elif not any(read_grid(table) for table in paper.tables):
            found = find_results(paper, extraction.entities)
        if self._curated:
            extraction.entities = from_tables(extraction.entities, found, paper)
            reshown_tasks(extraction.entities, found, paper)
        sizes = ClaimSizes(prefer_proposed=self._ranker is None)
        task_of = partial(claim_task, matcher=self._matcher)
        extraction.results = merged(found, claims(extraction.entities, sizes, task_of))
        return extraction

    def table_results(self, paper: Paper, entities: list[Entity]) -> list[Result]:
        """The paper's own rows of its tables (ingest/extract/table_results.py)."""
        if not paper.tables:
            return []
        tasks = sorted(
            (e for e in entities if e.type is EntityType.TASK), key=lambda e: -e.salience
        )
        datasets = {
            name: _part_named(name, e.label)
            for e in entities
            if e.type in DATASET_TYPES
            for name in (e.label, *e.aliases)
        }
        matcher = self.paper_matcher(paper)
        names = newest(described(own_names(paper, entities), entities), entities)
        text = " ".join(chunk.text for chunk in paper.chunks)
        named = procedure_names(paper.title or "", entities)  # "Distilled Single model"
        if not names and not named:  # the last resort, no title naming any: "X outperforms"
            names = claimed_names(text, paper.tables, entities)
        names += recipe_names(text, names)  # "PPO-ptx" columns of InstructGPT
        names += named
        names = initialled_names(names, text)  # "BN-Inception" beside Batch Normalization
        found = table_results(paper, matcher, names, [t.label for t in tasks], datasets)
        return on_dev(told_apart(found))


def _part_named(name: str, label: str) -> str:
    """The dataset a paper's name for it stands for in a table: its label, or the name itself
    where that says a part of it (FEVER's "FEVER-3" and "FEVER-2", its 3- and 2-way labelling:
    a header "FVR3" abbreviating it is that part, not the whole)."""
    return name if canonical(name, EntityType.DATASET).qualifier else label


def _defined_names(definitions: list[Definition]) -> set[str]:
    return {n.lower() for d in definitions for n in (d.long, d.short) if n}
