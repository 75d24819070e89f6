"""Annotations follow an article without a URL whose file moved and changed in one re-index
(its key, path and id all changed): found by its title, confirmed by its highlights' quotes
or its kept excerpts, never given to another article of the same title."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from builders import write_article

from newsread.index.annotations.placing import as_listed, find_article, follow_moved, place_all
from newsread.index.article import Article
from newsread.index.library import Library
from newsread.tui.cli import main

TITLE = "Council votes to extend the Kelmor breakwater"
PARAGRAPHS = [
    "The city council voted on Tuesday to extend the breakwater by four hundred metres.",
    "Fishermen said the longer wall would ruin the cod grounds north of the harbour.",
    "The port authority expects the work to start next spring and to last two years.",
    "Opponents have promised to take the decision to the regional court in the autumn.",
]
QUOTES = ["extend the breakwater by four hundred metres", "ruin the cod grounds"]


def write(root: Path, name: str, paragraphs: list[str], title: str = TITLE) -> None:
    write_article(root, name, title, "\n\n".join(paragraphs))


def edited() -> list[str]:
    """The article edited: a paragraph inserted, one reworded, one appended."""
    return [
        PARAGRAPHS[0],
        "An editor's paragraph, added after the vote, about the cost of the project.",
        PARAGRAPHS[1],
        PARAGRAPHS[2].replace("next spring", "in March"),
        PARAGRAPHS[3],
        "Update: the court has set a date for the first hearing.",
    ]


def the(library: Library, name: str) -> Article:
    [key] = library.docs.keys_for(name)
    article = library.article(key)
    assert article is not None
    return article


def annotate(root: Path, name: str, *, highlights: bool = True) -> Article:
    """Index the library and annotate `name`: highlights with notes (or none), an article
    note, a tag and a star."""
    library = Library(root).open()
    try:
        library.update()
        article = the(library, name)
        store = library.annotations
        if highlights:
            for number, quote in enumerate(QUOTES):
                start = article.body.index(quote)
                store.add_highlight(article, start, start + len(quote), note=f"note {number}")
        store.set_article_note(article, "Follow the court case.")
        store.add_tags(article, "kelmor")
        store.set_starred(article)
        return article
    finally:
        library.close()


def move_and_edit(root: Path, old: str, new: str) -> None:
    (root / old).unlink()
    write(root, new, edited())


def assert_attached(library: Library, name: str, *, highlights: bool = True) -> None:
    article = the(library, name)
    store = library.annotations
    placed = store.highlights_for(article)
    expected = QUOTES if highlights else []
    assert [(h.text, h.highlight.note) for h in placed] == [
        (quote, f"note {number}") for number, quote in enumerate(expected)
    ]
    assert all(h.status != "orphaned" for h in placed)
    state = store.article_state(article)
    assert (state.note, state.tag_names, state.starred) == (
        "Follow the court case.",
        ("kelmor",),
        True,
    )
    live = store.all_highlights()
    assert as_listed(library, live)[1] == frozenset()
    # What the highlights view opens: the article each highlight now names.
    assert all(find_article(library, h.article) == article for h in live)


def exported(root: Path, tmp_path: Path) -> list[dict[str, object]]:
    target = tmp_path / "export.json"
    assert main(["export", "--library", str(root), "--format", "json", "-o", str(target)]) == 0
    items: list[dict[str, object]] = json.loads(target.read_text(encoding="utf-8"))["first"][
        "items"
    ]
    return items


def test_annotations_follow_an_article_moved_and_edited_in_one_reindex(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write(root, "2017/vote.txt", PARAGRAPHS)
    write(root, "other.txt", ["Trains will run late all week."], title="Rail works")
    old = annotate(root, "2017/vote.txt")
    move_and_edit(root, "2017/vote.txt", "archive/breakwater-vote.txt")
    library = Library(root).open()
    try:
        summary = library.update()
        assert summary.reread == ("archive/breakwater-vote.txt",)
        assert the(library, "archive/breakwater-vote.txt").id != old.id
        assert_attached(library, "archive/breakwater-vote.txt")
    finally:
        library.close()
    highlights = [item for item in exported(root, tmp_path) if "selector" in item["target"]]  # type: ignore[operator]
    assert {item["newsread:article"]["path"] for item in highlights} == {  # type: ignore[index]
        "archive/breakwater-vote.txt"
    }
    assert all(item["newsread:status"] != "orphaned" for item in highlights)


def test_annotations_follow_the_article_when_another_process_reindexed(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    move_and_edit(root, "vote.txt", "moved/vote-edited.txt")
    indexing = subprocess.run(
        [sys.executable, "-m", "newsread.tui.cli", "index", "-q", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert indexing.returncode == 0, indexing.stderr
    library = Library(root).open()
    try:
        assert_attached(library, "moved/vote-edited.txt")
    finally:
        library.close()


def test_an_article_with_only_a_note_takes_it_along_by_its_text(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt", highlights=False)
    move_and_edit(root, "vote.txt", "moved/vote.txt")
    library = Library(root).open()
    try:
        library.update()
        assert_attached(library, "moved/vote.txt", highlights=False)
    finally:
        library.close()


def test_another_article_with_the_same_title_does_not_capture_them(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    (root / "vote.txt").unlink()
    other = ["A different story under the same headline, about the ferry schedule."] * 3
    write(root, "elsewhere/vote.txt", other)
    library = Library(root).open()
    try:
        library.update()
        place_all(library, library.annotations)
        article = the(library, "elsewhere/vote.txt")
        store = library.annotations
        assert store.highlights_for(article) == []
        assert store.article_state(article).note == ""
        live = store.all_highlights()
        assert len(live) == 2 and as_listed(library, live)[1] == {h.id for h in live}
    finally:
        library.close()


def test_two_copies_that_both_confirm_get_nothing_and_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    move_and_edit(root, "vote.txt", "a/vote.txt")
    write(root, "b/vote.txt", edited()[:-1])
    library = Library(root).open()
    try:
        library.update()
        store = library.annotations
        moves = follow_moved(library, store)
        assert moves.moved == []
        assert list(moves.undecided.values()) == [(TITLE, ("a/vote.txt", "b/vote.txt"))]
        assert moves.problems() == [
            f"annotations of “{TITLE}” not attached: 2 articles could be it"
            " (a/vote.txt, b/vote.txt)"
        ]
        for name in ("a/vote.txt", "b/vote.txt"):
            assert store.highlights_for(the(library, name)) == []
        assert len(as_listed(library, store.all_highlights())[1]) == 2
    finally:
        library.close()
    capsys.readouterr()
    exported(root, tmp_path)
    warned = " ".join(capsys.readouterr().err.split())  # the console wraps lines
    assert f"warning: annotations of “{TITLE}” not attached: 2 articles" in warned


def test_a_row_made_for_the_moved_article_meanwhile_is_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moved article was opened (marked read, given a note) before its annotations found
    it (re-indexed by a newsread that did not follow moves): both notes and marks are kept."""
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    move_and_edit(root, "vote.txt", "moved.txt")
    library = Library(root).open()
    try:
        monkeypatch.setattr(library, "_follow", lambda keys: None)
        library.update()
        article = the(library, "moved.txt")
        store = library.annotations
        store.set_read(article)
        store.set_article_note(article, "Seen again.")
        assert store.highlights_for(article) == []
        place_all(library, store)
        state = store.article_state(article)
        assert state.note == "Follow the court case.\n\nSeen again."
        assert (state.read, state.starred, state.tag_names) == (True, True, ("kelmor",))
        assert [h.text for h in store.highlights_for(article)] == QUOTES
    finally:
        library.close()


