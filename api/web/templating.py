"""The Jinja2 environment of the pages: where templates and static files live, and helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from papergraph.api.web.neighbourhood import entity_url, paper_url

WEB_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def format_value(value: Any) -> str:
    """A result value as a person reads it: 61.2, not 61.2000000001; strings as they are."""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return "" if value is None else str(value)


def create_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.globals.update(paper_url=paper_url, entity_url=entity_url)
    templates.env.filters["value"] = format_value
    return templates
