"""Unit tests for `newsread.index.files.formats.bylines`: people to authors, outlets to credit."""

from __future__ import annotations

import pytest

from newsread.index.files.formats.bylines import (
    agency_credit,
    byline_date,
    caseless_byline,
    cjk_byline,
    copyright_holder,
    has_byline_prefix,
    is_agency,
    is_byline,
    is_person_name,
    looks_like_outlet,
    merge_bylines,
    one_word_byline,
    split_author_field,
    split_byline,
)


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        ("By Kamila Aliyeva", ["Kamila Aliyeva"], ""),
        ("By\u00a0Azernews", [], "Azernews"),
        ("By AFP", [], "AFP"),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], ""),
        ("By Jane Doe, John Roe and Max Mustermann", ["Jane Doe", "John Roe", "Max Mustermann"], ""),
        ("Written by Jane Doe", ["Jane Doe"], ""),
        # After the outlet, the place it reports from is no one's name.
        ("By Jane Doe, Harbour News, New York", ["Jane Doe"], "Harbour News"),
        ("By Jane Doe, AP, and John Roe", ["Jane Doe", "John Roe"], "AP"),
        ("Jane Doe | Reporter", ["Jane Doe"], ""),
        ("Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("By Jane Doe in Paris", ["Jane Doe"], ""),
        # Where she filed, with its country; a blog's categories after "in".
        ("By Jane Doe in Paris, France", ["Jane Doe"], ""),
        ("By Jane Doe in News, Local", ["Jane Doe"], ""),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"], ""),
        # A blog's link to the comments, run on after the name.
        ("By Jane Doe Leave a Comment", ["Jane Doe"], ""),
        # An agency in brackets after the name is the story's credit, not an aside.
        ("By Jane Doe (AP)", ["Jane Doe"], "AP"),
        ("Jane Doe and John Roe (dpa)", ["Jane Doe", "John Roe"], "dpa"),
        ("Jane Doe (Brussels)", ["Jane Doe"], ""),
        # Square brackets are brackets too; a whole byline in brackets is the byline.
        ("Jane Doe [Reuters]", ["Jane Doe"], "Reuters"),
        ("Jane Doe [with John Roe]", ["Jane Doe", "John Roe"], ""),
        ("[Jane Doe]", ["Jane Doe"], ""),
        ("(Jane Doe)", ["Jane Doe"], ""),
        ("[[Jane Doe]]", ["Jane Doe"], ""),  # a wiki link (Obsidian's clipper)
        ("[[People/J. Doe|Jane Doe]] and [[John Roe]]", ["Jane Doe", "John Roe"], ""),
        ("by Jane Doe No Comments", ["Jane Doe"], ""),
        ("Von Jane Doe 2 Kommentare", ["Jane Doe"], ""),
        # The writer's profile links (their icons' text) run on after the name.
        ("By Jane Doe Twitter Email", ["Jane Doe"], ""),
        ("By Jane Doe | LinkedIn | E-Mail", ["Jane Doe"], ""),
        ("By Jane Doe and John Roe Follow", ["Jane Doe", "John Roe"], ""),
        ("von Jane Doe Twitter Account von Jane Doe", ["Jane Doe"], ""),
        ("Von Jane Doe RSS-Newsfeed neuer Artikel von Jane Doe", ["Jane Doe"], ""),
        ("By Jane Doe More articles by Jane Doe", ["Jane Doe"], ""),
        ("By Jane Doe, Daily Mail", ["Jane Doe"], "Daily Mail"),
        ("By Facebook", [], "Facebook"),
        ("Staff Reporter", [], "Staff Reporter"),
        ("Jane Doe and John Roe | Staff writers", ["Jane Doe", "John Roe"], ""),
        ("By The Associated Press", [], "The Associated Press"),
        ("By Associated Press", [], "Associated Press"),
        ("By Reuters Staff", [], "Reuters"),
        ("By Jane Doe for The Guardian", ["Jane Doe"], "The Guardian"),
        ("By Jane Doe, Senior Correspondent", ["Jane Doe"], ""),
        ("By Jane Doe, 30 May 2017", ["Jane Doe"], ""),
        ("By Jane Doe\nMarch 11, 2015 3:45 PM", ["Jane Doe"], ""),
        ("BY JOHN SMITH", ["John Smith"], ""),
        ("Veröffentlicht von Chris Jung", ["Chris Jung"], ""),
        ("Auteur: Anna Kubišta", ["Anna Kubišta"], ""),
        ("Interview: Julia Lauter", ["Julia Lauter"], ""),
        ("Publicado por Ana Pérez", ["Ana Pérez"], ""),
        ("José Miguel Wilson Hace", ["José Miguel Wilson"], ""),
        ("Bettina Kugler Uhr", ["Bettina Kugler"], ""),
        ("BY BBC NEWS", [], "BBC NEWS"),
        ("By J.R. Smith and Ali al-Amin", ["J.R. Smith", "Ali al-Amin"], ""),
        ("By Valéry Giscard d'Estaing", ["Valéry Giscard d'Estaing"], ""),
        ("Par Jean Dupont", ["Jean Dupont"], ""),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"], ""),
        ("Автор: Иван Петров", ["Иван Петров"], ""),
        ("Jong, Michiel de", ["Michiel de Jong"], ""),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         ["Martin Untersinger", "Damien Leloup", "Morgane Tual"], ""),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"], ""),
        ("By Brenda Goodman, MA\nWebMD Health News", ["Brenda Goodman"], "WebMD Health News"),
        ("Organization for Transformative Works", [], "Organization for Transformative Works"),
        ("By\n\tScott Cunningham", ["Scott Cunningham"], ""),
        ("by Jane Doe (reporting) and John Roe (photography)", ["Jane Doe"], ""),
        ("Von Jane Doe und John Roe (Fotos)", ["Jane Doe"], ""),
        ("Last Updated: January 7, 2025", [], ""),
        ("", [], ""),
        # Pictures in a display name are no part of it (it was the credit, naming no one).
        ("By Zoë \U0001f469\U0001f3fd\u200d\U0001f4bb Ångström", ["Zoë Ångström"], ""),
        ("By Jane Doe \U0001f33b and John Roe", ["Jane Doe", "John Roe"], ""),
        ("By Jane Doe, Reuters \u2705", ["Jane Doe"], "Reuters"),
        ("By \U0001f389", [], ""),
    ],
)  # fmt: skip
def test_split_byline(text: str, authors: list[str], credit: str) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("BY: JANE DOE", ["Jane Doe"]),
        ("By: Jane Doe", ["Jane Doe"]),
        ("BY:JANE DOE", ["Jane Doe"]),
        ("BY JANE DOE", ["Jane Doe"]),
        ("Author: Jane Doe", ["Jane Doe"]),
        ("BY JEAN-PIERRE O'NEILL", ["Jean-Pierre O'Neill"]),
    ],
)
def test_by_with_a_colon_and_names_in_capitals(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")
    assert is_byline(text)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk"]),
        ("Written by Rob Ewaschuk, edited by Betsy Beyer", ["Rob Ewaschuk"]),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"]),
        ("Reporting by Jane Doe and Max Mustermann; Editing by John Roe", ["Jane Doe", "Max Mustermann"]),
        ("By Jane Doe Additional reporting by Max Mustermann", ["Jane Doe", "Max Mustermann"]),
        ("Story by Jane Doe and photos by John Roe", ["Jane Doe"]),
        ("By Jane Doe | Photography by John Roe", ["Jane Doe"]),
        ("Medically reviewed by John Roe, MD", []),
        ("Edited by John Roe", []),
        ("Written and edited by Jane Doe", ["Jane Doe"]),
    ],
)  # fmt: skip
def test_editors_and_photographers_are_not_authors(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize("credentials", ["MS, RD", "RDN", "CPT, CSCS", "PharmD"])
def test_a_health_writer_s_credentials_are_no_credit(credentials: str) -> None:
    assert split_byline(f"By Jane Doe, {credentials}") == (["Jane Doe"], "")


@pytest.mark.parametrize(
    "piece", ["Article", "Analysis", "Opinion", "Commentary", "Review", "Column"]
)
def test_the_kind_of_piece_before_by_credits_its_writer(piece: str) -> None:
    assert split_byline(f"{piece} by Jane Doe") == (["Jane Doe"], "")


@pytest.mark.parametrize(
    "text", ["By JANE DOE, AP Auto Writer", "Jane Doe, AP National Security Writer"]
)
def test_a_job_at_an_agency_is_no_person_and_credits_the_agency(text: str) -> None:
    assert split_byline(text) == (["Jane Doe"], "AP")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Ben Silverman Games Editor", ["Ben Silverman"]),
        ("BEN SILVERMAN GAMES EDITOR", ["Ben Silverman"]),
        ("Jane Doe Staff Writer", ["Jane Doe"]),
        ("Jane Doe Senior Writer", ["Jane Doe"]),
        ("Jane Doe Political Correspondent", ["Jane Doe"]),
        ("By Jane Doe Chief Economics Correspondent", ["Jane Doe"]),
        ("Jane Doe Columnist", ["Jane Doe"]),
        ("Mary Ann Smith Editor", ["Mary Ann Smith"]),
        ("Jane Doe Photographer", ["Jane Doe"]),
        ("Sam Okafor | Transport Reporter", ["Sam Okafor"]),
        ("Sam Okafor | Gadgets Editor", ["Sam Okafor"]),
        ("Jane Doe and John Roe, Contributors", ["Jane Doe", "John Roe"]),
    ],
)
def test_job_titles_after_a_name_are_dropped(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Kooman, F, Jong, Michiel de", ["F. Kooman", "Michiel de Jong"]),
        ("Doe, J.R., Roe, K.", ["J.R. Doe", "K. Roe"]),
        ("Kooman, F.", ["F. Kooman"]),
        ("By Jane Doe and J", ["Jane Doe"]),
    ],
)
def test_surname_first_lists_and_lone_initials(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        (
            "By Dana A. Ford, James S.A. Corey, Chien-Ming Wang, and Tom Watkins, CNN",
            ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"],
            "CNN",
        ),
        ("By George R.R. Martin", ["George R.R. Martin"], ""),
        # A company's form closing its name stays an organisation's.
        ("Editorial Planeta S.A.", [], "Editorial Planeta S.A"),
    ],
)
def test_initials_that_spell_a_company_form_inside_a_name_are_initials(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("E. BARRENECHE / J. I. DA SILVA", ["E. Barreneche", "J. I. Da Silva"]),
        ("Por E. Pérez y Y. Gómez", ["E. Pérez", "Y. Gómez"]),
        ("Ana Souza e João Lima", ["Ana Souza", "João Lima"]),
    ],
)
def test_an_initial_e_or_y_is_no_connective(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        ("Peter Maahn/SP-X", ["Peter Maahn"], "SP-X"),
        ("Jane Doe/dpa", ["Jane Doe"], "dpa"),
        ("Von Jane Doe/AFP", ["Jane Doe"], "AFP"),
        ("Jane Doe | dpa", ["Jane Doe"], "dpa"),
        ("jd/dpa", [], "jd/dpa"),
        ("APA/AP", [], "APA/AP"),
        ("Müller/Schmidt", [], "Müller/Schmidt"),
    ],
)
def test_a_credit_glued_to_a_name_by_a_slash_is_the_credit(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Text von Christian Seiler   Illustration von Markus Roost",
        "Text von Christian Seiler, Fotos von Markus Roost",
        "Texte de Christian Seiler",
    ],
)
def test_text_von_credits_the_writer_and_not_the_illustrator(text: str) -> None:
    assert is_byline(text)
    assert split_byline(text) == (["Christian Seiler"], "")


