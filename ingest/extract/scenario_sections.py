"""Sections that tell an imagined user's story: what they name is no topic of the paper.

Papers on tools ground a design in a story before they evaluate it: CiteSee's "4.2 Example User
Scenario" follows "a researcher [who] wants to learn more about automatic image captioning"
through the tool, five mentions in four chunks, salient enough to show "image captioning" as a
task of a paper that evaluates none. The scenario's topic is the imagined user's. A task or
dataset named only under such headings (an example, illustrative, motivating or hypothetical
scenario, a walkthrough other than a cognitive one) or under background ones, never in a table
or caption, is not shown, as one named only in background (`background_only`,
ingest/extract/curate.py); rows filed under it show it again (`reshown_tasks`).
"""

from __future__ import annotations

import re

#: "4.2 Example User Scenario", "A Motivating Scenario", "System Walkthrough". Not "6 Usage
#: Scenarios", "User Scenarios and Evaluation" nor "5 Cognitive Walkthrough": in papers on
#: visual or interactive tools these are the evaluation, on the paper's own tasks and data.
SCENARIO = re.compile(
    r"\b(?:example|illustrative|motivating|hypothetical)\s+(?:user\s+)?scenarios?\b"
    r"|(?<!cognitive )(?<!cognitive-)\bwalk-?throughs?\b",
    re.IGNORECASE,
)
