"""Which rows of a table are the paper's own: the method its title names, or a group of "ours"."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Paper, Table
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_names import own_names
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with


def _method(label: str, salience: float, *aliases: str) -> Entity:
    return Entity(EntityType.METHOD, label, list(aliases), salience=salience)


def test_a_salient_method_the_title_spells_out_is_the_papers_own() -> None:
    paper = Paper(id="fpn", title="Feature Pyramid Networks for Object Detection")
    methods = [
        _method("FPN", 0.46, "feature pyramid networks"),
        _method("RPN", 0.41),
        _method("Faster R-CNN", 0.33),
    ]
    assert own_names(paper, methods)[0] == "FPN"


def test_a_coined_name_shortening_title_words_is_the_papers_own() -> None:
    paper = Paper(id="pixelrnn", title="Pixel Recurrent Neural Networks")
    methods = [_method("LSTM", 0.35), _method("PixelRNN", 0.18), _method("ConvNet", 0.17)]
    assert own_names(paper, methods) == ["PixelRNN"]


def test_a_title_method_far_down_the_salience_ranking_is_not_the_papers_own() -> None:
    paper = Paper(
        id="tricks",
        title="Bag of Tricks for Image Classification with Convolutional Neural Networks",
    )
    methods = [
        _method("ResNet", 0.4),
        _method("MobileNet", 0.3),
        _method("Inception", 0.2),
        _method("CNN", 0.1, "convolutional neural networks"),
    ]
    assert "CNN" not in own_names(paper, methods)


def test_rows_under_a_group_row_saying_ours_are_the_papers_own() -> None:
    table = Table(
        grid(
            [
                ["System", "EM", "F1"],
                ["Published", "", ""],
                ["BiDAF", "68.0", "77.3"],
                ["Ours", "", ""],
                ["Large (single)", "84.1", "90.9"],
            ]
        ),
        "2",
        "Table 2: SQuAD 1.1 results.",
    )
    paper = paper_with([table], "A paper", "We evaluate on SQuAD.")
    rows = table_results(paper, hybrid_matcher(), [])
    assert {(r.method, r.metric, r.value) for r in rows} == {
        ("Large (single)", "EM", 84.1),
        ("Large (single)", "F1", 90.9),
    }


def test_of_many_rows_naming_the_method_the_one_printed_bold_is_the_result() -> None:
    table = Table(
        grid(
            [
                ["Model", "Top-1", "Top-5"],
                ["ResNet-50", "76.21", "92.97"],
                ["ResNet-50-B", "76.66", "93.28"],
                ["ResNet-50-C", "76.87", "93.48"],
                ["ResNet-50-D", "77.16", "93.52"],
            ],
            bold={(4, 1), (4, 2)},
        ),
        "5",
        "Table 5: Accuracy of ResNet variants on ImageNet.",
    )
    paper = paper_with([table], "A paper", "Deep residual nets on ImageNet.")
    rows = table_results(paper, hybrid_matcher(), ["resnet"])
    assert {(r.method, r.value) for r in rows} == {("ResNet-50-D", 77.16), ("ResNet-50-D", 93.52)}


def test_beside_the_older_version_every_size_of_the_papers_version_is_a_result() -> None:
    """ConvNeXt V2's Table 14: each size of V1 beside the same size of V2, the best printed
    bold; every V2 row is the paper's result, the V1 rows none, bold or not."""
    table = Table(
        grid(
            [
                ["Backbone", "Method", "Val acc."],
                ["NewNet V1-A", "Supervised", "75.7"],
                ["NewNet V2-A", "Supervised", "76.2 (+0.5)"],
                ["NewNet V1-B", "Supervised", "83.8"],
                ["NewNet V2-B", "Supervised", "84.3 (+0.5)"],
                ["NewNet V2-B", "Masked", "84.9 (+1.1)"],
                ["NewNet V2-H", "Masked", "86.3"],
            ],
            bold={(6, 2)},
        ),
        "14",
        "Table 14. ImageNet-1K fine-tuning results. The improvement over V1 is in parentheses.",
    )
    paper = paper_with([table], "NewNet V2: a method", "We propose NewNet V2.")
    rows = table_results(paper, hybrid_matcher(), ["NewNet V2"])
    assert {(r.method, r.value) for r in rows} == {
        ("NewNet V2-A Supervised", 76.2),
        ("NewNet V2-B Supervised", 84.3),
        ("NewNet V2-B Masked", 84.9),
        ("NewNet V2-H Masked", 86.3),
    }