def test_surname_first_pairs_need_an_initial_or_particle_to_be_trusted() -> None:
    people, _ = split_byline("Smith, Jones, Brown, Taylor")
    assert "Jones Smith" not in people


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Nathan Willis March", ["Nathan Willis"]),
        ("Nathan Willis Tuesday", ["Nathan Willis"]),
        ("By Jane Doe Updated", ["Jane Doe"]),
        ("By Theresa May", ["Theresa May"]),
        ("By Brian May and Jane Doe", ["Brian May", "Jane Doe"]),
        ("By Jane Doe Mon May 29, 2017 3:45 PM", ["Jane Doe"]),
        ("Von Anna Schmidt | 12.03.2021, 14:05 Uhr", ["Anna Schmidt"]),
        ("Von Anna Schmidt | Dienstag, 12. März 2021", ["Anna Schmidt"]),
        ("Von Anna Schmidt am 12.03.2021", ["Anna Schmidt"]),
        ("Par Jean Dupont - Publié le 14 juin 2019 à 10h00", ["Jean Dupont"]),
        ("Por María López | 14 de junio de 2019", ["María López"]),
        ("By Jane Doe, Staff Writer | Published 3:45 PM ET, Mon May 29, 2017", ["Jane Doe"]),
        ("By Jane Doe | Published on May 29, 2017", ["Jane Doe"]),
        # The day named relative to the reading, then its time.
        ("Par Jean Dupont Publié aujourd’hui à 13h59, mis à jour à 15h25", ["Jean Dupont"]),
        ("By Jane Doe Published today at 1:59 PM", ["Jane Doe"]),
        ("Von Anna Schmidt heute um 09:30 Uhr", ["Anna Schmidt"]),
        ("Von Anna Schmidt, gestern, 09:30", ["Anna Schmidt"]),
        ("Por María López hoy a las 09:30", ["María López"]),
    ],
)
def test_dates_squashed_onto_bylines_are_stripped(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("By Jane Cunningham March 18 at 3:57 PM", ["Jane Cunningham"]),
        ("By John Robson March 18 at 12:22 PM", ["John Robson"]),
        ("By Paul Solomon Dec. 4, 2015", ["Paul Solomon"]),
        ("By Anna Michel 12.03.2021", ["Anna Michel"]),
    ],
)
def test_a_date_after_a_name_is_cut_at_a_word_s_start(text: str, authors: list[str]) -> None:
    """A surname ending as a date's word begins ("-am", "-on", "-mon", "-el") keeps it."""
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("By Jane Doe | jane@example.com | @janedoe", ["Jane Doe"]),
        ("By Jane Doe (jane.doe@example.com)", ["Jane Doe"]),
        ("By Jane Doe https://example.com/jane", ["Jane Doe"]),
    ],
)
def test_contact_details_next_to_a_name_are_dropped(text: str, authors: list[str]) -> None:
    assert split_byline(text) == (authors, "")
    assert is_byline(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Seattle Times business reporter", True),
        ("Our Foreign Staff", True),
        ("The Editors", True),
        ("Senior Business Correspondent", True),
        ("Ask The Editor", False),
        ("Dear Editor", False),
        ("Cloud Help Desk", False),
        ("Columnists", False),
        ("Bat Shares Undervalued, Say Stock Market Analysts", False),
    ],
)
def test_role_lines_on_their_own(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),  # WordPress's screen-reader label
        ("Author Andreas Kalt", ["Andreas Kalt"]),
        ("Autorin Jane Doe", ["Jane Doe"]),
        ("Zeige alle Beiträge von Petra Ruland", ["Petra Ruland"]),
        ("Erstellt von Andri Bryner", ["Andri Bryner"]),
        ("Sara Zinnecker Stand", ["Sara Zinnecker"]),  # "Stand: 3. Mai" with its date cut off
        ("Publiziert am", []),
    ],
)  # fmt: skip
def test_cms_labels_around_a_name_are_dropped(text: str, authors: list[str]) -> None:
    assert split_byline(text)[0] == authors


@pytest.mark.parametrize("text", ["by admin", "Posted by admin", "By Administrator"])
def test_cms_account_names_are_neither_authors_nor_credits(text: str) -> None:
    assert split_byline(text) == ([], "")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Par Jean Dupont - Publié le 14 juin 2019 à 10h00", "Publié le 14 juin 2019 à 10h00"),
        ("Von Anna Schmidt | 12.03.2021, 14:05 Uhr", "12.03.2021, 14:05 Uhr"),
        ("By Jane Doe | Published 3:45 PM ET, Mon May 29, 2017", "Published 3:45 PM ET, Mon May 29, 2017"),
        ("By Jane Doe", ""),
    ],
)  # fmt: skip
def test_byline_date(line: str, date: str) -> None:
    assert byline_date(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "By Kamila Aliyeva",
        "By\u00a0Azernews",
        "By AFP",
        "By Jane Doe and John Roe",
        "Written by Jane Doe",
        "Reporting by Jane Doe; Editing by John Roe",
        "Jane Doe | Reporter",
        "Jane Doe, Reuters",
        "Jane Doe and John Roe | Staff writers",
        "Staff Reporter",
        "By The Associated Press",
        "BY JOHN SMITH",
        "Par Jean Dupont",
        "BY: JANE DOE",
        "Written by Rob Ewaschuk Edited by Betsy Beyer",
        "Story by Jane Doe and photos by John Roe",
        "Ben Silverman Games Editor",
        "Jane Doe Editor",
        "Sam Okafor | Transport Reporter",
        "Par Jean Dupont - Publié le 14 juin 2019 à 10h00",
        "Von Anna Schmidt | 12.03.2021, 14:05 Uhr",
        "Photos by John Roe",
        "Gepostet von Katharina Muster | Wohnen",
        "Erstellt von Andri Muster",
        "Von: Björn Muster | 31.10.23",
        "Auteur : Jean Dupont",
        "Publicado por Ana Pérez",
        "Pubblicato da Mario Rossi",
        "Écrit par Jean Dupont",
        # The agency's credit in brackets after the name.
        "Von Jane Doe (dpa)",
        "Par Jean Dupont (AFP)",
        "Jane Doe (dpa)",
        # The kind of post before "by".
        "A guest post by Jane Doe",
        "Blog post by Jane Doe",
    ],
)
def test_is_byline_accepts_bylines(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of May, prices had risen.",
        "By Monday the talks were over",
        "By May the prices had doubled",
        "By 2020 the plan will be done",
        "By contrast, the opposition wants new elections in the autumn",
        "Par Pharmaceutical <Parp> Seeks Nyse Listing",
        "Putin, Macron meet amid strained French-Russian ties",
        "The talks lasted two hours, Reuters",
        "Musk Fires Twitter Editor",
        "Microsoft Names New Editor",
        "Research by Harvard University shows a link",
        "Video by the BBC shows the attack",
        "Von der Leyen kommt nach Berlin",
        "Erstellt von mir selbst",
        "Publicado por la alcaldía de la ciudad",
        "Pubblicato da Mondadori nel 2019",
        # A wire dateline's place, a person's role: no name before the agency.
        "Berlin (dpa)",
        "The mayor (dpa)",
        "Jane Doe (Brussels)",
        "Post by post, the shelves were emptied",
        "",
    ],
)
def test_is_byline_rejects_sentences_and_titles(line: str) -> None:
    assert not is_byline(line)


def test_merge_bylines_puts_people_in_authors_and_outlets_in_credit() -> None:
    merged = merge_bylines([split_byline("By Azernews"), split_byline("By Kamila Aliyeva")])
    assert merged == (["Kamila Aliyeva"], "Azernews")


def test_merge_bylines_drops_a_bare_role_when_an_outlet_or_person_is_known() -> None:
    assert merge_bylines([([], "AFP"), ([], "Staff Reporter")]) == ([], "AFP")
    assert merge_bylines([(["Jane Doe"], ""), ([], "Staff Reporter")]) == (["Jane Doe"], "")
    assert merge_bylines([([], "Staff Reporter")]) == ([], "Staff Reporter")


def test_merge_bylines_removes_duplicates_in_order() -> None:
    merged = merge_bylines([(["Jane Doe"], "Reuters"), (["John Roe", "Jane Doe"], "Reuters")])
    assert merged == (["Jane Doe", "John Roe"], "Reuters")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),
        ("J.R. Smith", True),
        ("Michiel de Jong", True),
        ("Azernews", False),
        ("Associated Press", False),
        ("Staff Reporter", False),
        ("Mac & i", False),
        ("the end of May", False),
        ("Edward Said", True),
        ("Newer Article", False),
        ("Log In", False),
        ("Read Later", False),
        # A surname in capitals after the given name, as French and Italian pages set it; a
        # word in capitals first is an organisation's.
        ("Jeanne DUPONT", True),
        ("Anne-Marie DURAND", True),
        ("STRIVE Publishing", False),
        ("Breaking NEWS", False),
        ("JANE DOE", False),
        # A byline's opening word is no part of a name; "Von" and "Di" may be ("Von Miller").
        ("By Jane Doe", False),
        ("Par Jean Dupont", False),
        ("Written By Jane", False),
        ("Von Miller", True),
        # A blog ranking's badge ("Ebuzzing - Top Blog - Gesellschaft"), a podcast's name.
        ("Top Blog", False),
        ("Harbour Weblog", False),
        ("Morning Podcast", False),
    ],
)
def test_is_person_name(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters", True),
        ("BBC News", True),
        ("TODAY.AZ", True),
        ("The New York Times", True),
        ("Government unveils emissions plan", False),
        ("Jane Doe", False),
    ],
)
def test_looks_like_outlet(text: str, expected: bool) -> None:
    assert looks_like_outlet(text) is expected