def test_the_quick_list_of_annotated_articles_names_each_once(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    write(root, "other.txt", ["Trains will run late all week."], title="Rail works")
    article = annotate(root, "vote.txt")
    library = Library(root).open()
    try:
        other = the(library, "other.txt")
        store = library.annotations
        store.set_starred(other)
        listed = store.annotated_articles()
        assert sorted((info.id, info.key, info.title) for info in listed) == sorted(
            [(article.id, "vote.txt", TITLE), (other.id, "other.txt", "Rail works")]
        )
        assert [item.article.id for item in store.annotations([other.id])] == [other.id]
    finally:
        library.close()


def test_an_orphaned_highlight_follows_its_article_to_its_new_file(tmp_path: Path) -> None:
    """A highlight whose passage was deleted (orphaned, kept to be re-attached) names the
    article's file after the file is renamed, as the others do: the highlights view opens
    the article by that name."""
    root = tmp_path / "library"
    url = "https://gazette.example/2017/breakwater-vote"
    write_article(root, "vote.txt", TITLE, "\n\n".join(PARAGRAPHS), url=url)
    annotate(root, "vote.txt")
    write_article(root, "vote.txt", TITLE, "\n\n".join(PARAGRAPHS[:1] + PARAGRAPHS[2:]), url=url)
    library = Library(root).open()
    try:
        library.update()
        placed = library.annotations.highlights_for(the(library, "vote.txt"))
        assert [h.status for h in placed] == ["anchored", "orphaned"]
    finally:
        library.close()
    (root / "vote.txt").rename(root / "renamed.txt")
    library = Library(root).open()
    try:
        library.update()
        live = library.annotations.all_highlights()
        assert len(live) == 2
        assert {(h.article.key, h.article.path) for h in live} == {("renamed.txt", "renamed.txt")}
        assert all(library.article(h.article.key) is not None for h in live)
    finally:
        library.close()


def test_a_highlight_stays_on_its_file_when_another_copy_of_the_page_is_reread(
    tmp_path: Path,
) -> None:
    """A page saved twice (or saved and clipped) is one article by its URL; a highlight made
    on one file is still cited from that file after the other one changes and is re-read."""
    root = tmp_path / "library"
    root.mkdir()
    url = "https://ledger.example/port-strike"
    text = "\n\n".join(PARAGRAPHS)
    (root / "saved.md").write_text(
        f"---\ntitle: {TITLE}\nsource: Daily Ledger\nurl: {url}\ndate: 2022-05-01\n---\n\n{text}\n"
    )
    clip = {"title": "Breakwater (clipped)", "source": "Clipper", "url": url, "text": text}
    (root / "clip.json").write_text(json.dumps(clip))
    saved = annotate(root, "saved.md")
    (root / "clip.json").write_text(json.dumps({**clip, "section": "Ports"}))
    library = Library(root).open()
    try:
        library.update()
        [item] = library.annotations.annotations([saved.id])
        cited = {(h.article.key, h.article.title, h.article.source) for h in item.highlights}
        assert cited == {("saved.md", TITLE, "Daily Ledger")}
    finally:
        library.close()


def test_a_passage_highlighted_in_two_copies_of_one_text_is_one_highlight_with_both_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two files of the same text are one article: annotations imported on each, naming its
    file, attach to it, the same passage once with both notes, none said to be gone."""
    root = tmp_path / "library"
    root.mkdir()
    for name in ("a.txt", "b.txt"):
        write(root, name, PARAGRAPHS)
    assert main(["index", "-q", str(root)]) == 0
    annotations = [
        {
            "type": "Annotation",
            "motivation": "commenting",
            "created": "2024-03-02T10:00:00Z",
            "target": {
                "source": name,
                "selector": {"type": "TextQuoteSelector", "exact": QUOTES[0]},
            },
            "body": {"type": "TextualBody", "value": f"noted on {name}"},
        }
        for name in ("a.txt", "b.txt")
    ]
    (tmp_path / "notes.json").write_text(json.dumps(annotations))
    assert main(["import", str(tmp_path / "notes.json"), "--library", str(root)]) == 0
    capsys.readouterr()
    assert main(["export", "--library", str(root)]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count(f"> {QUOTES[0]}") == 1
    assert "noted on a.txt" in markdown and "noted on b.txt" in markdown
    assert "no longer" not in markdown


def write_page(root: Path, name: str, paragraphs: list[str]) -> None:
    """`paragraphs` as a saved web page (with its address, as browsers save it)."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(
        f"<!doctype html><html><head><title>{TITLE} | Harbour Gazette</title>"
        '<link rel="canonical" href="https://gazette.example/kelmor-breakwater"></head>'
        f"<body><article><h1>{TITLE}</h1>{text}</article></body></html>",
        encoding="utf-8",
    )