def test_the_papers_method_at_three_sizes_or_more_gives_every_size_not_the_bold_one() -> None:
    """ResNet's Table 3: the paper's method at depths 34, 50, 101 and 152, the deepest bold as
    the best; each depth is a model with results of its own, the cited baselines none."""
    table = Table(
        grid(
            [
                ["model", "top-1 err.", "top-5 err."],
                ["VGG-16 [41]", "28.07", "9.33"],
                ["NewNet-34", "24.52", "7.46"],
                ["NewNet-50", "22.85", "6.71"],
                ["NewNet-101", "21.75", "6.05"],
                ["NewNet-152", "21.43", "5.71"],
            ],
            bold={(5, 1), (5, 2)},
        ),
        "3",
        "Table 3. Error rates (%, 10-crop testing) on ImageNet validation.",
    )
    paper = paper_with([table], "NewNet: a method", "We propose NewNet.")
    rows = table_results(paper, hybrid_matcher(), ["newnet"])
    assert {(r.method, r.metric, r.value) for r in rows if r.metric == "Top-1 Error"} == {
        ("NewNet-34", "Top-1 Error", 24.52),
        ("NewNet-50", "Top-1 Error", 22.85),
        ("NewNet-101", "Top-1 Error", 21.75),
        ("NewNet-152", "Top-1 Error", 21.43),
    }


def test_sizes_named_by_a_code_give_every_size_not_the_bold_one() -> None:
    """The paper's model at sizes S12, S24, M36 and M48 between the baselines, the largest
    bold as the best; each size is a model with a result of its own."""
    table = Table(
        grid(
            [
                ["Backbone", "Params (M)", "mIoU (%)"],
                ["ResNet-18 [24]", "15.5", "32.9"],
                ["NewNet-S12", "15.7", "37.2"],
                ["ResNet-50 [24]", "28.5", "36.7"],
                ["NewNet-S24", "23.2", "40.3"],
                ["NewNet-M36", "59.8", "42.4"],
                ["NewNet-M48", "77.1", "42.7"],
            ],
            bold={(6, 1), (6, 2)},
        ),
        "4",
        "Table 4. Performance of semantic segmentation on ADE20K validation set.",
    )
    paper = paper_with([table], "NewNet: a method", "We propose NewNet.")
    rows = table_results(paper, hybrid_matcher(), ["newnet"])
    assert {(r.method, r.value) for r in rows} == {
        ("NewNet-S12", 37.2),
        ("NewNet-S24", 40.3),
        ("NewNet-M36", 42.4),
        ("NewNet-M48", 42.7),
    }


def test_uncited_sizes_between_cited_baselines_are_the_papers_own() -> None:
    """PoolFormer's Table 4, its title naming MetaFormer: no row names the title's method;
    the uncited rows are the paper's, each size set beside the baselines of its size, not
    only the last row after the last cited one."""
    table = Table(
        grid(
            [
                ["Backbone", "Params (M)", "mIoU (%)"],
                ["ResNet-18 [24]", "15.5", "32.9"],
                ["PVT-Tiny [57]", "17.0", "35.7"],
                ["PoolNet-S12", "15.7", "37.2"],
                ["ResNet-50 [24]", "28.5", "36.7"],
                ["PoolNet-S24", "23.2", "40.3"],
                ["ResNeXt-101-64x4d [62]", "86.4", "40.2"],
                ["PoolNet-M48", "77.1", "42.7"],
            ]
        ),
        "4",
        "Table 4. Performance of semantic segmentation on ADE20K validation set.",
    )
    paper = paper_with([table], "MetaNet is what you need", "We propose MetaNet.")
    rows = table_results(paper, hybrid_matcher(), ["metanet"])
    assert {(r.method, r.value) for r in rows} == {
        ("PoolNet-S12", 37.2),
        ("PoolNet-S24", 40.3),
        ("PoolNet-M48", 42.7),
    }