@pytest.mark.parametrize(
    ("first", "last", "agency"),
    [
        ("Hamburg (dpa/lno) – Trotz eines Gesprächs blieb es beim Streik.", "Ende.", "dpa/lno"),
        ("PARIS (AFP) - The minister resigned on Monday.", "He left.", "AFP"),
        ("Der Bund hat entschieden.", "Die Frist läuft bis Mai. (dpa)", "dpa"),
        ("Der Bund hat entschieden.", "Quelle: SDA", "SDA"),
        ("Berlin (Tagesspiegel) - Der Senat tagt.", "Ende.", ""),
        ("The man (42) - a local - was arrested.", "Police said (and it was true).", ""),
        ("(ANSA) - ROMA, 12 MAR - Il governo ha deciso.", "Fine.", "ANSA"),
        ("Madrid, 12 mar (EFE).- El Gobierno aprobó el plan.", "Fin.", "EFE"),
        ("(Update) - The bridge reopened.", "Ende.", ""),
        ("Der Bund hat entschieden.", "Mit Material von dpa und AFP", "dpa und AFP"),
        ("Der Bund hat entschieden.", "Mit Material von Jane Doe", ""),
    ],
)
def test_agency_credit_from_a_wire_dateline_or_a_closing_credit(
    first: str, last: str, agency: str
) -> None:
    assert agency_credit(first, last) == agency


@pytest.mark.parametrize(
    ("segment", "word"),
    [
        ("von Kathrin", "Kathrin"),
        ("By oradmin", "oradmin"),
        ("Autor: k4rl", "k4rl"),
        ("Von Anna.Schmidt", "Anna.Schmidt"),
        ("By May", ""),  # a month
        ("by default", ""),
        ("By Reuters", ""),  # an agency: a credit, not a name
        ("by admin", ""),  # a CMS's account
        ("By Jane Doe", ""),  # two words: split_byline's
        ("Comments by", ""),
        ("von northfield-courier.com", ""),  # a site: the credit
        ("By harbour.news", ""),
        ("Posted by fri.juli", "fri.juli"),  # a user's name with a dot: no site's ending
        ("By jane.doe", "jane.doe"),
    ],
)
def test_one_word_byline(segment: str, word: str) -> None:
    assert one_word_byline(segment) == word


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        ("Eingestellt von Jane Doe", ["Jane Doe"], ""),
        ("Artikel von: Harbourinfo", [], "Harbourinfo"),
        ("Autoren: Jane Doe und John Roe", ["Jane Doe", "John Roe"], ""),
        # An author box's title ("About Jane"), a button run into a name, user names.
        ("Über Jane", [], "Über Jane"),
        ("Zur Artikelübersicht", [], "Zur Artikelübersicht"),
        ("Jane DoestarFollow", [], "Jane DoestarFollow"),
        ("AGloomy HowlAtTheMoon", [], "AGloomy HowlAtTheMoon"),
        ("Jane McDonald", ["Jane McDonald"], ""),
        ("Jane DiMarco", ["Jane DiMarco"], ""),
    ],
)
def test_blog_labels_and_names_that_are_not_peoples(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Doe | Leave a comment", (["Jane Doe"], "")),
        ("By Jane Doe | Kommentare geschlossen", (["Jane Doe"], "")),
        ("By Jane Doe / Kategorien: Kultur, Stadt", (["Jane Doe"], "")),
        ("Autor: Jane Doe, Datum: 03.03.19", (["Jane Doe"], "")),
        ("By Jane Doe | Bloomberg", (["Jane Doe"], "Bloomberg")),  # an outlet stays
        ("Jane Doe | staff writer", (["Jane Doe"], "")),
    ],
)
def test_page_furniture_beside_a_byline_is_no_credit(
    text: str, expected: tuple[list[str], str]
) -> None:
    assert split_byline(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Tekst: Jane Doe",  # Polish, Dutch, the Nordic languages
        "Kirjoittaja: Jane Doe",  # Finnish
        "Yazar: Jane Doe",  # Turkish
        "Yazan: Jane Doe",  # Turkish: "who wrote it"
        "Tác giả: Jane Doe",  # Vietnamese
        "Autorem: Jane Doe",  # Polish
        "Scritto da Jane Doe",  # Italian
        "Napisała Jane Doe",  # Polish
        "Skrevet af Jane Doe",  # Danish
        "Geschreven door Jane Doe",  # Dutch
        "Av Jane Doe",  # Swedish, Norwegian
        "Af Jane Doe",  # Danish
        "Szerző: Jane Doe",  # Hungarian
        "A cura di Jane Doe",  # Italian: "edited by", the usual credit of a piece
        "Ein Gastbeitrag von Jane Doe",  # German: a kind of piece run into one word
        "Gastkommentar von Jane Doe",
    ],
)
def test_bylines_in_more_languages_name_the_writer(line: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == (["Jane Doe"], "")


def test_a_byline_word_of_another_language_opens_no_sentence_as_a_byline() -> None:
    # "Av" and "af" open only a name; a label needs its colon.
    for line in (
        "Af and on the rain kept falling",
        "Yazar Kafe is open",
        "Tekst van de week",
        "Yazan Ali kazandı",
    ):
        assert not is_byline(line), line


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Von Jane Doe", True), ("By: Jane", True), ("abgelegt unter: Welt", False), ("Jane", False)],
)
def test_has_byline_prefix(text: str, expected: bool) -> None:
    assert has_byline_prefix(text) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    # (A place after the people is where they filed from: "Von Jane Doe, Berlin" is a byline.)
    [("Von Jane Doe, dpa", True), ("Par Jean Dupont, AFP", True), ("Von Jane Doe, Berlin", True)],
)
def test_a_foreign_byline_may_name_the_agency_after_the_people(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Windrebell", False),  # a column's name: an article opens it
        ("Die Freiheit der Planung", False),  # a heading
        ("Robert De Niro", True),
        ("Ursula von der Leyen", True),
    ],
)
def test_a_name_never_opens_with_an_article(text: str, expected: bool) -> None:
    assert is_person_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agencia EFE", True),
        ("dpa/lno", True),
        ("AFP, Reuters", True),
        ("Harbour Street 12", False),
    ],
)
def test_is_agency(text: str, expected: bool) -> None:
    assert is_agency(text) is expected


# --- issue 12: bylines of pages saved as text (branch tauth) ----------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Von : Jane Doe", (["Jane Doe"], "")),
        ("Von: lno/dpa", ([], "lno/dpa")),
        ("By AFP", ([], "AFP")),
        ("Von Jane Doe Vom 12. März 2024", (["Jane Doe"], "")),
    ],
)
def test_labelled_bylines_in_page_furniture(line: str, expected: tuple[list[str], str]) -> None:
    assert is_byline(line)
    assert split_byline(line) == expected


def test_a_label_after_a_name_ends_it() -> None:
    assert is_byline("von Jane Doe Lesezeit: 4 Min.")
    assert split_byline("von Jane Doe Lesezeit: 4 Min.") == (["Jane Doe"], "")


@pytest.mark.parametrize("text", ["Last Modified", "Jiji Press", "Updated Daily"])
def test_date_labels_and_agencies_are_no_person(text: str) -> None:
    assert not is_person_name(text)


@pytest.mark.parametrize(
    "text", ["Temps de Lecture", "Tiempo de Lectura", "Tempo di Lettura", "Czas Czytania"]
)
def test_a_reading_times_label_is_no_person(text: str) -> None:
    """Set in title case over "4 min.", it has a name's shape (a particle, two capitals)."""
    assert not is_person_name(text)


@pytest.mark.parametrize(
    "text", ["Last Update", "Letzte Aktualisierung", "Última Actualización", "Letzte Änderung"]
)
def test_a_dates_label_in_a_meta_bar_is_no_person(text: str) -> None:
    """A meta bar's "Last Update" over its date, in title case, has a name's two capitals."""
    assert not is_person_name(text)


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe Published in Politics March 3, 2024 2:24 pm",
        "By Jane Doe Posted in Local News",
        "Par Jane Doe publié dans Culture",
    ],
)
def test_the_section_a_post_was_filed_in_is_cut_off_its_writers_name(line: str) -> None:
    assert split_byline(line) == (["Jane Doe"], "")


def test_a_long_date_after_the_names_does_not_make_a_byline_a_sentence() -> None:
    line = "By Jane Doe / June 12, 2020 9:49 am EST / Updated: Aug. 18, 2020 4:17 pm EST"
    assert is_byline(line)
    assert split_byline(line)[0] == ["Jane Doe"]


@pytest.mark.parametrize(
    "text", ["Dein Kommentar", "Artikel Galerie", "Kein Copyright", "Email Listonic", "Ihr Recht"]
)
def test_buttons_and_possessives_in_other_languages_are_no_person(text: str) -> None:
    assert not is_person_name(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("von Jane Doe 10.12.2022 07:00 | Druckvorschau", (["Jane Doe"], "")),
        ("Jane Doe | 12.03.2024 | Politics", (["Jane Doe"], "")),
        ("By Jane Doe, Reuters | May 3, 2020", (["Jane Doe"], "Reuters")),
        ("By Jane Doe | Bloomberg", (["Jane Doe"], "Bloomberg")),
    ],
)
def test_what_follows_a_byline_s_date_is_the_page_s(
    line: str, expected: tuple[list[str], str]
) -> None:
    assert split_byline(line) == expected


# --- Bylines between a page's headline and its lede (issue 12, pages saved as text) ---

from newsread.index.files.formats.bylines import outlet_or_role  # noqa: E402
from newsread.index.files.formats.plaintext import parse_text  # noqa: E402

