"""tantivy (Rust, through its Python bindings) as bench.py's second reference, beside FTS5.

FTS5 says how far newsread is from SQLite; tantivy says how far it is from a native engine
built for this (Lucene's design: segments, block-compressed postings, BM25, fast fields).
Benchmark-only: `pip install tantivy` (or `pip install -e '.[bench]'`); without it the
tantivy columns say "-". The same files, parsed as the FTS5 reference parses them, and the
same work per query as FTS5 and the result list: top 20 by BM25 (or by date) with their
stored fields, the exact total and the source/section/year facet counts; but no snippets:
tantivy's `SnippetGenerator` through the Python bindings took ~8 ms per hit on a 3 KB body
(160 ms for a page of 20; measured while writing this), a cost of the bindings rather than of
the engine, which would hide the engine's own figures.

Per kind: term, AND and phrase through tantivy's query parser over title (boost 2, as
newsread) and body; prefix `abcd*` as a regex over the stemmed terms; fuzzy as tantivy's own
edit-distance-1 query on title and body; a date range over a date fast field, newest first.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

INSTALL_HINT = "tantivy is not installed (pip install tantivy): no tantivy column"


def available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("source", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("section", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("authors", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("path", stored=True, tokenizer_name="raw")
    builder.add_text_field("url", stored=True, tokenizer_name="raw")
    builder.add_text_field("source_facet", fast=True, tokenizer_name="raw")
    builder.add_text_field("section_facet", fast=True, tokenizer_name="raw")
    builder.add_integer_field("year", stored=True, indexed=True, fast=True)
    builder.add_date_field("published", stored=True, indexed=True, fast=True)
    return builder.build()


def _published(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(tzinfo=timezone.utc) if value else None


def build(
    root: Path,
    folder: Path,
    files: dict[str, tuple[int, int]],
    parse: Callable[[str], dict[str, Any]],
) -> dict[str, Any]:
    """Index every file of `root` into a new index in `folder` (read + parse + add + commit)."""
    import tantivy

    started = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index = tantivy.Index(_schema(), path=str(folder))
    writer = index.writer()
    count = 0
    for rel in sorted(files):
        with open(root / rel, encoding="utf-8") as handle:
            f = parse(handle.read())
        doc = {
            "title": f["title"],
            "body": f["body"],
            "source": f["source"],
            "section": f["section"],
            "authors": f["authors"],
            "path": rel,
            "url": f["url"],
            "source_facet": f["source"],
            "section_facet": f["section"],
        }
        if f["year"] is not None:
            doc["year"] = f["year"]
        published = _published(f["published"])
        if published is not None:
            doc["published"] = published
        writer.add_document(tantivy.Document(**doc))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    index.reload()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return {
        "seconds": seconds,
        "articles": count,
        "segments": index.searcher().num_segments,
        "index_mb": round(size / 2**20, 1),
    }


class TantivySearch:
    """The query mix on tantivy (see the module docstring)."""

    FACETS = {
        "source": {"terms": {"field": "source_facet", "size": 1000}},
        "section": {"terms": {"field": "section_facet", "size": 1000}},
        "year": {"terms": {"field": "year", "size": 1000}},
    }

    def __init__(self, folder: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def query(self, kind: str, spec: dict[str, Any]) -> Any:
        t = self.tantivy
        words = spec.get("words", [])
        fields = ["title", "body"]
        boosts = {"title": 2.0}
        if kind == "date":
            start = datetime.fromisoformat(spec["start"]).replace(tzinfo=timezone.utc)
            end = datetime.combine(
                date.fromisoformat(spec["end"]) + timedelta(days=1), datetime.min.time()
            ).replace(tzinfo=timezone.utc)
            return t.Query.range_query(
                self.schema, "published", t.FieldType.Date, start, end, include_upper=False
            )
        if kind == "prefix":
            return t.Query.boolean_query(
                [
                    (t.Occur.Should, t.Query.regex_query(self.schema, f, f"{words[0]}.*"))
                    for f in fields
                ]
            )
        if kind == "fuzzy":
            return t.Query.boolean_query(
                [
                    (t.Occur.Should, t.Query.fuzzy_term_query(self.schema, f, words[0], 1))
                    for f in fields
                ]
            )
        if kind == "phrase":
            text = '"' + " ".join(words) + '"'
        elif kind == "field":
            text = f"title:{words[0]}"
        else:  # term, AND, a keystroke while typing: every word
            text = " ".join(words)
        return self.index.parse_query(
            text, fields, field_boosts=boosts, conjunction_by_default=True
        )

    def search(self, kind: str, spec: dict[str, Any]) -> tuple[int, int]:
        """(hits shown, total matches)."""
        if not spec.get("words") and kind != "date":
            return 0, 0
        q = self.query(kind, spec)
        searcher = self.searcher
        if kind == "date" or spec.get("sort") == "date":
            result = searcher.search(q, 20, count=True, order_by_field="published")
        else:
            result = searcher.search(q, 20, count=True)
        for _, address in result.hits:
            searcher.doc(address).to_dict()  # what a result row shows, snippets aside
        searcher.aggregate(q, self.FACETS)
        return len(result.hits), getattr(result, "count", None) or 0  # not in the stubs


def open_and_first_search(folder: Path, first: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    search = TantivySearch(folder)
    search.searcher.num_docs  # noqa: B018 - touch the index as the FTS5 reference does
    opened = time.perf_counter()
    hits, _ = search.search("term", first)
    searched = time.perf_counter()
    return {
        "import_seconds": 0.0,
        "open_seconds": opened - started,
        "first_search_seconds": searched - opened,
        "seconds": searched - started,
        "hits": hits,
    }


def run_queries(folder: Path, queries: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    search = TantivySearch(folder)
    for warm in queries["term"][:3]:
        search.search("term", warm)
    out: dict[str, Any] = {"kinds": {}}
    for kind, specs in queries.items():
        records = []
        for spec in specs:
            started = time.perf_counter()
            try:
                hits, total = search.search(kind, spec)
            except ValueError as error:  # a query tantivy's parser refuses
                records.append({"q": spec["text"], "error": str(error)})
                continue
            ms = (time.perf_counter() - started) * 1000
            records.append({"q": spec["text"], "ms": round(ms, 3), "hits": hits, "total": total})
        out["kinds"][kind] = records
    return out


def folder_for(fts_path: str) -> Path:
    """The tantivy index beside the run's FTS5 database."""
    return Path(fts_path).with_name(Path(fts_path).stem + ".tantivy")
