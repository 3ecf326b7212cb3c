"""Leaderboards over every paper's results, on every supported store."""

from __future__ import annotations

from papergraph.core.model import Chunk, Entity, EntityType, Evidence, Extraction, Paper, Result
from papergraph.kg.board_groups import variant_names
from papergraph.kg.leaderboards import leaderboards
from papergraph.kg.mapping import paper_graph
from papergraph.kg.store import KnowledgeGraph

WMT_DE = "WMT 2014 English-German"


def _cell(paper_id: str, row: str, column: str, cell: str, page: int = 8) -> Evidence:
    return Evidence(
        f"{paper_id}#0",
        0,
        0,
        f'Table 2, row "{row}", column "{column}": {cell}',
        "table",
        0.8,
        page=page,
        table="2",
        caption="Table 2: BLEU on newstest2014.",
        row_header=row,
        column_header=column,
        cell=cell,
    )


def _paper(paper_id: str, *results: Result) -> tuple[Paper, Extraction]:
    paper = Paper(paper_id, f"Paper {paper_id}", chunks=[Chunk(f"{paper_id}#0", paper_id, 0, "x")])
    return paper, Extraction(paper_id, results=list(results))


def _result(
    method: str,
    dataset: str,
    metric: str,
    value: float | None,
    paper_id: str,
    higher: bool | None = True,
) -> Result:
    evidence = [_cell(paper_id, method, f"{metric} EN-DE", str(value))] if value else []
    return Result(method, "Machine Translation", dataset, metric, value, evidence, higher)


def _load(kg: KnowledgeGraph) -> None:
    papers = [
        _paper(
            "attention",
            _result("Transformer (big)", WMT_DE, "BLEU", 28.4, "attention"),
            _result("Transformer (big)", "ImageNet", "Top-5 Error", 3.57, "attention", False),
        ),
        _paper(
            "convs2s",
            _result("ConvS2S", WMT_DE, "BLEU", 25.16, "convs2s"),
            _result("Transformer (big)", WMT_DE, "BLEU", None, "convs2s"),
            _result("ResNet", "ImageNet", "Top-5 Error", 4.49, "convs2s", False),
        ),
    ]
    for paper, extraction in papers:
        kg.replace_paper(paper.id, paper_graph(paper, extraction))


def test_a_board_ranks_rows_from_several_papers_best_first(kg: KnowledgeGraph) -> None:
    _load(kg)
    [board] = leaderboards(kg, dataset=WMT_DE, metric="BLEU")
    assert (board.task, board.dataset, board.metric, board.higher_is_better) == (
        "Machine Translation",
        WMT_DE,
        "BLEU",
        True,
    )
    assert [(r["method"], r["value"], r["paper_id"]) for r in board.rows] == [
        ("Transformer (big)", 28.4, "attention"),
        ("ConvS2S", 25.16, "convs2s"),
    ]


def test_rows_carry_the_table_cell_and_the_papers_supporting_the_claim(kg: KnowledgeGraph) -> None:
    _load(kg)
    [board] = leaderboards(kg, dataset="wmt 2014 english german", metric="bleu")
    best = board.rows[0]
    assert best["supporting_papers"] == 2  # a value in one paper, a claim in another
    assert board.rows[1]["supporting_papers"] == 1
    evidence = best["evidence"]
    assert (evidence["page"], evidence["tableNumber"], evidence["cell"]) == (8, "2", "28.4")
    assert evidence["rowHeader"] == "Transformer (big)" and evidence["chunk_id"] == "attention#0"


def test_lower_is_better_boards_put_the_smallest_error_first(kg: KnowledgeGraph) -> None:
    _load(kg)
    [board] = leaderboards(kg, metric="Top-5 Error")
    assert board.higher_is_better is False
    assert [r["value"] for r in board.rows] == [3.57, 4.49]


def test_filters_narrow_and_a_claim_is_never_a_row(kg: KnowledgeGraph) -> None:
    _load(kg)
    boards = leaderboards(kg)
    assert {(b.dataset, b.metric) for b in boards} == {
        (WMT_DE, "BLEU"),
        ("ImageNet", "Top-5 Error"),
    }
    assert all(row["value"] is not None for b in boards for row in b.rows)
    assert leaderboards(kg, task="machine translation") == boards
    assert leaderboards(kg, task="Image Classification") == []
    assert leaderboards(kg, dataset="SQuAD") == []