_MENU = "\n".join(
    f"      * {item}" for item in "Home News Politics Business Culture Sport Weather".split()
)
_STANDFIRST = "The ferry line to the islands stops for a month while the harbour is rebuilt."
_CAPTION = "The old pier at dawn, a week before the works start. Photo: Harbour Office"
_TEXT = (
    "The ferry company said on Monday that the last boat would leave on Friday evening and "
    "that buses would take passengers to the next harbour until the works were done.\n\n"
    "    Islanders said the month without a direct line would hurt the shops and the school, "
    "and asked the council to pay for a water taxi in the mornings and evenings."
)


def _page(under_headline: str) -> str:
    return f"""  Coastal Echo
{_MENU}
      We use cookies to improve your experience on our site.

        Ferry line to the islands stops for a month

{under_headline}

    {_TEXT}

      * About us
      * Contact
      © 2024 Coastal Echo
"""


def test_a_bare_name_between_the_standfirst_and_a_caption_is_the_author() -> None:
    page = _page(f"        {_STANDFIRST}\n\n        Jane Doe\n\n        {_CAPTION}")
    assert parse_text(page).authors == ["Jane Doe"]


def test_a_bare_name_under_a_label_or_over_a_short_line_is_no_author() -> None:
    photo = _page(
        f"        {_STANDFIRST}\n\n        FOTO:\n\n        Jane Doe\n\n        {_CAPTION}"
    )
    listed = f"        Island Life\n\n        Ferries and boats\n\n        {_CAPTION}"
    heading = _page(f"        {_STANDFIRST}\n\n{listed}")
    assert parse_text(photo).authors == []
    assert parse_text(heading).authors == []


def test_a_bare_name_between_the_headline_and_the_text_is_the_author() -> None:
    # A theme that links the writer's name alone under the headline (WordPress's author
    # vcard, microdata's name), as inscriptis, lynx and w3m render it.
    draft = parse_text(_page("        Jane Doe"))
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[-2].startswith("The ferry company said on Monday")


def test_a_bare_name_between_the_standfirst_and_the_text_is_the_author() -> None:
    draft = parse_text(_page(f"        {_STANDFIRST}\n\n        Jane Doe"))
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[:2] == [_STANDFIRST, _TEXT.split("\n", 1)[0]]


@pytest.mark.parametrize(
    ("heading", "said_below"),
    [
        # The text writes its words in lower case, or says them again: no writer's name.
        ("Ferry Works", "the ferry works would be paid by the state"),
        ("Island Ferry Line", "the Island Ferry Line would pay for it"),
    ],
)
def test_a_heading_under_the_standfirst_is_no_author(heading: str, said_below: str) -> None:
    text = _TEXT.replace("done.", f"done, and {said_below}.")
    page = _page(f"        {_STANDFIRST}\n\n        {heading}").replace(_TEXT, text)
    draft = parse_text(page)
    assert draft.authors == []
    assert heading in draft.paragraphs


def test_a_heading_right_over_the_text_is_no_author() -> None:
    # Its words are the text's: "Ferry Works", then "… the ferry works …".
    text = _TEXT.replace("done.", "done, and the ferry works would be paid by the state.")
    page = _page("        Ferry Works").replace(_TEXT, text)
    assert parse_text(page).authors == []


def test_an_outlet_run_on_after_a_name_in_a_dated_byline_is_left_out() -> None:
    line = "        Veröffentlicht am 03.02.2022 von Jane Doe Inselecho International"
    assert parse_text(_page(line)).authors == ["Jane Doe"]
    assert outlet_or_role("Inselecho International")
    assert outlet_or_role("Staff Writer")
    assert not outlet_or_role("International")
    assert not outlet_or_role("Doe")


def test_a_user_name_after_von_is_no_outlet() -> None:
    page = _page("        von Jane_Doe1\n\n        am 20.09.2020")
    assert parse_text(page).credit == ""


def test_the_category_after_a_dated_one_word_byline_is_left_out() -> None:
    draft = parse_text(_page("        Am 13. November 2019 Von Henry In Aktuell"))
    assert (draft.authors, draft.credit) == (["Henry"], "")


def test_a_source_that_is_no_outlet_is_no_credit_beside_an_author() -> None:
    signed = _page("        By Jane Doe").replace(
        "\n\n    Islanders", "\n\n    Source: Friends of the Harbour Walk\n\n    Islanders"
    )
    wired = signed.replace("Friends of the Harbour Walk", "Reuters")
    assert parse_text(signed).credit == ""
    assert parse_text(wired).credit == "Reuters"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jane Marie 2. Februar 2020Radtouren Berlin", ["Jane Marie"]),
        ("Video 2. Februar 2020 Radtouren Berlin", []),
    ],
)
def test_a_name_does_not_run_on_across_a_date(line: str, authors: list[str]) -> None:
    assert parse_text(_page(f"        {line}")).authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("jdoe — 2. Februar 2020", ["jdoe"]),
        ("Tine 2. Februar 2020 Radtouren", ["Tine"]),
        ("IT 12.05.2021", []),
        ("Video 12.05.2021", []),
        ("am 12.05.2021", []),
    ],
)
def test_a_one_word_name_with_the_date_right_after_it_is_the_author(
    line: str, authors: list[str]
) -> None:
    assert parse_text(_page(f"        {line}")).authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("5 Min. 1. November 2023 Jdoe 1 Kommentar Lesezeichen", ["Jdoe"]),
        ("26 Mai, 2008 | JaNe_DoE | Kommentare 34 |", ["JaNe_DoE"]),
        ("12. Mai 2020 Politik", []),
        ("12. Mai 2020 um 10:30 Uhr", []),
        ("12. Mai 2020 | Politik | 3 Kommentare", []),
    ],
)
def test_a_user_s_name_right_after_a_date_and_before_the_comments_is_the_author(
    line: str, authors: list[str]
) -> None:
    assert parse_text(_page(f"        {line}")).authors == authors


def test_a_name_over_a_biography_opening_with_it_is_the_author() -> None:
    bio = "Jane Doe teaches the history of harbours at the university and writes about islands."
    box = f"    {_TEXT}\n\n      * Jane Doe\n\n        {bio}\n"
    assert parse_text(_page("").replace(f"    {_TEXT}\n", box)).authors == ["Jane Doe"]
    heading = box.replace(bio, "Jane Doe's ferry left on time. " + bio.split(" ", 2)[2])
    assert parse_text(_page("").replace(f"    {_TEXT}\n", heading)).authors == []


@pytest.mark.parametrize("text", ["Schöne Grüße", "Fröhliche Weihnachten", "Hallo Karl"])
def test_greetings_are_no_person(text: str) -> None:
    assert not is_person_name(text)


def test_an_item_of_a_list_of_posts_is_no_byline() -> None:
    posts = "        * Harbourlog 2. Februar 2020\n        * Harbourlog 1. Februar 2020"
    assert parse_text(_page(posts)).authors == []


# --- auth12: bylines by what they are (labels without a colon, pieces, desks) -------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Autoren Jane Doe und John Roe", ["Jane Doe", "John Roe"]),
        ("AUTOR/IN Jane Doe", ["Jane Doe"]),
        ("Author Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_label_without_a_colon_before_names_is_a_byline(line: str, authors: list[str]) -> None:
    assert is_byline(line)
    assert split_byline(line)[0] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Text: Jane Doe", ["Jane Doe"]),
        ("Texto: Juan Pérez", ["Juan Pérez"]),
        ("Words: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Reporter: Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_label_crediting_the_writing_before_names_is_a_byline(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line)[0] == authors


@pytest.mark.parametrize("line", ["Text: Die Zukunft der Arbeit", "Words: 1200"])
def test_a_label_crediting_the_writing_before_other_words_is_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Author Guidelines for Submissions",
        "Autoren gesucht für unser Magazin",
        "Interview: Jane Doe",  # as often who was asked as who asked
    ],
)
def test_a_label_without_a_colon_before_other_words_is_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Blog Beitrag von Jane Doe", ["Jane Doe"]),
        ("Ein Kommentar von Jane Doe", ["Jane Doe"]),
        ("Eine Reportage von Jane Doe und John Roe", ["Jane Doe", "John Roe"]),
        # Pieces in the plural, a link to more of the writer's work: not a name with "von"
        ("Weitere Rezepte von Jane Doe", ["Jane Doe"]),
        ("Alle Kolumnen von Jane Doe", ["Jane Doe"]),
    ],
)
def test_the_kind_of_piece_before_von_opens_a_byline(line: str, authors: list[str]) -> None:
    assert is_byline(line)
    assert split_byline(line)[0] == authors


def test_a_piece_by_someone_inside_a_sentence_is_no_byline() -> None:
    assert not is_byline("Der Beitrag von Jane Doe zeigt, wie es geht")


def test_who_an_interviewer_spoke_to_is_no_author() -> None:
    line = "Ein Interview von Jane Doe mit John Roe"
    assert is_byline(line)
    assert split_byline(line) == (["Jane Doe"], "")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Emotion Redaktion", "Emotion"),
        ("Redaktion Harbour Post", "Harbour Post"),
        ("Author Coastal.LIVE Redaktion", "Coastal.LIVE"),
        ("Die Redaktion", "Die Redaktion"),
        ("La rédaction", "La rédaction"),
    ],
)
def test_a_desk_is_credited_to_its_outlet(line: str, credit: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == ([], credit)


def test_a_desk_under_the_headline_of_a_page_saved_as_text_is_its_credit() -> None:
    article = parse_text(_page("        12.05.2021\n        Coastal Echo Redaktion"))
    assert (article.authors, article.credit) == ([], "Coastal Echo")


_MORE_TEXT = "\n\n".join(
    f"    {sentence}"
    for sentence in [
        "The council said it would look at the cost of a water taxi at its next meeting.",
        "Shop owners on the quay said they expected fewer visitors while the boats were idle.",
        "The school said pupils from the islands could stay with families during the week.",
        "Engineers will replace the old ramp and the fenders that protect the berthing ferry.",
        "The company said the new ramp would let larger boats call at the harbour next summer.",
        "A spokesman said tickets already bought for the month would be refunded on request.",
    ]
)


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        ("Posted by T. V. Doe at 2:33 PM", ["T. V. Doe"]),
        ("Eingestellt von jdoe um 10:52", ["jdoe"]),
        ("Posted by admin at 3:00 PM", []),
        # The account's display name, whatever its shape; not an outlet's or a desk's.
        ("Eingestellt von der Michel um 21:11", ["der Michel"]),
        ("Posted by Harbour Times Staff at 9:00 AM", []),
        ("Eingestellt von Sport Redaktion um 10:10", []),
        # Blogger's footer in other languages.
        ("Publicado por Juan Pérez en 21:11", ["Juan Pérez"]),
        ("Postado por João Silva às 21:11", ["João Silva"]),
        ("Geplaatst door Jan Jansen op 21:11", ["Jan Jansen"]),
        ("Publicat per Joan Puig a les 21:11", ["Joan Puig"]),
        ("Upplagd av Anna Berg kl. 21:11", ["Anna Berg"]),
        ("Opublikowane przez Jan Kowalski o 21:11", ["Jan Kowalski"]),
    ],
)
def test_a_post_footer_under_a_long_text_names_the_author(footer: str, authors: list[str]) -> None:
    closing = f"\n\n{_MORE_TEXT}\n\n          {footer}\n    Newer Post Older Post Home\n"
    text = _page("").replace(f"    {_TEXT}\n", f"    {_TEXT}{closing}")
    assert parse_text(text).authors == authors


