"""tests/benchmarks/mercury_pages.py reads Mercury Parser's test files with regexes: what it
takes from them, what it skips and counts, and how it scores a day given in UTC."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

import accuracy
import mercury_pages

from newsread.index.article import Article

_TESTS = r"""
describe('ExampleExtractor', () => {
  describe('initial test case', () => {
    beforeAll(() => {
      url =
        'https://example.com/2016/09/20/story.html';
      const html = fs.readFileSync(
        './fixtures/example.com/1.html'
      );
      result = Mercury.parse(url, { html, fallback: false });
    });

    it('returns the title', async () => {
      const { title } = await result;
      assert.equal(
        title,
        'Trump\u2019s \'big\' ' + "day"
      );
      // assert.equal(title, 'An old title');
    });

    it('returns the author', async () => {
      const { author } = await result;
      assert.equal(author, null);
    });

    it('returns the dek', async () => {
      assert.equal(dek, 'Not scored');
    });

    it('returns the date_published', async () => {
      const { date_published } = await result;
      assert.equal(date_published, `2016-09-19T23:46:01.000Z`);
    });

    it('returns the content', async () => {
      const first13 = excerptContent($('*').first().text(), 13);
      assert.equal(first13, 'The man who the police said');
    });
  });

  it('works with a feature story', async () => {
    const html = fs.readFileSync('./fixtures/example.com/2.html');
    const uri = 'http://example.com/feature.html';
    const { title, author, date_published } = await Mercury.parse(uri, { html });
    assert.equal(title, `A ${name} title`);
    assert.equal(author, 'Ann Lee, Bo Ng and Cy Day');
    assert.equal(date_published.split('T')[0], '2016-09-15');
  });
});
"""


def test_parse_tests_gives_each_fixture_what_its_tests_assert() -> None:
    cases, unread = mercury_pages.parse_tests(_TESTS)

    first, second = cases
    assert first.fixture == "fixtures/example.com/1.html"
    assert first.url == "https://example.com/2016/09/20/story.html"
    assert first.expected == {
        "title": "Trump\u2019s 'big' day",
        "author": None,
        "date": "2016-09-19T23:46:01.000Z",
        "start": "The man who the police said",
    }
    assert second.url == "http://example.com/feature.html"
    assert second.expected == {"author": "Ann Lee, Bo Ng and Cy Day", "date": "2016-09-15"}
    assert unread == 1  # (the title built from a template with a substitution)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ann Lee, Bo Ng and Cy Day", {"ann lee", "bo ng", "cy day"}),
        ("Ann Lee, Bo Ng, and Cy Day", {"ann lee", "bo ng", "cy day"}),
        ("Ann Lee & Bo Ng", {"ann lee", "bo ng"}),
        ("The New York Times", {"the new york times"}),
    ],
)
def test_names_split_a_byline_into_people(byline: str, names: set[str]) -> None:
    assert mercury_pages.names(byline) == names


_EAST = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("published", "want", "right", "tz"),
    [
        (datetime(2016, 9, 19, 19, 46, tzinfo=_EAST), "2016-09-19T23:46:01.000Z", True, True),
        (datetime(2016, 9, 19, 21, 0, tzinfo=_EAST), "2016-09-20T01:00:00.000Z", True, True),
        (datetime(2016, 9, 19, 21, 0), "2016-09-20T01:00:00.000Z", False, True),
        (datetime(2016, 9, 19), "2016-09-20T01:00:00.000Z", False, True),
        (datetime(2016, 9, 19, 3, 0), "2016-09-20T20:00:00.000Z", False, False),
        (datetime(2016, 9, 18, 21, 0), "2016-09-20T01:00:00.000Z", False, False),
        (None, "2016-09-20", False, False),
        (datetime(2016, 9, 15, 8, 0), "2016-09-15", True, True),
    ],
)
def test_check_day_counts_a_day_off_across_midnight_apart(
    published: datetime | None, want: str, right: bool, tz: bool
) -> None:
    score = accuracy.Score()
    article = Article(id="x", key="x.html", path="x.html", title="T", published=published)

    mercury_pages.check_day(score, "page", article, want)

    assert (score.correct["date"], score.correct["date±tz"]) == (right, tz)
