"""The quotes page and the search page, each with its JSON twin (``/quotes.json``,
``/search.json``); registered on the app by :func:`add_routes`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response

from . import queries as Q
from . import search as S
from . import table
from .filters import MAX_VALUE_LEN, Filters

Page = Callable[..., HTMLResponse]


def add_routes(
    app: FastAPI,
    site: Any,
    page: Page,
    data: Callable[[Any], Response],
    filters: Callable[[Request], Filters],
    max_offset: int,
) -> None:
    reader: Q.Reader = site.reader

    def quote_list(f: Filters, offset: int, limit: int) -> S.QuoteList:
        return site.cached(("quotes", f, offset, limit), lambda: S.quote_list(reader, f, limit, offset))

    @app.get(
        "/quotes.json",
        response_model=S.QuoteList,
        tags=["quotes"],
        summary="Quotes, newest article first: actor is the speaker, the other filters keep the "
        "quotes of articles reporting matching events (as `ceasefire quotes`)",
    )
    def quotes_json(
        request: Request,
        since: str = "",
        until: str = "",
        type: str = "",
        actor: str = "",
        place: str = "",
        claimant: str = "",
        outlet: str = "",
        q: str = "",
        min_confidence: str = "",
        offset: int = Query(0, ge=0, le=max_offset),
        limit: int = Query(Q.PAGE_SIZE, ge=1, le=1000),
    ) -> Response:
        return data(quote_list(filters(request), offset, limit))

    @app.get("/quotes", include_in_schema=False)
    def quotes_html(request: Request, offset: int = Query(0, ge=0, le=max_offset)) -> Response:
        f = filters(request)
        ql = quote_list(f, offset, Q.PAGE_SIZE)
        return page(
            request,
            "quotes.html",
            f=f,
            ql=ql,
            pages=table.pages(f, "", offset, Q.PAGE_SIZE, ql.total, path="/quotes"),
            link=table.link,
            facets=site.cached(("facets",), lambda: Q.facets(reader)),
            misses=site.cached(("misses", f), lambda: Q.misses(f, reader)) if f.active() else [],
            title="Quotes",
        )

    def found(q: str) -> S.Found:
        return site.cached(("search", q), lambda: S.search(reader, q))

    @app.get(
        "/search.json",
        response_model=S.Found,
        tags=["search"],
        summary="One search box: articles (full text, ranked), the events of those articles, "
        "actors by name or alias, quotes containing every word",
    )
    def search_json(q: str = Query("", max_length=MAX_VALUE_LEN)) -> Response:
        return data(found(q))

    @app.get("/search", include_in_schema=False)
    def search_html(request: Request, q: str = Query("", max_length=MAX_VALUE_LEN)) -> Response:
        return page(request, "search.html", found=found(q), f=Filters(), link=table.link, title="Search")