def test_the_readme_leaderboard_query_ranks_values_with_their_cells(kg: KnowledgeGraph) -> None:
    from tests.ingest.test_extract_sparql import readme_queries

    _load(kg)
    query = readme_queries()[
        "A leaderboard: BLEU on WMT 2014 English-German, best first, each value with its table cell."
    ]
    rows = [tuple(str(v) if v is not None else None for v in row) for row in kg.query(query)]
    assert rows == [
        (
            "Transformer (big)",
            "28.4",
            "https://w3id.org/papergraph/paper/attention",
            "2",
            "8",
            "28.4",
        ),
        ("ConvS2S", "25.16", "https://w3id.org/papergraph/paper/convs2s", "2", "8", "25.16"),
    ]


def test_a_value_read_from_an_ablation_is_off_the_board_unless_asked_for(
    kg: KnowledgeGraph,
) -> None:
    variant = _result("Transformer + label smoothing", WMT_DE, "BLEU", 28.9, "ablated")
    variant.evidence[0].ablation = 'the row "+ label smoothing" is a change of the row above'
    kg.replace_paper("ablated", paper_graph(*_paper("ablated", variant)))
    _load(kg)
    [board] = leaderboards(kg, dataset=WMT_DE, metric="BLEU")
    assert "ablated" not in {row["paper_id"] for row in board.rows}
    [board] = leaderboards(kg, dataset=WMT_DE, metric="BLEU", ablations=True)
    assert board.rows[0]["method"] == "Transformer + label smoothing"
    assert "change of the row above" in board.rows[0]["evidence"]["ablation"]


def _named(dataset: str, value: float, paper_id: str, method: str = "Ours") -> Result:
    cell = _cell(paper_id, method, "BLEU", str(value))
    return Result(method, "Machine Translation", dataset, "BLEU", value, [cell], True)


def test_a_dataset_s_variants_are_boards_of_their_own_and_its_spellings_one_board(
    kg: KnowledgeGraph,
) -> None:
    # the paper's WMT entity lists both pairs as aliases: the boards still keep them apart
    wmt = Entity(EntityType.DATASET, "WMT", aliases=[WMT_DE, "WMT 2014 English-French"])
    attention = Extraction(
        "attention",
        [wmt],
        [_named(WMT_DE, 28.4, "attention"), _named("WMT 2014 English-French", 41.8, "attention")],
    )
    kg.replace_paper("attention", paper_graph(_paper("attention")[0], attention))
    kg.replace_paper("other", paper_graph(*_paper("other", _named("WMT14 En-De", 26.0, "other"))))
    squads = [_named(name, 90.0 + i, f"squad{i}") for i, name in enumerate(SQUADS)]
    for i, result in enumerate(squads):
        kg.replace_paper(f"squad{i}", paper_graph(*_paper(f"squad{i}", result)))
    boards = {(b.dataset, b.qualifier): [r["value"] for r in b.rows] for b in leaderboards(kg)}
    assert boards[(WMT_DE, "2014 en-de")] == [28.4, 26.0]  # "WMT14 En-De" is the same board
    assert boards[("WMT 2014 English-French", "2014 en-fr")] == [41.8]
    assert sorted(v for (name, _), v in boards.items() if "SQuAD" in name) == [[91.0, 90.0], [92.0]]
    [de] = leaderboards(kg, dataset="WMT14 En-De")
    assert de.dataset == WMT_DE and len(de.rows) == 2
    assert len(leaderboards(kg, dataset="WMT")) == 2  # the dataset: both of its variants
    assert [b.rows[0]["value"] for b in leaderboards(kg, dataset="SQuAD v1.1")] == [91.0]


SQUADS = ("SQuAD 1.1", "SQuAD v1.1", "SQuAD2.0")