def test_annotations_follow_a_page_saved_again_as_text_under_another_headline(
    tmp_path: Path,
) -> None:
    """The same story saved again by another tool: `vote.html` replaced by `vote.txt`, where
    the headline found is another (a text dump has no <title>, and none of its address). With
    neither the address, the id nor the title to go by, the annotations stayed with the gone
    page ("not in the library"); the file of the same name holding their quotes takes them."""
    root = tmp_path / "library"
    write_page(root, "2017/vote.html", PARAGRAPHS)
    write(root, "other.txt", ["Trains will run late all week."], title="Rail works")
    annotate(root, "2017/vote.html")
    (root / "2017/vote.html").unlink()
    write(root, "2017/vote.txt", edited(), title="Kelmor breakwater to grow by 400 metres")
    library = Library(root).open()
    try:
        library.update()
        assert_attached(library, "2017/vote.txt")
    finally:
        library.close()


def test_a_page_saved_again_without_most_highlighted_passages_still_takes_them(
    tmp_path: Path,
) -> None:
    """Read from its text dump, the page lost the paragraph of one highlight (another tool
    keeps other parts of a page): one quote of two found in the file of the same name is
    enough; the other highlight is orphaned in it, not left with a page no longer there."""
    root = tmp_path / "library"
    write_page(root, "vote.html", PARAGRAPHS)
    annotate(root, "vote.html")
    (root / "vote.html").unlink()
    write(root, "vote.txt", PARAGRAPHS[1:], title="Menu Home News Sport")
    library = Library(root).open()
    try:
        library.update()
        article = the(library, "vote.txt")
        store = library.annotations
        placed = store.highlights_for(article)
        assert [(h.highlight.quote, h.text, h.orphaned) for h in placed] == [
            (QUOTES[1], QUOTES[1], False),
            (QUOTES[0], "", True),
        ]
        assert store.article_state(article).note == "Follow the court case."
        assert as_listed(library, store.all_highlights())[1] == frozenset()
    finally:
        library.close()