def test_a_row_citing_its_source_is_another_papers_even_under_the_papers_name() -> None:
    table = Table(
        grid(
            [
                ["Model", "NLL Test (Train)"],
                ["PixelCNN [30]", "3.14 (3.08)"],
                ["PixelCNN (van den Oord et al., 2016)", "3.14"],
                ["Gated PixelCNN", "3.03 (2.90)"],
            ]
        ),
        "1",
        "Table 1: Test set performance of different models on CIFAR-10 in bits/dim.",
    )
    paper = paper_with([table], "A paper", "We propose the Gated PixelCNN.")
    rows = table_results(paper, hybrid_matcher(), ["pixelcnn"])
    assert {(r.method, r.value) for r in rows} == {("Gated PixelCNN", 3.03)}


def test_a_generic_phrase_the_title_prints_names_no_rows() -> None:
    paper = Paper(id="muzero", title="Mastering Atari by Planning with a Learned Model")
    methods = [_method("learned model", 0.45), _method("MuZero", 0.4), _method("MCTS", 0.2)]
    assert "learned model" not in own_names(paper, methods)


def test_sentences_give_no_values_where_the_paper_prints_tables_of_others_results() -> None:
    text = "We propose QANet.\n\nQANet achieves 84.6 F1 on SQuAD, above the 77.3 F1 of BiDAF."
    table = Table(
        grid([["Model", "F1"], ["BiDAF [30]", "77.3"], ["R-Net [31]", "79.5"]]),
        "1",
        "Table 1: Published results on SQuAD.",
    )
    with_table = paper_with([table], "Reading with QANet", text)
    without = paper_with([], "Reading with QANet", text)
    extractor = create_extractor("hybrid")
    valued = [r for r in extractor.extract(with_table).results if r.value is not None]
    assert valued == []
    assert any(r.value == 84.6 for r in extractor.extract(without).results)


def test_rows_after_the_last_cited_baseline_are_the_papers_own() -> None:
    table = Table(
        grid(
            [
                ["Model", "NLL Test"],
                ["Uniform Distribution:", "8.00"],
                ["NICE [1]:", "4.48"],
                ["Deep GMMs [3]:", "4.00"],
                ["RIDE [4]:", "3.47"],
                ["Row LSTM:", "3.07"],
                ["Diagonal BiLSTM:", "3.00"],
            ]
        ),
        "5",
        "Table 5. Test set performance of different models on CIFAR-10 in bits/dim.",
    )
    paper = paper_with([table], "Pixel Recurrent Neural Networks", table.caption, "pixelrnn")
    rows = table_results(paper, hybrid_matcher(), ["PixelRNN"])
    assert {(r.method, r.value) for r in rows} == {("Row LSTM", 3.07), ("Diagonal BiLSTM", 3.0)}


def test_a_table_without_cited_baselines_gives_no_unnamed_rows() -> None:
    table = Table(
        grid([["Model", "NLL Test"], ["Uniform Distribution:", "8.00"], ["Row LSTM:", "3.07"]]),
        "5",
        "Table 5. Test set performance of different models on CIFAR-10 in bits/dim.",
    )
    paper = paper_with([table], "Pixel Recurrent Neural Networks", table.caption, "pixelrnn")
    assert table_results(paper, hybrid_matcher(), ["PixelRNN"]) == []


def test_the_name_the_paper_says_it_calls_its_model_marks_its_rows_whatever_its_type() -> None:
    from papergraph.ingest.extract.table_names import called_names, own_names
    from tests.ingest.tables import paper_with

    paper = paper_with(
        [],
        "Finetuned Language Models Are Zero-Shot Learners",
        "We call this instruction-tuned model FLAN. We refer to Table 2 for details.",
    )
    assert called_names(paper) == ["FLAN"]
    assert "FLAN" in own_names(paper, [])


