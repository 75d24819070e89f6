"""Lines of a page that are not its article: furniture (share buttons, adverts, captions,
cookie notices) and the markers that start its footer (copyright, counters, comment forms).

Shared by every reader of scraped text (`plaintext`, `pagetext`) and by the HTML reader's
clean-up of trafilatura's output. Indexing tests every short line against these, so each
test is a regex or two, and running text (longer than `MAX_FURNITURE`) is never tested.
"""

from __future__ import annotations

import re

# A rule drawn with characters: "=====", "-----".
UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\*{3,}|_{3,})$")

# Lines that end the body: what follows is the page's footer.
_FOOTER = re.compile(
    r"""^(?:
        print(?:\s+version|\s+this\s+(?:article|page|story))|printable\s+version
        | (?:views?|hits|reads|просмотров|просмотры|aufrufe|vues)\s*:?\s*\d[\d,. ]*
        | \d[\d,. ]*\s+(?:views|просмотров)|read\s+\d+\s+times
        | версия\s+для\s+печати|распечатать|druckversion|version\s+imprimable
        | ©.*|\(c\)\s.*|copyright\s*(?:©|\(c\)|\d{4}|:|by\b|of\b).*|copyright
        | recommend\s+(?:this\s+)?(?:news|article|story|page)?\s*(?:to\s+(?:a\s+)?friends?)?
        | send\s+(?:this\s+)?(?:news|article|story)?\s*to\s+(?:a\s+)?friend
        | (?:your|friend'?s)\s+(?:name|e-?mail)(?:\s+address)?\s*(?:[:*].*)?
        | your\s+e-?mail\s+address\s+will\s+not\s+be\s+published.*
        | connect\s+with\s+us.*|follow\s+us(?:\s+on\b.*)?|stay\s+connected.*
        | follow\s+[^.!?]{1,60}\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky)
          (?:\s*[:@(].{0,60})?
        | (?:contact|e-?mail)\s+(?:the\s+)?(?:author|reporter|writer)\b.{0,100}
        | leave\s+a\s+(?:comment|reply)|(?:\d+\s+)?comments?(?:\s*\(\d+\))?|add\s+(?:a\s+)?comment
        | (?:view|show|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?|comments\s+are\s+closed\.?
        | join\s+the\s+(?:conversation|discussion)\.?
        | tags?\s*:.*|keywords\s*:.*|filed\s+under\s*:?.*|posted\s+in\s+.{1,120}
        | about\s+the\s+authors?\s*:?
        | (?:this\s+(?:article|story|post|piece|essay|column)\s+(?:was\s+|is\s+)?)?
          (?:(?:originally|first)\s+(?:published|appeared|posted)|republished)
          \s+(?:on|in|at|by|from)\b.{1,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Single lines of page furniture, dropped wherever they are.
_FURNITURE = re.compile(
    r"""^(?:
        print(?:\s+(?:article|story|page))?|(?:resize|text)\s+(?:text|size)
        | e-?mail(?:\s+(?:this(?:\s+(?:article|story|page|post|link))?|article|to\s+a\s+friend))?
        | share(?:\s+(?:this|on|via|article|story)\b.{0,60})?|tweet
        |pin(?:\s+it)?|whatsapp|telegram|facebook|twitter|linkedin|reddit|flipboard|pocket|save
        |bookmark|comment|font\s+size|a\+?\s*a-?|merken|artikel\s+merken
        | (?:audio\s*:\s*|play\s+)?listen(?:\s+to\s+this\s+(?:article|story))?
          (?:\s*[·•|:,-]?\s*(?:\d+\s*min(?:utes?|s)?|\d{1,2}:\d\d(?:\s*/\s*\d{1,2}:\d\d)?))?
        # An audio or video player's clock ("0:00 / 3:45"), a gallery's counter ("1 / 12").
        # (Set apart by spaces: "24/7", "9/11" alone are a line's words.)
        | \d{1,2}:\d\d\s*/\s*\d{1,2}:\d\d | \d{1,3}\s+/\s+\d{1,3}
        # ... and in words ("1 of 12", "3 von 20"); an audio player's length ("5 min").
        | \d{1,3}\s+(?:of|von|de|sur|di|van|av|af|z|из)\s+\d{1,3}
        | \d{1,3}\s*(?:min|mins|minutes?|minuten|minutos|minuti)\.?
        # A table of contents' heading over its links.
        | (?:table\s+of\s+)?contents|inhalt(?:sverzeichnis)?|inhaltsübersicht|sommaire
          |índice|indice|contenidos|содержание|spis\s+treści|inhoudsopgave|innehåll
        # A label over the text: "EXCLUSIVE", "Breaking news", "Explainer".
        | exclusive|exklusiv|breaking(?:\s+news)?|explainer|premium|live\s+updates
        # A shop's disclosure over a review: "This article contains affiliate links. We may
        # earn a commission.", "When you buy through links on our site, we may earn …".
        | this\s+(?:article|post|page|story|review|guide)\s+(?:may\s+)?contains?\s+affiliate
          \s+links\b.{0,200}
        | (?:when|if)\s+you\s+(?:buy|purchase|shop|click)\s+(?:something\s+)?(?:through|via|using|on)
          \s+.{0,60}?\blinks?\b.{0,160}
        | we\s+may\s+(?:earn|receive|get|be\s+paid)\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?
          (?:commission|compensation|share)\b.{0,160}
        | (?:affiliate|advertiser|advertising)\s+disclosure\b.{0,200}
        # An outlet's disclaimer over or under an opinion piece: "Opinions expressed by our
        # contributors are their own.", "The views expressed here do not necessarily reflect
        # those of the Courier.", "Editorial note: Opinions expressed here are the author's
        # alone, not those of any bank."
        | (?:(?:editorial\s+)?(?:disclaimer|note)\s*:\s*)?(?:the\s+|any\s+)?
          (?:opinions?|views?)\s+(?:expressed|stated)\b[^.!?]{0,120}?
          \b(?:(?:are|is)\s+(?:(?:solely|entirely|strictly)\s+)?
            (?:their|his|her|its|the\s+authors?['’]?s?)\s+(?:own|alone)(?=[.,;]|$)
          |(?:are|is)\s+(?:(?:solely|entirely|strictly)\s+)?(?:those|that)\s+of\s+(?:the\s+|its\s+)?
            (?:authors?|writers?|contributors?|individuals?)\b
          |do(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?
            (?:views?|opinions?|positions?|polic(?:y|ies)|those)\b).{0,240}
        | gift\s+(?:this\s+)?article|share\s+full\s+article|(?:hide|show|toggle)\s+caption
        | enlarge\s+(?:this\s+)?image|support\s+(?:our|independent|quality)\s+journalism
        | add\s+(?:this\s+)?(?:topic\s+)?to\s+(?:my\s*ft|email\s+alerts|favou?rites|reading\s+list)
        # An old article's notice: "This article is more than 2 years old", "Dieser Artikel
        # ist älter als ein Jahr".
        | this\s+(?:article|story|content|piece)\s+is\s+(?:more|older)\s+than\s+\w+\s+
          (?:years?|months?|days?)(?:\s+old)?
        | dieser\s+(?:artikel|beitrag)\s+ist\s+(?:älter\s+als|mehr\s+als)\s+\w+\s+\w+(?:\s+alt)?
        | copy\s+(?:link|url)|link\s+copied!?|copied!?|read\s+later
        | save\s+(?:for\s+later|article|story)|click\s+to\s+(?:share|e-?mail|print|tweet)\b.{0,80}
        | (?:un)?follow(?:ing)?|like\s+this\s*:?|like|like\s+loading\.*
        | \d+\s*min(?:ute)?s?\s+(?:read|listen)|(?:estimated\s+)?reading\s+time\s*:?.{0,30}
        | (?:lesezeit|lesedauer|temps\s+de\s+lecture|tiempo\s+de\s+lectura|tempo\s+de\s+leitura
          |tempo\s+di\s+lettura|leestijd|время\s+чтения|czas\s+czytania)\s*:?.{0,30}
        | \d+\s*(?:min(?:uten)?\.?\s+lesezeit|min(?:utos)?\s+de\s+(?:lectura|leitura)
          |min(?:utes)?\s+de\s+lecture|минут[аы]?\s+(?:на\s+)?чтени[яе])
        | [-–—\s]*advertisement[-–—\s]*|advertising|sponsored(?:\s+content)?|promoted|ad
        | skip\s+(?:advertisement|ad)|(?:sponsored|presented|powered)\s+by\s+[^.!?]{1,60}
        | (?:jump|skip|go)\s+to\s+(?:the\s+)?comments?|now\s+playing|up\s+next
        | watch\s*:\s*[^.!?]{1,100}|read\s+(?:this\s+)?(?:article|story)\s+in\s+\w+
        | story\s+continues\s+(?:below|after)\s+(?:the\s+)?advertisement
        | continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+(?:down\s+)?to\s+continue.*
        | (?:read\s+(?:also|more|next)|also\s+read|see\s+also|related)\s*:.{1,200}
        | (?:subscribe|sign\s+up)\b.{0,80}|newsletter|get\s+our\s+newsletter.*
        | (?:enter\s+)?(?:your\s+)?e-?mail(?:\s+address)?\s*[:*]?
        | (?:get|receive|sign\s+up|subscribe|stay)\b.{0,100}\byour\s+inbox\b.{0,60}
        | by\s+(?:signing\s+up|subscribing|clicking)\b.{0,120}\b(?:agree|privacy|terms)\b.{0,120}
        | you\s+(?:can|may)\s+unsubscribe\b.{0,100}
        | (?:thanks|thank\s+you)\s+for\s+(?:signing\s+up|subscribing)\b.{0,80}
        | we\s+use\s+cookies.*|cookie\s+(?:policy|settings|notice)|accept\s+(?:all\s+)?cookies.*
        | this\s+(?:web)?site\s+uses\s+cookies.*
        | like\s+us\s+on\s+facebook.*|join\s+us\s+on\s+.{1,40}
        | (?:photo|image|picture|video|graphic|illustration|credit|фото|foto|bild)s?
          (?:\s+credit)?\s*:.{0,300}
        | file\s+photo\s*:.{0,300}|\(?(?:photo|image)s?\s+(?:by|courtesy|credit)\b.{0,120}
        | (?:image|media|photo|video)\s+(?:caption|copyright|source)\b.{0,300}
        | (?:image|photo|picture|slide|foto|bild)s?\s*\d+\s*(?:of|/|von|de|di|sur)\s*/?\s*\d+
        | (?:in\s+)?this\s+(?:[\w.,]+\s+){0,5}?(?:photo|image|picture|frame\s+grab|screen\s*(?:shot|grab))
          (?:,|\s+(?:taken|provided|released|made|shot|obtained|posted|distributed|courtesy|from\s+video))
          .{0,300}
        | (?:sorry,?\s+)?your\s+(?:web\s+)?browser\s+(?:does\s+not|doesn'?t|cannot|can'?t)\s+
          (?:support|play)\b.{0,160}
        | caption|expand|enlarge|(?:view\s+)?full\s*screen
        | back\s+to\s+top|top\s+of\s+page|menu|search|close
        # Skip links, one or a row of them: "Skip to main content", "skip to main | skip to
        # sidebar", "Zum Inhalt springen", "Aller au contenu".
        | (?:(?:(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|main|navigation|nav
          |menu|sidebar|search|footer)|(?:direkt\s+)?zu[mr]\s+(?:inhalt|navigation|hauptinhalt)
          (?:\s+springen)?|aller\s+au\s+contenu(?:\s+principal)?|ir\s+al\s+contenido
          (?:\s+principal)?)(?:\s*\|\s*|\s*$)){1,4}
        | loading(?:\s+comments)?(?:\.*|…)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|click\s+here\b.{0,80}|send|submit|cancel|captcha|log\s*in|sign\s*in
        | log\s*out|sign\s*out|register|my\s+account|login|subscribe
        | (?:name|e-?mail|message)\s*:
        | реклама|werbung|anzeige|publicité|publicidad|pubblicità|поделиться|teilen|partager
        | compartir|печать|drucken|imprimer|imprimir
        # Chinese and Japanese portals' share and print buttons: "分享到：微博 微信", "分享到微信",
        # "このニュースをシェア", "【打印】【关闭】".
        | (?:分享到|分享|シェア|共有)\s*[:：].{0,40}|【[^】]{1,6}】(?:\s*【[^】]{1,6}】)*
        | 分享到\S{1,10}|(?:この)?(?:ニュース|記事|ページ|投稿)を(?:シェア|共有)(?:する)?
        # A form's fields and buttons as text browsers draw them: w3m's "[          ] Sign
        # up", lynx's "____________________ Submit", "(BUTTON) Share", "[IMG]".
        # (What follows a field holds none of a field's marks, so a line of fields is read in
        # one way only: underscores and brackets never start a field and end a label both.)
        | (?:(?:\[[\s_]*\]|_{5,}(?!_)|\((?:BUTTON|submit)\)|\[(?:IMG|INLINE|LINK)\])[^.!?()\[\]_]{0,40})+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# The alternatives of `_FURNITURE` that look for their words anywhere in a line's first part:
# the regex tries them position by position, so they are tried only on a line holding their
# words (`_scanned_words`), not on every paragraph.
_FURNITURE_SCANNED = re.compile(
    r"""^(?:
        .{0,200}?[.!?]\s+(?:sign\s+up|join|subscribe)\b.{0,80}\bnewsletters?\b.{0,60}
        # A sign-up box's pitch: "Our best stories in your inbox every day."
        | [^.!?]{0,80}?\b(?:in|to|into)\s+your\s+inbox\b[^.!?]{0,60}[.!]?
        | .{0,100}?\b(?:enable|turn\s+on|activate)\s+javascript\b.{0,160}
        | .{0,60}?\bjavascript\s+(?:is\s+)?(?:disabled|required|must\s+be\s+enabled)\b.{0,160}
        | .{0,60}?\bjavascript\s+(?:aktivieren|aktiviert|deaktiviert)\b.{0,120}
        | .{0,60}?\b(?:activer|activez|habilita|habilitar|attiva|attivare)\s+(?:le\s+|el\s+)?javascript\b.{0,120}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SCANNED_WORDS = re.compile("newsletter|javascript|inbox", re.IGNORECASE)


def _scanned_words(line: str, lowered: str) -> bool:
    """Whether `line` holds a word every `_FURNITURE_SCANNED` alternative needs. An ASCII line
    is looked at lowered; another through the regex, whose case-blind matching also takes
    letters such as "ſ" for "s"."""
    if line.isascii():
        return "newsletter" in lowered or "javascript" in lowered or "inbox" in lowered
    return _SCANNED_WORDS.search(line) is not None


# "Updated 3 hours ago", "Today, 16:18": a page's relative timestamp, useless once saved.
_RELATIVE_DATE = re.compile(
    r"""^(?:(?:last\s+)?(?:updated|published|posted|modified)\s*:?\s*)?
        (?:(?:\d+|an?|one|a\s+few)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?
          \s+ago
        | just\s+now | (?:today|yesterday)(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?
        )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
# "March 18 at 3:57 PM": a page's timestamp with no year, which dates nothing. ("Dec 31"
# alone may head a column of figures.)
_YEARLESS_DATE = re.compile(
    r"""^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?
        ,?\s+(?:at\s+)?\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?$""",
    re.IGNORECASE | re.VERBOSE,
)
# Caption credits at the end of a line: "(Photo by X/AFP)", "(Foto: dpa)", "X/Getty Images",
# "REUTERS/X".
_CAPTION_TAIL = re.compile(
    r"""(?:\((?:photo|image|picture|credit|foto|bild|bilder|фото|imagen|immagine)s?\b[^)]{0,120}\)
        | /\s*(?:getty\s+images|afp|reuters|ap|epa|afp\s+via\s+getty\s+images)\)?
        | \bgetty\s+images\)? | \breuters/[\w .'-]{2,40})$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption's credit closing the line after its sentence: a photographer and an outlet ("The
# old bridge on Monday. Jane Doe/Northfield Courier"; not "U.S. Certificates To Provide
# Wheat/Corn Supplies").
_NAMED_CREDIT_TAIL = re.compile(
    r"(?<=[a-z\d)])[.!?]\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s*/\s*[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4}$"
)
# A caption's credit closing the line: "... Photo: Reuters", "Foto: dpa".
_PHOTO_CREDIT_TAIL = re.compile(
    r"[.!?]\s+(?:photo|foto|image|picture|bild|фото)s?\s*:\s*[^.!?:]{2,40}$", re.IGNORECASE
)
_SHARE_WORDS = frozenset(
    """share tweet email e-mail mail print facebook twitter x whatsapp linkedin pinterest
    telegram reddit copy link save comment comments flipboard google+ xing tumblr messenger
    bluesky mastodon threads""".split()
    # "Share" in the pages' other languages: "Condividi Facebook Twitter", "Teilen Xing".
    + "teilen partager compartir compartilhar condividi delen udostępnij поделиться".split()
)
# lynx's number of a link, before or after the link's text.
_LINK_NUMBER = re.compile(r"\[\d{1,4}\]")
# Whole-line furniture and footer markers are short; running text is never tested against them.
MAX_FURNITURE = 300


def is_furniture(line: str) -> bool:
    """Whether `line` is page furniture: share buttons, adverts, captions, cookie notices."""
    if len(line) > MAX_FURNITURE:
        return False
    if _FURNITURE.match(line) or UNDERLINE.match(line) or _RELATIVE_DATE.match(line):
        return True
    if len(line) <= 40 and _YEARLESS_DATE.match(line):
        return True
    lowered = line.lower()
    if _scanned_words(line, lowered) and _FURNITURE_SCANNED.match(line):
        return True
    # The regex scans the tail position by position; most lines fail this cheap test first.
    if (
        lowered.endswith((")", "images", "afp", "reuters", "ap", "epa")) or "reuters/" in lowered
    ) and _CAPTION_TAIL.search(line, max(0, len(line) - 160)):
        return True
    if _PHOTO_CREDIT_TAIL.search(line, max(0, len(line) - 60)):
        return True  # "... at Versailles on May 29. Photo: Reuters"
    if "/" in line[-45:] and _NAMED_CREDIT_TAIL.search(line, max(0, len(line) - 90)):
        return True
    words = lowered.split()
    if len(words) >= 2 and all(
        _LINK_NUMBER.sub("", word).strip(".,:|") in _SHARE_WORDS for word in words
    ):
        return True  # "Share Tweet Email", lynx's "Share[12] Facebook [13]Twitter"
    return "cookies" in lowered and ("accept" in lowered or "we use" in lowered)


def is_footer(line: str) -> bool:
    """Whether `line` starts the page footer: copyright, counters, share and contact forms."""
    if len(line) > MAX_FURNITURE:
        return False
    return bool(_FOOTER.match(line)) or line.lower().rstrip(" .").endswith("all rights reserved")
