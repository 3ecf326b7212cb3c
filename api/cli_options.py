"""The options several `papergraph` commands share, typed once for Typer."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Engine(str, Enum):
    local = "local"
    ray = "ray"


DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Where the stores live (PAPERGRAPH_DATA_DIR).")
]
ApiKey = Annotated[
    str | None,
    typer.Option(
        "--api-key",
        help="The running server's API key, for writes sent to it "
        "(default: PAPERGRAPH_API__API_KEY).",
    ),
]
Host = Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")]
Port = Annotated[int | None, typer.Option(help="Port to bind (default 8000).")]
Workers = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Server processes (default 1). Above 1 they share the stores read-only and take "
        "no writes (refused while an API key is set).",
    ),
]
