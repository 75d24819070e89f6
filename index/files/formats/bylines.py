"""Bylines: who wrote an article ("By Jane Doe and John Roe") and which outlet it credits.

People go to `authors`; news agencies, outlets and bare staff roles go to `credit`. A name is
judged by its shape (two to five capitalised words, initials and particles allowed), so unknown
outlets such as "Azernews" still end up as a credit rather than as a person.

Names written in capitals ("BY: JANE DOE") are given in title case ("Jane Doe"), since bylines
are capitalised for display and the same person is written normally elsewhere. Editors,
photographers and translators ("Edited by ...", "Photos by ...") are not authors: their names
are dropped, as are job titles after a name ("Ben Silverman Games Editor") and dates squashed
onto it ("Nathan Willis March").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsread.index.files.dates import find_date, is_date_word
from newsread.index.files.formats.places import is_place
from newsread.index.marks import BMP_MARKS


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, for word lists written as prose."""
    return frozenset(text.split())


# Well-known agencies, matched case-insensitively; anything not shaped like a person is a credit
# too, this list only rescues agency names that look like a person's ("Associated Press").
_AGENCIES = _words(
    """afp ap reuters bloomberg xinhua tass interfax dpa ansa efe pti ians anadolu upi kyodo
    yonhap ria novosti sputnik itar-tass trend apa azertac bernama antara aap cna kuna wam spa
    mena irna isna unb bss ani ukrinform unian belta kazinform akipress jiji anp belga pap ctk
    čtk mti lusa ntb ritzau stt sda ats kna epd hina bta tanjug agerpres adnkronos notimex"""
) | {
    "associated press",
    "agence france-presse",
    "agence france presse",
    "press association",
    "press trust of india",
    "indo-asian news service",
    "anadolu agency",
    "anadolu ajansı",
    "ihlas haber ajansı",
    "i̇hlas haber ajansı",
    "demirören haber ajansı",
    "xinhua news agency",
    "ria novosti",
    "itar tass",
    "bloomberg news",
    "reuters staff",
    "dow jones",
    "canadian press",
    "the canadian press",
    "the associated press",
    "pa media",
    "bbc news",
    "cnn wire",
    "jiji press",
    "europa press",
    "agência brasil",
    "agencia brasil",
    "deutsche presse-agentur",
    "prensa latina",
    "agência lusa",
    "agencia lusa",
    "keystone-sda",
}

# Words that make a phrase a job or a desk rather than a person's name.
_ROLE_WORDS = _words(
    """staff reporter reporters writer writers correspondent correspondents editor editors
    editorial desk team bureau contributor contributors columnist analyst journalist
    journalists author authors autor autorin autoren auteur auteure autore autrice producer
    photographer critic commentator blogger
    photojournalist videographer presenter editor-at-large editor-in-chief senior special chief our political business foreign news web online
    digital sports science health diplomatic economics technology associate deputy managing
    international national local city freelance guest contributing executive assistant
    redaktion rédaction redacción redazione redactie redação redacao merkezi
    envoyé envoyée spécial spéciale correspondant correspondante corresponsal enviado enviada
    corresponsales correspondente correspondentes especial inviato inviata corrispondente
    korrespondent korrespondentin redakteur redakteurin journaliste periodista giornalista
    jornalista repórter dziennikarz dziennikarka korespondent korespondentka корреспондент
    корреспондентка журналист журналистка обозреватель"""
)

_CORE_ROLES = _words(
    """editor editors editorial contributor contributors columnist analyst journalist
    journalists author authors autor autorin autoren auteur auteure autore autrice producer
    photographer critic commentator blogger
    photojournalist videographer presenter editor-at-large editor-in-chief
    envoyé envoyée correspondant correspondante corresponsal enviado enviada inviato inviata
    corresponsales correspondente correspondentes corrispondente korrespondent korrespondentin
    redakteur redakteurin journaliste periodista giornalista jornalista repórter dziennikarz
    dziennikarka korespondent korespondentka корреспондент корреспондентка журналист
    журналистка обозреватель"""
)
# Desks and beats before a role with no separator ("Ben Silverman Games Editor"), where they
# cannot be told from a surname by their shape alone.
_TOPIC_WORDS = _words(
    """games gaming tech economy finance financial markets money consumer politics world home
    affairs security defence defense transport travel culture arts art music film movies tv
    television media entertainment fashion style food wine books environment climate energy
    crime legal courts justice property housing motoring cars sport football soccer cricket
    rugby tennis golf racing baseball basketball hockey investigations investigative data
    visual visuals graphics photo picture video audio podcast opinion features feature weather
    religion royal social lifestyle parenting family wellness fitness gadgets mobile internet
    cyber innovation retail industry agriculture rural regional metro state education europe
    asia africa america china congressional congress parliamentary westminster whitehall
    policy global mobility aviation space personal research medical night weekend sunday
    acting general supervising visiting lead principal interim"""
)
_TOPIC_ENDINGS = ("ics", "ment", "ture", "logy", "ism", "ness")
# Words before a desk that name no outlet ("Die Redaktion", "La rédaction", "Unsere Redaktion").
_DETERMINERS = _words("the die der la le el il de het our unsere unser notre nuestra da do")
# A desk in the languages of the pages ("Emotion Redaktion", "La rédaction"): an outlet's
# staff, whose outlet is the credit.
# (Turkish papers' "Haber Merkezi", news centre, is their desk.)
_DESKS = _words("redaktion rédaction redacción redazione redactie redação redacao merkezi")
_TRAILING_ROLES = _DESKS | _words(
    "staff reporter reporters writer writers correspondent correspondents desk team bureau"
)
# What one person is ("Jane Doe Games Editor"); a desk or team is not ("Cloud Help Desk").
_PERSON_ROLES = (
    (_TRAILING_ROLES | _CORE_ROLES) - _DESKS - _words("staff desk team bureau editorial")
)

# Words that mark a name as an organisation.
_OUTLET_WORDS = _words(
    """news press agency times post media service services network daily journal herald
    tribune gazette wire tv radio online group newspaper magazine telegraph guardian
    independent observer chronicle review today reuters agence courier courrier quotidien
    zeitung rundschau nachrichten tagblatt tageblatt kurier anzeiger presse nouvelles medien
    diario periódico noticias corriere gazzetta giornale gazeta вестник газета новости
    известия правда ведомости edition blog blogs weblog podcast
    inquirer examiner dispatch bulletin sentinel express ekspres expreso expresso
    gazete gazetesi haber haberleri dziennik tidning tidningen tidende avis avisen dagblad
    dagbladet krant nieuwsblad nieuws nyheter noviny novine novosti dnevnik vjesnik hírlap
    ziarul jornal folha sanomat uutiset"""
)
# (The word for a newspaper or its news in the languages of its name: "Liman Gazetesi",
# "Kuzey Ekspres", "Dziennik Portowy", "Havne Tidende" name no one.)

# What an organisation is called, no person ("Spanien Forum", "Deutscher Handballbund",
# "Autonomous Nonprofit Organization"), and a company's legal form ("Harbour Verlag GmbH",
# "Harbour Media Ltd.", "Harbour e.V.").
_ORGANISATION_WORDS = _words(
    """forum organization organisation nonprofit association verein verband club foundation
    stiftung institute institut university universität society council committee federation
    league union championships championship festival museum school schule akademie academy
    group gruppe network center centre zentrum verlag
    gmbh mbh ag kg kgaa ohg gbr e.v ltd inc llc llp plc corp s.a s.l s.r.l srl s.p.a spa sarl
    b.v n.v"""
)
# The same as the end of a German compound ("Caritasverband", "Volksblatt").
_ORGANISATION_ENDINGS = (
    "bund",
    "verband",
    "verein",
    "gesellschaft",
    "stiftung",
    "zentrum",
    "blatt",
    "zeitung",
    "rundschau",
    "anzeiger",
    "nachrichten",
    "verlag",
    "schule",
)
# Capitalised words of headlines that are no part of a name ("Ask The Editor").
_NOT_NAME_WORDS = (
    _words(
        """the of to for and with from into about after over is are was were be how why what who
    when where this that these those your our their its my say says tell tells told warn
    warns see sees dear meet in on at now here über sie wir ich"""
    )
    - _ROLE_WORDS
)
# Articles that open a headline or a heading, never a name ("Der Windrebell", "Die Woche").
_ARTICLES = _words("Der Die Das Den Dem Des Ein Eine Einen Les Una Uno Il Lo Gli")
# Words of page menus and buttons that look like names ("Newer Article", "Log In").
_UI_WORDS = (
    _NOT_NAME_WORDS
    | _words(
        """article articles stories posts newer older next previous prev comments reply login logout
    menu search subscribe subscription related latest popular trending gallery newsletter
    sections topics help contact privacy terms cookies settings account profile later buy
    zur zum zurück weiter alle mehr modified updated published posted archive archives archiv"""
    )
    | _words(
        # The same in the languages of the pages, and possessives no name holds ("Dein Kommentar").
        """artikel beitrag beiträge kommentar kommentare kommentieren galerie teilen drucken
    antworten weiterlesen startseite suche anmelden abmelden impressum datenschutz kontakt
    email e-mail gallery comment share print dein deine ihr ihre unser unsere mein meine kein
    keine your my noticias inicio buscar compartir comentarios artículo artículos galería
    accueil recherche partager commentaires copyright"""
    )
    # A share bar's networks: "Facebook Twitter" under a date is no one's name.
    | _words(
        "facebook twitter whatsapp linkedin pinterest instagram telegram reddit tiktok youtube"
    )
    # Labels of a page's widgets and advertising ("Live Updates", "Video Highlights",
    # "Sponsored Content", "Weitere Themen", "Nach Oben"; not "Link" nor "Player": surnames).
    | _words(
        """live updates video videos podcast podcasts sponsored advertisement advertorial
    anzeige werbung themen oben interessant size"""
    )
    # A reading time's label ("Temps de lecture 4 min", "Tiempo de lectura"; not "Reading":
    # a surname and a town).
    | _words("lecture lectura lettura leitura czytania")
    # A date's label in a page's meta bar ("Last Update", "Letzte Aktualisierung": not
    # "Updated", which `_DATE_LEFTOVERS` cuts off a name it was run into).
    | _words(
        """update aktualisierung änderung actualización actualizado actualisation aggiornamento
    atualização atualizado"""
    )
)
# Greetings and wishes that close a post or a comment and look like a name ("Schöne Grüße",
# "Fröhliche Weihnachten", "Hallo Karl").
_GREETING_WORDS = _words(
    """grüße grüsse gruß gruss hallo hello servus moin weihnachten ostern neujahr regards
    cheers thanks danke merci gracias saludos salutations christmas"""
)
_UI_WORDS = _UI_WORDS | _GREETING_WORDS
# What a page's buttons and links tell the reader to do, first on them as no given name is
# ("Learn More", "Show All", "Mehr lesen"); a surname may be such a word ("Glenn Close").
_BUTTON_VERBS = _words(
    """learn view show read watch listen install download open close load click sign join
    follow get find discover explore try start continue go back skip shop order book save copy
    lesen zeige zeigen laden ansehen entdecken jetzt lire voir découvrir télécharger ver leer
    descubrir descargar"""
)
# The same, but "The Editors" is a byline.
_HEADLINE_WORDS = _NOT_NAME_WORDS - {"the"}
# Professions written before a name ("Rechtsanwältin Jane Doe"); academic titles ("Prof. Dr.")
# are kept, as the page writes them.
_TITLES = _words(
    """rechtsanwalt rechtsanwältin anwalt anwältin notar notarin pfarrer pfarrerin pastor
    pastorin steuerberater steuerberaterin maître avocat avocate abogado abogada"""
)
# What stands before "der" in a name ("van der Berg", "von der Leyen").
_DER_AFTER = _words("van von ter op vom Van Von")
# Lower-case words allowed inside a person's name.
_PARTICLES = _words("de da di del della der den van von ter le la du dos das bin ibn al el y e st")

# The words a byline opens with that no name does ("By", "Par", "Por", "Door"; not "Von" or
# "Di": "Von Miller", "Di Maria").
_BYLINE_WORDS = _words("by par por door")