def test_bold_spread_over_several_own_rows_marks_column_bests_and_keeps_them_all() -> None:
    table = Table(
        grid(
            [
                ["Model", "RG-1", "RG-2", "RG-L"],
                ["MASS", "37.7", "18.5", "34.9"],
                ["GLM-Large", "38.6", "19.7", "36.0"],
                ["GLM-Doc", "38.5", "19.4", "35.8"],
                ["GLM-Sent", "38.9", "20.0", "36.3"],
                ["GLM-410M", "38.9", "20.0", "36.2"],
            ],
            bold={(4, 3), (5, 1), (5, 2)},
        ),
        "3",
        "Table 3: Results on Gigaword summarization.",
    )
    paper = paper_with([table], "A paper", "GLM pretrains by blank infilling.")
    rows = table_results(paper, hybrid_matcher(), ["glm"])
    assert {r.method for r in rows} == {"GLM-Large", "GLM-Doc", "GLM-Sent", "GLM-410M"}
    assert ("GLM-Sent", "ROUGE-L", 36.3) in {(r.method, r.metric, r.value) for r in rows}


def test_our_before_the_methods_name_marks_the_row_and_is_no_part_of_the_name() -> None:
    table = Table(
        grid(
            [
                ["Benchmark", "ImageNet", "ObjectNet"],
                ["ViT-H/14 [16]", "88.55", "-"],
                ["Our ViT-G/14", "90.45", "70.53"],
            ]
        ),
        "1",
        "Table 1. The results for ViT-G/14, compared to the previous state of the art.",
    )
    paper = paper_with([table], "Scaling Vision Transformers", "ViT models scale.")
    rows = table_results(paper, hybrid_matcher(), ["ViT"])
    assert {(r.method, r.value) for r in rows} == {("ViT-G/14", 90.45), ("ViT-G/14", 70.53)}


def test_a_label_citing_the_framework_after_the_methods_name_is_the_papers_own() -> None:
    table = Table(
        grid(
            [
                ["Backbone Method", "mIoU"],
                ["RepLKNet-31B UperNet [102]", "83.1"],
                ["ResNeSt-200 [112] DeepLabv3 [15]", "82.7"],
                ["Swin-B UperNet + [38]", "80.8"],
            ]
        ),
        "7",
        "Table 7. Cityscapes results.",
    )
    paper = paper_with([table], "Scaling Up Your Kernels", "RepLKNet uses large kernels.")
    rows = table_results(paper, hybrid_matcher(), ["RepLKNet"])
    # the citation follows the framework, not the backbone; it is no part of the name
    assert {(r.method, r.value) for r in rows} == {("RepLKNet-31B UperNet", 83.1)}
    cited = table_results(paper, hybrid_matcher(), ["ResNeSt"])
    assert cited == []


def test_refinements_added_one_by_one_to_an_uncited_base_are_the_papers_runs() -> None:
    rows = [
        ["Refinement", "Top-1", "mAP"],
        ["B-standard", "76.14", "77.54"],
        ["D-efficient", "77.16", "78.30"],
        ["+ cosine", "77.91", "79.23"],
        ["+ smooth", "78.34", "80.71"],
        ["+ distill w/o mixup", "78.67", "80.96"],
        ["w/o smooth", "77.90", "79.00"],
    ]
    caption = "Table 8: Faster-RCNN performance with various base networks evaluated on Pascal VOC."
    paper = paper_with([Table(grid(rows), "8", caption)], "Bag of Tricks", "Tricks help.")
    found = {(r.method, r.value) for r in table_results(paper, hybrid_matcher(), ["resnet"])}
    # the backbone's ImageNet top-1 beside a VOC mAP is no VOC result; a part taken out ablates;
    # values rising at each of three steps make the "+" rows a chain (ingest/extract/chains.py)
    assert found == {
        ("D-efficient + cosine", 79.23),
        ("D-efficient + cosine + smooth", 80.71),
        ("D-efficient + cosine + smooth + distill w/o mixup", 80.96),
    }
    cited = [*rows[:3], ["Faster R-CNN [12]", "-", "70.0"], *rows[3:5]]
    paper = paper_with([Table(grid(cited), "8", caption)], "Bag of Tricks", "Tricks help.")
    assert table_results(paper, hybrid_matcher(), ["resnet"]) == []