def test_a_part_column_is_a_board_of_its_dataset(kg: KnowledgeGraph) -> None:
    """XLNet's "RACE (Middle)" and "RACE (High)" columns are two boards of one dataset, RACE,
    which a filter on RACE finds both of; PaLM's "RACE-m" is the middle-school part, so its row
    meets XLNet's on the "middle" board, not a board of its own."""
    rows = [_named("RACE (Middle)", 88.6, "xlnet"), _named("RACE (High)", 84.0, "xlnet")]
    kg.replace_paper("xlnet", paper_graph(*_paper("xlnet", *rows)))
    kg.replace_paper("palm", paper_graph(*_paper("palm", _named("RACE-m", 68.1, "palm"))))
    race = leaderboards(kg, dataset="RACE")
    assert {b.qualifier: [r["value"] for r in b.rows] for b in race} == {
        "high": [84.0],
        "middle": [88.6, 68.1],
    }
    [middle] = leaderboards(kg, dataset="RACE-m")
    assert [r["paper_id"] for r in middle.rows] == ["xlnet", "palm"]


def _accuracy(metric: str, value: float, paper_id: str, method: str) -> Result:
    cell = _cell(paper_id, method, metric, str(value))
    return Result(method, "Question Answering", "BoolQ", metric, value, [cell], True)


def test_one_metric_spelt_two_ways_by_two_papers_is_one_board(kg: KnowledgeGraph) -> None:
    """Primer's graph labels its metric "Accuracy", PaLM's "accuracy": one metric node, so the
    two papers' BoolQ values meet on one board instead of two boards of one paper each."""
    kg.replace_paper(
        "primer", paper_graph(*_paper("primer", _accuracy("Accuracy", 62.0, "primer", "Primer")))
    )
    palm = _paper(
        "palm",
        _accuracy("accuracy", 88.0, "palm", "PaLM"),
        _accuracy("accuracy", 83.7, "palm", "PaLM 62B"),
    )
    kg.replace_paper("palm", paper_graph(*palm))
    [board] = leaderboards(kg, dataset="BoolQ")
    assert [(r["paper_id"], r["value"]) for r in board.rows] == [
        ("palm", 88.0),
        ("palm", 83.7),
        ("primer", 62.0),
    ]
    assert board.metric == "accuracy"  # the label most of its rows carry


def _lambada(metric: str, value: float, paper_id: str, method: str) -> Result:
    cell = _cell(paper_id, method, metric, str(value))
    return Result(method, "Language Modelling", "LAMBADA", metric, value, [cell], True)


def test_a_share_printed_as_a_fraction_is_ranked_as_a_percentage(kg: KnowledgeGraph) -> None:
    """RETRO prints LAMBADA accuracies as fractions (0.73), RWKV as percentages (70.83): one
    board ranks them on one scale, the printed number kept; a perplexity is never rescaled."""
    retro = [
        _lambada("accuracy", 0.73, "retro", "Retro 7.5B"),
        _lambada("perplexity", 0.9, "retro", "Retro 7.5B"),
    ]
    rwkv = [
        _lambada("accuracy", 70.83, "rwkv", "RWKV-4 14B"),
        _lambada("perplexity", 3.8, "rwkv", "RWKV-4 14B"),
    ]
    kg.replace_paper("retro", paper_graph(*_paper("retro", *retro)))
    kg.replace_paper("rwkv", paper_graph(*_paper("rwkv", *rwkv)))
    [accuracy] = leaderboards(kg, metric="accuracy")
    assert [(r["method"], r["value"], r.get("printed_value")) for r in accuracy.rows] == [
        ("Retro 7.5B", 73.0, 0.73),
        ("RWKV-4 14B", 70.83, None),
    ]
    [perplexity] = leaderboards(kg, metric="perplexity")
    assert sorted(r["value"] for r in perplexity.rows) == [0.9, 3.8]