# What "<verb> by" credits: the writing ("Reporting by", "Written by") or other work whose
# people are not authors ("Edited by", "Photos by", "Medically reviewed by").
_AUTHOR_VERBS = (
    r"(?:(?:additional|further)\s+)?(?:reporting|reported)|written|writing|words|story|text"
    r"|compiled|interview|posted|published|submitted"
    # The kind of piece, as `_PIECE_BY` in German: "Analysis by Jane Doe" wrote it.
    r"|article|analysis|opinion|commentary|review|column|essay|recipe"
    # "A guest post by Jane Doe", "Blog post by Jane Doe", "Post by Jane Doe".
    r"|(?:an?\s+)?(?:guest\s+|blog\s+)?post"
)
_OTHER_VERBS = (
    r"(?:(?:copy|medically|additional)\s+)?(?:edited|editing|reviewed)|photos?|photographs?"
    r"|photography|pictures|videos?|graphics|illustrations?|illustrated|translation|translated"
    r"|research|produced|production|fact-checked|design|designed|data"
)
_VERBS = (
    rf"(?:{_AUTHOR_VERBS}|{_OTHER_VERBS})(?:\s*(?:,|and|&)\s*(?:{_AUTHOR_VERBS}|{_OTHER_VERBS}))*"
)
_OTHER_VERB = re.compile(rf"(?:{_OTHER_VERBS})", re.IGNORECASE)
_VERB_LIST = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
# "Autor", "Autorin", "Autoren", "AUTOR/IN", "Autor*in": the German label of a byline.
_AUTHOR_LABEL = r"autor(?:innen|in|en|/innen|/in|\*innen|\*in|:innen|:in)?"
# The kind of piece before "von" ("Ein Kommentar von", "Blog Beitrag von", "Eine Reportage von"):
# whatever piece it is, the name after "von" wrote it.
_PIECE_BY = (
    r"(?:(?:ein|eine)\s+)?(?:[^\W\d_]+[\s-]?)?(?:beitrag|beiträge|artikel|kommentare?|interviews?"
    r"|berichte?|reportagen?|analysen?|kolumnen?|essays?|rezensionen?|rezepte?|posts?)"
)
# (And their plurals: "Weitere Rezepte von Jane Doe", a link to more of her work, was read as
# a person's name, its "von" a particle as in "Ursula von der Leyen".)
# The writer's label in Finnish, Turkish, Polish, Vietnamese and Hungarian ("Kirjoittaja: Jane
# Doe", "Yazar: Jane Doe", "Yazan: Jane Doe", "Muhabir: Jane Doe", "Haber: Jane Doe" (news by),
# "Tác giả: Jane Doe", "Szerző: Jane Doe"), and "written by" in Italian, Polish, Danish,
# Norwegian and Dutch ("Scritto da Jane Doe", "A cura di Jane Doe").
# Also Indonesian, Croatian and Serbian, Slovenian, Lithuanian, Latvian, Portuguese and
# Spanish ("Penulis:", "Piše:", "Аутор:", "Avtor:", "Autorius:", "Autors:", "Reportagem:",
# "Autor/a:", "Redacción:" before a person's name, not a desk's), and "by" in Indonesian and Malay, Icelandic, Swedish and Finnish ("Oleh Jane
# Doe", "Eftir Jane Doe", "Skrivet av Jane Doe", "Kirjoittanut Jane Doe").
_WRITER_LABEL = (
    r"kirjoittaja|yazar|yazan|autorem|tác\s+giả|szerző|penulis|piše|аутор|avtor|autorius"
    r"|autors|reportagem|autor/a|autor\(a\)|muhabir|haber|redacción|redaccion"
)
_WRITTEN_BY = (
    r"scritto\s+da|a\s+cura\s+di|napisał(?:a)?|skrevet\s+a[fv]|geschreven\s+door"
    r"|skrivet\s+av|kirjoittanut|oleh|eftir"
)
# "Text:", and "Text und Fotos:" ("Text/Fotos:"), whose writer took the pictures too.
_TEXT_LABEL = (
    r"(?:text|texte|texto|testo|teksti|tekst)"
    r"(?:(?:\s+(?:und|and|&|\+|e|y|et|og|och|i)\s+|/)"
    r"(?:fotos?|photos?|bild(?:er)?|fotografías?))?"
)
# German credits for work other than the writing, which end the writer's names: "Text von Jane
# Doe Illustration von John Roe", "Fotos von John Roe".
_OTHER_VON = r"(?:illustration(?:en)?|fotos?|bilder?|grafik(?:en)?|videos?|zeichnung(?:en)?)\s+von"
# A paper's correspondent (or its reporter, editor, envoy) credited as such, the name (if any)
# after it: "From our correspondent Jane Doe", "By our own correspondent", "From our Paris
# correspondent", "From our correspondent in Paris, Jane Doe", "Von unserem Korrespondenten",
# "De notre correspondante à Paris", "Von unserer Redakteurin Jane Doe". The
# place is where the story was filed from, no part of a name.
_CORRESPONDENT = (
    r"(?:from|by|von|de|par|dal|del|door)\s+"
    r"(?:our|unserem|unserer|unseren|notre|nos|nostro|nostra|nuestro|nuestra|onze)\s+"
    r"(?:own\s+|eigenen\s+)?(?:[^\W\d_][\w'’.-]*\s+){0,2}?"
    r"(?:correspondents?|korrespondent(?:en|in)?|correspondante?s?|corrispondent[ei]"
    r"|corresponsal(?:es)?|correspondenten"
    # "Von unserer Redakteurin", "Von unserem Mitarbeiter", "Dal nostro inviato", "De notre
    # envoyée spéciale", "De nuestro enviado especial", "By our reporter".
    r"|redakteur(?:in|en)?|mitarbeiter(?:in)?|reporter(?:in)?|inviat[oa]"
    r"|envoyée?s?\s+spéciale?s?|enviad[oa]\s+especial|reporters?|staff\s+writers?)"
    r"(?:\s+(?:in|à|a|en|aus|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:[,:]|$)))?"
    r"\s*[,:]?"
)
# A Greek byline gives the writer's name in the genitive after its article ("Της Μαρίας
# Παπαδοπούλου", "Του Γιώργου Παπαδόπουλου", "Των …" for several), or says who writes ("Γράφει
# η Μαρία Παπαδοπούλου").
_GREEK_GENITIVE = r"(?:της|του|των)"
_GREEK_WRITES = r"(?:γράφει|γράφουν)\s+(?:ο|η|οι)"
_CORRESPONDENT_ALONE = re.compile(_CORRESPONDENT + r"\s*", re.IGNORECASE)
# "By", "BY:", "Written by", "Written and edited by", "Additional reporting by"; also French,
# German, Spanish, Italian, Portuguese, Dutch and Russian forms.
_PREFIX = re.compile(
    rf"""^(?:
        (?P<others>{_OTHER_VON}) | {_TEXT_LABEL}\s+(?:von|de|di|door|av) | {_CORRESPONDENT} |
        (?P<genitive>{_GREEK_GENITIVE}) | {_GREEK_WRITES} |
        (?P<verbs>{_VERBS})\s+by(?:\s*:)?
        | by\s*: | by | (?:post\s+)?author(?:s)?\s*(?::|by\b)? | {_TEXT_LABEL}\s*:
        | words\s*: | reporter\s*: | entrevista\s*: | (?:{_WRITER_LABEL})\s*:
        | (?:par|por|door|av|af|od|di)\s*: | par | von | por | di | door | av | af | od
        | автор(?:ы)?\s*:? | текст\s*:
        | {_WRITTEN_BY}
        | (?:{_AUTHOR_LABEL}|auteur|autore|redakteur(?:in)?|interview)\s*:
        | (?:veröffentlicht|geschrieben|verfasst|erstellt|gepostet|eingestellt|{_PIECE_BY})\s+von\s*:?
        | von\s*:
        | (?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von | {_AUTHOR_LABEL} | auteur(?:e|s)? | autori
        | (?:publicado|escrito|postado)\s+por(?:\s*:)? | (?:publié|écrit|rédigé)\s+par(?:\s*:)?
        | pubblicato\s+da(?:\s*:)?
        | propos\s+recueillis\s+par(?:\s*:)?
    )(?:\s+|(?<=:))""",
    re.IGNORECASE | re.VERBOSE,
)
# A place or outlet of one to three capitalised words closing a byline after a comma: "Von
# Jane Doe, Berlin", "Par Jean Dupont, à Paris".
_FILED_FROM = re.compile(
    r",\s+(?:à\s+|in\s+|en\s+)?[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}\s*$"
)
_AT_PLACE = re.compile(r"^(?:à|en|aus)\s+[A-ZÀ-Þ]")
# Who an interviewer spoke to: "Interview: Jane Doe mit John Roe".
_INTERVIEWED = re.compile(r"\s+(?:mit|with|avec|con)\s+", re.IGNORECASE)
# A second credit inside one segment: "Written by X Edited by Y", "By X and photos by Y".
_INNER_BY = re.compile(
    rf"(?:\s*[,;]|\s+(?:and|&|und))?\s+(?=(?:{_VERBS})\s+by\s|{_OTHER_VON}\s)", re.IGNORECASE
)
# The section a post was filed in, after its writer's name: "By Jane Doe Published in
# Politics", "Jane Doe Posted in News", "Jean Dupont Publié dans Culture".
_FILED_IN = re.compile(
    r"\s+(?:published|posted|filed|publiée?|veröffentlicht|gepostet|publicado|pubblicato)"
    r"\s+(?:in|under|dans|en|unter|sous)\s+\S.*$",
    re.IGNORECASE,
)
# "By Jane Doe in Paris", "By Jane Doe for The Guardian", "Jane Doe at Bloomberg".
# (A comma sets apart another role's credit too: "Text: Jane Doe, Fotos: John Roe".)
_SEGMENTS = re.compile(
    r"\s+[|/•·]\s+|\s*;\s*"
    r"|\s*,\s*(?=(?:fotos?|photos?|bild(?:er)?|illustrations?|grafik(?:en)?|videos?)\s*:)",
    re.IGNORECASE,
)
# ("By Jane Doe in Paris, France"; "by Jane Doe in News, Local", a blog's categories.)
_PLACE = re.compile(r"\s+(?:in|à|aus)\s+[A-ZÀ-Þ][\w.'’ -]*(?:,\s*[A-ZÀ-Þ][\w.'’ -]*)*$")
# A place after each of several names: "Jane Doe in Washington and John Roe in London".
_PLACES = re.compile(
    r"\s+(?:in|à|aus)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,2}"
    r"(?=\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|$))"
)
_FOR_OUTLET = re.compile(r"\s+(?:for|at|of|from)\s+(?P<outlet>(?:the\s+)?[A-Z][\w.&'’ -]*)$")
# (An initial is no "e" or "y": "E. Barreneche" is one name, "Ana e João" two.) "and" in
# Dutch, Swedish, Danish and Norwegian, Polish and Catalan, Finnish, Hungarian, Turkish and
# Romanian only in lower case and as words apart: "Jan I Kowalski" has an initial, "n/a" names
# no one. (Not the Czech "a": in Spanish it says to whom, "desarmó a JC Rodríguez".)
_SEPARATORS = re.compile(
    r"\s*(?:,|;|&|\b(?:and|und|et|y|e|и|και|with|avec|mit|con)\b(?!\.)"
    r"|(?<=\s)(?-i:en|och|og|i|oraz|ja|és|ve|și)(?=\s))\s*",
    re.IGNORECASE,
)
# Where a date starts inside a byline: "By Jane Doe March 11, 2015", "Jane Doe | Updated 3 May",
# "Par Jean Dupont - Publié le 14 juin", "Von Anna Schmidt am 12.03.2021", "Par Jean Dupont
# Publié aujourd'hui à 13h59" (a day named relative to the reading, then its time).
_DATE_TAIL = re.compile(
    r"""\s*(?:[|,;–—-]\s*)?
    (?:\b(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?|on
        |publiée?(?:\s+le)?|mise?\s+à\s+jour(?:\s+le)?|le
        |veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|am|vom
        |publicado(?:\s+el)?|actualizado(?:\s+el)?|el|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?
        |опубликовано|обновлено)\b\s*:?\s*)?
    (?:\b(?:today|yesterday|aujourd['’]hui|hier|heute|gestern|hoy|ayer|oggi|ieri|hoje|ontem)
        ,?\s+(?:at\s+|à\s+|um\s+|a\s+las\s+|alle\s+|às\s+)?(?=\d))?
    (?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
    (?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d.*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words a date leaves at the end of a name when it is squashed onto it with no digits.
_DATE_LEFTOVERS = _words(
    "today yesterday updated published posted modified on at vor vom hace uhr stand am publiziert"
    " aktualisiert erstellt"
)
# A person's name with their social handle right after it, and what follows ("Jane Doe
# @janedoe / 2 days"): a name no sentence or headline is written with.
_NAMED_HANDLE = re.compile(r"^(?P<name>[^\W\d_][^@|/\d]{2,40}?)\s+@\w{2,30}\b(?P<rest>.*)$")
# A date a page gives relative to when it is read, with or without "ago": "2 days", "5h ago".
_SINCE = re.compile(
    r"^\d{1,3}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?"
    r"|months?|y|years?)(?:\s+ago)?$",
    re.IGNORECASE,
)


def _only_a_date(rest: str) -> bool:
    """Whether what follows a name in a byline is nothing, a date or a relative date."""
    rest = rest.strip(" |/•·,;–—-")
    return (
        not rest
        or bool(_SINCE.match(rest))
        or (len(rest) <= 60 and find_date(rest) is not None and not _WORD_RUN.search(rest))
    )


# A run of words in lower case: a sentence, not a date after a name.
_WORD_RUN = re.compile(r"\b[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\b")
# Links, e-mail addresses and social handles next to a name: "Jane Doe | jane@x.com | @jane".
_URL = re.compile(r"\s*\(?\s*(?:https?://|www\.|\S+@\S+\.\w|@\w)\S*\s*\)?")
_WIKI_LINK = re.compile(
    r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]"
)  # [[Jane Doe]], [[p/Jane Doe|Jane Doe]]
_WRAPPED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")
_PARENTHESES = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\])\s*")  # or [brackets]
_LIST_WORDS = re.compile(r",|\b(?:and|et|und|y|with|avec|mit|con|и)\b", re.IGNORECASE)
# "Doe, Jane", "Jong, Michiel de": catalogue order, surname first.
_INVERTED = re.compile(r"^([^\W\d_][\w'’-]*),\s+([^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2})$")
# Degrees and suffixes after a name ("Jane Doe, MA"): neither a person nor a credit.
_CREDENTIALS = _words(
    "ma md phd mba rn ms msc bsc ba mph dds jr sr ii iii iv"
    # A health writer's: dietitian, nutritionist, trainer, nurse, pharmacist, vet.
    " rd rdn ldn cdces cde cns cscs cpt lcsw msw np aprn bsn msn pharmd dvm"
)
# What a CMS prints where its author field is empty.
_PLACEHOLDERS = frozenset(
    (
        "no author",
        "unknown author",
        "author unknown",
        "not available",
        "n/a",
        "none",
        "null",
        "kein autor",
        "sans auteur",
        "sin autor",
    )
)
# Account names a CMS prints in place of a person ("Posted by admin").
_HANDLES = _words("admin administrator webmaster guest user root anonymous unknown")
_WORD = re.compile(r"[\w'’.-]+")
_UNDOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+-?(?:[A-Z]\.)*$|^[A-Z]$")
# A word run into the next with no space ("DoeFollow", a name and its button) and user names
# ("HowlInTheNight", "AMournful"); not "McDonald", "DiBiase" or "LeBlanc".
_GLUED = re.compile(r"[a-z]{4}[A-Z]|[a-z][A-Z][a-z]+[A-Z]|^[A-Z]{2}[a-z]")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")


def _is_capitalised(word: str) -> bool:
    if word[:1].isupper():
        return not word.isupper() or _INITIAL.match(word) is not None or len(word) <= 2
    # "al-Amin", "d'Estaing", "bin-Salman": a lower-case particle joined to a capitalised name.
    head, _, tail = word.replace("’", "'").replace("'", "-", 1).partition("-")
    return head in _PARTICLES | {"d", "l", "o"} and tail[:1].isupper()


def _organisation_compound(word: str) -> bool:
    """Whether a lower-case word is a compound naming an organisation ("caritasverband",
    "volksblatt"); the bare word ("bund", a surname too) is not."""
    return any(word.endswith(end) and len(word) > len(end) + 2 for end in _ORGANISATION_ENDINGS)


# Words of a date line that are no part of anyone's name: English weekdays (not other
# languages', some of which are surnames: "Domingo", "Montag"), time zones in capitals.
_WEEKDAY_NAMES = _words("monday tuesday wednesday thursday friday saturday sunday")
_ZONES = _words("GMT UTC BST CET CEST EET EEST EST EDT CST CDT MST MDT PST PDT JST AEST AEDT")


def is_person_name(text: str) -> bool:
    """Whether `text` is shaped like a person's name: 'Jane Doe', 'J.R. Smith', 'Ali al-Amin'."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if text.lower() in _AGENCIES or words[0] in _ARTICLES:
        return False
    if words[0].lower() in _BUTTON_VERBS:
        return False  # "Learn More", "View All Results", "Install Docker Engine": a button
    if words[0].lower() in _BYLINE_WORDS or any(w.lower() == "by" for w in words[1:]):
        return False  # "By Jane Doe", "Par Jean Dupont", "Written By Jane": a byline, not a name
    if any(w.lower().rstrip(".,") in _WEEKDAY_NAMES or w.rstrip(".,") in _ZONES for w in words):
        return False  # "Tuesday GMT": what a date line leaves once its date is cut out
    capitals = 0
    shouted = _surname_in_capitals(words)
    for position, word in enumerate(words):
        if position == shouted:
            capitals += 1  # "Jean DUPONT", "DUPONT Jean": the surname in capitals
            continue
        lowered = word.lower().rstrip(".")
        if lowered in _ROLE_WORDS or lowered in _OUTLET_WORDS or lowered in _UI_WORDS:
            return False
        if lowered in _ORGANISATION_WORDS or _organisation_compound(lowered):
            if not (_INITIAL.match(word) and 0 < position < len(words) - 1):
                return False  # "Deutscher Caritasverband", "Spanien Forum", "Planeta S.A."
            # (Initials between a first name and a surname: "James S.A. Corey".)
        if lowered in _PARTICLES and word[:1].islower():
            if lowered == "der" and (position == 0 or words[position - 1] not in _DER_AFTER):
                return False  # "Buch der Woche": an article, as in "von der Leyen" it is not
            continue
        if not _NAME_WORD.match(word) and not _INITIAL.match(word) or _GLUED.search(word):
            return False
        if not _is_capitalised(word):
            return False
        capitals += 1
    # A name ends in a surname, not an initial or particle ("Jane D." is fine, "Jane de" is not).
    last = words[-1]
    return capitals >= 2 and last.lower() not in _PARTICLES


def _surname_in_capitals(words: list[str]) -> int:
    """The position of the surname a name sets in capitals ("Jean DUPONT", "Anne-Marie
    DURAND"): the last of its words, all in capitals and letters, the others not; else -1.
    A word in capitals first is an organisation's more often ("STRIVE Publishing")."""
    shouted = [
        position
        for position, word in enumerate(words)
        if len(word) >= 3 and word.isupper() and word.replace("-", "").isalpha()
    ]
    if shouted != [len(words) - 1]:
        return -1
    lowered = words[shouted[0]].lower()
    if lowered in _ROLE_WORDS or lowered in _OUTLET_WORDS or lowered in _UI_WORDS:
        return -1
    if lowered in _AGENCIES or lowered in _ORGANISATION_WORDS:
        return -1
    return shouted[0]


def _is_topic(word: str) -> bool:
    """Whether a lower-case word names a desk or beat: 'games', 'transport', 'economics'."""
    return word in _TOPIC_WORDS or word in _ROLE_WORDS or word.endswith(_TOPIC_ENDINGS)


def _desk_words(words: list[str], role: str) -> bool:
    """Whether the words before a role on a line of its own name a desk: known beats ("Senior
    Business Editor"), or an outlet before a role in lower case ("Seattle Times business
    reporter"), where a headline would have capitalised it too ("Musk Fires Twitter Editor")."""
    if all(_is_topic(w.lower()) for w in words):
        return True
    return role[:1].islower() and all(w[:1].isupper() or _is_topic(w) for w in words)


# "Jane Doe, Special to the Courier": written for the paper by someone not on its staff.
_SPECIAL_TO = re.compile(r"^special\s+to\s+(?:the\s+)?[A-Z][\w.&'’ -]{1,40}$", re.IGNORECASE)


def _is_role(text: str, *, alone: bool = False) -> bool:
    """'Staff Reporter', 'Transport Reporter', 'Senior Business Correspondent'.

    A bare topic ('Business') is no role, nor is an agency's staff ('Reuters Staff'). After a
    separator ("Jane Doe | Transport Reporter") any capitalised words may name the desk; a line
    on its own (`alone`) could be a headline ("Musk Fires Twitter Editor"), so there only one
    such word or known desks and beats are.
    """
    if _SPECIAL_TO.match(text):
        return True  # "Special to the Courier": a freelance's line for this paper
    words = text.lower().split()
    if not 1 <= len(words) <= 5 or words[-1] not in _ROLE_WORDS:
        return False
    if any(w in _AGENCIES or w in _HEADLINE_WORDS for w in words):
        return False
    original = text.split()
    if words[-1] in _TRAILING_ROLES or words[-1] in _CORE_ROLES:
        # "Transport Reporter": any capitalised topic; "tinkers with team" is a sentence.
        if alone and len(words) > 2 and not _desk_words(original[:-1], original[-1]):
            return False
        return len(words) <= 4 and all(
            word.replace("-", "").isalpha() and (word in _ROLE_WORDS or shown[:1].isupper())
            for word, shown in zip(words, original, strict=True)
        )
    return all(word in _ROLE_WORDS for word in words) and any(
        word in _TRAILING_ROLES or word in _CORE_ROLES for word in words
    )


def _titled(text: str) -> str:
    """'JOHN SMITH' -> 'John Smith'; text not all in capitals is returned as it is."""
    if " " in text and text.isupper():
        return " ".join(w.capitalize() if w.isalpha() else w.title() for w in text.split())
    return text


def _tidy_case(text: str) -> str:
    """'JOHN SMITH' -> 'John Smith': names written in capitals are still names.

    Anything that is not a person's name keeps its capitals ('BBC NEWS', 'AFP').
    """
    titled = _titled(text)
    return titled if titled is not text and is_person_name(titled) else text


def _person_before_role(text: str, *, alone: bool = False) -> str:
    """'Ben Silverman Games Editor' -> 'Ben Silverman': a name with its job title run on, or "".

    The desk words before the role must be known ones ("Games", "Senior", "Business"), since
    "Mary Ann Smith Editor" could be cut anywhere otherwise. On a line of its own (`alone`) a
    bare role needs a two-word name before it ("Musk Fires Twitter Editor" is a headline).
    """
    words = text.split()
    if len(words) < 3:
        return ""
    lowered = [w.lower() for w in words]
    if lowered[-1] not in _PERSON_ROLES:
        return ""
    if not words[-1][:1].isupper():
        # Run on with no separator, a job title is capitalised like the name, or set in
        # sentence case: "Jane Doe Transport correspondent", "Jane Doe Chief political editor"
        # (the Guardian's byline, its role on the next line as the page shows it).
        start = len(words) - 1
        while start > 2 and _is_topic(lowered[start - 1]) and words[start - 1][:1].islower():
            start -= 1
        opening = start - 1
        if opening < 2 or not (_is_topic(lowered[opening]) and words[opening][:1].isupper()):
            return ""
        name = " ".join(words[:opening])
        return name if is_person_name(name) else ""
    start = len(words) - 1
    while start > 2 and _is_topic(lowered[start - 1]) and words[start - 1][:1].isupper():
        start -= 1
    # The longest run of desk words that still leaves a whole name: "Jane Doe Senior Writer".
    for cut in range(start, len(words)):
        name = " ".join(words[:cut])
        if is_person_name(name):
            if alone and cut == len(words) - 1 and cut > 2:
                return ""
            return name
    return ""


def person_before_outlet(text: str) -> tuple[str, str]:
    """('Jane Doe', 'Harbour Times') from 'Jane Doe Harbour Times' (or 'JANE DOE Harbour
    Times'), an outlet run on after a name with no separator; ("", "") when no cut leaves a
    person and an outlet. An agency
    alone at the end ("Mary Ann Smith Reuters") is the outlet; otherwise the name is taken
    as two words where that leaves an outlet of two or more ("Jane Doe Harbour Times"), as
    most names have two."""
    words = text.split()
    if not 3 <= len(words) <= 7 or not all(w[:1].isupper() or w in _PARTICLES for w in words):
        return "", ""
    capitals = next((n for n, word in enumerate(words) if not word.isupper()), len(words))
    if 2 <= capitals < len(words):
        # "JANE DOE Associated Press": the wire's style, the name in capitals.
        name, outlet = _titled(" ".join(words[:capitals])), " ".join(words[capitals:])
        if is_person_name(name) and (is_agency(outlet) or looks_like_outlet(outlet)):
            return name, outlet
    agency = words[-1].lower() in _AGENCIES
    for cut in [len(words) - 1] if agency else [2, 3]:
        name, outlet = " ".join(words[:cut]), " ".join(words[cut:])
        if len(words) - cut < 2 and not agency:
            continue  # "New York Times": one word is too little to tell an outlet
        if is_person_name(name) and looks_like_outlet(outlet) and not is_person_name(outlet):
            return name, outlet
    return "", ""


# A writer's job written before their name, alone or closing a compound that names the outlet
# or the kind ("Gastautorin", "Chefredakteur", "FOCUS-Online-Experte", "Founder"). (English
# jobs that make a byline a role's, "Columnist Jane Doe", are read as roles before this.)
_JOB_BEFORE_NAME = re.compile(
    r"(?:^|-|(?<=gast)|(?<=chef))(?:autor(?:in)?|redakteur(?:in)?|expert(?:e|in)?"
    r"|korrespondent(?:in)?|reporter(?:in)?|kolumnist(?:in)?|journalist(?:in)?|gründer(?:in)?"
    r"|blogger(?:in)?|founder)$"
)


def _without_title(name: str) -> str:
    """'Rechtsanwalt Jane Doe' -> 'Jane Doe', 'Gastautorin Jane Doe' -> 'Jane Doe': the
    profession or the job before a name is no part of it, when a whole name remains."""
    words = name.split()
    start = 0
    while start < len(words) - 2 and (
        words[start].lower().rstrip(".") in _TITLES or _JOB_BEFORE_NAME.search(words[start].lower())
    ):
        start += 1
    rest = " ".join(words[start:])
    return rest if start and is_person_name(rest) else name


def _strip_date_words(name: str) -> str:
    """'Nathan Willis March' -> 'Nathan Willis': a month or weekday squashed onto a name.

    Only when a whole name remains, so 'Theresa May' and 'Brian May' keep their surnames.
    """
    words = name.split()
    while len(words) > 2 and (
        is_date_word(words[-1]) or words[-1].lower().rstrip(".,") in _DATE_LEFTOVERS
    ):
        if not is_person_name(" ".join(words[:-1])):
            break
        words.pop()
    return " ".join(words)


def is_desk(text: str) -> bool:
    """Whether `text` names an outlet's desk: "Emotion Redaktion", "Redaktion Polizeiticker"."""
    words = text.split()
    return (
        1 <= len(words) <= 4
        and (words[-1].lower() in _DESKS or words[0].lower() in _DESKS)
        and all(w[:1].isupper() for w in words)
    )


def outlet_of_desk(role: str) -> str:
    """'Emotion Redaktion' -> 'Emotion', 'Redaktion Polizeiticker' -> 'Polizeiticker': the
    outlet whose desk a byline names is its credit; other roles ('Staff Reporter',
    'Die Redaktion') are kept whole."""
    words = role.split()
    if len(words) > 2 and [w.lower() for w in words[-2:]] == ["haber", "merkezi"]:
        outlet = words[:-2]  # "Hürriyet Haber Merkezi": Hürriyet's news centre
    elif len(words) > 1 and words[-1].lower() in _DESKS:
        outlet = words[:-1]
    elif len(words) > 1 and words[0].lower() in _DESKS:
        outlet = words[1:]
    else:
        return role
    if len(outlet) == 1 and outlet[0].lower() in _DETERMINERS | {"haber"}:
        return role  # "Die Redaktion", "Haber Merkezi"
    return " ".join(outlet)


def _strip_roles(name: str) -> str:
    """'Reuters Staff' -> 'Reuters': the outlet is the credit, the role adds nothing."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_ROLES:
        words.pop()
    if all(word.lower() in _DETERMINERS for word in words):
        return name  # "la rédaction", "der Redaktion": a desk of no outlet's name, whole
    return " ".join(words)


def _clean_name(part: str) -> str:
    words = part.strip(" \t.,;:|-–—()[]").split()
    half = len(words) // 2
    if half and len(words) == 2 * half and words[:half] == words[half:]:
        # "Jane Doe Jane Doe": a page rendered as text gives the name of the author's picture
        # and of the link beside it.
        words = words[:half]
    return " ".join(words)


def _all_people(text: str) -> bool:
    """Whether every name listed in `text` ("X, Y and Z") is shaped like a person's."""
    names = [_tidy_case(_clean_name(p)) for p in _SEPARATORS.split(text)]
    names = [n for n in names if n]
    return bool(names) and all(is_person_name(n) for n in names)


def _people_and_agencies(text: str) -> bool:
    """Whether `text` lists people, and maybe the agency they write for ("Jane Doe, dpa")."""
    names = [_tidy_case(_clean_name(p)) for p in _SEPARATORS.split(text)]
    names = [n for n in names if n]
    people = [n for n in names if n.lower() not in _WIRE_NAMES]
    return bool(people) and all(is_person_name(n) for n in people)


def _uninvert(segment: str) -> str:
    """'Jong, Michiel de' -> 'Michiel de Jong' when the segment is one name in catalogue order."""
    match = _INVERTED.match(segment)
    if not match:
        return segment
    surname, given = match.groups()
    if surname.lower() in _AGENCIES or given.lower() in _AGENCIES or _is_role(given):
        return segment
    if _UNDOTTED_INITIALS.match(given):
        given += "."  # "Kooman, F" -> "F. Kooman", "Doe, J.R" -> "J.R. Doe"
    candidate = f"{given} {surname}"
    return candidate if is_person_name(candidate) and not is_person_name(given) else segment


def _inverted_list(segment: str) -> list[str]:
    """'Kooman, F., Jong, Michiel de' -> ['F. Kooman', 'Michiel de Jong'], or [] for others.

    Commas separate both the names and the parts of each name, so the pairing is only trusted
    when some given name shows its shape: initials, or a trailing particle.
    """
    parts = [_clean_name(p) for p in segment.split(",")]
    if len(parts) < 4 or len(parts) % 2:
        return []
    names: list[str] = []
    shaped = False
    for surname, given in zip(parts[::2], parts[1::2], strict=True):
        name = _uninvert(f"{surname}, {given}")
        if "," in name:
            return []
        words = given.split()
        shaped = shaped or all(_INITIAL.match(w) for w in words) or words[-1] in _PARTICLES
        names.append(name)
    return names if shaped else []


def _is_fragment(text: str) -> bool:
    """An initial, a lone letter, a date word or an account name: never a person or a credit."""
    words = text.split()
    return (
        _INITIAL.match(text) is not None
        or (len(text) == 1 and text.isalpha())
        or text.lower() in _HANDLES
        or all(is_date_word(w) or w.lower() in _DATE_LEFTOVERS for w in words)
    )


def _credits_authors(verbs: str) -> bool:
    """Whether "<verbs> by" credits the writing: 'Reporting', 'Written and edited' do,
    'Edited', 'Photos', 'Medically reviewed' don't."""
    return any(not _OTHER_VERB.fullmatch(verb) for verb in _VERB_LIST.split(verbs) if verb)


def _split_segment(segment: str, authors: list[str], credits: list[str], roles: list[str]) -> None:
    """Sort the names in one byline segment ("By X and Y in Paris") into the three lists."""
    segment = segment.strip()
    if _PREFIX.fullmatch(segment + " "):
        return  # A lone "By" on its own line: the name follows on the next.
    writers = True
    genitive = False
    prefix = _PREFIX.match(segment)
    if prefix:
        genitive = prefix.group("genitive") is not None
        verbs = prefix.group("verbs")
        writers = (verbs is None or _credits_authors(verbs)) and not prefix.group("others")
        if "interview" in prefix.group(0).lower():
            # "Ein Interview von Jane Doe mit John Roe": who was asked did not write it.
            segment = _INTERVIEWED.split(segment, maxsplit=1)[0]
        segment = segment[prefix.end() :]
    first, *rest = _INNER_BY.split(segment, maxsplit=1)
    if writers:
        named = len(authors)
        _split_names(first, authors, credits, roles)
        if genitive:
            authors[named:] = [greek_nominative(name) for name in authors[named:]]
    for other in rest:
        _split_segment(other, authors, credits, roles)


# The genitive endings of Greek names and their nominatives: a woman's given name ("Μαρίας",
# "Ελένης"; her surname is the same in both), a man's given name and surname ("Γιώργου",
# "Παπαδόπουλου", "Γιάννη", "Κώστα"). A woman's given name ends in ς in the genitive, a man's
# never does, so the given name tells whose name it is.
_FEMININE_GIVEN = (("ας", "α"), ("άς", "ά"), ("ης", "η"), ("ής", "ή"), ("ώς", "ώ"), ("ούς", "ού"))
_MASCULINE_GIVEN = (("ου", "ος"), ("ού", "ός"), ("η", "ης"), ("ή", "ής"), ("α", "ας"), ("ά", "άς"))
# A man's surname in -ου is as often one in that form whatever the case ("Νικολάου",
# "Γεωργίου"): kept, but for the -όπουλος names, stressed on their ending in the formal
# genitive ("Παπαδοπούλου").
_MASCULINE_SURNAME = (("όπουλου", "όπουλος"), ("οπούλου", "όπουλος"), *_MASCULINE_GIVEN[2:])


def _nominative(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    for genitive, nominative in endings:
        if word.endswith(genitive) and len(word) > len(genitive) + 1:
            return word[: -len(genitive)] + nominative
    return word


def greek_nominative(name: str) -> str:
    """A Greek name a byline gives in the genitive, in the nominative it is known by ("Μαρίας
    Παπαδοπούλου" -> "Μαρία Παπαδοπούλου", "Γιώργου Παπαδόπουλου" -> "Γιώργος
    Παπαδόπουλος"); a name in another script, or in capitals, as it is."""
    words = name.split()
    if len(words) < 2 or not all("\u0370" <= w[:1] <= "\u03ff" for w in words) or name.isupper():
        return name
    if words[0].endswith(("ς", "Σ")):
        return " ".join([_nominative(words[0], _FEMININE_GIVEN), *words[1:]])
    given = [_nominative(word, _MASCULINE_GIVEN) for word in words[:-1]]
    return " ".join([*given, _nominative(words[-1], _MASCULINE_SURNAME)])


# An outlet's short brand in lower case closing a byline ("g1", "r7"): letters and a
# figure, no word of a sentence.
_SHORT_BRAND = re.compile(r"(?-i:[a-z]{1,3}[0-9]{1,2})")
# Where a correspondent or envoy writes from, after the role: "corresponsal en París",
# "enviada especial a Kiev", "correspondente em Lisboa" (there "en" is no Dutch "and" and
# "a", "em" are no names: the place goes with the role).
_PLACED_ROLES = sorted(_CORE_ROLES | _words("especial spécial spéciale speciale"), key=len)
_ROLE_AT_PLACE = re.compile(
    rf"(?P<role>\b(?:{'|'.join(reversed(_PLACED_ROLES))}))"
    r"\s+(?:en|em|a|à|in|aus|no|na|nel|nella)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}",
    re.IGNORECASE,
)


# A conversation's byline names both speakers: "Jane Doe im Gespräch mit John Roe", "Jane Doe
# in conversation with John Roe" (a broadcaster's interview, its guest named first).
_IN_CONVERSATION = re.compile(
    r"\s+(?:im\s+gespräch|in\s+conversation|en\s+conversation)\s+(?=(?:mit|with|avec)\s)",
    re.IGNORECASE,
)


# The outlet a writer named before writes for, in Portuguese, Spanish, Italian and French: "Por
# Maria Silva, da Agência Brasil", "Por Juan Pérez, de El País" (a name never opens with them).
_OF_OUTLET = re.compile(r"^(?:da|do|de|del|della|des|du|dos|das)\s+(?P<outlet>[A-Z].*)$")


def _credited(part: str) -> bool:
    """Whether `part` of a byline names an agency or an outlet, the writer's credit."""
    return is_agency(part.strip()) or looks_like_outlet(part.strip())


# Pictures a display name holds beside its words ("Zoë 👩🏽\u200d💻 Ångström", "Jane Doe 🌻"):
# emoji and dingbats with their skin tones, joiners, variation selectors, keycaps and tags,
# and flags. They are no part of the name, nor a credit.
_PICTURES = re.compile(
    "(?:[\u2600-\u27bf\U0001f000-\U0001faff][\u200d\ufe0f\u20e3\U000e0020-\U000e007f]*)+"
)


def _split_names(segment: str, authors: list[str], credits: list[str], roles: list[str]) -> None:
    """Sort the names listed in `segment` ("X and Y in Paris", "X, Reuters")."""
    segment = _ROLE_AT_PLACE.sub(r"\g<role>", _IN_CONVERSATION.sub(" ", segment))
    if any(ch.isdigit() for ch in segment):
        # "Jane Doe, Datum: 03.03.19": the date goes, and the label it leaves.
        segment = _CUT_LABEL.sub("", _DATE_TAIL.sub("", segment))
    segment = _clean_name(segment)
    inverted = _inverted_list(segment)
    if inverted:
        authors.extend(inverted)
        return
    segment = _uninvert(segment)
    if not segment:
        return
    filed = _FILED_IN.search(segment)
    if filed and _all_people(segment[: filed.start()]):
        segment = segment[: filed.start()]
    # "By Jane Doe for The Guardian", "By Jane Doe in Paris": only after people's names, so
    # "Organization for Transformative Works" stays whole.
    outlet = _FOR_OUTLET.search(segment)
    if outlet and _all_people(segment[: outlet.start()]):
        if not _is_role(outlet.group("outlet")):
            credits.append(_clean_name(outlet.group("outlet")))
        segment = segment[: outlet.start()]
    place = _PLACE.search(segment)
    if place and any(map(_credited, place.group().split(",")[1:])):
        place = None  # "Jane Doe in Paris, Reuters": the place, then her agency
    # "Jane Doe in Washington and John Roe in London": each writer's place.
    placed = _PLACES.sub("", segment) if place else segment
    if len(_SEPARATORS.split(placed)) > 1 and _all_people(placed):
        segment = placed
    elif place and _all_people(segment[: place.start()]):
        segment = segment[: place.start()]
    people: list[str] = []
    others: list[str] = []
    parts = _SEPARATORS.split(segment)
    if (
        len(parts) >= 3
        and segment.endswith(f"{parts[-2]}, {parts[-1]}")
        and looks_like_outlet(parts[-2])
        and not is_person_name(parts[-2])
    ):
        parts = parts[:-1]  # "By Jane Doe, BBC News, New York": the outlet's place
    for raw in parts:
        name = _clean_name(_PICTURES.sub(" ", raw))
        if not name or name.lower().replace(".", "") in _CREDENTIALS or _is_fragment(name):
            continue
        if name.lower() in _PLACEHOLDERS:
            continue  # "No Author": a CMS's empty field
        if people and (_AT_PLACE.match(name) or is_place(name)):
            continue  # "Jean Dupont, à Paris", "Jane Doe, New York": where the writer is
        outlet = _OF_OUTLET.match(" ".join(raw.split())) if people else None
        if outlet:
            others.append(outlet.group("outlet"))  # "Maria Silva, da Agência Brasil"
            continue
        titled = _strip_date_words(_titled(name))
        agency = _agency_of_role(titled)
        if agency:
            others.append(agency)  # "AP Auto Writer": the agency's writer, not a person
            continue
        person = titled if is_person_name(titled) else _person_before_role(titled)
        person = _without_title(person)
        run_on = ""
        if not person:
            person, run_on = person_before_outlet(titled)
        if person:
            people.append(person)
            if run_on:
                others.append(run_on)  # "Jane Doe Harbour Times": the outlet is the credit
        elif _is_role(_PLACE.sub("", name)) or is_desk(name):
            roles.append(name)  # "Staff Reporter", "our correspondent in Paris"
        else:
            others.append(name)
    authors.extend(people)
    if not people and others:
        # Nobody named: the segment as a whole is the credit ("Mac & i", "BBC News").
        whole = _strip_roles(segment)
        if len(whole.split()) <= 8:
            credits.append(whole)
    else:
        credits.extend(_strip_roles(o) for o in others if len(o.split()) <= 6)


# A name in a script without capitals, in a byline: 2-4 words (Arabic, Hebrew, Hindi, Thai),
# or 2-4 Chinese characters, or a Japanese name of up to 6, or a Korean one. Not an
# organisation of those scripts: a news agency, paper, site or broadcaster ("新华社", "人民网",
# "共同通信", "放送", "연합뉴스").
_CASELESS_WORD = rf"[^\W\d_](?:[^\W\d_]|[{BMP_MARKS}])*"  # Devanagari's vowel signs are marks
# A Korean name: a common family name's syllable and two more ("김민수"); a paper's name is as
# long ("뉴시스"), but few open with a family name.
_KOREAN_NAME = (
    "[김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용][\uac00-\ud7af]{2}"
)
_CASELESS_NAME = re.compile(
    rf"^(?:{_CASELESS_WORD}(?:\s+{_CASELESS_WORD}){{1,3}}"
    rf"|[\u3400-\u9fff]{{2,4}}|[\u3040-\u30ff\u3400-\u9fff]{{3,6}}|{_KOREAN_NAME})$"
)
_ORGANISATION_END = re.compile(
    r"(?:社|网|網|报|報|台|局|部|会|會|院|所|刊|誌|通信|新聞|新闻|放送|日报|日報"
    r"|신문|뉴스|일보|방송|통신|겨레)$"
)


def _caseless_name(name: str) -> bool:
    """Whether `name`, written in a script that has no capitals, can be a person's: such a
    byline's names cannot be told from an outlet's by their capitals ("محمد أحمد", "王小明")."""
    name = " ".join(name.split())
    if any(ch.isupper() or ch.islower() for ch in name) or not _CASELESS_NAME.match(name):
        return False
    return not _ORGANISATION_END.search(name) and not is_agency(name)


def _agency_of_role(name: str) -> str:
    """The agency of a job at it ("AP Auto Writer", "AP National Security Writer" -> "AP"),
    or "": an agency's name, desk words and a role, which read like a person's name."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _AGENCIES:
        return ""
    return words[0] if words[-1].lower() in _TRAILING_ROLES | _PERSON_ROLES else ""


# A name the aside after it credits with the pictures, not the words: "and John Roe (photos)".
_PICTURES_BY = re.compile(
    r"(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b))?\s*(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s+){0,3}"
    r"[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*\((?i:photo\w*|fotos?|fotografie|bilder?|pictures?|illustrations?"
    r"|videos?|graphics?|grafik(?:en)?)\)"
)


def _parentheses(line: str) -> str:
    """'X (with Y and Z)' lists more names, 'Jane Doe (dpa)' or '[dpa]' credits an agency; other asides
    ('Bruno (Henrique) Rodrigues') go, and a name with one that credits the pictures ('John
    Roe (photos)') with them."""
    line = _WIKI_LINK.sub(r"\1", _PICTURES_BY.sub("", line))
    whole = _WRAPPED.fullmatch(line)
    if whole:  # "[Jane Doe]", "(Jane Doe)": the byline itself, not an aside
        line = whole.group(1)

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if _LIST_WORDS.search(inner) or is_agency(inner.strip()):
            return ", " + inner + " "
        return " "

    return _PARENTHESES.sub(replace, line)


# "Kategorien: Event, Fashion", "Datum: 03.03.19": a label and its value beside a byline.
_LABELLED = re.compile(r"^[^\W\d_][\w-]*\s*:")
_CUT_LABEL = re.compile(r"(?:\s*[,;]\s*|\s+)[^\W\d_][\w-]*\s*:\s*$")


def _page_furniture(segment: str) -> bool:
    """Whether a segment after a byline's first is the page's, not a name or credit: a
    labelled value ("Kategorien: Event"), or a phrase in lower case ("Leave a comment",
    "Kommentare geschlossen")."""
    segment = segment.strip()
    if is_agency(segment):
        return False  # "Jane Doe | dpa": the agency's credit, in its own lower case
    prefix = _PREFIX.match(segment)
    if _LABELLED.match(segment) and not prefix:
        return True
    if prefix and prefix.group("verbs"):
        return False  # "Reporting by Jane Doe; Additional reporting by John Roe; Editing by …"
    text = _DATE_TAIL.sub("", segment) if any(ch.isdigit() for ch in segment) else segment
    return any(
        w[:1].islower() and w.lower() not in _BYLINE_LOWER_WORDS for w in _WORD.findall(text)
    )


# A credit glued by a slash to the name before it: "Peter Maahn/SP-X", "Jane Doe/dpa" (a German
# byline's name and agency); not "APA/AP" (credits alone), "Müller/Schmidt" (two names) nor
# "jd/dpa" (an editor's initials and the agency: one credit).
_GLUED_CREDIT = re.compile(r"\b([^\W\d_a-z][\w'’-]*[a-zß-ÿ])/([^\W\d_][\w-]*)(?=$|[\s,;])")
_ACRONYM = re.compile(r"^[A-Z][A-Z\d-]{1,7}$")


def _credit_apart(line: str) -> str:
    """`line` with an agency's name or an acronym glued to a name set apart ("Jane Doe / dpa")."""

    def apart(match: re.Match[str]) -> str:
        name, credit = match.groups()
        glued = _ACRONYM.match(credit) or is_agency(credit)
        return f"{name} / {credit}" if glued else match.group(0)

    return _GLUED_CREDIT.sub(apart, line) if "/" in line else line


def _spaced(line: str) -> str:
    """`line` with its whitespace collapsed and none before a comma: a page rendered as text
    sets the name and the role of a byline's separate elements apart ("Jane Doe , Redaktion"),
    and without the link to the comments a blog runs on after the name ("by Jane Doe Leave a
    Comment", "… No Comments")."""
    # Split on the whitespace `\s` is: a space is all that is left before a comma.
    return without_profile_links(without_comments_link(" ".join(line.split()).replace(" ,", ",")))


# The links to reach or follow a writer, set after their name in the byline (an icon's text or
# label): "By Jane Doe Twitter Email", "Jane Doe | LinkedIn". Not "Mail": "Daily Mail" is a paper.
_PROFILE_LINK_WORDS = _words(
    "twitter facebook instagram linkedin xing mastodon bluesky threads tiktok youtube email"
    " e-mail follow folgen contact kontakt rss website homepage"
)
_PROFILE_LINKS = re.compile(
    r"(?:\s*[|·•,/]?\s*(?:"
    + "|".join(sorted(_PROFILE_LINK_WORDS, key=len, reverse=True))
    + r"))+\s*$",
    re.IGNORECASE,
)


# A link's label after the writer's name that names them again: their profile's or feed's
# ("Twitter Account von Jane Doe", "RSS-Newsfeed neuer Artikel von Jane Doe", "More articles by
# Jane Doe"). A word of these says the words before "von" / "by" are a link's.
_NAMED_AGAIN = re.compile(
    r"\s+(?:von|of|by|de|from)\s+(?P<name>[^\W\d_][^|·•]{2,40})$", re.IGNORECASE
)
_LINK_LABEL_WORDS = _PROFILE_LINK_WORDS | _words(
    "x account profil profile page seite rss feed newsfeed rss-feed rss-newsfeed artikel"
    " articles beiträge posts stories more mehr alle all"
)
_MAX_LINK_LABEL_WORDS = 4


def _without_named_link(line: str) -> str:
    """`line` up to the writer's name where a link's label naming them again follows it
    ("von Jane Doe Twitter Account von Jane Doe" -> "von Jane Doe"), else ""."""
    named = _NAMED_AGAIN.search(line)
    if named is None:
        return ""
    name = named.group("name").strip()
    head = line[: named.start()]
    at = head.find(name)
    if at < 0:
        return ""
    label = head[at + len(name) :].replace("-", " ").lower().split()
    if not 1 <= len(label) <= _MAX_LINK_LABEL_WORDS or not set(label) & _LINK_LABEL_WORDS:
        return ""
    return head[: at + len(name)]


def without_profile_links(line: str) -> str:
    """`line` without the writer's profile links run on after their name ("By Jane Doe
    Twitter Email" -> "By Jane Doe", "von Jane Doe Twitter Account von Jane Doe" -> "von Jane
    Doe"), where a capitalised word (the name's end) stays before them; else `line` as it is."""
    last = line.rsplit(None, 1)[-1] if line else ""
    if last.lower().strip("|·•,/") not in _PROFILE_LINK_WORDS:
        # (The name said twice: its last word is in the line before it too.)
        kept = _without_named_link(line) if line.count(last) >= 2 and len(last) > 1 else ""
        if not kept:
            return line
    else:
        kept = _PROFILE_LINKS.sub("", line)
    words = kept.split()
    if len(words) < 2 or not words[-1][:1].isupper() or not words[-1][-1:].isalpha():
        return line
    return kept


def without_comments_link(line: str) -> str:
    """`line` without the link to a post's comments run on at its end ("Leave a Comment",
    "No Comments", "3 Kommentare")."""
    if not (line[-1:].isalpha() or line[-1:] in ".!"):
        return line
    # The regex tries every space of the line; the link's last word must close it first.
    end = (line[:-1] if line[-1:] in ".!" else line).rstrip()
    if not _COMMENTS_LAST_WORD.fullmatch(end.rsplit(None, 1)[-1] if end else ""):
        return line
    return _COMMENTS_LINK.sub("", line)


# The link to a post's comments, run on after its byline, each ending in a word after a space.
_COMMENTS_PHRASES = (
    r"leave\s+a\s+(?:comment|reply)",
    r"no\s+comments?",
    r"(?:one|\d+)\s+comments?",
    r"comments?\s+(?:off|closed)",
    r"(?:post|write|add)\s+a\s+comment",
    r"kommentar\s+(?:schreiben|hinterlassen)",
    r"(?:schreibe|hinterlasse|schreiben\s+sie|hinterlassen\s+sie)\s+einen\s+kommentar",
    r"(?:keine|ein|\d+)\s+kommentare?",
    r"laisser\s+un\s+commentaire",
    r"(?:aucun|\d+)\s+commentaires?",
    r"deja\s+un\s+comentario",
    r"(?:sin|\d+)\s+comentarios?",
)
_COMMENTS_LINK = re.compile(
    r"(?<=\S)\s+(?:[|·•–—-]\s+)?(?:" + "|".join(_COMMENTS_PHRASES) + r")\s*[!.]?$",
    re.IGNORECASE,
)
_COMMENTS_LAST_WORD = re.compile(
    "|".join(phrase.rsplit(r"\s+", 1)[1] for phrase in _COMMENTS_PHRASES), re.IGNORECASE
)


def split_byline(text: str) -> tuple[list[str], str]:
    """(person names, credit) from a byline such as 'By Jane Doe and John Roe, Reuters'.

    The credit is an agency or outlet ('Reuters', 'Azernews'), or a bare role such as
    'Staff Reporter' when the byline names nobody; roles next to names are dropped.
    """
    authors: list[str] = []
    credits: list[str] = []
    roles: list[str] = []
    for raw_line in text.splitlines():
        line = _credit_apart(_parentheses(_URL.sub(" ", _spaced(raw_line))))
        # "Jane Doe | Reporter", "Jane Doe and John Roe | Staff writers", "Jane Doe / AFP".
        for position, segment in enumerate(_SEGMENTS.split(line)):
            if position and _page_furniture(segment):
                continue
            for part in _dashed_parts(segment):
                _split_segment(part, authors, credits, roles)
            if any(ch.isdigit() for ch in segment) and find_date(segment) is not None:
                # "von Jane Doe 10.12.2022 07:00 | Druckvorschau": after the date come the
                # page's buttons and categories.
                break
    unique_authors = list(dict.fromkeys(authors))
    credit = ", ".join(dict.fromkeys(c for c in credits if c))
    if not unique_authors and not credit and roles:
        credit = outlet_of_desk(roles[0])
    return unique_authors, credit


# A dash set apart by spaces: between a writer and their outlet or role ("By Jane Doe - The
# Valley Post", "Jean Dupont - France Télévisions", "Jane Doe — Staff Writer").
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")


def _dashed_parts(segment: str) -> list[str]:
    """`segment` in its parts either side of a spaced dash where the first names writers and
    the rest none (an outlet, a role); else whole: "Jane Doe - John Roe" may be one name
    with another's beside it as the site writes them, "Paris - Jane Doe" a place."""
    parts = _SPACED_DASH.split(segment, maxsplit=1)
    if len(parts) < 2:
        return [segment]
    first: list[str] = []
    rest: list[str] = []
    _split_segment(parts[0], first, [], [])
    _split_segment(parts[1], rest, [], [])
    return parts if first and not rest else [segment]


def split_author_field(text: str) -> tuple[list[str], str]:
    """`split_byline` for a value that names the author (a meta tag, front matter, a JSON
    field): there a name in a script without capitals ("محمد أحمد", "王小明", "김민수 기자")
    is a person's, unless it is shaped as an outlet's. Soft hyphens ("Ja\u00adnine") are
    hints where a word may break, no part of the name's shape."""
    text = text.replace("\u00ad", "")
    people, credit = split_byline(text)
    if people or credit != " ".join(text.split()):
        return people, credit
    names = caseless_byline(credit)  # "김민수 기자", "بقلم: سارة علي": a name and its label
    if names or _caseless_name(credit):
        return names or [credit], ""
    return [], credit


def has_byline_prefix(text: str) -> bool:
    """Whether `text` opens with the words of a byline: "By", "Von", "Written by", "Autor:"."""
    return _PREFIX.match(" ".join(text.split()) + " ") is not None


def byline_date(line: str) -> str:
    """The date a byline line carries ("By Jane Doe | May 30, 2017" -> "May 30, 2017"), or ""."""
    if not any(ch.isdigit() for ch in line):
        return ""
    match = _DATE_TAIL.search(line)
    return match.group(0).strip(" |,;–—-") if match else ""


def merge_bylines(bylines: Iterable[tuple[list[str], str]]) -> tuple[list[str], str]:
    """Several bylines ('By Azernews', 'By Kamila Aliyeva') combined into one."""
    authors: list[str] = []
    credits: list[str] = []
    for names, credit in bylines:
        authors.extend(names)
        if credit:
            credits.extend(c.strip() for c in credit.split(","))
    credits = [c for c in dict.fromkeys(credits) if c]
    outlets = [c for c in credits if not _is_role(c)]
    # A bare role ("Staff Reporter") is only worth keeping when nothing better was given.
    credits = outlets if authors or outlets else credits[:1]
    return list(dict.fromkeys(authors)), ", ".join(credits)


# Labels that credit the writing when a colon follows them ("Text: Jane Doe", "Words: Jane
# Doe"): only people's names count after them, as they head other lines too. "Interview:"
# credits an interviewer, who may not be the page's author (a blog quoting a magazine).
_WRITING_LABEL = rf"{_TEXT_LABEL}|words|reporter"
_BY_LINE = re.compile(
    rf"""^(?:
        {_TEXT_LABEL}\s+(?:von|de|di|door|av) | {_CORRESPONDENT} | {_GREEK_GENITIVE} | {_GREEK_WRITES} |
        (?P<verbs>{_VERBS})\s+by(?:\s*:)?
        | by\s*: | (?:par|por|door|av|af|od|di)\s*: | by | par | von | por | door | av | af
        | od | di | автор(?:ы)?\s*:? | текст\s*:
        | author(?:s)?\s*:
        | (?:{_AUTHOR_LABEL}|auteur|autore|redakteur(?:in)?|von|{_WRITING_LABEL}|{_WRITER_LABEL})
          \s*:(?!innen\b)
        | {_WRITTEN_BY}
        | (?:veröffentlicht|geschrieben|verfasst|erstellt|gepostet|eingestellt|{_PIECE_BY})
          \s+von(?:\s*:)?
        | (?:publicado|escrito|postado)\s+por(?:\s*:)? | (?:publié|écrit|rédigé)\s+par(?:\s*:)?
        | pubblicato\s+da(?:\s*:)?
        | propos\s+recueillis\s+par(?:\s*:)?
        | (?P<label>{_AUTHOR_LABEL}|authors?|auteur(?:e|s)?|autore|autori)
    )(?:\s+|(?<=:))(?P<rest>\S.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
# A second credit after a semicolon: "Reporting by Jane Doe; Editing by Mary Major".
_NEXT_CREDIT = re.compile(rf"\s*;\s*(?=(?:{_VERBS})\s+by\b)", re.IGNORECASE)
# Lower-case words a byline may hold: "By Jane Doe and John Roe in Paris for the Guardian".
_BYLINE_LOWER_WORDS = (
    _PARTICLES | _ROLE_WORDS | _words("and in for of at from the with via und et y e by")
)
# "By May ...", "By Monday ...": time phrases, not bylines.
_MONTH_OR_DAY = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|then|now)\b",
    re.IGNORECASE,
)
# Months that are also first names: "Von Jan Müller", "By April Ryan", "By June Carter".
_MONTH_NAMES_OF_PEOPLE = _words("jan may june april august")


def _time_phrase(rest: str) -> bool:
    """Whether what follows "By" is a time ("By May, the council ...", "By Monday"), not a
    person whose first name is a month's ("By May Smith", "Door Jan Jansen")."""
    match = _MONTH_OR_DAY.match(rest)
    if match is None:
        return False
    if match.group(0).lower() not in _MONTH_NAMES_OF_PEOPLE:
        return True
    # (The first of the people it lists: "By Jan Jansen and Piet Pietersen".)
    name = _SEPARATORS.split(_SEGMENTS.split(rest, maxsplit=1)[0], maxsplit=1)[0].strip()
    words = name.split()
    return not (
        len(words) >= 2
        and is_person_name(name)
        and not any(
            _MONTH_OR_DAY.match(word) or is_date_word(word) or word.lower() in _CALENDAR_WORDS
            for word in words[1:]
        )
    )


# What follows a month's name in a time, not a name: "By May Day", "By August Bank Holiday".
_CALENDAR_WORDS = _words("day days bank holiday holidays eve")


def is_byline(line: str) -> bool:
    """Whether `line` is a byline: 'By Jane Doe', 'Written by X', 'Jane Doe | Reporter'.

    Lines that merely start with 'By' ("By the end of May ...") are not bylines.
    """
    line = _spaced(line)
    if not line or len(line) > 120:
        return False
    if _CORRESPONDENT_ALONE.fullmatch(line):
        return True  # "From our correspondent in Paris": a credit that names no one
    named = _NAMED_HANDLE.match(line)
    if named and is_person_name(named.group("name")) and _only_a_date(named.group("rest")):
        return True  # "Jane Doe @janedoe / 2 days": a name signed with its handle
    if "@" in line or "://" in line:
        line = " ".join(_URL.sub(" ", line).split()).strip(" |")
    match = _BY_LINE.match(line)
    if match:
        # "Von : Jane Doe": a colon set apart from its label.
        rest, verbs = match.group("rest").lstrip(": "), match.group("verbs")
        if rest and _agency_words(rest):
            return True  # "Von: det/dpa", "By AFP"
        first = rest[:1]
        if not (first.isupper() or first.isalpha() and rest.isupper()):
            return False
        if _time_phrase(rest) or rest.rstrip().endswith(("?", "!")):
            return False
        english = verbs is not None or line[:2].lower() == "by" or line[:6].lower() == "author"
        if not english or line[:1].islower() or match.group("label"):
            # A label with no colon ("Autoren Jane Doe und John Roe") opens headings too
            # ("Author Guidelines"): only people's names after it.
            # "Par", "Von", "Por" are English words too, and "written by X" may be the middle
            # of a sentence: there, only people's names count.
            rest = _INNER_BY.split(_SEGMENTS.split(rest, maxsplit=1)[0], maxsplit=1)[0]
            names, comma, role = rest.rpartition(", ")
            role = _PLACE.sub("", _ROLE_AT_PLACE.sub(r"\g<role>", role))
            if comma and (_is_role(role) or _SHORT_BRAND.fullmatch(role)):
                # "Par Jean Dupont, envoyé spécial à Kiev": the writer's role; "Por João
                # Silva, g1": the outlet, a brand written in lower case.
                rest = names
            if any(ch.isdigit() for ch in rest):
                # "Von Jane Doe Lesezeit: 4 Min.": the date or counter goes, and its label.
                rest = _CUT_LABEL.sub("", _DATE_TAIL.sub("", rest))
            return (
                # "Von Jane Doe (dpa)": the agency's credit in brackets after the name.
                _people_and_agencies(_PLACE.sub("", _spaced(_parentheses(rest))))
                or is_desk(rest)
                or bool(dated_handle(line))
                # "Von Jane Doe und John Roe, Berlin": where they wrote from, or for whom.
                or _people_and_agencies(_FILED_FROM.sub("", rest))
                and _FILED_FROM.search(rest) is not None
            )
        # A byline names people or outlets; a sentence runs on with lower-case words. Credits
        # other than the writing's ("Research by ...") may start sentences: names only there.
        # The date after the names ("By Jane Doe / June 12, 2020 9:49 am EST / Updated: ...")
        # is no part of them, however long.
        # "Reporting by Jane Doe in Springfield; Additional reporting by John Roe in London;
        # Editing by Mary Major": each credit after a semicolon is read on its own.
        names = _DATE_TAIL.sub("", _NEXT_CREDIT.split(rest, maxsplit=1)[0])
        lower_words = [
            w
            for w in _WORD.findall(names)
            if w[:1].islower() and w.lower() not in _BYLINE_LOWER_WORDS
        ]
        allowed = 1 if verbs is None or _credits_authors(verbs) else 0
        return len(lower_words) <= allowed and len(names.split()) <= 14
    bare = line.strip(" .")
    if len(bare.split()) >= 2 and is_desk(bare):
        return True  # "Emotion Redaktion", "Redaktion Harbour Post"
    last = bare.rsplit(None, 1)[-1].lower() if bare else ""
    if last in _ROLE_WORDS and (
        _is_role(bare, alone=True) or _person_before_role(_titled(bare), alone=True)
    ):
        return True
    if line.endswith(")"):
        line = _spaced(_parentheses(line))  # "Jane Doe (dpa)": the agency after a comma
    for separator in (" | ", ", "):
        if separator in line:
            names, _, role = line.partition(separator)
            # "Jane Doe, our correspondent in Paris": where the role is filed from.
            # "Juana Pérez, corresponsal en Bruselas": the role's place, as after a prefix.
            role = _PLACE.sub("", _ROLE_AT_PLACE.sub(r"\g<role>", role))
            names, role = names.strip(), role.strip(" .")
            # "Jane Doe and John Roe, CNN": the outlet they write for (not a country's
            # letters, "Jane Doe, USA": where she is).
            outlet = separator == ", " and _OUTLET_AFTER.match(role) is not None
            if not (_is_role(role) or role.lower() in _AGENCIES or outlet):
                continue
            parts = [_clean_name(p) for p in _SEPARATORS.split(names)]
            if parts and all(is_person_name(_tidy_case(p)) for p in parts if p):
                return True
    return False


# An outlet's letters after a byline's names: "CNN", "BBC News", "NBC News", "CBS News".
_OUTLET_AFTER = re.compile(r"^(?!(?:USA?|UK|EU|UN|UAE|NATO)$)[A-Z]{2,5}(?:\s+News)?$")


# A blog post's footer: "Posted by Jane Doe at 2:33 PM", "Eingestellt von jdoe um 10:52",
# "Posted by Jane Doe @ 12:00 am" (Blogger's and many WordPress themes' closing line), as
# Blogger words it in other languages: "Publicado por … en 21:11", "Postado por … às 21:11",
# "Geplaatst door … op 21:11", "Publicat per … a les 21:11", "Upplagd av … kl. 21:11",
# "Indsendt af … kl. 21:11", "Lagt inn av … kl. 21:11", "Opublikowane przez … o 21:11".
_POST_FOOTER = re.compile(
    r"^(?:posted|eingestellt|gepostet|publié|publicad[oa]|pubblicato|postado|geplaatst|publicat"
    r"|upplagd|indsendt|lagt\s+inn|opublikowane)"
    r"\s+(?:by|von|par|por|da|door|per|av|af|przez)\s+"
    r"(?P<who>\S.{0,60}?)\s*(?:\bat\b|\bum\b|\bà\b|\bàs?\b|\ba\s+l[ae]s\b|\balle\b|\ben\b|\bop\b"
    r"|\bkl\b\.?|\bo\b|@)\s*\d{1,2}[:.h]\d{2}",
    re.IGNORECASE,
)
# The most words of a name a post's footer gives its writer in any shape ("der Michel").
_FOOTER_NAME_WORDS = 3


def post_footer_author(line: str) -> list[str]:
    """The writer a blog post's footer names with the time it was posted ("Posted by Jane Doe
    at 2:33 PM", "Eingestellt von jdoe um 10:52"): the verb and the time say the name is the
    account that posted it, so a user's one-word name counts there, and a display name of a
    few words that is no person's ("Eingestellt von der Michel um 21:11"), not an outlet's, an
    agency's or a desk's ("Posted by Harbour Times Staff at 9:00 AM")."""
    match = _POST_FOOTER.match(" ".join(line.split()))
    if not match:
        return []
    who = match.group("who").strip(" ,")
    people = [p for p in split_byline(f"By {who}")[0] if is_person_name(p)]
    if people:
        return people
    word = one_word_byline(f"by {who}")
    if word:
        return [word]
    return [who] if _display_name(who) else []


def _display_name(text: str) -> bool:
    """Whether `text` may be the display name a post's footer gives its writer: two or three
    words, one capitalised, none of them a digit's, a role's or a page's button; not a group."""
    words = text.split()
    return (
        2 <= len(words) <= _FOOTER_NAME_WORDS
        and all(_ONE_WORD.match(w) and not any(ch.isdigit() for ch in w) for w in words)
        and any(w[:1].isupper() for w in words)
        and not any(w.lower() in _UI_WORDS or _is_role(w, alone=True) for w in words)
        and text.lower() not in _AGENCIES
        and not looks_like_outlet(text)
        and not is_desk(text)
        and not _is_role(text)
    )


# What marks a line as a site's copyright notice: the sign, the word, a Creative Commons
# licence; and the year or years it gives ("© 2009-2012", "2006-2008 by").
# ("&copy": w3m leaves the entity undecoded where a page drops its semicolon.)
_COPYRIGHT_MARK = re.compile(
    r"©|&copy;?|\(c\)|\bcopyright\b|\bcc[- ]by(?:[- ][a-z]{2})*\b|creative\s+commons", re.IGNORECASE
)
_COPYRIGHT_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")
# What may stand between the mark or years and the holder's name.
# ("(c)" before the punctuation: its bracket alone would leave "c)" as the name's start.)
_COPYRIGHT_LEAD = re.compile(
    r"^(?:\(c\)|&copy;?|[\s(),.:-]|\b(?:by|von|par|por|since|seit|depuis|desde|lizenz|license|licence)\b"
    r"|\bcopyright\b|©|(?:19|20)\d\d|creative\s+commons|\bcc(?:[- ](?:by|nc|nd|sa)\b)*)+",
    re.IGNORECASE,
)
# Where a notice's text goes on after the holder: "All rights reserved", "Alle Rechte".
_RIGHTS_WORDS = _words("all alle tous todos tutti some")
# Companies, whose names may look like a person's ("Müller Bau GmbH", "Hans Meier Verlag").
_COMPANY_WORDS = _words(
    """gmbh ag kg ltd ltd. inc inc. llc plc sa srl bv nv e.v. corp co ug se verlag
    publishing publishers studio studios design photography fotografie e.v e.k mbh"""
)
# The words of a licence's name ("Creative Commons BY-SA"): no person's.
_LICENCE_WORDS = _words("creative commons cc by nc nd sa attribution")
_NOTICE_BY = re.compile(r"(?:19|20)\d\d\s+(?:by|von|par|por)\s", re.IGNORECASE)
# A notice for a photo or an image, not for the site.
_OTHER_WORK_BEFORE = re.compile(
    r"\b(?:foto|photo|bild|image|picture|video|grafik|illustration)s?\b", re.IGNORECASE
)


# What a site's copyright notice goes on to name, a photo's credit never: the rights kept,
# the legal pages ("Impressum", "Privacy").
_SITE_NOTICE = re.compile(
    r"\b(?:rights\s+reserved|all\s+rights|alle\s+rechte|weitere\s+rechte|rechte\s+vorbehalten"
    r"|tous\s+droits|droits\s+réservés|derechos\s+reservados|todos\s+los\s+derechos"
    r"|diritti\s+riservati|impressum|datenschutz|imprint|privacy\s+policy|mentions\s+légales"
    r"|aviso\s+legal)\b",
    re.IGNORECASE,
)


def copyright_holder(line: str, common: frozenset[str] = frozenset()) -> str:
    """The person a site's copyright notice names ("© 2009-2012 Jane Doe. Impressum",
    "(Creative Commons) 2006-2008 by Jane Doe", "CC-BY-NC-ND Jane Doe"), or "": on a blog
    or a personal site, who wrote it.

    A year or a licence is needed, or the rights or legal pages the site's notice goes on
    to name ("(c) Jane Doe • Alle Rechte vorbehalten", "© Jane Doe | Impressum"): a bare
    "© Jane Doe" is as often a photo's credit. The
    name follows the mark and years right away ("© CHIP Digital GmbH 2020 Content Management
    by ..." names a company), in two or three words written as names are (not "WP", "VI"),
    none a company's, an outlet's or a licence's word, and none of them among the `common`
    words the page writes in lower case ("Deutscher Handballbund": "deutscher")."""
    for segment in re.split(r"\s+[|·•–—]\s+|\s+-\s+", " ".join(line.split())):
        mark = _COPYRIGHT_MARK.search(segment)
        years = _COPYRIGHT_YEARS.search(segment)
        licence = mark is not None and mark.group(0).lower().startswith(("cc", "creative"))
        # "© 2009 Jane Doe", "CC-BY Jane Doe", "2006-2008 by Jane Doe": a notice, not a date.
        ranged = years is not None and "-" in years.group(0).replace("–", "-")
        dated = years or licence or _SITE_NOTICE.search(line)
        if not (mark and dated or ranged and _NOTICE_BY.search(segment)):
            continue
        first = min(m.start() for m in (mark, years) if m)
        if _OTHER_WORK_BEFORE.search(segment[:first]):
            continue  # "Foto: © 2020 Jane Doe": who took a photo
        lead = _COPYRIGHT_LEAD.match(segment[first:])
        rest = segment[first + (lead.end() if lead else 0) :]
        words: list[str] = []
        tokens = rest.split()
        for word in tokens:
            core = word.rstrip(".,;:")
            if not core or not (core[:1].isupper() or core in _PARTICLES):
                break
            if core.lower() in _RIGHTS_WORDS:
                break  # "Jane Doe All rights reserved"
            words.append(core)
            if core != word and not _INITIAL.match(word):
                break  # "Jane Doe. Impressum": the name has ended
        following = tokens[len(words)] if len(tokens) > len(words) else ""
        name = " ".join(words)
        shaped = all(
            w in _PARTICLES or _INITIAL.match(w) or not w.isupper() and w.lower() not in common
            for w in words
        )
        if (
            2 <= len(words) <= 3
            and shaped
            and is_person_name(name)
            and not looks_like_outlet(name)
            and not any(_names_no_person(w.lower()) for w in words)
            and following.lower().rstrip(".,") not in _COMPANY_WORDS
        ):
            return name
        return ""
    return ""


def _names_no_person(word: str) -> bool:
    """Whether a word of a notice's holder makes it a company, an organisation or a licence."""
    return (
        word in _LICENCE_WORDS
        or word in _COMPANY_WORDS
        or word in _ORGANISATION_WORDS
        or _organisation_compound(word)
    )


# One word after a byline's prefix: a first name or a site's user name ("von David", "By
# oradmin", "Autor: c1ph4", "Von Isabella.DiBiase").
_ONE_WORD = re.compile(r"^[^\W_][\w.'’-]*(?<=\w)$")
# A site's address ("northfield-courier.com", "harbour.news"): an outlet, not a user
# ("Anna.Schmidt", "jane.doe", "fri.juli"); a longer ending than a country's is a common one.
_SITE = re.compile(
    r"\.(?:[a-z]{2}|com|net|org|info|biz|edu|gov|news|blog|online|site|media|press|app|dev"
    r"|shop|store|club|live|today|tech|world|asia|mobi|name|pro)$"
)
# Lower-case words that follow "by", "von", "par", "por" in phrases, not names.
_NOT_HANDLES = _words("default hand far now heute jetzt exemple favor fin nun nature heart")


def dated_handle(line: str) -> str:
    """The one word a byline names with the date right after it ("Von Thilo / 6. November
    2023", "erstellt von Dominique — veröffentlicht 28.01.2022"), or "": a first name or a
    user's name, which the date shows is no phrase ("von Herzen")."""
    match = _BY_LINE.match(" ".join(line.split()))
    if not match:
        return ""
    rest = match.group("rest").lstrip(": ")
    first, *others = _SEGMENTS.split(rest, maxsplit=1)
    undated = _DATE_TAIL.sub("", first) if any(ch.isdigit() for ch in first) else first
    dated = undated != first or bool(
        others and any(ch.isdigit() for ch in others[0]) and find_date(others[0]) is not None
    )
    word = undated.strip(" ,;:–—-")
    if not dated or not word or " " in word:
        return ""
    return one_word_byline(f"by {word}")


def is_role_word(word: str) -> bool:
    """Whether `word` names a job or a desk ("Staff", "Redaktion"), not a user."""
    return word.lower() in _ROLE_WORDS


def one_word_byline(segment: str) -> str:
    """The one word a byline names ("von David" -> "David", "By oradmin" -> "oradmin"), or ""
    for other segments, a month ("By May"), a common word, an agency's name or a role ("By
    Staff": the paper's staff, a credit; a desk, "von Redaktion", is named as its author)."""
    match = _BY_LINE.match(" ".join(segment.split()))
    if not match:
        return ""
    word = match.group("rest")
    lowered = word.lower()
    if (
        not _ONE_WORD.match(word)
        or _SITE.search(word)
        or lowered in _UI_WORDS
        or lowered in _NOT_HANDLES
        or lowered in _HANDLES
        or lowered in _AGENCIES
        or _MONTH_OR_DAY.match(word)
        or is_date_word(word)
        or (_is_role(word, alone=True) and not is_desk(word))
    ):
        return ""
    return word


_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)


def looks_like_outlet(text: str) -> bool:
    """Whether `text` names a news outlet: 'Reuters', 'BBC News', 'TODAY.AZ', 'The Times'."""
    text = " ".join(text.split()).strip()
    if not text or len(text) > 40:
        return False
    lowered = text.lower()
    if lowered in _AGENCIES or _DOMAIN.match(text):
        return True
    words = lowered.split()
    if len(words) > 5:
        return False
    if any(word in _OUTLET_WORDS for word in words):
        return all(
            w[:1].isupper() or w in _PARTICLES or w in ("the", "of", "and") for w in text.split()
        )
    return len(words) == 1 and text.isupper() and len(text) >= 2


def outlet_or_role(text: str) -> bool:
    """Whether capitalised words after a name say where or as what the person writes rather
    than more of the name: 'Reiterrevue International', 'Staff Writer', 'The Daily Post'."""
    words = text.split()
    if not words or len(words) > 4:
        return False
    if looks_like_outlet(text):
        return True
    if not all(_is_capitalised(w) or w.lower() in _PARTICLES for w in words):
        return False
    lowered = [w.lower().rstrip(".") for w in words]
    if lowered[-1] in _PERSON_ROLES:
        return True  # "Staff Writer", "Games Editor"
    # A word such as "International" alone is no outlet: with another it names one.
    return len(words) >= 2 and any(w in _ROLE_WORDS | _OUTLET_WORDS for w in lowered)


# Jobs a newsroom gives people that name no desk or beat and no writing: set under a name
# ("BuzzFeed UK News Fellow", "Courier Politics Intern"), never a byline's word.
_JOB_ONLY_WORDS = _words("fellow intern trainee volontär volontärin")
# The most words of a job's line under a name: an outlet, a desk, a rank and the job.
_MAX_JOB_WORDS = 5


def job_line(text: str) -> bool:
    """Whether `text` is a job as a CMS sets it on a line of its own under the writer's name:
    a few capitalised words (the outlet, a desk) ending in a person's job ("Harbour News
    Reporter", "Courier Politics Editor", "Harbour UK News Fellow"); a desk or team ("Cloud
    Help Desk") is no one's job."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_JOB_WORDS:
        return False
    if not all(_is_capitalised(w) or _ACRONYM_WORD.match(w) for w in words):
        return False
    return words[-1].lower() in _PERSON_ROLES | _JOB_ONLY_WORDS


# An outlet's letters in a job's line ("BBC", "UK", "NPR").
_ACRONYM_WORD = re.compile(r"^[A-Z][A-Z&]{1,5}$")


# Verbs that give someone's words in a story: its subject's, who is quoted, not its writer.
_SAID = (
    r"said|says|told|added|explained|sagte|sagt|erklärte|betonte|meinte|dijo|afirmó|explicó"
    r"|a\s+déclaré|a\s+dit|ha\s+detto|zei|zegt"
)


def quoted_as_speaker(name: str, text: str) -> bool:
    """Whether `text` gives words that `name` (by the surname) said: "…,” Smith said",
    "said Mary Smith", "Smith told the council": the person a story quotes is its subject,
    and a bare name of theirs over it names no writer."""
    words = name.split()
    surname = words[-1] if len(words) >= 2 else ""
    if len(surname) < _MIN_SURNAME or surname not in text:
        return False
    said = re.compile(
        rf"(?<![\w-]){re.escape(surname)}\s+(?:{_SAID})\b"
        rf"|\b(?:{_SAID})\s+(?:[^\W\d_][\w.'’-]*\s+){{0,2}}{re.escape(surname)}(?![\w-])"
    )
    return said.search(text) is not None


# The shortest surname looked for as a speaker's ("Li" is looked for; "J." is no surname).
_MIN_SURNAME = 2


# "PARIS (Reuters) - ", "LONDON, May 29 (AP) — ", "WASHINGTON — ": where wire copy was filed.
DATELINE = re.compile(
    r"^[A-Z][A-Z'’ .-]{1,30}(?:,\s+[A-Z][\w .,'’]{1,40}?)?(?:\s*\([^()]{1,40}\))?\s*[-–—]+\s+"
)
# Wire copy's dateline ("Hamburg (dpa/lno) – ", "PARIS (AFP) - ") or a credit closing the text
# ("(dpa)", "Quelle: SDA", "© APA/AP").
# ("Berlin (dpa) - ", "Madrid, 12 mar (EFE).- ", and the agency first: "(ANSA) - ROMA, ".)
_WIRE_DATELINE = re.compile(
    r"^(?:[^\W\d_][\w .,'’/-]{0,60}?\s*)?\((?P<agency>[^()]{2,30})\)\.?\s*(?:[-–—:]|$)"
)
# A closing line crediting the agencies the story draws on: "Mit Material von dpa und AFP".
_MATERIAL_FROM = re.compile(
    r"^\(?(?:mit\s+material\s+(?:von|der)|with\s+(?:material|reporting)\s+(?:from|by))\s+"
    r"(?P<agency>[\w/ .,-]{2,40}?)\)?\.?$",
    re.IGNORECASE,
)
_WIRE_CLOSING = re.compile(
    r"(?:^|[\s(])(?:(?:quelle|source|fuente|fonte)\s*:\s*|©\s*)?\(?(?P<agency>[\w/ .,-]{2,30}?)\)?\.?$",
    re.IGNORECASE,
)
# News agencies as they sign copy, besides `_AGENCIES`: Swiss, Austrian and German wires.
_WIRE_NAMES = (
    _AGENCIES
    | _words("sda ats keystone-sda apa kna epd dts ddp kap ots sid")
    # Europe's national agencies and a few more, as their credits write them ("ANP", "Belga",
    # "ČTK", "Lusa", "dpa-AFX"; Anadolu's Turkish rivals İHA and DHA).
    | _words(
        """anp belga ntb ritzau stt čtk ctk tasr pap mti lusa iha i̇ha dha bta agerpres hina
        tanjug leta elta bns agi adnkronos dapd afx dpa-afx kathpress notimex télam telam"""
    )
)


def _agency_words(text: str) -> bool:
    """Whether every part of "dpa/lno", "AFP, Reuters", "APA/AP" is short, and one an agency."""
    parts = [p.strip().lower() for p in re.split(r"[/,;]|\s+and\s+|\s+und\s+", text)]
    parts = [p for p in parts if p]
    return (
        bool(parts)
        and all(len(p.split()) <= 3 for p in parts)
        and any(p in _WIRE_NAMES or p.removeprefix("agencia ") in _WIRE_NAMES for p in parts)
    )


def is_agency(text: str) -> bool:
    """Whether `text` names news agencies: 'dpa/lno', 'AFP, Reuters', 'Agencia EFE'."""
    return _agency_words(text)


def agency_credit(first: str, last: str) -> str:
    """The news agency that signs an article's text: from the wire dateline of its `first`
    paragraph or a credit closing its `last` ("(dpa)", "Quelle: SDA"); empty if none."""
    match = _WIRE_DATELINE.match(first[:100])
    if match and _agency_words(match.group("agency")):
        return match.group("agency").strip()
    match = _MATERIAL_FROM.match(" ".join(last.split()))
    if match and _agency_words(match.group("agency")):
        return match.group("agency").strip()
    tail = last[-40:]
    match = _WIRE_CLOSING.search(tail)
    if match and (tail.rstrip(". ").endswith(")") or len(last) <= 40 or ":" in tail or "©" in tail):
        agency = match.group("agency").strip()
        if _agency_words(agency):
            return agency
    return source_credit(last)


# A line of its own closing the text that names where it came from: "Quelle: kathpress",
# "Quelle: MDR THÜRINGEN/ls", "Source: Harbour Times".
_SOURCE_LINE = re.compile(
    r"^(?:quelle|source|fuente|fonte)\s*:\s*(?P<name>[^\W\d_][\w./&'’ -]{1,38}?)\.?$",
    re.IGNORECASE,
)


def source_credit(last: str) -> str:
    """The outlet a source line closing the text credits, or "": one word, an agency's
    desk ("MDR THÜRINGEN/ls"), an outlet; not a description ("Eigene Recherche") nor an
    address."""
    match = _SOURCE_LINE.match(" ".join(last.split()))
    if not match:
        return ""
    name = match.group("name").strip()
    words = name.split()
    if "www." in name or _DOMAIN.match(name) or len(words) > 3:
        return ""
    if len(words) == 1 or "/" in name or looks_like_outlet(name):
        return name
    return ""


def starts_with_dateline(text: str) -> bool:
    """Whether `text` opens with where (and for whom) it was filed: "WASHINGTON — ",
    "HANOI, Vietnam (AP) — ", "Hamburg (dpa/lno) – ". Only a story's first paragraph does."""
    if DATELINE.match(text[:100]):
        return True
    match = _WIRE_DATELINE.match(text[:100])
    return bool(match and match.group(0)[-1:] != ")" and _agency_words(match.group("agency")))


# Bylines in Chinese, Japanese and Korean, which no capital letter marks as names: a label
# and a name ("記者：山田太郎", "记者 王小明", "文／李明", "本报记者 张伟", and the editor in
# charge that closes a Chinese news story, "责任编辑：李明"), or a Korean name and its role
# ("김철수 기자", "(서울=연합뉴스) 김철수 특파원").
_HAN_NAME = r"[\u3400-\u4dbf\u4e00-\u9fff]{1,3}[ \u3000]?[\u3400-\u4dbf\u4e00-\u9fff]{1,3}"
_CJK_NAME = rf"(?:{_HAN_NAME}|[\uac00-\ud7af]{{2,4}}|[\u30a0-\u30ff]{{2,10}}(?:[・･][\u30a0-\u30ff]{{2,10}})?)"
_CJK_NAMES = rf"(?P<names>{_CJK_NAME}(?:\s*[、,，/／]\s*{_CJK_NAME})*)"
_CJK_LABEL_FIRST = re.compile(
    rf"^[（(【\[]?\s*(?:本報|本报|本紙|本社)?"
    rf"(?:(?:記者|记者|撰文|撰稿|作者|編集委員|(?:责任|責任)?(?:编辑|編輯)|編集|通讯员|通訊員|기자)"
    rf"\s*[:：/／|]?\s*"
    rf"|(?:執筆者|执笔者|著者|撰写)\s*[:：/／|]?\s*"
    # "글: 김민수" (Korean: text); "文・山田太郎" (Japanese: text, a name after a dot).
    rf"|(?:文|筆者|取材・文|文・写真|글)\s*[:：/／|・=]\s*"
    # "by 山田太郎": English's label before a name in a script without capitals.
    rf"|[Bb][Yy]\s+)"
    rf"{_CJK_NAMES}\s*[）)】\]]?$"
)
# Where a field of a line starts: a label of a few characters and its colon, or a byline's
# label and a space with no colon ("来源：北方日报 记者 张伟": the source's field, then the
# reporter's; not "记者招待会", a press conference).
_CJK_FIELD = re.compile(
    r"\s+(?=[^\s:：]{1,6}[:：])|\s+(?=(?:本报|本報)?(?:记者|記者|通讯员|通訊員) +[^\s:：])"
)
_CJK_ROLE_AFTER = re.compile(
    rf"^(?:[（(\[][^）)\]]{{1,20}}[）)\]]\s*)?{_CJK_NAMES}\s*"
    rf"(?:기자|특파원|記者|记者|特派員|特派员|編集委員)\s*[）)]?$"
)


# The longest byline line, and the longest meta line of a portal holding one among its parts
# (its source, date and author), which spaces or bars set apart.
_CJK_BYLINE = 40
_CJK_META_LINE = 100
_CJK_PARTS = re.compile(
    r"\s*[|｜]\s*|\s+[/／]\s+|[\s\u3000]{2,}|\u3000|(?<=[\d日分秒])\s+(?=\D)|(?<=】)\s*"
)
# A label only Chinese written in simplified characters uses: there a space never parts a
# name's characters ("记者 王小明 李华" names two people), as it may in Japanese ("山田 太郎").
_SIMPLIFIED_LABEL = re.compile(r"^[（(【\[]?\s*(?:本报)?(?:记者|(?:责任)?编辑|通讯员)")
_SPACED_HAN = re.compile(
    r"^([\u3400-\u4dbf\u4e00-\u9fff]{2,3})[ \u3000]([\u3400-\u4dbf\u4e00-\u9fff]{2,3})$"
)


def cjk_byline(line: str) -> list[str]:
    """The names of a Chinese, Japanese or Korean byline line, or [] for any other line."""
    line = line.strip()
    if len(line) > _CJK_META_LINE or line.isascii():
        return []
    match = None if len(line) > _CJK_BYLINE else _CJK_LABEL_FIRST.match(line)
    match = match or (None if len(line) > _CJK_BYLINE else _CJK_ROLE_AFTER.match(line))
    if match is None:
        # A portal's meta line, its parts set apart by spaces or bars: "来源：新华网　2024-03-12
        # 09:30　作者：张伟", "2024年3月12日　山田花子記者", or each field by its label after a
        # single space: "2024-03-12 10:03 来源：新华社 作者：王小明". Only a part that a label or
        # a role marks names someone there.
        parts = [field for part in _CJK_PARTS.split(line) for field in _CJK_FIELD.split(part)]
        if len(parts) < 2:
            return []
        match = next(
            (
                m
                for part in parts
                for m in (_CJK_LABEL_FIRST.match(part), _CJK_ROLE_AFTER.match(part))
                if m
            ),
            None,
        )
        if match is None:
            return []
        line = match.group(0)
    names = [" ".join(name.split()) for name in re.split(r"\s*[、,，/／]\s*", match.group("names"))]
    if _SIMPLIFIED_LABEL.match(line):
        # Two names of two characters or more, a space apart; a name of one character and
        # one set apart from the next ("王　明", spaced out to the width of three) is one name.
        names = [part for name in names for part in _SPACED_HAN.split(name) if part]
    return names


# The label of a byline in a script without capitals, and the names after it: Arabic ("بقلم:
# سارة علي", "كتب: محمد أحمد"), Persian ("نویسنده: علی رضایی"), Urdu ("تحریر: ..."), Hebrew
# ("מאת: דוד כהן"), Hindi and Bengali ("लेखक: राहुल शर्मा"), Thai ("โดย สมชาย ใจดี"). No
# capital tells a name from the words of a sentence there: the label does, and a label that
# also opens sentences ("كتب", "wrote") needs its colon. A scraped page's label is often the
# English one whatever its script ("By ישראל ישראלי", "By राजेश कुमार"), or another Latin one.
_CASELESS_LABEL = re.compile(
    r"^(?:(?:كتب|كتبت|الكاتب|الكاتبة|المؤلف|نویسنده|نوشته|مصنف|تحریر|כתב|כתבה|כותב"
    r"|लेखक|लेखिका|লেখক|ผู้เขียน)\s*[:：]\s*"
    r"|(?:بقلم|به\s+قلم|מאת|โดย|(?i:by|par|por|door|von))(?:\s*[:：]\s*|\s+))(?P<names>\S.*)$"
)
# What lists a byline's names: commas, and "and" (Arabic and Persian "و", Hebrew "ו" glued to
# the next name, Hindi "और", Thai "และ").
_CASELESS_LIST = re.compile(r"\s*(?:[,،，/&]|\s(?:و|और|และ)\s)\s*")
_GLUED_AND = re.compile(r"\s(?=[וو]\S)")


def caseless_byline(line: str) -> list[str]:
    """The names of a byline line in a script without capitals (`cjk_byline`'s, or a label's
    in Arabic, Persian, Hebrew, Hindi, Thai ... and 2-4 words of such a name), or []."""
    line = " ".join(line.split())
    if len(line) > 80 or line.isascii():
        return []
    names = cjk_byline(line)
    match = None if names else _CASELESS_LABEL.match(line)
    if match is None:
        return names
    for part in _CASELESS_LIST.split(match.group("names").strip(" .")):
        cut = _GLUED_AND.split(part, maxsplit=1)
        # "سارة علي ومحمد أحمد": two names when "و" opens a second whole one (not "وليد").
        if len(cut) == 2 and all(_caseless_name(c) for c in (cut[0], cut[1][1:])):
            names += [cut[0], cut[1][1:]]
        elif _caseless_name(part):
            names.append(part)
        else:
            return []  # a sentence after the label, not names
    return names
