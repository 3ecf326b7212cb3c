"""Bibliography entries read into authors, title, year, venue and ids, in the styles papers use."""

from __future__ import annotations

import pytest

from papergraph.ingest.readers.bibliography import is_junk_title, parse_entry
from papergraph.ingest.readers.pdf_references import parse_references

STYLES = [
    (  # NeurIPS / arXiv: full names, title, venue, year
        (
            "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N Gomez, "
            "Łukasz Kaiser, and Illia Polosukhin. Attention is all you need. Advances in neural "
            "information processing systems, 30, 2017."
        ),
        "Attention is all you need",
        "Ashish Vaswani",
        2017,
        "Advances in neural information processing systems",
    ),
    (  # ACL: the year after the authors
        (
            "Ilias Chalkidis, Ion Androutsopoulos, and Nikolaos Aletras. 2019. Neural legal judgment "
            "prediction in English. In Proceedings of the 57th Annual Meeting of the Association for "
            "Computational Linguistics, pages 4317–4323, Florence, Italy. Association for "
            "Computational Linguistics."
        ),
        "Neural legal judgment prediction in English",
        "Ilias Chalkidis",
        2019,
        "Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics",
    ),
    (  # "Surname, I." lists
        (
            "Kingma, D. P. and Ba, J. Adam: A method for stochastic optimization. arXiv preprint "
            "arXiv:1412.6980 (2014)."
        ),
        "Adam: A method for stochastic optimization",
        "D. P. Kingma",
        2014,
        "arXiv preprint",
    ),
    (  # IEEE: quoted title
        '[3] A. Vaswani et al., "Attention is all you need," in NIPS, 2017.',
        "Attention is all you need",
        "A. Vaswani",
        2017,
        "NIPS",
    ),
    (  # physics: comma after the authors, no quotes
        "A. Kandala, K. Temme, and J. M. Gambetta, Error mitigation extends the computational "
        "reach of a noisy quantum processor, Nature 567, 491 (2019).",
        "Error mitigation extends the computational reach of a noisy quantum processor",
        "A. Kandala",
        2019,
        "Nature",
    ),
    (  # LaTeX left in the entry, accented surname first
        "K.~Koide and A.~Banno, ``Voxelized GICP for fast point cloud registration,'' in "
        "IEEE ICRA, 2021.",
        "Voxelized GICP for fast point cloud registration",
        "K. Koide",
        2021,
        "IEEE ICRA",
    ),
    (
        "Šilhavý, M. Ideally soft nematic elastomers. Netw. Heterog. Media 2 (2007), 279–311.",
        "Ideally soft nematic elastomers",
        "M Šilhavý",
        2007,
        "Netw. Heterog. Media",
    ),
    (  # ACL with a middle initial
        "Diederik P. Kingma and Jimmy Ba. 2015. Adam: A method for stochastic optimization. In "
        "3rd International Conference on Learning Representations, ICLR 2015.",
        "Adam: A method for stochastic optimization",
        "Diederik P. Kingma",
        2015,
        "3rd International Conference on Learning Representations, ICLR",
    ),
    (  # "Surname, Given" pairs; the title after a final initial
        "Krizhevsky, Alex, Sutskever, Ilya, and Hinton, Geoffrey E. Imagenet classification with "
        "deep convolutional neural networks. In Advances in neural information processing "
        "systems, pp. 1097–1105, 2012.",
        "Imagenet classification with deep convolutional neural networks",
        "Alex Krizhevsky",
        2012,
        "Advances in neural information processing systems",
    ),
    (  # Nature: et al., year in brackets
        (
            "Mnih, V. et al. Human-level control through deep reinforcement learning. Nature 518, "
            "529–533 (2015)."
        ),
        "Human-level control through deep reinforcement learning",
        "V Mnih",
        2015,
        "Nature",
    ),
]


@pytest.mark.parametrize(("entry", "title", "first_author", "year", "venue"), STYLES)
def test_each_style_gives_title_first_author_year_and_venue(
    entry: str, title: str, first_author: str, year: int, venue: str
) -> None:
    reference = parse_entry(entry)
    assert (reference.title, reference.year, reference.venue) == (title, year, venue)
    assert reference.authors[0] == first_author


def test_ids_are_read_from_the_entry() -> None:
    reference = parse_entry(
        "Tianqi Chen, Bing Xu, Chiyuan Zhang, and Carlos Guestrin. Training deep nets with "
        "sublinear memory cost. arXiv preprint arXiv:1604.06174, 2016. doi: 10.1000/xyz123."
    )
    assert (reference.arxiv_id, reference.doi) == ("1604.06174", "10.1000/xyz123")
    assert reference.title == "Training deep nets with sublinear memory cost"
    assert len(reference.authors) == 4


@pytest.mark.parametrize(
    "entry",
    [
        (
            "Benjamin Charlier and Jean Feydy. Kernel operations on the gpu. 2021. URL http: "
            "//arxiv.org/abs/2004.11127."
        ),
        (
            "Ilias Chalkidis and Ion Androutsopoulos. Neural legal judgment prediction. In Proceedings "
            "of ACL, Florence, Italy, 2019. Association for Computational Linguistics."
        ),
    ],
)
def test_urls_and_publishers_are_never_titles(entry: str) -> None:
    title = parse_entry(entry).title or ""
    assert "URL" not in title and "http" not in title
    assert title != "Association for Computational Linguistics"


def test_a_placeholder_arxiv_id_is_no_id() -> None:
    assert (
        parse_entry("J. Chang et al. 2022. CiteSee. ArXiv abs/2022.99999 (2022).").arxiv_id is None
    )


def test_junk_titles_are_recognised() -> None:
    assert is_junk_title("URL http: //arxiv.org/abs/1706.03762")
    assert is_junk_title("Association for Computational Linguistics")
    assert is_junk_title("In Advances in Neural Information Processing Systems (NeurIPS), 2021")
    assert not is_junk_title("Attention is all you need")


def test_a_bracketed_list_keeps_each_entry_and_its_printed_number() -> None:
    section = (
        "[1] A. Author. A first title of a paper. In Venue, 2019.\n"
        "[2] B. Writer and C. Poet. Second paper title here. Journal of Things, 2020.\n"
        "[3] D. Someone. Third title of some work. arXiv:2001.00001, 2020.\n"
    )
    references = parse_references(section)
    assert [r.raw[:3] for r in references] == ["[1]", "[2]", "[3]"]
    assert [r.title for r in references] == [
        "A first title of a paper",
        "Second paper title here",
        "Third title of some work",
    ]
    assert references[2].arxiv_id == "2001.00001"


def test_a_page_number_between_entries_does_not_merge_them() -> None:
    section = (
        "Richard Socher and Alex Perelygin. Recursive deep models for semantic compositionality.\n"
        "In Proceedings of EMNLP, 2013.\n15\n"
        "Ashish Vaswani and Noam Shazeer. Attention is all you need. In NIPS, 2017.\n"
        "Jimmy Lei Ba and Jamie Ryan Kiros. 2016. Layer normalization.\n"
    )
    assert [r.title for r in parse_references(section)] == [
        "Recursive deep models for semantic compositionality",
        "Attention is all you need",
        "Layer normalization",
    ]


def test_numbered_lists_after_the_bibliography_do_not_decide_the_split() -> None:
    entries = [
        f"Author{n} Person and Other Writer. A title number {n} here. In Venue, 2020.\n"
        for n in range(8)
    ]
    appendix = "A Details\n1. First step of the method.\n2. Second step.\n3. Third step.\n"
    assert len(parse_references("".join(entries) + appendix)) >= 8
