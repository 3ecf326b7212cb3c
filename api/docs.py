"""The API docs (/docs: Swagger UI, /redoc: ReDoc) with every asset served by this server.

The scripts and styles come from the `fastapi-offline` package (Swagger UI, Apache-2.0; ReDoc,
MIT), so the docs work with no network. ReDoc's menu also shows a logo it fetches from its
vendor's CDN; the ReDoc page keeps that one image from being requested (its link stays).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse
from fastapi_offline import FastAPIOffline

ASSETS = "/static-offline-docs"
#: Runs before ReDoc's script: an <img> whose src names another host gets no src.
_NO_REMOTE_IMAGES = """<script>
(() => {
  const remote = (value) => /^(https?:)?\\/\\//.test(String(value))
    && !String(value).startsWith(location.origin);
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (this.tagName === "IMG" && name === "src" && remote(value)) return;
    return setAttribute.call(this, name, value);
  };
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    get() { return src.get.call(this); },
    set(value) { if (!remote(value)) src.set.call(this, value); },
  });
})();
</script>
<style>img[alt="redocly logo"] { display: none; }</style>
"""


def offline_docs_app(**settings: Any) -> FastAPI:
    """A FastAPI app whose /docs and /redoc load nothing from other hosts."""
    app = FastAPIOffline(redoc_url=None, static_url=ASSETS, **settings)

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS}/redoc.standalone.js",
            with_google_fonts=False,
            redoc_favicon_url=f"{root}{ASSETS}/favicon.png",
        )
        html = bytes(page.body).decode("utf-8").replace("<body>", "<body>" + _NO_REMOTE_IMAGES, 1)
        return HTMLResponse(html)

    return app