@pytest.mark.parametrize(
    ("notice", "holder"),
    [
        ("© 2009-2012 Jane Doe. Impressum & Datenschutz", "Jane Doe"),
        ("Archive – RSS – 2009-2020 by Jane Doe – Powered by Nikola", "Jane Doe"),
        ("CC-BY-NC-ND Jane Doe", "Jane Doe"),
        ("Copyright © 2021 Jane Doe. All rights reserved.", "Jane Doe"),
        ("(c) 2021 Jane Doe", "Jane Doe"),  # its bracket alone left "c) 2021 Jane Doe"
        # w3m leaves "&copy" undecoded where the page drops the entity's semicolon.
        ("&copy 2009-2012 Jane Doe. Impressum", "Jane Doe"),
        ("Copyright (C) 2021 Jane Doe. All rights reserved.", "Jane Doe"),
        ("© Jane Doe", ""),
        # No year, but the rights or the legal pages a site's notice names: not a photo's.
        ("(c) Jane Doe • Alle Rechte vorbehalten", "Jane Doe"),
        ("© Jane Doe | Impressum | Datenschutz", "Jane Doe"),
        ("© Jane Doe. All rights reserved.", "Jane Doe"),
        ("© Jane Doe (Agency)", ""),
        ("Foto: © 2020 Jane Doe", ""),
        ("© 2023 Harbour Times", ""),
        ("© 2023 Doe Bau GmbH", ""),
        ("Am 12. Mai 2020 von Jane Doe", ""),
    ],
)
def test_copyright_holder(notice: str, holder: str) -> None:
    assert copyright_holder(notice) == holder


def test_a_copyright_notice_in_the_footer_of_a_page_saved_as_text_names_the_author() -> None:
    text = _page("").replace(
        "      * Contact", "      * Contact\n\n  © 2009-2012 Jane Doe. Impressum"
    )
    assert parse_text(text).authors == ["Jane Doe"]
    other = _page("").replace("      * Contact", "      * Contact\n\n  © 2023 Coastal Echo Ltd")
    assert parse_text(other).authors == []


@pytest.mark.parametrize(
    "notice",
    [
        "© 2008-2020 Creative Commons BY | Powered by Blogophon",
        "©2021 Medienreferat der Österreichischen Bischofskonferenz. Alle Rechte vorbehalten.",
        "Copyright © 2015 Harbour Medien",
        "© CHIP Digital GmbH 2020 Content Management by Inter Red",
        "© 2022 Deutscher Handballbund",
        "© 2022 Spanien Forum",
        "© 2019 Hearst Communications, Inc.",
        "COPYRIGHT © 2014-2021 VI Consortium. All Rights Reserved.",
        "Jamaica Observer, 2022 © All Rights Reserved",
    ],
)
def test_a_licence_an_institution_or_a_publisher_holds_no_copyright_as_a_person(
    notice: str,
) -> None:
    assert copyright_holder(notice) == ""


def test_a_word_the_page_writes_in_lower_case_is_no_part_of_a_copyright_holder() -> None:
    assert copyright_holder("© 2022 Harbour Rowers") == "Harbour Rowers"
    assert copyright_holder("© 2022 Harbour Rowers", frozenset({"harbour"})) == ""


def test_a_bare_name_over_a_date_line_run_together_is_the_author() -> None:
    dated = (
        f"        {_STANDFIRST}\n\n        Jane Doe\n        miércoles, 4 de mayo de 202207:59 hs"
    )
    assert parse_text(_page(dated)).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("last", "credit"),
    [
        ("Quelle: kathpress", "kathpress"),
        ("Quelle: MDR THÜRINGEN/ls", "MDR THÜRINGEN/ls"),
        ("Source: Harbour Times", "Harbour Times"),
        ("Quelle: Eigene Recherche", ""),
        ("Source: Science, Rice University, Princeton University", ""),
        ("Quelle: www.harbour.example", ""),
    ],
)
def test_a_source_line_closing_the_text_is_its_credit(last: str, credit: str) -> None:
    assert agency_credit("The ferry company said on Monday it would stop.", last) == credit


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Thilo / 6. November 2023 / Keine Kommentare", ["Thilo"]),
        ("erstellt von Dominique — veröffentlicht 28.01.2022 06:00", ["Dominique"]),
        ("Von Reuters / 12.05.2021", []),
        ("By May 12, 2020", []),
    ],
)
def test_a_one_word_name_dated_after_a_byline_word_is_the_author(
    line: str, authors: list[str]
) -> None:
    assert parse_text(_page(f"        {line}")).authors == authors


def test_a_dash_before_a_name_under_the_text_signs_it_unless_a_list_goes_on() -> None:
    closing = "\n\n    12. Mai 2021\n\n    - Jane Doe\n\n      Teilen:\n      * Facebook\n"
    signed = _page("").replace(f"    {_TEXT}\n", f"    {_TEXT}\n\n{_MORE_TEXT}{closing}")
    assert parse_text(signed).authors == ["Jane Doe"]
    listed = signed.replace("    - Jane Doe\n", "    - Jane Doe\n    - John Roe\n")
    assert parse_text(listed).authors == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Buch der Woche", False),
        ("Ursula von der Leyen", True),
        ("Deutscher Caritasverband", False),
        ("Harbour Volksblatt", False),
        ("Hans Bund", True),
        # A school named after a person is a school.
        ("Berufsschule Jane Doe", False),
        ("Jane Doe Musikschule", False),
        ("Spanien Forum", False),
        ("Erfahren Sie", False),
        ("Revised Edition", False),
        ("Harbour Petcare GmbH", False),
        ("Harbour Shipping Ltd.", False),
        ("Harbour Verlag", False),
        ("Harbour Rowing Inc", False),
    ],
)
def test_organisations_phrases_and_editions_are_no_person(text: str, person: bool) -> None:
    assert is_person_name(text) is person


@pytest.mark.parametrize("text", ["No Author", "By No Author", "n/a"])
def test_an_empty_author_field_names_nobody(text: str) -> None:
    assert split_byline(text) == ([], "")