def test_error_rates_below_one_percent_are_not_read_as_fractions(kg: KnowledgeGraph) -> None:
    """MNIST test errors are percentages that all lie below 1 in a strong paper (0.35) and above
    it in a weaker one (1.2): an error rate is never rescaled, so 0.35 stays first, not 35."""
    mnist = [
        Result(
            "Net A",
            "Image Classification",
            "MNIST",
            "Top-1 Error",
            0.35,
            [_cell("a", "Net A", "Top-1 Error", "0.35")],
            False,
        ),
        Result(
            "Net B",
            "Image Classification",
            "MNIST",
            "Top-1 Error",
            1.2,
            [_cell("b", "Net B", "Top-1 Error", "1.2")],
            False,
        ),
    ]
    kg.replace_paper("a", paper_graph(*_paper("a", mnist[0])))
    kg.replace_paper("b", paper_graph(*_paper("b", mnist[1])))
    [board] = leaderboards(kg, dataset="MNIST")
    assert board.higher_is_better is False
    assert [(r["method"], r["value"], r.get("printed_value")) for r in board.rows] == [
        ("Net A", 0.35, None),
        ("Net B", 1.2, None),
    ]


def _scored(dataset: str, metric: str, value: float, method: str, task: str) -> Result:
    return Result(method, task, dataset, metric, value, [_cell("p", method, metric, str(value))])


def test_top_1_accuracy_and_accuracy_are_one_board_top_5_is_another(kg: KnowledgeGraph) -> None:
    """ViT prints CIFAR-10 "Accuracy" in one table and "Top-1 Accuracy" in another: one
    measure, one board, which a filter on either name finds; top-5 accuracy stays apart."""
    results = [
        _scored("CIFAR-10", "Accuracy", 99.5, "ViT-H/14", "Image Classification"),
        _scored("CIFAR-10", "Top-1 Accuracy", 99.13, "ViT-L/32", "Image Classification"),
        _scored("CIFAR-10", "Top-5 Accuracy", 99.9, "ViT-L/32", "Image Classification"),
    ]
    kg.replace_paper("vit", paper_graph(*_paper("vit", *results)))
    boards = {b.metric: [r["value"] for r in b.rows] for b in leaderboards(kg)}
    assert boards == {"Accuracy": [99.5, 99.13], "Top-5 Accuracy": [99.9]}
    for name in ("accuracy", "top-1 accuracy"):
        assert [len(b.rows) for b in leaderboards(kg, metric=name)] == [2]


def test_one_dataset_scored_for_two_tasks_in_one_paper_is_two_boards(kg: KnowledgeGraph) -> None:
    """SciBERT scores SciERC for NER and for relation extraction, both by F1: the paper gives
    one method a value under each task, so they are two boards; a task only one paper reads
    differently (ARC as question answering or as commonsense reasoning) splits nothing."""
    scibert = [
        _scored("SciERC", "F1", 67.57, "SciBERT", "Named Entity Recognition"),
        _scored("SciERC", "F1", 79.97, "SciBERT", "Relation Extraction"),
        _scored("ARC (Easy)", "Accuracy", 60.0, "SciBERT", "Question Answering"),
    ]
    kg.replace_paper("scibert", paper_graph(*_paper("scibert", *scibert)))
    arc = _scored("ARC (Easy)", "Accuracy", 67.8, "RWKV", "Common Sense Reasoning")
    kg.replace_paper("rwkv", paper_graph(*_paper("rwkv", arc)))
    boards = {(b.dataset, b.task): [r["value"] for r in b.rows] for b in leaderboards(kg)}
    assert boards[("SciERC", "Named Entity Recognition")] == [67.57]
    assert boards[("SciERC", "Relation Extraction")] == [79.97]
    assert [v for (name, _), v in boards.items() if name == "ARC (Easy)"] == [[67.8, 60.0]]


def test_only_the_tasks_one_paper_tells_apart_split_a_board(kg: KnowledgeGraph) -> None:
    """ViT gives ViT-L/16 CIFAR-10 accuracy under image classification and under few-shot image
    classification: those two tasks split the board; DeiT's image classification row joins its
    task's board, BiT's "Classification" and a row with no task the larger board, not two more."""
    vit = [
        _scored("CIFAR-10", "Accuracy", 99.4, "ViT-L/16", "Image Classification"),
        _scored("CIFAR-10", "Accuracy", 97.0, "ViT-L/16", "Few-Shot Image Classification"),
    ]
    kg.replace_paper("vit", paper_graph(*_paper("vit", *vit)))
    deit = _scored("CIFAR-10", "Accuracy", 99.1, "DeiT-B", "Image Classification")
    kg.replace_paper("deit", paper_graph(*_paper("deit", deit)))
    bit = _scored("CIFAR-10", "Accuracy", 99.3, "BiT-L", "Classification")
    kg.replace_paper("bit", paper_graph(*_paper("bit", bit)))
    bare = Result("WRN", "", "CIFAR-10", "Accuracy", 96.0, [_cell("wrn", "WRN", "Accuracy", "96")])
    kg.replace_paper("wrn", paper_graph(*_paper("wrn", bare)))
    boards = {b.task: [r["value"] for r in b.rows] for b in leaderboards(kg, dataset="CIFAR-10")}
    assert boards == {
        "Image Classification": [99.4, 99.3, 99.1, 96.0],
        "Few-Shot Image Classification": [97.0],
    }