def test_another_story_saved_under_the_same_name_does_not_take_them(tmp_path: Path) -> None:
    root = tmp_path / "library"
    write_page(root, "vote.html", PARAGRAPHS)
    annotate(root, "vote.html")
    (root / "vote.html").unlink()
    other = ["A different story under the same name, about the ferry schedule."] * 3
    write(root, "vote.txt", other, title="Ferry timetable changes")
    library = Library(root).open()
    try:
        library.update()
        place_all(library, library.annotations)
        store = library.annotations
        assert store.highlights_for(the(library, "vote.txt")) == []
        live = store.all_highlights()
        assert len(live) == 2 and as_listed(library, live)[1] == {h.id for h in live}
    finally:
        library.close()


def test_annotations_follow_an_article_moved_and_saved_in_nfd(tmp_path: Path) -> None:
    """A file saved again on a Mac (names and text decomposed, NFD) and moved: its title is the
    same to a reader but not code point for code point, and was no candidate."""
    import unicodedata

    title = "Zürich: Gemeinderat stimmt für längere Mole"
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS, title=title)
    annotate(root, "vote.txt")
    (root / "vote.txt").unlink()
    nfd = unicodedata.normalize("NFD", "archiv/Mole-Zürich.txt")
    write(root, nfd, edited(), title=title)
    text = (root / nfd).read_text(encoding="utf-8")
    (root / nfd).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    library = Library(root).open()
    try:
        library.update()
        assert_attached(library, nfd)
    finally:
        library.close()