def test_a_label_without_a_colon_under_the_headline_needs_names_after_it() -> None:
    line = "        Auteur Jane Doe Cover Harbour College Date 2 mars 2020 Partager"
    assert parse_text(_page(line)).credit == ""


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Posted on 21. Juli 2019 by jdoe", ["jdoe"]),
        ("am 23. Januar 2020 von Jane Doe in Allgemeines", ["Jane Doe"]),
        ("* von Jane Doe | 20. Mai 2007", []),  # an item of a list of posts
        ("Jane Doe | 20. Mai 2007", []),  # no byline's word: a name in a list
    ],
)
def test_a_dated_byline_above_the_headline_found_is_the_articles(
    line: str, authors: list[str]
) -> None:
    from newsread.index.files.formats.pagetext import PageArticle
    from newsread.index.files.formats.plaintext import _dated_byline_above

    lines = ["  Harbour Log", "", "  Ferry line stops", "", f"    {line}", "", "  Later post", "x"]
    page = PageArticle(headline=6, title="Later post", start=7, end=8)
    found = _dated_byline_above(lines, page)
    assert (found[0] if found else []) == authors


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Von Rechtsanwalt Jane Doe", ["Jane Doe"]),
        ("Von Rechtsanwältin Dr. Jane Doe", ["Dr. Jane Doe"]),
        ("Von Prof. Dr. Jane Doe", ["Prof. Dr. Jane Doe"]),
        ("Harbour-Online-Expertin Jane Doe", ["Jane Doe"]),
        ("Von Gastautor John Roe", ["John Roe"]),
        ("Von Chefredakteurin Jane Doe", ["Jane Doe"]),
        ("Harbour-Redakteur John Roe", ["John Roe"]),
        ("Von Jane Gründer", ["Jane Gründer"]),
        ("By Harbour-Times-Expert Jane Doe", ["Jane Doe"]),
        ("By Founder Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_profession_before_a_name_is_no_part_of_it(text: str, authors: list[str]) -> None:
    assert split_byline(text)[0] == authors


def test_a_date_label_after_a_bare_name_is_no_part_of_it() -> None:
    assert parse_text(_page("        Jane Doe Stand: 12.03.2021")).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        ("By Jane Doe Harbour Times", ["Jane Doe"], "Harbour Times"),
        ("By Mary Ann Smith Reuters", ["Mary Ann Smith"], "Reuters"),
        ("By New York Times", [], "New York Times"),
    ],
)
def test_an_outlet_run_on_after_a_name_is_the_credit(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


def test_an_outlet_run_on_after_a_name_in_a_line_of_furniture_is_cut_off() -> None:
    line = "        12.05.2021 | von Jane Doe Harbour Zeitung | 3 Kommentare"
    assert parse_text(_page(line)).authors == ["Jane Doe"]


_MORE_TEXT = "\n\n".join(
    f"    The works on pier {number} start in the spring, the harbour master said, and the "
    "boats that moor there will use the old quay until the summer."
    for number in range(1, 9)
)


def _signed_page(under_text: str) -> str:
    """A page with a long text (its byline is not looked for next to the headline) that has
    `under_text` (lines set in the text's column) under it."""
    return _page(f"        {_STANDFIRST}").replace(
        "      * About us", f"{_MORE_TEXT}\n\n{under_text}\n\n      * About us", 1
    )


@pytest.mark.parametrize(
    ("under_text", "authors"),
    [
        ("    Jane Doe\n    4. Mai 2022, 07:59 Uhr", ["Jane Doe"]),
        ("    Zuletzt geändert am 07.01.2022\n\n    Jane Doe\n    Harbour Blog", ["Jane Doe"]),
        ("    Pressekontakt\n    Dr. John Roe\n    Pressesprecher Harbour AG", ["Dr. John Roe"]),
        ("    Jane Doe\n    Staff Writer", ["Jane Doe"]),
    ],
)
def test_a_bare_name_beside_its_date_or_role_under_the_text_is_the_author(
    under_text: str, authors: list[str]
) -> None:
    assert parse_text(_signed_page(under_text)).authors == authors


@pytest.mark.parametrize(
    "under_text",
    [
        # A subheading shaped as a name, a date line above it: its paragraph is under it.
        "    12. Mai 2022\n\n    Marta Lindqvist\n\n"
        "    For thirty years she sailed the ferry, and she said she would miss "
        "the crossing in the mornings.",
        # Other stories' names and dates in a list.
        "    Recommended\n      * Jane Doe\n        4. Mai 2022",
        "    Recommended\n      1. Jane Doe\n        4. Mai 2022",
        # A menu's words beside each other: no date, no role.
        "    Editorial\n    Harbour Views\n    Sport",
    ],
)
def test_a_name_shaped_line_not_beside_its_date_is_no_author(under_text: str) -> None:
    assert parse_text(_signed_page(under_text)).authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Written by: Jane Doe", ["Jane Doe"]),
        ("Beitrag von: Jane Doe", ["Jane Doe"]),
        ("Escrito por: Jane Doe", ["Jane Doe"]),
        ("Écrit par : Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_colon_after_a_byline_s_by_is_its_label_s(line: str, authors: list[str]) -> None:
    """ "Written by:", "Artikel von:": the colon sets the name apart, as after "Autor:"."""
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


def test_a_one_word_name_after_a_labelled_by_under_the_headline_is_the_author() -> None:
    page = _page(f"        {_STANDFIRST}\n\n        12.05.2022\n        Artikel von: jdoe")
    assert parse_text(page).authors == ["jdoe"]


def test_an_outlet_after_by_is_not_cut_into_a_person_s_name() -> None:
    """ "by Harbour Space Agency" credits the agency; "Harbour Space" is no one's name."""
    page = parse_text(_page("        by Harbour Space Agency\n\n        12.05.2022"))
    assert (page.authors, page.credit) == ([], "Harbour Space Agency")


def test_a_bare_name_above_a_headline_about_it_is_its_subject_not_its_author() -> None:
    kicker = "        Marta Lindqvist\n\n        The Coastal Echo view on Marta Lindqvist: a hero"
    page = _page("        12.05.2022").replace(
        "        Ferry line to the islands stops for a month", kicker
    )
    assert parse_text(page).authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe November 19, 2019, 07:47 PM EST", ["Jane Doe"]),
        ("Par Jeanne Dupont le 07 Mai 2020", ["Jeanne Dupont"]),
        ("By Jane Doe @janedoe Nov 18, 2019, 11:47am EST", ["Jane Doe"]),
        ("By Jane Doe Last updated Nov 8, 2023 Share", ["Jane Doe"]),
    ],
)
def test_a_prefixed_byline_in_a_line_of_furniture_is_read_whole(
    line: str, authors: list[str]
) -> None:
    """The date's own words ("PM", "le", "on") left after cutting the date out are not read
    into the name, nor do they hide the byline."""
    from newsread.index.files.formats.plaintext import _byline_in

    assert _byline_in(line, bare=False) == (authors, "")


def test_soft_hyphens_inside_a_name_under_the_headline_are_not_read() -> None:
    page = _page(f"        {_STANDFIRST}\n\n        Von Ja\u00adni\u00adne Mus\u00adter\u00admann")
    assert parse_text(page).authors == ["Janine Mustermann"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("von Jane Doe , Redaktion", ["Jane Doe"]),
        ("By Jane Doe , John Roe", ["Jane Doe", "John Roe"]),
    ],
)
def test_a_space_before_a_byline_s_comma_is_not_read(line: str, authors: list[str]) -> None:
    """A page rendered as text sets a byline's elements apart: "Jane Doe , Redaktion"."""
    assert is_byline(line)
    assert split_byline(line)[0] == authors


def test_a_name_given_twice_in_a_row_is_one_name() -> None:
    """ "Par Jeanne Dupont Jeanne Dupont": the author's picture and link, rendered as text."""
    assert split_byline("Par Jeanne Dupont Jeanne Dupont") == (["Jeanne Dupont"], "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [("Autor:innen", None), ("Autor:innen: Jane Doe und John Roe", ["Jane Doe", "John Roe"])],
)
def test_the_gendered_plural_of_autor_is_a_label_not_a_name(
    line: str, authors: list[str] | None
) -> None:
    from newsread.index.files.formats.plaintext import _byline_in

    found = _byline_in(line, bare=False)
    assert (found[0] if found else None) == authors


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Learn More", False),
        ("View All Results", False),
        ("Install Harbour Engine", False),
        ("Mehr Lesen", False),
        ("Glenn Close", True),  # a surname may be a button's word
        ("Jane Read", True),
    ],
)
def test_a_button_s_verb_opens_no_person_s_name(text: str, person: bool) -> None:
    assert is_person_name(text) is person


@pytest.mark.parametrize(
    "text",
    [
        "Live Updates",
        "Video Highlights",
        "Copy Link",
        "Sponsored Content",
        "Weitere Themen",
        "Nach Oben",
    ],
)
def test_labels_of_widgets_and_advertising_are_no_person(text: str) -> None:
    assert not is_person_name(text)


@pytest.mark.parametrize("text", ["Brian Link", "Gary Player", "David Copperfield"])
def test_surnames_that_are_also_widget_words_stay_names(text: str) -> None:
    assert is_person_name(text)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("记者 王小明", ["王小明"]),
        ("责任编辑：焦鹏", ["焦鹏"]),
        ("責任編輯：王小明", ["王小明"]),
        ("编辑：李明、张伟", ["李明", "张伟"]),
        ("责任编辑", []),
        ("责任编辑认为这篇文章写得很好，值得一读。", []),
    ],
)
def test_a_chinese_editor_in_charge_line_names_the_editor(line: str, names: list[str]) -> None:
    assert cjk_byline(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("بقلم: سارة علي", ["سارة علي"]),
        ("بقلم سارة علي ومحمد أحمد", ["سارة علي", "محمد أحمد"]),
        ("بقلم: وليد أحمد", ["وليد أحمد"]),  # a name opening with "و" is one name
        ("كتب: محمد أحمد، سارة علي", ["محمد أحمد", "سارة علي"]),
        ("نویسنده: علی رضایی", ["علی رضایی"]),
        ("מאת: דוד כהן ושרה לוי", ["דוד כהן", "שרה לוי"]),
        ("लेखक: राहुल शर्मा", ["राहुल शर्मा"]),
        ("লেখক: রাহুল শর্মা", ["রাহুল শর্মা"]),
        ("โดย สมชาย ใจดี", ["สมชาย ใจดี"]),
        # A Latin label before names in such a script, as scraped pages write it.
        ("By ישראל ישראלי", ["ישראל ישראלי"]),
        ("BY: राजेश कुमार", ["राजेश कुमार"]),
        ("Par سارة علي ومحمد أحمد", ["سارة علي", "محمد أحمد"]),
        ("Von דוד כהן", ["דוד כהן"]),
        ("by ישראל ישראלי אמר היום כי הנמל ייפתח בשבוע הבא", []),
        ("记者 王小明 李华", ["王小明", "李华"]),
        ("记者 王\u3000明", ["王 明"]),  # one name spaced out to the width of three
        ("記者 山田 太郎", ["山田 太郎"]),  # a Japanese name, a space between its parts
        ("文／山田 太郎", ["山田 太郎"]),
        # No label, a label that opens sentences without its colon, or a sentence after it.
        ("سارة علي", []),
        ("كتب محمد أحمد", []),
        ("מאת השנה הבאה יהיו בחירות חדשות בכל הארץ", []),
        ("โดยทั่วไป ประชาชน", []),
        ("بقلم: الأهرام", []),
    ],
)
def test_a_labelled_byline_names_its_writers_in_scripts_without_capitals(
    line: str, names: list[str]
) -> None:
    """A byline's label says what no capital letter can there: the words after it are names
    ("بقلم: سارة علي" stayed the body's first line, naming no one)."""
    assert caseless_byline(line) == names


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "Richard David Precht im Gespräch mit Karin Fischer",
            ["Richard David Precht", "Karin Fischer"],
        ),
        ("Jane Doe in conversation with John Roe", ["Jane Doe", "John Roe"]),
        ("Marie Curie en conversation avec Jean Dupont", ["Marie Curie", "Jean Dupont"]),
    ],
)
def test_a_conversation_s_byline_names_both_speakers(byline: str, authors: list[str]) -> None:
    assert split_byline(byline) == (authors, "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Jan Müller", ["Jan Müller"]),
        ("Door Jan Jansen", ["Jan Jansen"]),
        ("By April Ryan | Reporter", ["April Ryan"]),
        ("By Jan Jansen and Piet Pietersen", ["Jan Jansen", "Piet Pietersen"]),
    ],
)
def test_a_byline_naming_someone_whose_first_name_is_a_month(line: str, authors: list[str]) -> None:
    assert is_byline(line)
    assert split_byline(line)[0] == authors


@pytest.mark.parametrize(
    "line",
    ["By May 2021", "By Jan. 3, 2021", "By May Day", "By August Bank Holiday", "By May, the"],
)
def test_by_and_a_month_is_a_time_not_a_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Text: Jane Doe, Fotos: John Roe", ["Jane Doe"]),
        ("By Jane Doe, Photos: John Roe", ["Jane Doe"]),
        ("Text und Fotos: Jane Doe", ["Jane Doe"]),
        ("Text & Photos: Jane Doe", ["Jane Doe"]),
        ("Text/Fotos: Jane Doe", ["Jane Doe"]),
        ("Text/Bild: Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_photographer_credited_beside_the_writer_is_no_author(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        ("Por Maria Silva, da Agência Brasil", ["Maria Silva"], "Agência Brasil"),
        ("Por Juan Pérez, de El País", ["Juan Pérez"], "El País"),
        ("Por Maria Silva e João Souza, do Estadão", ["Maria Silva", "João Souza"], "Estadão"),
    ],
)
def test_the_outlet_a_romance_byline_names_after_of_is_the_credit(
    line: str, authors: list[str], credit: str
) -> None:
    assert split_byline(line) == (authors, credit)