def test_a_one_letter_variant_two_parts_start_is_a_board_of_its_own(kg: KnowledgeGraph) -> None:
    """Paper A's "MNLI-m" is MultiNLI matched, paper B's "MNLI (mismatched)" the other part:
    both parts start with "m", so the two stay two boards, whatever a query's filters; a
    digit variant ("1") is no initial of "10-shot"."""
    kg.replace_paper("a", paper_graph(*_paper("a", _named("MNLI-m", 84.6, "a"))))
    kg.replace_paper("b", paper_graph(*_paper("b", _named("MNLI (mismatched)", 90.1, "b"))))
    boards = {b.qualifier: [r["value"] for r in b.rows] for b in leaderboards(kg)}
    assert boards == {"m": [84.6], "mismatched": [90.1]}
    node = "https://example.org/dataset/x"
    names = variant_names({(node, "1"), (node, "10-shot")}, {node: "X"})
    assert names[(node, "1")] == "1"


def test_a_one_letter_variant_meets_its_part_whatever_the_filter(kg: KnowledgeGraph) -> None:
    """XLNet prints "RACE (Middle)" and "RACE (High)", PaLM "RACE-m": a filter on PaLM's name
    still files its row under "middle", the variant the graph holds, not under "m"."""
    rows = [_named("RACE (Middle)", 88.6, "xlnet"), _named("RACE (High)", 84.0, "xlnet")]
    kg.replace_paper("xlnet", paper_graph(*_paper("xlnet", *rows)))
    palm = Result("PaLM", "Reading Comprehension", "RACE-m", "F1", 68.1, [])
    kg.replace_paper("palm", paper_graph(*_paper("palm", palm)))
    assert [b.qualifier for b in leaderboards(kg, metric="F1")] == ["middle"]


def test_top_1_accuracy_under_another_task_is_not_the_plain_accuracy_board(
    kg: KnowledgeGraph,
) -> None:
    """DPR's "Top-1 Accuracy" on Natural Questions is a passage-retrieval hit rate, FiD's
    "Accuracy" there question-answering accuracy: no task shared, two boards. "Top-1 Accuracy
    (%)" and "Top-1 error rate" fold like "Top-1 Accuracy" where the task is shared."""
    dpr = _scored("Natural Questions", "Top-1 Accuracy", 45.9, "DPR", "Passage Retrieval")
    kg.replace_paper("dpr", paper_graph(*_paper("dpr", dpr)))
    fid = _scored("Natural Questions", "Accuracy", 51.4, "FiD", "Question Answering")
    kg.replace_paper("fid", paper_graph(*_paper("fid", fid)))
    boards = {b.metric: [r["value"] for r in b.rows] for b in leaderboards(kg)}
    assert boards == {"Top-1 Accuracy": [45.9], "Accuracy": [51.4]}
    task = "Image Classification"
    cifar = [
        _scored("CIFAR-100", "Top-1 Accuracy (%)", 91.7, "ViT-L/16", task),
        _scored("CIFAR-100", "Accuracy", 93.0, "ViT-H/14", task),
        _scored("CIFAR-100", "Top-1 error rate", 8.3, "ViT-L/16", task),
        _scored("CIFAR-100", "Error rate", 7.0, "ViT-H/14", task),
    ]
    kg.replace_paper("vit", paper_graph(*_paper("vit", *cifar)))
    assert sorted(len(b.rows) for b in leaderboards(kg, dataset="CIFAR-100")) == [2, 2]
    assert [len(b.rows) for b in leaderboards(kg, metric="top-1 error rate")] == [2]