def test_a_page_saved_again_as_text_is_still_cited_with_its_address(tmp_path: Path) -> None:
    """The text dump of a page names no address: the annotations that followed it into the
    file of the same name were exported citing the file alone, the page's URL the reader had
    gone (the highlights still named it). The article's row keeps what the new reading lacks."""
    root = tmp_path / "library"
    write_page(root, "vote.html", PARAGRAPHS)
    annotate(root, "vote.html")
    (root / "vote.html").unlink()
    write(root, "vote.txt", edited(), title="Kelmor breakwater to grow by 400 metres")
    library = Library(root).open()
    try:
        library.update()
    finally:
        library.close()
    target = tmp_path / "export.md"
    assert main(["export", "--library", str(root), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "<https://gazette.example/kelmor-breakwater>" in text
    assert "Not in this library" not in text


RETITLED = "Kelmor breakwater to grow by 400 metres after council vote"


def test_annotations_follow_an_article_renamed_and_retitled_in_one_reindex(
    tmp_path: Path,
) -> None:
    """The file renamed and its headline edited with a sentence, in one re-index: no URL, a
    new id, another title and another file name. Its highlights' quotes, looked up in the
    articles the re-index read, find it; the export cites it, not a gone article."""
    root = tmp_path / "library"
    write(root, "2017/vote.txt", PARAGRAPHS)
    write(root, "other.txt", ["Trains will run late all week."], title="Rail works")
    old = annotate(root, "2017/vote.txt")
    (root / "2017/vote.txt").unlink()
    write(root, "archive/breakwater.txt", edited(), title=RETITLED)
    library = Library(root).open()
    try:
        summary = library.update()
        assert summary.reread == ("archive/breakwater.txt",)
        new = the(library, "archive/breakwater.txt")
        assert (new.id, new.title) != (old.id, old.title)
        assert_attached(library, "archive/breakwater.txt")
    finally:
        library.close()
    items: list[Any] = exported(root, tmp_path)
    assert {item["newsread:article"]["path"] for item in items} == {"archive/breakwater.txt"}
    # A highlight cites the title it was made under; the article's note and tag its title now.
    whole = [item for item in items if "selector" not in item["target"]]
    assert {item["newsread:article"]["title"] for item in whole} == {RETITLED}
    target = tmp_path / "export.md"
    assert main(["export", "--library", str(root), "-o", str(target)]) == 0
    markdown = target.read_text(encoding="utf-8")
    assert f"## {RETITLED}" in markdown and "archive/breakwater.txt" in markdown
    assert "not in this library" not in markdown.lower()


def test_an_article_with_only_a_note_follows_when_renamed_and_retitled(tmp_path: Path) -> None:
    """No highlights to look up: the pieces of text its row keeps find it among the articles
    the re-index read."""
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    write(root, "other.txt", ["Trains will run late all week."], title="Rail works")
    annotate(root, "vote.txt", highlights=False)
    (root / "vote.txt").unlink()
    write(root, "archive/breakwater.txt", edited(), title=RETITLED)
    library = Library(root).open()
    try:
        library.update()
        assert_attached(library, "archive/breakwater.txt", highlights=False)
    finally:
        library.close()


def test_two_retitled_copies_holding_the_quotes_get_nothing_and_are_named(
    tmp_path: Path,
) -> None:
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    (root / "vote.txt").unlink()
    write(root, "a/breakwater.txt", edited(), title=RETITLED)
    write(root, "b/wall.txt", edited()[:-1], title="Breakwater: the council decides")
    library = Library(root).open()
    try:
        library.update()
        store = library.annotations
        for name in ("a/breakwater.txt", "b/wall.txt"):
            assert store.highlights_for(the(library, name)) == []
        moves = follow_moved(library, store, {"a/breakwater.txt", "b/wall.txt"})
        assert moves.moved == []
        assert list(moves.undecided.values()) == [(TITLE, ("a/breakwater.txt", "b/wall.txt"))]
    finally:
        library.close()


def test_a_new_article_quoting_one_highlighted_passage_does_not_take_them(
    tmp_path: Path,
) -> None:
    """A new story that quotes one of two highlighted passages holds the longest quote, not
    most of them: the annotations stay with the gone article."""
    root = tmp_path / "library"
    write(root, "vote.txt", PARAGRAPHS)
    annotate(root, "vote.txt")
    (root / "vote.txt").unlink()
    follow_up = [
        "A year on, the council still plans to extend the breakwater by four hundred metres.",
        "The port authority has not yet published a timetable for the works.",
    ]
    write(root, "later.txt", follow_up, title="Breakwater plan a year on")
    library = Library(root).open()
    try:
        library.update()
        store = library.annotations
        assert store.highlights_for(the(library, "later.txt")) == []
        assert store.article_state(the(library, "later.txt")).note == ""
        live = store.all_highlights()
        assert len(live) == 2 and as_listed(library, live)[1] == {h.id for h in live}
    finally:
        library.close()


VOCABULARY = (
    "the council harbour harbours voted votes ferry ferries storm of to and a wall cod "
    "grounds breakwater fishermen said metres court appeal Kelmor spring port strike"
).split()


@pytest.mark.parametrize("seed", range(12))
def test_the_articles_holding_a_phrase_are_those_a_slow_scan_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """`Library.holding` both ways (phrases looked up in the index; a few articles' words
    read) against every article's words scanned in turn (tests/oracle.py's phrase match), on
    random libraries indexed in two runs (an article edited, one deleted between them) and
    random phrases: from the articles' text, across a paragraph break, of other words, in
    other case and spelling, of one word or only common ones."""
    import oracle

    from newsread.index import library as library_module

    rng = random.Random(seed)

    def paragraph() -> str:
        return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 12))) + "."

    root = tmp_path / "library"
    bodies = {
        f"a{n}.txt": "\n\n".join(paragraph() for _ in range(rng.randint(1, 3))) for n in range(12)
    }
    for name, body in bodies.items():
        write_article(root, name, f"Article {name}", body)
    assert main(["index", "-q", str(root)]) == 0
    edited, deleted = rng.sample(sorted(bodies), 2)
    bodies[edited] = "\n\n".join(paragraph() for _ in range(2))
    write_article(root, edited, f"Article {edited}", bodies[edited])
    (root / deleted).unlink()
    library = Library(root).open()
    try:
        library.update()
        articles = library.docs.articles(library.docs.all_keys())
        docs = [oracle.Doc.of(article) for article in articles.values()]
        phrases = []
        for _ in range(8):
            words = rng.choice(list(articles.values())).body.split()
            at = rng.randrange(len(words))
            phrase = " ".join(words[at : at + rng.randint(1, 5)])
            if rng.random() < 0.3:
                phrase = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 4)))
            phrases.append(phrase.upper() if rng.random() < 0.2 else phrase)
        within = set(rng.sample(sorted(articles), rng.randint(0, len(articles))))
        within |= {deleted} if rng.random() < 0.5 else set()  # a key no longer there
        parser = oracle.Parser("", docs, oracle.Annotations())
        expected: dict[str, set[str]] = {phrase: set() for phrase in phrases}
        for phrase in phrases:
            if len(oracle._analyse("body", phrase)) >= 2:
                found = parser.phrase(["body"], phrase, 1)
                expected[phrase] = {doc.key for doc in docs if found(doc)}
        scanned = library.holding(phrases, within)
        everywhere = library.holding(phrases)
        monkeypatch.setattr(library_module, "SCAN_WITHIN", 0)
        searched = library.holding(phrases, within)
        assert everywhere == expected, (seed, phrases)
        expected = {phrase: keys & within for phrase, keys in expected.items()}
        assert (scanned, searched) == (expected, expected), (seed, phrases, within)
    finally:
        library.close()