@pytest.mark.parametrize(
    ("field", "authors", "credit"),
    [
        ("محمد أحمد", ["محمد أحمد"], ""),
        ("דוד כהן", ["דוד כהן"], ""),
        ("राहुल शर्मा", ["राहुल शर्मा"], ""),
        ("王小明", ["王小明"], ""),
        ("山田太郎", ["山田太郎"], ""),
        ("김민수 기자", ["김민수"], ""),
        ("新华社", [], "新华社"),
        ("共同通信", [], "共同通信"),
        ("Jane Doe", ["Jane Doe"], ""),
        ("Reuters", [], "Reuters"),
    ],
)
def test_an_author_field_in_a_script_without_capitals_names_a_person(
    field: str, authors: list[str], credit: str
) -> None:
    # No capital tells a name from an outlet's there; the field says it is the author.
    assert split_author_field(field) == (authors, credit)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("From our correspondent Jane Doe", ["Jane Doe"]),
        ("From our correspondent Jane Doe in Paris", ["Jane Doe"]),
        ("From our correspondent in Paris, Jane Doe", ["Jane Doe"]),
        ("By our correspondent Jane Doe", ["Jane Doe"]),
        ("From our correspondents Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, our correspondent in Paris", ["Jane Doe"]),
        ("Von unserem Korrespondenten Hans Müller", ["Hans Müller"]),
        ("De notre correspondante à Paris, Jeanne Dupont", ["Jeanne Dupont"]),
        # The place the story is filed from names no one.
        ("From our correspondent in Paris", []),
        ("From our correspondent in New York", []),
        ("From our Paris correspondent", []),
        ("By our own correspondent", []),
    ],
)
def test_a_correspondents_credit_names_the_correspondent_not_the_place(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


def test_a_sentence_from_our_correspondent_is_no_byline() -> None:
    line = "From our correspondent in Paris, who visited the site last week, came the story."
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Της Μαρίας Παπαδοπούλου", ["Μαρία Παπαδοπούλου"]),
        ("Της Ελένης Γεωργίου", ["Ελένη Γεωργίου"]),
        ("Του Γιώργου Παπαδόπουλου", ["Γιώργος Παπαδόπουλος"]),
        ("Του Γιώργου Παπαδοπούλου", ["Γιώργος Παπαδόπουλος"]),
        ("Του Κώστα Παπαδάκη", ["Κώστας Παπαδάκης"]),
        # A surname in -ου is kept: most such are the same in every case.
        ("Του Ανδρέα Νικολάου", ["Ανδρέας Νικολάου"]),
        (
            "Των Μαρίας Παπαδοπούλου και Γιώργου Νικολάου",
            ["Μαρία Παπαδοπούλου", "Γιώργος Νικολάου"],
        ),
        ("Γράφει η Μαρία Παπαδοπούλου", ["Μαρία Παπαδοπούλου"]),
    ],
)
def test_a_greek_byline_in_the_genitive_names_the_writer_in_the_nominative(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


def test_a_greek_genitive_article_before_a_place_is_no_byline() -> None:
    assert not is_byline("Της Αθήνας")


@pytest.mark.parametrize("text", ["Tuesday GMT", "Wednesday EDT", "Friday Jane"])
def test_a_weekday_or_time_zone_left_by_a_date_is_no_name(text: str) -> None:
    assert not is_person_name(text)


@pytest.mark.parametrize("name", ["Plácido Domingo", "Guy Montag", "Jane Doe"])
def test_a_surname_that_is_a_weekday_in_another_language_is_still_a_name(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe, Special to the Courier",
        "By Jane Doe, Special to The Washington Post",
        "Jane Doe | Special to the Courier",
    ],
)
def test_a_writer_special_to_the_paper_is_its_author(line: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == (["Jane Doe"], "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Jane Doe und John Roe, Berlin", ["Jane Doe", "John Roe"]),
        ("Von Jane Doe, Berlin", ["Jane Doe"]),
        ("Par Jean Dupont, à Paris", ["Jean Dupont"]),
        ("Por Juan Pérez, Madrid", ["Juan Pérez"]),
    ],
)
def test_a_byline_closed_by_where_it_was_filed_from_names_the_writers(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line)[0] == authors


@pytest.mark.parametrize("line", ["Von Bremen, Hamburg und Berlin aus", "Von Anfang an, Berlin"])
def test_a_sentence_opening_with_von_and_a_place_is_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Doe, New York", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Los Angeles", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, HONG KONG", ["Jane Doe"]),
        ("Jane Doe, Rio de Janeiro", ["Jane Doe"]),
        ("By Jane Doe, Abu Dhabi", ["Jane Doe"]),
        # A writer whose first name is also a city's is a writer.
        ("By Jane Doe, Sofia Rossi", ["Jane Doe", "Sofia Rossi"]),
    ],
)
def test_the_place_a_byline_was_filed_from_is_no_writer(byline: str, authors: list[str]) -> None:
    assert split_byline(byline) == (authors, "")


def test_a_city_after_the_writer_is_no_credit() -> None:
    assert split_byline("By Jane Doe, Berlin") == (["Jane Doe"], "")
    assert split_byline("By Jane Doe, Reuters") == (["Jane Doe"], "Reuters")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Door Jan Jansen en Piet de Vries", ["Jan Jansen", "Piet de Vries"]),
        ("Av Erik Larsson och Anna Berg", ["Erik Larsson", "Anna Berg"]),
        ("Af Mette Hansen og Lars Nielsen", ["Mette Hansen", "Lars Nielsen"]),
        ("Od Jan Kowalski", ["Jan Kowalski"]),
        ("Od Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("di Mario Rossi e Luca Bianchi", ["Mario Rossi", "Luca Bianchi"]),
        ("Szerző: Kiss Anna és Nagy Péter", ["Kiss Anna", "Nagy Péter"]),
        ("Kirjoittaja: Matti Virtanen ja Liisa Korhonen", ["Matti Virtanen", "Liisa Korhonen"]),
        ("Yazan: Ahmet Yılmaz ve Ayşe Kaya", ["Ahmet Yılmaz", "Ayşe Kaya"]),
    ],
)
def test_two_writers_joined_by_and_in_their_language(line: str, authors: list[str]) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # An initial in capitals is no "a" or "i": one name.
        ("By Jane A Doe", ["Jane A Doe"]),
        ("By Jan I Kowalski", ["Jan I Kowalski"]),
        # Spanish "en" says where: a place, no second writer.
        ("Por Juan Pérez en Buenos Aires", ["Juan Pérez"]),
    ],
)
def test_a_capital_initial_or_a_place_after_en_is_no_second_writer(
    line: str, authors: list[str]
) -> None:
    assert split_byline(line)[0] == authors


@pytest.mark.parametrize("line", ["Od redakcji", "Od wczoraj w Warszawie", "Di Maria"])
def test_od_or_di_opening_no_names_is_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe Transport correspondent",
        "Jane Doe Chief political correspondent",
        "Jane Doe Economics editor",
    ],
)
def test_a_name_run_on_into_its_role_in_sentence_case(line: str) -> None:
    # The Guardian's byline as a page saved as text shows it, name and role on one line.
    assert is_byline(line)
    assert split_byline(line) == (["Jane Doe"], "")


def test_a_sentence_case_headline_ending_in_a_role_is_no_byline() -> None:
    assert split_byline("Musk fires Twitter editor")[0] == []


@pytest.mark.parametrize(
    ("line", "authors", "credit"),
    [
        ("Jane Doe and John Roe, CNN", ["Jane Doe", "John Roe"], "CNN"),
        ("Jane Doe, BBC News", ["Jane Doe"], "BBC News"),
    ],
)
def test_writers_and_the_network_they_write_for(line: str, authors: list[str], credit: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, credit)


@pytest.mark.parametrize("line", ["Jane Doe, USA", "Jane Doe, NATO", "Jane Doe, Berlin"])
def test_a_country_s_or_an_alliance_s_letters_after_a_name_make_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "        Jane Doe@janedoe",  # her account's link run on, as inscriptis renders it
        "        Jane Doe Jane Doe",  # her photo's text, then her link, as lynx renders it
        "        Jane DoeJane Doe",  # as w3m renders it
    ],
)
def test_a_name_with_its_handle_or_said_twice_by_a_renderer_is_the_author(line: str) -> None:
    assert parse_text(_page(line)).authors == ["Jane Doe"]


def test_an_address_under_the_headline_names_no_one() -> None:
    assert parse_text(_page("        jane@northfield.example")).authors == []


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Oleh Ahmad Ismail", "Ahmad Ismail"),  # Indonesian, Malay
        ("Penulis: Budi Santoso", "Budi Santoso"),
        ("Piše: Ivan Horvat", "Ivan Horvat"),  # Croatian, Serbian, Bosnian
        ("Аутор: Петар Петровић", "Петар Петровић"),
        ("Avtor: Janez Novak", "Janez Novak"),  # Slovenian
        ("Autorius: Jonas Kazlauskas", "Jonas Kazlauskas"),  # Lithuanian
        ("Autors: Jānis Bērziņš", "Jānis Bērziņš"),  # Latvian
        ("Eftir Jón Jónsson", "Jón Jónsson"),  # Icelandic
        ("Skrivet av Erik Larsson", "Erik Larsson"),
        ("Kirjoittanut Matti Virtanen", "Matti Virtanen"),
        ("Texto e fotos: Maria Silva", "Maria Silva"),
        ("Reportagem: Maria Silva", "Maria Silva"),
        ("Autor/a: Juana López", "Juana López"),
        ("Por: Juan Pérez", "Juan Pérez"),  # the colon right after the word
        ("Par: Jean Dupont", "Jean Dupont"),
        ("Door: Jan Jansen", "Jan Jansen"),
    ],
)
def test_a_byline_s_label_in_more_languages(line: str, author: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == ([author], "")


@pytest.mark.parametrize("line", ["Oleh karena itu", "Por: favor", "Eftir hádegi"])
def test_those_labels_before_no_name_make_no_byline(line: str) -> None:
    assert not is_byline(line)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Jean Dupont Publié le 12 mars 2024 à 09h30", "Jean Dupont"),
        ("Jane Doe Published: March 12, 2024", "Jane Doe"),
        ("Jana Müller 12. März 2024, 09:30 Uhr 5 Min. Lesezeit", "Jana Müller"),
        ("Juan Pérez Madrid - 12 mar 2024 - 09:30 CET", "Juan Pérez"),
    ],
)
def test_a_name_run_into_its_date_line_loses_the_date_s_words_and_place(
    line: str, author: str
) -> None:
    # Spans set side by side ("<span>Jean Dupont</span><span>Publié le …</span>"), as a page
    # saved as text runs them into one line.
    draft = parse_text(_page(f"        {line}"))
    assert (draft.authors, draft.credit) == ([author], "")
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    ("label", "author"),
    [
        ("Written By:", "Jane Doe"),
        ("Posted by:", "Jane Doe"),
        ("Texto:", "Juan Pérez"),
        ("Testo:", "Mario Rossi"),
    ],
)
def test_a_byline_s_label_on_a_line_over_the_name(label: str, author: str) -> None:
    assert parse_text(_page(f"        {label}\n        {author}")).authors == [author]