def test_a_gone_article_is_looked_up_by_its_longest_quoted_lines_in_whole_words() -> None:
    """A selection that starts or ends inside a word (its prefix or suffix goes on with
    letters) is looked up without that word, which the index holds whole; a quote across a
    paragraph break by its longest line; the three longest lines of all."""
    from datetime import datetime, timezone

    from newsread.index.annotations.model import ArticleInfo, Highlight
    from newsread.index.annotations.placing import _quoted_phrases

    now = datetime(2024, 1, 1, tzinfo=timezone.utc)

    def made(prefix: str, quote: str, suffix: str) -> Highlight:
        return Highlight(
            "h", ArticleInfo("a"), 0, quote, prefix, suffix, None, None, "anchored", "", now, now
        )

    highlights = [
        made("to e", "xtend the breakwater by four hundred metr", "es."),
        made("would ", "ruin the cod grounds", " north"),
        made("harbour.\n\n", "Fishermen said\n\nthe longer wall would ruin", " the"),
        made("", "wall", "s"),
        made("bre", "akwater\nand the wall", "."),
        made("", "a", ""),
    ]
    assert _quoted_phrases(highlights) == [
        "the breakwater by four hundred",
        "the longer wall would ruin",
        "ruin the cod grounds",
    ]
    assert _quoted_phrases(highlights[3:]) == ["and the wall", "a"]