def test_a_menu_s_texts_item_over_another_item_is_no_label() -> None:
    menu = "        * Über mich\n        * Texte\n        * Bücher\n        * Blog-Archiv"
    assert parse_text(_page(menu)).authors == []


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        # A writer, a spaced dash, and their outlet or role.
        ("By Jane Doe - The Valley Post", ["Jane Doe"], "The Valley Post"),
        ("By JANE DOE - Associated Press", ["Jane Doe"], "Associated Press"),
        ("Jane Doe — Staff Writer", ["Jane Doe"], ""),
        ("Jane Doe – Special to the Post", ["Jane Doe"], ""),
        # Two names either side, or a place before the name: as before, whole.
        ("Mara Quill - Tom Reeve", [], "Mara Quill - Tom Reeve"),
        ("Paris - Jean Dupont", [], "Paris - Jean Dupont"),
    ],
)
def test_a_writer_and_an_outlet_or_role_set_apart_by_a_spaced_dash(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        # The wire's style: the name in capitals, the agency after it with no comma.
        ("By JANE DOE Associated Press", ["Jane Doe"], "Associated Press"),
        ("JANE DOE Harbour Times", ["Jane Doe"], "Harbour Times"),
        # The piece's kind before "by", and Turkish's reporter label.
        ("Recipe by Jane Doe", ["Jane Doe"], ""),
        ("Muhabir: Ahmet Yılmaz", ["Ahmet Yılmaz"], ""),
    ],
)
def test_a_name_in_capitals_before_its_outlet_and_other_writers_labels(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    "agency",
    ["ANP", "Belga", "NTB", "Ritzau", "ČTK", "TASR", "PAP", "MTI", "Lusa", "Agerpres", "HINA",
     "Tanjug", "AGI", "Adnkronos", "dpa-AFX", "Europa Press", "Agência Brasil", "aja/PAP"],
)  # fmt: skip
def test_europe_s_national_agencies_are_agencies(agency: str) -> None:
    assert is_agency(agency)
    assert split_byline(f"Jane Doe / {agency}") == (["Jane Doe"], agency)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("2024-03-12 10:03 来源：新华社 作者：王小明", ["王小明"]),
        ("作者：王小明 来源：新华社", ["王小明"]),
        ("发布时间：2024-03-12 来源：人民网", []),
    ],
)
def test_a_cjk_line_of_labelled_fields_gives_the_writer_s_field(
    line: str, names: list[str]
) -> None:
    assert cjk_byline(line) == names


@pytest.mark.parametrize("line", ["Текст: Иван Петров", "ТЕКСТ: ИВАН ПЕТРОВ"])
def test_the_russian_text_label_opens_a_byline_line(line: str) -> None:
    assert is_byline(line)
    assert split_byline(line) == (["Иван Петров"], "")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Von unserer Redakteurin Jana Schmidt", ["Jana Schmidt"]),
        ("Von unserem Mitarbeiter Peter Müller", ["Peter Müller"]),
        ("Dal nostro inviato Mario Rossi", ["Mario Rossi"]),
        ("De notre envoyée spéciale à Kiev, Marie Curie", ["Marie Curie"]),
        ("De nuestro enviado especial Juan Pérez", ["Juan Pérez"]),
        ("By our reporter Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_paper_s_own_reporter_or_envoy_credited_as_such_is_no_part_of_the_name(
    text: str, authors: list[str]
) -> None:
    assert is_byline(text)
    assert split_byline(text) == (authors, "")


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        # A paper's own role after the name, and where it was filed from: no credit.
        ("Par Jean Dupont, envoyé spécial à Kiev", ["Jean Dupont"], ""),
        ("Von Jana Schmidt, Korrespondentin aus Brüssel", ["Jana Schmidt"], ""),
        # ("en" after a role is where, not the Dutch "and" between two names.)
        ("Por Juan Pérez, corresponsal en París", ["Juan Pérez"], ""),
        ("Por Juan Pérez y Ana López, corresponsales en Bruselas", ["Juan Pérez", "Ana López"], ""),
        ("Por Maria Silva, correspondente em Lisboa", ["Maria Silva"], ""),
        ("Door Jan Jansen en Piet Pietersen", ["Jan Jansen", "Piet Pietersen"], ""),
        # A desk of no outlet's name stays whole ("la", "der" are no outlets).
        ("Par la rédaction", [], "la rédaction"),
        ("Von der Redaktion", [], "der Redaktion"),
        ("Da Redação", [], "Da Redação"),
        # Finnish "Teksti:", French "Propos recueillis par" (an interview's writer).
        ("Teksti: Matti Virtanen", ["Matti Virtanen"], ""),
        ("Propos recueillis par Jean Dupont", ["Jean Dupont"], ""),
    ],
)
def test_roles_desks_and_labels_of_european_bylines(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Par Jean Dupont, envoyé spécial à Kiev",
        "Von Jana Schmidt, Korrespondentin aus Brüssel",
        "Par Jean Dupont, journaliste",
        "Por Juan Pérez, corresponsal en París",
        "Por Maria Silva, correspondente em Lisboa",
        # The outlet's brand in lower case (Globo's g1).
        "Por João Silva, g1",
    ],
)
def test_a_byline_line_closed_by_the_writer_s_role_is_a_byline(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # Reuters' credit line: the reporters, not the editor.
        (
            "Reporting by Jane Doe in Springfield; Additional reporting by John Roe in London;"
            " Editing by Mary Major",
            ["Jane Doe", "John Roe"],
        ),
        (
            "Reporting by Jane Doe; Additional reporting by John Roe; Editing by Mary Major",
            ["Jane Doe", "John Roe"],
        ),
        (
            "Reporting by Jane Doe in Washington and John Roe in London; Editing by Mary Major",
            ["Jane Doe", "John Roe"],
        ),
    ],
)
def test_a_wire_credit_line_names_its_reporters_not_its_editor(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe in Springfield and John Roe in London", ["Jane Doe", "John Roe"]),
        ("Par Jean Dupont à Paris et Marie Curie à Lyon", ["Jean Dupont", "Marie Curie"]),
        ("By Jane Doe and John Roe in Paris", ["Jane Doe", "John Roe"]),
        ("By Jane Doe in New York", ["Jane Doe"]),
    ],
)
def test_each_writer_s_place_in_a_byline_is_no_part_of_the_names(
    line: str, authors: list[str]
) -> None:
    assert split_byline(line) == (authors, "")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("執筆者：山田太郎", ["山田太郎"]),
        ("著者：山田太郎", ["山田太郎"]),
        ("（文・山田太郎）", ["山田太郎"]),
        ("글: 김민수", ["김민수"]),
        ("by 山田太郎", ["山田太郎"]),
        # A Japanese blog's meta line: the writer, a spaced slash, the day.
        ("by 山田太郎 ／ 2016.12.01", ["山田太郎"]),
        ("by the way 山田", []),
    ],
)
def test_japanese_and_korean_writer_labels_and_by_before_a_name_without_capitals(
    line: str, names: list[str]
) -> None:
    assert cjk_byline(line) == names


@pytest.mark.parametrize(
    ("field", "authors", "credit"),
    [
        ("김민수", ["김민수"], ""),
        ("연합뉴스", [], "연합뉴스"),
        ("한겨레", [], "한겨레"),
        ("뉴시스", [], "뉴시스"),
    ],
)
def test_a_korean_author_field_is_a_person_s_name_not_a_paper_s(
    field: str, authors: list[str], credit: str
) -> None:
    assert split_author_field(field) == (authors, credit)


@pytest.mark.parametrize(
    ("line", "authors"),
    [("Redacción: Juan Pérez", ["Juan Pérez"]), ("Redaccion: Juan Pérez", ["Juan Pérez"])],
)
def test_a_spanish_newsroom_label_before_a_person_s_name_is_a_byline(
    line: str, authors: list[str]
) -> None:
    assert is_byline(line)
    assert split_byline(line) == (authors, "")


def test_a_spanish_newsroom_label_before_a_desk_is_no_byline() -> None:
    assert not is_byline("Redacción: Internacional")


@pytest.mark.parametrize(
    ("text", "authors", "credit"),
    [
        # Turkish papers' newsroom ("news centre") and agencies are credits, not people.
        ("Haber Merkezi", [], "Haber Merkezi"),
        ("Hürriyet Haber Merkezi", [], "Hürriyet"),
        ("Ahmet Yılmaz | Haber Merkezi", ["Ahmet Yılmaz"], ""),
        ("Anadolu Ajansı", [], "Anadolu Ajansı"),
        ("Ahmet Yılmaz / Anadolu Ajansı", ["Ahmet Yılmaz"], "Anadolu Ajansı"),
        ("İhlas Haber Ajansı", [], "İhlas Haber Ajansı"),
    ],
)
def test_turkish_newsrooms_and_agencies_are_credits(
    text: str, authors: list[str], credit: str
) -> None:
    assert split_byline(text) == (authors, credit)
