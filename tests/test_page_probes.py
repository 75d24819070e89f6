"""Probe pages: how lynx, w3m and inscriptis render common publishers' layouts (WordPress,
Arc, Ghost, Substack, the big papers' templates), in several languages, read as pages saved
as text: the headline, where the body starts, the standfirst and the byline.

Each page here is a text browser's rendering of a hand-written page laid out as the
publisher's template lays out its articles (menus, breadcrumbs, share bars and footers
included); the story itself is made up."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsread.index.files.dates import find_date
from newsread.index.files.formats.bylines import cjk_byline
from newsread.index.files.formats.furniture import is_furniture
from newsread.index.files.formats.pagetext import (
    _laid_out_like_a_page,
    _lines,
    _not_a_headline,
    _wrap_widths,
    without_link_list,
)
from newsread.index.files.formats.plaintext import parse_text

# A short WordPress post as `lynx -dump` sets it: paragraphs wrapped at 74 columns, the
# headline centred over all 80 (its second line in the middle), the links numbered.
WORDPRESS_FR_LYNX = """\
   [1]Northfield Courier

   Your town, your news
     * [2]Accueil
     * [3]International
     * [4]Politique
     * [5]Société
     * [6]Économie
     * [7]Culture
     * [8]Sport
     * [9]Planète

   [10]Société

Le conseil municipal vote la fermeture du vieux pont du port après la découverte
                                  de fissures

   Par [11]Jeanne Dupont [12]Publié le 12 mars 2024 à 09h30 [13]No
   Comments

   Le conseil municipal de Nordville a voté mardi soir la fermeture du
   vieux pont du port à toute circulation, après qu'une inspection a
   révélé des fissures dans deux poutres d'acier.

   Les ingénieurs du département ont expliqué que les dégâts n'étaient pas
   encore dangereux mais pourraient s'aggraver rapidement sous le poids
   des bus.

   La maire a assuré que la décision n'avait pas été prise à la légère et
   qu'un bac relierait les deux rives jusqu'à l'ouverture d'un nouveau
   pont.

   Les commerçants de la rive sud craignent de perdre des clients et
   demandent que le bac soit gratuit pendant les six premiers mois.

   Tags: bridge, council Previous Post Next Post

Leave a Reply

   Your email address will not be published. Required fields are marked *

Recent Posts

     * Les tarifs du bac augmenteront de 5 % en avril
     * Le tunnel du port fermé pour travaux ce week-end
     * De nouvelles voies de bus sur le périphérique

   © Le Courrier du Nord 2024. Tous droits réservés.

   Proudly powered by WordPress

References

   1. https://courrier-du-nord.example/
   2. https://courrier-du-nord.example/accueil/
   3. https://courrier-du-nord.example/international/
   4. https://courrier-du-nord.example/politique/
   5. https://courrier-du-nord.example/societe/
   6. https://courrier-du-nord.example/economie/
   7. https://courrier-du-nord.example/culture/
   8. https://courrier-du-nord.example/sport/
   9. https://courrier-du-nord.example/planete/
  10. https://courrier-du-nord.example/societe/
  11. https://courrier-du-nord.example/auteur/jeanne-dupont/
  12. https://courrier-du-nord.example/2024/03/12/
  13. https://courrier-du-nord.example/2024/03/12/pont-du-port/#comments
"""
FR_HEADLINE = (
    "Le conseil municipal vote la fermeture du vieux pont du port après la découverte de fissures"
)
FR_LEDE = (
    "Le conseil municipal de Nordville a voté mardi soir la fermeture du vieux pont du port à "
    "toute circulation, après qu'une inspection a révélé des fissures dans deux poutres d'acier."
)


def test_a_short_page_lynx_wrapped_under_a_wider_headline_is_joined_at_the_texts_width() -> None:
    lines = WORDPRESS_FR_LYNX.split("\n")
    assert _wrap_widths(lines) == (80, {3: 74})
    draft = parse_text(WORDPRESS_FR_LYNX)
    assert draft.title == FR_HEADLINE
    assert draft.paragraphs[0] == FR_LEDE
    assert draft.authors == ["Jeanne Dupont"]


# An Arc page as `lynx -dump` sets it: the standfirst (an <h2>) flush left and wrapped at 80
# columns, the text indented and wrapped at 74.
ARC_EN_LYNX = """\
   [1]Skip to main content
     * [2]Home
     * [3]News
     * [4]Sport
     * [5]Business
     * [6]Opinion
     * [7]Culture
     * [8]Lifestyle
     * [9]Weather

   Sign in Subscribe

   [10]Local news

   Council votes to close the old harbour bridge after engineers find cracks

The 120-year-old crossing will shut to traffic from Monday while the city weighs
a replacement costing up to £40m.

   By [11]Jane Doe and [12]John Roe

   12 March 2024

   (BUTTON) Share (BUTTON) Comment (BUTTON) Gift Article

   The bridge seen from the south bank The old harbour bridge in
   Northfield on Tuesday. (Jane Doe/Northfield Courier)

   Northfield's council voted on Tuesday night to close the old harbour
   bridge to all traffic after an inspection found cracks in two of its
   steel girders.

   Engineers from the county's roads department said the damage was not
   yet dangerous but could worsen quickly under the weight of the buses
   that cross it every few minutes.

   Advertisement

   The leader of the council, Mary Smith, said the decision had not been
   taken lightly and that a ferry service would run between the two banks
   until a new bridge opened.

   Shopkeepers on the south bank said they feared losing customers, and
   called for the ferry to be free for the first six months of the
   closure.

  Most Read

     * [13]Ferry fares to rise by five per cent in April
     * [14]Harbour tunnel closed for repairs this weekend
     * [15]New bus lanes approved on the ring road

   © 2024 Northfield Courier. All rights reserved.

References

   1. https://northfield-courier.example/
   2. https://northfield-courier.example/home
   3. https://northfield-courier.example/news
   4. https://northfield-courier.example/sport
   5. https://northfield-courier.example/business
   6. https://northfield-courier.example/opinion
   7. https://northfield-courier.example/culture
   8. https://northfield-courier.example/lifestyle
   9. https://northfield-courier.example/weather
  10. https://northfield-courier.example/s
  11. https://northfield-courier.example/0
  12. https://northfield-courier.example/1
  13. https://northfield-courier.example/r0
  14. https://northfield-courier.example/r1
  15. https://northfield-courier.example/r2
"""


def test_lines_lynx_wrapped_wider_than_the_text_are_joined_at_their_own_width() -> None:
    draft = parse_text(ARC_EN_LYNX)
    assert draft.paragraphs[:2] == [
        "The 120-year-old crossing will shut to traffic from Monday while the city weighs a "
        "replacement costing up to £40m.",
        "Northfield's council voted on Tuesday night to close the old harbour bridge to all "
        "traffic after an inspection found cracks in two of its steel girders.",
    ]
    assert draft.authors == ["Jane Doe", "John Roe"]


# El País's layout as `lynx -dump` sets it: the headline over two lines (the second centred),
# the standfirst flush left, the photo's alt text and caption on one line closed by the
# agency's credit, the author's name alone, the place and date, the share links.
ELPAIS_ES_LYNX = """\
     * [1]Portada
     * [2]Internacional
     * [3]España
     * [4]Economía
     * [5]Sociedad
     * [6]Cultura
     * [7]Deportes
     * [8]Opinión

   Suscríbete

   España

El ayuntamiento vota cerrar el viejo puente del puerto tras hallar grietas en su
                                   estructura

La estructura de 120 años se cerrará al tráfico a partir del lunes mientras la
ciudad estudia un sustituto que podría costar 40 millones.

   The bridge seen from the south bank El viejo puente del puerto, el
   pasado lunes. EFE

   Juana Pérez

   Villanorte - 12 mar 2024 - 09:30 CET

   Compartir en Whatsapp Compartir en Facebook Compartir en Twitter

   El pleno del ayuntamiento de Villanorte votó el martes por la noche
   cerrar el viejo puente del puerto a todo el tráfico después de que una
   inspección hallara grietas en dos de sus vigas.

   Los ingenieros de la diputación explicaron que los daños todavía no son
   peligrosos, pero que podrían agravarse con rapidez bajo el peso de los
   autobuses.

   La alcaldesa aseguró que la decisión no se había tomado a la ligera y
   que un ferry unirá las dos orillas hasta que se abra un nuevo puente.

   Los comerciantes de la orilla sur temen perder clientes y piden que el
   ferry sea gratuito durante los seis primeros meses del cierre.

  Recomendaciones

     * [9]Las tarifas del ferry subirán un 5% en abril
     * [10]El túnel del puerto, cerrado por obras este fin de semana
     * [11]Nuevos carriles bus en la circunvalación

   © Diario del Norte 2024. Todos los derechos reservados.

References

   1. https://diariodelnorte.example/portada
   2. https://diariodelnorte.example/internacional
   3. https://diariodelnorte.example/espana
   4. https://diariodelnorte.example/economia
   5. https://diariodelnorte.example/sociedad
   6. https://diariodelnorte.example/cultura
   7. https://diariodelnorte.example/deportes
   8. https://diariodelnorte.example/opinion
   9. https://diariodelnorte.example/r0
  10. https://diariodelnorte.example/r1
  11. https://diariodelnorte.example/r2
"""


def test_a_headline_lynx_wrapped_over_two_lines_is_set_apart_as_a_heading() -> None:
    # Blank lines above and below it as around a heading, though the line under its first is
    # its second: no caption or date line set apart under it beats it.
    draft = parse_text(ELPAIS_ES_LYNX)
    assert draft.title == (
        "El ayuntamiento vota cerrar el viejo puente del puerto tras hallar grietas en su "
        "estructura"
    )
    assert draft.paragraphs[1].startswith("El pleno del ayuntamiento de Villanorte votó")


def test_a_caption_closed_by_its_photos_credit_is_no_headline() -> None:
    assert _not_a_headline("El viejo puente del puerto, el pasado lunes. EFE")
    assert _not_a_headline("The old harbour bridge is seen in Northfield. REUTERS/Jane Doe")
    assert _not_a_headline("Le vieux pont du port, le 11 mars 2024. Getty Images")
    assert not _not_a_headline("Council votes to close the bridge. Ferry to run instead")


# A news page as inscriptis renders it, with the byline block under the headline left open.
BYLINE_PAGE = """\
Northfield Courier
  * Home
  * News
  * Sport
  * Business
  * Opinion
  * Culture
  * Lifestyle
  * Weather
  Home › Local news

Council votes to close the old harbour bridge after engineers find cracks

{byline}
  Share: Facebook Twitter E-mail

Northfield's council voted on Tuesday night to close the old harbour bridge to all traffic \
after an inspection found cracks in two of its steel girders.

Engineers from the county's roads department said the damage was not yet dangerous but could \
worsen quickly under the weight of the buses that cross it every few minutes.

The leader of the council, Mary Smith, said the decision had not been taken lightly and that \
a ferry service would run between the two banks until a new bridge opened.

Shopkeepers on the south bank said they feared losing customers, and called for the ferry to \
be free for the first six months of the closure.

Related

  * Ferry fares to rise by five per cent in April
  * Harbour tunnel closed for repairs this weekend
  * New bus lanes approved on the ring road
© 2024 Northfield Courier. All rights reserved.
"""


@pytest.mark.parametrize(
    ("byline", "authors", "credit"),
    [
        # The Guardian's: the name and where the author filed from.
        ("  Jane Doe in Northfield\n  Tue 12 Mar 2024 09.30 GMT", ["Jane Doe"], ""),
        ("  John Roe in Los Angeles\n  Tue 12 Mar 2024 09.30 GMT", ["John Roe"], ""),
        # The paper's staff: a credit, no one's name.
        ("  By Staff\n  12 March 2024", [], "Staff"),
        # g1's: the name, the outlet in lower case, the place.
        ("\nPor Maria Silva, g1 — São Paulo\n\n12/03/2024 09h30", ["Maria Silva"], ""),
        # An agency alone, as Dutch and Polish papers credit the wire.
        ("\nANP\n\n12 mrt 2024, 09:30", [], "ANP"),
        # The BBC's: the name and the outlet with the place, set in spans a renderer joins.
        ("  12 March 2024\n  Jane Doe BBC News, Northfield", ["Jane Doe"], "BBC News"),
        ("  Jane Doe Reuters\n  12 March 2024", ["Jane Doe"], "Reuters"),
        # The paper with the agency it wrote with; a writer with hers.
        ("\nLe Monde avec AFP\n\nPublié le 12 mars 2024 à 09h30", [], "Le Monde avec AFP"),
        ("\nJana Müller mit dpa\n\n12.03.2024, 09.30 Uhr", ["Jana Müller"], "dpa"),
        # A blog's byline with its reading time and no date; a name over her job at the paper.
        ("  Jane Doe · 5 min read", ["Jane Doe"], ""),
        ("  Jane Doe\n  Senior Reporter, Northfield Courier", ["Jane Doe"], ""),
        ("  Jane Doe\n  Staff Writer at The Harbour Gazette", ["Jane Doe"], ""),
        ("  Mary Smith\n  Council Leader, Northfield", [], ""),
        # A name over her job at the paper with no comma: the outlet, a desk, the job.
        ("  Jane Doe\n  Northfield Courier Politics Editor", ["Jane Doe"], ""),
        ("  Jane Doe\n  Harbour UK News Fellow", ["Jane Doe"], ""),
        ("  Mary Smith\n  Northfield Library Friends", [], ""),
        # The whole byline twice, first as her photo's text: the name and her outlet.
        (
            "  Jane Doe, Harbour Courier By Jane Doe, Harbour Courier",
            ["Jane Doe"],
            "Harbour Courier",
        ),
        # A name run into her outlet under a photo's caption and its credit, no blank line
        # between them.
        (
            "  The bridge seen from the ferry pier on Monday.\n  (John Roe / AP)\n"
            "  Jane Doe The Harbour Post",
            ["Jane Doe"],
            "The Harbour Post",
        ),
        (
            "  The bridge seen from the ferry pier on Monday.\n  (John Roe / AP)\n"
            "  Mary Smith Harbour Street",
            [],
            "",
        ),
        # A name in brackets under the date: a picture's caption or credit, no byline.
        ("  12 March 2024\n  (John Roe)", [], ""),
        # The writer's job after her name in Italian (with where she writes from), Polish,
        # Russian and Portuguese.
        ("  Giulia Rossi, inviata a Bruxelles\n  12 marzo 2024", ["Giulia Rossi"], ""),
        ("  Anna Kowalska, dziennikarka\n  12 marca 2024", ["Anna Kowalska"], ""),
        ("  Анна Иванова, корреспондент\n  12 марта 2024", ["Анна Иванова"], ""),
        ("  Maria Silva, repórter\n  12/03/2024", ["Maria Silva"], ""),
        # The author's picture before her byline as lynx shows it: its file's name or its
        # address in brackets, or its alt text (WordPress themes' "Avatar photo").
        ("  [jane-doe-50x50.jpg] Jane Doe\n  12 March 2024", ["Jane Doe"], ""),
        (
            "  [e3d6d9295dca2a99ac10?s=96&d=mm&r=g] By Jane Doe Last updated Mar 12, 2024",
            ["Jane Doe"],
            "",
        ),
        ("  Avatar photo by Jane Doe March 12, 2024 | 6:03 pm", ["Jane Doe"], ""),
        # A forum's or community blog's "profile picture" alt text (German, English, French,
        # Spanish), with the poster's handle and the time.
        ("  Profilbild Jana Schmidt 12.03.2024, 15:07 Uhr", ["Jana Schmidt"], ""),
        ("  Profilbild von Jana Schmidt 12.03.2024, 15:07 Uhr", ["Jana Schmidt"], ""),
        ("  Profile picture Jane Doe March 12, 2024", ["Jane Doe"], ""),
        ("  Photo de profil Marie Dubois 12 mars 2024", ["Marie Dubois"], ""),
        ("  Foto de perfil María García 12 de marzo de 2024", ["María García"], ""),
        # Turkish papers' label ("news:") before their reporter's name.
        ("  Haber: Ayşe Yılmaz\n  12 March 2024", ["Ayşe Yılmaz"], ""),
    ],
)
def test_bylines_of_common_layouts_name_their_authors_and_credits(
    byline: str, authors: list[str], credit: str
) -> None:
    draft = parse_text(BYLINE_PAGE.format(byline=byline))
    assert (
        draft.title == "Council votes to close the old harbour bridge after engineers find cracks"
    )
    assert (draft.authors, draft.credit) == (authors, credit)


# A Dutch WordPress post as inscriptis renders it: "door" (by), the name, the date with its
# month cut short ("mrt") and the comments' link on one line.
WORDPRESS_NL = """\
Northfield Courier

Your town, your news

  * Home
  * Binnenland
  * Buitenland
  * Politiek
  * Economie
  * Sport
  * Cultuur
  Binnenland

Gemeenteraad stemt voor sluiting van de oude havenbrug na ontdekking van scheuren

  door Jan de Vries 12 mrt 2024, 09:30 No Comments

  De gemeenteraad van Noordstad heeft dinsdagavond besloten de oude havenbrug voor al het verkeer te sluiten, nadat bij een inspectie scheuren in twee stalen liggers werden gevonden.

  Ingenieurs van de provincie zeiden dat de schade nog niet gevaarlijk is, maar snel erger kan worden door het gewicht van de bussen.

  De burgemeester zei dat het besluit niet lichtvaardig is genomen en dat er een pont tussen de oevers vaart tot er een nieuwe brug is.

  Winkeliers aan de zuidkant vrezen klanten te verliezen en vragen om een gratis pont in de eerste zes maanden.

Tags: bridge, council
Previous Post Next Post

  Leave a Reply

  Your email address will not be published. Required fields are marked *

Recent Posts

  * Pontprijzen gaan in april vijf procent omhoog
  * Havenmtunnel dit weekend dicht voor onderhoud
  * Nieuwe busbanen op de ringweg goedgekeurd

© 2024 Noorder Dagblad. Alle rechten voorbehouden.

Proudly powered by WordPress
"""


def test_a_dutch_meta_line_with_a_short_month_is_the_byline_and_date_not_the_lede() -> None:
    draft = parse_text(WORDPRESS_NL)
    assert draft.paragraphs[0].startswith("De gemeenteraad van Noordstad heeft dinsdagavond")
    assert draft.authors == ["Jan de Vries"]
    assert draft.published is not None and draft.published.isoformat() == "2024-03-12T09:30:00"


def test_a_sites_name_run_into_its_account_buttons_is_the_source_not_the_title() -> None:
    # A Substack post as w3m renders it: set flush left, the publication's name and its
    # buttons on the first line.
    text = (
        "The Harbour Letter Subscribe Sign in\n\n"
        "Council votes to close the old harbour bridge after engineers find cracks\n\n"
        "Jane Doe\n12 March 2024\n\n"
        "Northfield's council voted on Tuesday night to close the old harbour bridge to all "
        "traffic after an inspection found cracks in two of its steel girders.\n\n"
        "Engineers from the county's roads department said the damage was not yet dangerous.\n"
    )
    draft = parse_text(text)
    assert (
        draft.title == "Council votes to close the old harbour bridge after engineers find cracks"
    )
    assert draft.source == "The Harbour Letter"
    assert draft.paragraphs[0].startswith("Northfield's council voted")


# A news page as w3m renders it (flush left, paragraphs wrapped at 80), a sign-up box between
# the byline and the text.
NEWSLETTER_W3M = """\
Northfield Courier

  • Home
  • News
  • Sport
  • Business
  • Opinion
  • Culture
  • Lifestyle
  • Weather

Home › Local news

Council votes to close the old harbour bridge after engineers find cracks

By Jane Doe
12 March 2024

Sign up to our daily newsletter

Get the day's top stories delivered to your inbox every morning.

[                    ] Sign up

Northfield's council voted on Tuesday night to close the old harbour bridge to
all traffic after an inspection found cracks in two of its steel girders.

Engineers from the county's roads department said the damage was not yet
dangerous but could worsen quickly under the weight of the buses that cross it
every few minutes.

The leader of the council, Mary Smith, said the decision had not been taken
lightly and that a ferry service would run between the two banks until a new
bridge opened.

Shopkeepers on the south bank said they feared losing customers, and called for
the ferry to be free for the first six months of the closure.

Related

  • Ferry fares to rise by five per cent in April
  • Harbour tunnel closed for repairs this weekend
  • New bus lanes approved on the ring road

© 2024 Northfield Courier. All rights reserved.
"""


def test_a_sign_up_form_w3m_draws_above_the_text_does_not_open_the_body() -> None:
    draft = parse_text(NEWSLETTER_W3M)
    assert draft.paragraphs[0].startswith("Northfield's council voted on Tuesday night")


# A consent notice and a box of other stories' teasers (each a title and a sentence) above the
# article, whose standfirst stands between its headline and its byline: inscriptis.
TEASERS_ABOVE = """\
Northfield Courier
  * Home
  * News
  * Sport
  * Business
  * Opinion
  * Culture
  * Lifestyle
  * Weather

  Your privacy

  We and our partners use cookies and similar technologies to store and access information on your device, to personalise content and ads, to provide social media features and to analyse our traffic. You can choose whether to accept them. Your choice applies to this site only and you can change it at any time in the privacy settings.

  Accept all Manage options

Top stories

Ferry fares to rise by five per cent in April

The operator says fuel costs have doubled since last year and it has no other choice.

Harbour tunnel closed for repairs this weekend

Drivers are advised to use the ring road, where roadworks will also slow traffic.

New bus lanes approved on the ring road

The council says journeys will be ten minutes shorter once the lanes open in June.

  Home › Local news › Council votes to close the old harbour bridge after engineers find cracks

Council votes to close the old harbour bridge after engineers find cracks

The 120-year-old crossing will shut to traffic from Monday while the city weighs a replacement costing up to £40m.

  By Jane Doe
  12 March 2024

The old harbour bridge in Northfield will close to traffic from Monday. Photograph: Jane Roe

Northfield's council voted on Tuesday night to close the old harbour bridge to all traffic after an inspection found cracks in two of its steel girders.

Engineers from the county's roads department said the damage was not yet dangerous but could worsen quickly under the weight of the buses that cross it every few minutes.

The leader of the council, Mary Smith, said the decision had not been taken lightly and that a ferry service would run between the two banks until a new bridge opened.

Shopkeepers on the south bank said they feared losing customers, and called for the ferry to be free for the first six months of the closure.

Related

  * Ferry fares to rise by five per cent in April
  * Harbour tunnel closed for repairs this weekend
  * New bus lanes approved on the ring road
© 2024 Northfield Courier. All rights reserved.
"""


def test_a_headline_over_its_standfirst_and_byline_under_teasers_is_the_headline() -> None:
    draft = parse_text(TEASERS_ABOVE)
    assert (
        draft.title == "Council votes to close the old harbour bridge after engineers find cracks"
    )
    assert draft.paragraphs[:2] == [
        "The 120-year-old crossing will shut to traffic from Monday while the city weighs a "
        "replacement costing up to £40m.",
        "Northfield's council voted on Tuesday night to close the old harbour bridge to all "
        "traffic after an inspection found cracks in two of its steel girders.",
    ]
    assert draft.authors == ["Jane Doe"]


# A Chinese portal's article as `lynx -dump` sets it: the trail ending in "正文" (the text),
# the headline centred, a meta line of source, date and author, the share and print buttons.
PORTAL_ZH_LYNX = """\
     * [1]首页
     * [2]新闻
     * [3]国际
     * [4]财经
     * [5]社会
     * [6]体育
     * [7]文化

   首页 > 社会 > 正文

           市议会投票决定关闭发现裂缝的老港口大桥

   来源：北城日报　2024-03-12 09:30　作者：张伟

   分享到：微博 微信

   北城市议会周二晚间投票决定，在检查发现两根钢梁出现裂缝后，关闭老港口大桥，禁止一切车辆通行。

   道路部门的工程师表示，损坏目前尚不危险，但在公交车的重压下可能迅速恶化，因此必须尽快采取措施。

   市长表示，这一决定并非草率作出，在新桥建成之前，将有渡轮往返于两岸之间，方便市民出行。

   南岸的商户担心失去顾客，呼吁在大桥关闭的头六个月内免费提供渡轮服务，以减轻对生意的影响。

   【责任编辑：李明】

   【打印】【关闭】

  相关新闻

     * [8]渡轮票价四月上涨百分之五
     * [9]港口隧道本周末封闭维修
     * [10]环路新增公交专用道

   版权所有 © 2024 北城日报

References

   1. https://beicheng-daily.example/861.html
   2. https://beicheng-daily.example/984.html
   3. https://beicheng-daily.example/747.html
   4. https://beicheng-daily.example/923.html
   5. https://beicheng-daily.example/728.html
   6. https://beicheng-daily.example/693.html
   7. https://beicheng-daily.example/217.html
   8. https://beicheng-daily.example/667.html
   9. https://beicheng-daily.example/55.html
  10. https://beicheng-daily.example/602.html
"""
# A Japanese broadcaster's article as inscriptis renders it: the date and the reporter's name
# on one line.
PORTAL_JA = """\
  * トップ
  * ニュース
  * 政治
  * 経済
  * 国際
  * 社会
  * スポーツ
  トップ > 社会 > 正文

市議会、ひび割れ見つかった旧港湾橋の閉鎖を可決

  2024年3月12日 9時30分 山田花子記者
  シェア：X LINE

北町の市議会は火曜日の夜、点検で2本の鋼桁にひび割れが見つかったことを受けて、旧港湾橋をすべての車両に対して閉鎖することを可決しました。

道路部の技術者によりますと、損傷はまだ危険な状態ではないものの、バスの重みで急速に悪化するおそれがあるということです。

市長は、決定は軽々しく行ったものではなく、新しい橋が開通するまでの間、両岸を結ぶフェリーを運航すると述べました。

南岸の商店主たちは客が減ることを心配していて、閉鎖から最初の半年間はフェリーを無料にするよう求めています。

    【印刷】

相关新闻

  * フェリー運賃、4月から5%値上げ
  * 港湾トンネル、週末に補修で閉鎖
  * 環状道路に新たなバス専用レーン
Copyright © 2024 北町新聞 All rights reserved.
"""


def test_a_chinese_portals_headline_trail_and_meta_line() -> None:
    draft = parse_text(PORTAL_ZH_LYNX)
    assert draft.title == "市议会投票决定关闭发现裂缝的老港口大桥"
    assert draft.authors == ["张伟"]
    assert draft.paragraphs[0].startswith("北城市议会周二晚间投票决定")
    assert draft.published is not None and draft.published.isoformat() == "2024-03-12T09:30:00"


def test_a_japanese_reporters_name_after_the_date_is_the_author() -> None:
    draft = parse_text(PORTAL_JA)
    assert draft.title == "市議会、ひび割れ見つかった旧港湾橋の閉鎖を可決"
    assert draft.authors == ["山田花子"]
    assert draft.paragraphs[0].startswith("北町の市議会は火曜日の夜")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("来源：北城日报　2024-03-12 09:30　作者：张伟", ["张伟"]),
        ("来源：新华网 | 2024-03-12 09:30:00 | 作者：张三", ["张三"]),
        ("2024年3月12日 9時30分 山田花子記者", ["山田花子"]),
        ("来源：新华网　2024-03-12 09:30", []),
        # The reporter's label with a space and no colon, after the source's field.
        ("2024-03-12 09:30 来源：北城日报 记者 张伟", ["张伟"]),
        ("来源：北城日报 记者 张伟 李明", ["张伟", "李明"]),
        ("2024-03-12 来源：新华网 记者招待会", []),  # a press conference
    ],
)
def test_a_portals_meta_line_names_its_labelled_author(line: str, names: list[str]) -> None:
    assert cjk_byline(line) == names


def test_share_and_print_buttons_of_a_portal_are_furniture() -> None:
    assert is_furniture("分享到：微博 微信")
    assert is_furniture("【打印】【关闭】")
    assert not is_furniture("【责任编辑：李明】")


def test_the_editor_in_charge_closing_a_chinese_story_is_its_author() -> None:
    # Xinhua's layout: no byline under the headline, "责任编辑" (the editor in charge) after the
    # text, behind the error-report button.
    page = PORTAL_ZH_LYNX.replace("　作者：张伟", "").replace(
        "【责任编辑：李明】", "【纠错】 责任编辑： 李明"
    )
    draft = parse_text(page)
    assert draft.title == "市议会投票决定关闭发现裂缝的老港口大桥"
    assert draft.authors == ["李明"]


_SHARE_ADDRESS = (
    "https://twitter.com/intent/tweet?text=Le conseil municipal vote la fermeture du vieux "
    "pont du port&url=https://courrier-du-nord.example/2024/03/12/pont-du-port/"
)


def test_lynxs_list_of_link_addresses_is_no_part_of_the_page() -> None:
    # A share link's address holds words and spaces: at the end of a short page, it was the
    # widest line, and the page was read as not wrapped.
    page = f"{WORDPRESS_FR_LYNX.rstrip()}\n  14. {_SHARE_ADDRESS}\n"
    kept = [line.strip() for line in without_link_list(page.split("\n")) if line.strip()]
    assert kept[-1] == "Proudly powered by WordPress"
    # lynx -dump -listonly's headings, where it sorts the links it lists.
    sorted_list = page.replace("References\n", "References\n\n   Visible links:\n")
    above = page.split("\n")[: page.split("\n").index("References")]
    assert without_link_list(sorted_list.split("\n")) == above
    draft = parse_text(page)
    assert draft.paragraphs[0] == FR_LEDE
    assert not any("twitter.com" in paragraph for paragraph in draft.paragraphs)


def test_a_line_far_wider_than_the_rest_does_not_set_the_wrap_width() -> None:
    # An unbreakable line (an address in the text, a table's row) on a short wrapped page.
    page = WORDPRESS_FR_LYNX.replace(
        "   Tags: bridge, council", f"   {_SHARE_ADDRESS[:170]}\n\n   Tags: bridge, council"
    )
    assert _wrap_widths(page.split("\n")) == (80, {3: 74})
    assert parse_text(page).paragraphs[0] == FR_LEDE


@pytest.mark.parametrize("trail", ["Home»Local news»", "Home›Local news›", "Home>Local news>"])
def test_a_trail_lynx_ran_together_gives_its_last_crumb(trail: str) -> None:
    headline = "Council votes to close the old harbour bridge after engineers find cracks"
    page = BYLINE_PAGE.replace("  Home › Local news", f"  {trail}{headline}").format(
        byline="  By Jane Doe\n  12 March 2024"
    )
    assert [line.text for line in _lines(page.split("\n")) if line.crumb] == [headline]


def test_lynxs_button_mark_is_no_part_of_a_line() -> None:
    page = BYLINE_PAGE.format(byline="  By Jane Doe\n  12 March 2024").replace(
        "Northfield Courier\n", "Northfield Courier (BUTTON)\n", 1
    )
    assert _lines(page.split("\n"))[0].text == "Northfield Courier"


# A w3m page (flush left, wrapped at 80) whose widest lines are a table's rows: its few
# paragraphs happen to end short of the width. The headline runs near the width, the byline
# right under it with no blank line between (both are <div>s).
TABLE_W3M = """\
Northfield Courier

  • Home
  • News
  • Sport

Council votes to close the old harbour bridge as engineers find cracks in it
By Jane Doe | 12 March 2024

Northfield's council voted on Tuesday night to close the old harbour bridge to
all traffic after an inspection found cracks in two of its steel girders,
which carry the deck over the harbour mouth.

Engineers from the county's roads department said the damage was not yet
dangerous but could worsen quickly under the weight of the buses that cross
the bridge every few minutes at peak times.

The vote was close. Councillors from the south bank voted against closing the
bridge before a ferry is ready:

  Ward        Councillor      Party               For   Against   Abstained  Out
  North       Tom Green       Labour              yes   -         -           no
  South       Ann Brown       Liberal Democrats   -     yes       -           no
  Harbour     Raj Patel       Conservative        yes   -         -           no

The leader of the council, Mary Smith, said the decision had not been taken
lightly and that a ferry service would run between the two banks until a new
bridge opened, perhaps in three years.
"""


def test_w3m_flush_left_text_keeps_the_pages_width_under_a_wider_table() -> None:
    width, columns = _wrap_widths(TABLE_W3M.split("\n"))
    assert width == 80 and 0 not in columns
    draft = parse_text(TABLE_W3M)
    assert (
        draft.title
        == "Council votes to close the old harbour bridge as engineers find cracks in it"
    )
    assert draft.authors == ["Jane Doe"]
    assert draft.paragraphs[0].startswith("Northfield's council voted on Tuesday night")


@pytest.mark.parametrize(
    "meta",
    [
        "Jane Doe 12 ♥ 3 💬",
        "Jane Doe 1.2K ❤️ 45 💬 Share",
        "Jane Doe 12 ♥ 3 💬\n12 March 2024",
    ],
)
def test_likes_and_comments_w3m_runs_onto_the_authors_line_leave_her_name(meta: str) -> None:
    # Substack's meta row under a post's subtitle: the author, then the like and comment
    # buttons with their counts, run onto one line.
    page = NEWSLETTER_W3M.replace(
        "find cracks\n\n",
        "find cracks\n\nThe ferry will be free for six months, the council says\n\n",
    ).replace("By Jane Doe\n12 March 2024", meta)
    draft = parse_text(page)
    assert draft.authors == ["Jane Doe"]
    assert not any("💬" in paragraph for paragraph in draft.paragraphs)


@pytest.mark.parametrize(
    "picture",
    [
        "The old bridge, seen from the south bank\nPhoto: John Roe",
        "The ferry pier at dawn\n(Getty Images)",
        "Ferry and bridge\nJohn Roe/Northfield Courier",
    ],
)
def test_an_images_alt_sentence_over_its_caption_and_credit_is_not_the_lede(picture: str) -> None:
    # The lead picture under the byline: its alt text written out as a sentence (lynx and
    # inscriptis print it where the picture stands), then its caption and its credit.
    alt = "A ferry crosses the harbour in front of the old bridge on a grey morning."
    share = "  Share: Facebook Twitter E-mail\n\n"
    page = BYLINE_PAGE.format(byline="By Jane Doe\n12 March 2024").replace(
        share, f"{share}{alt}\n{picture}\n\n"
    )
    draft = parse_text(page)
    assert draft.paragraphs[0].startswith("Northfield's council voted on Tuesday night")
    assert not any(alt in paragraph for paragraph in draft.paragraphs)


@pytest.mark.parametrize(
    "picture",
    [
        "1 / 2\n© Getty Images",
        "[csm_Harbour-Bridge_Foto_by_John_Roe_c5c34212e5]\nFoto: John Roe",
        "Interview: John Roe\nFoto: Mary Smith",
        # A recipe's last step over its table of nutrients (a slash, no photographer's).
        "Nutrition facts for the harbour muffins\nPer Portion / Piece Per 100 g / ml",
    ],
)
def test_a_lede_over_a_gallery_counter_a_file_name_or_a_labelled_credit_stays_the_lede(
    picture: str,
) -> None:
    lede = "The council says the ferry will be free for the first six months of the closure."
    share = "  Share: Facebook Twitter E-mail\n\n"
    page = BYLINE_PAGE.format(byline="By Jane Doe\n12 March 2024").replace(
        share, f"{share}{lede}\n{picture}\n\n"
    )
    assert parse_text(page).paragraphs[0] == lede


@pytest.mark.parametrize(
    ("credits", "authors"),
    [
        (
            "Reporting by Jane Doe in Northfield; additional reporting by John Roe; Editing by "
            "Mary Smith",
            ["Jane Doe", "John Roe"],
        ),
        (
            "(Reporting by Jane Doe; Writing by John Roe; Editing by Mary Smith)",
            ["Jane Doe", "John Roe"],
        ),
        ("Reporting by Jane Doe; editing by Mary Smith", ["Jane Doe"]),
    ],
)
def test_a_wire_storys_credits_under_its_text_name_its_reporters_and_writer(
    credits: str, authors: list[str]
) -> None:
    # Reuters' close: who reported (also "additional reporting", in lower case after a
    # semicolon), who wrote it up and who edited it, in brackets or not. The editor is no author.
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(closing, f"{closing}\n{credits}\n")
    assert parse_text(page).authors == authors


def test_an_editors_initials_and_the_agency_closing_the_text_keep_its_last_paragraph() -> None:
    # German wire copy signs its text with the editor's initials and the agency: "(jm/dpa)".
    # A caption's credit names a photographer before the agency ("Foto: Jane Doe/dpa").
    closing = "be free for the first six months of the closure."
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(closing, f"{closing} (jm/dpa)")
    draft = parse_text(page)
    assert draft.paragraphs[-1].endswith("the first six months of the closure. (jm/dpa)")
    assert draft.credit == "jm/dpa"


@pytest.mark.parametrize(
    "about",
    [
        "Jane Doe is a transport reporter at the Northfield Courier.",
        "Jane Doe is the Courier's transport correspondent. She has covered the harbour since "
        "2015.",
        "About the author\n\nJane Doe covers transport and the harbour for the Courier.",
        # The box's heading the label alone, her picture's alt text above it, under the share
        # buttons' counts.
        "  * Facebook\n  * 0\n  * Twitter\n  * 0\n  * E-mail\n  * 0\n    x shared\n"
        "  ______________________________\n\n  avatar\n\nAuthor\n\n  Jane Doe\n"
        "  ______________________________",
    ],
)
def test_a_line_about_the_author_under_the_text_names_her(about: str) -> None:
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(closing, f"{closing}\n{about}\n")
    assert parse_text(page).authors == ["Jane Doe"]


def test_a_sentence_about_someone_in_the_story_is_no_line_about_its_author() -> None:
    # The same words in the text's first paragraph, or about a person with no job at a paper.
    page = BYLINE_PAGE.format(byline="  12 March 2024")
    quoted = page.replace(
        "Northfield's council voted", "Mary Smith is a local journalist. Northfield's council voted"
    )
    assert parse_text(quoted).authors == []
    closing = "be free for the first six months of the closure.\n"
    mayor = page.replace(closing, f"{closing}\nMary Smith is the leader of the council.\n")
    assert parse_text(mayor).authors == []


@pytest.mark.parametrize(
    "contact",
    [
        "Follow Jane Doe on Twitter: @janedoe",
        "Jane Doe can be reached at jane.doe@courier.example.",
        "Contact the author: Jane Doe",
        "Contact Jane Doe at jane.doe@courier.example",
        "Tags: bridge, council, ferry\n\nShare Facebook Twitter\n\nMore from Jane Doe",
    ],
)
def test_how_to_reach_the_author_under_the_text_names_her(contact: str) -> None:
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(closing, f"{closing}\n{contact}\n")
    assert parse_text(page).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    "contact",
    [
        "Follow Northfield Courier on Twitter",
        "Contact us at news@courier.example",
        "More from Local news",
        # A contact form's fields and its button.
        "Email\nMessage\nSend Message",
    ],
)
def test_how_to_reach_the_paper_names_no_author(contact: str) -> None:
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(closing, f"{closing}\n{contact}\n")
    assert parse_text(page).authors == []


def test_authors_each_a_bullet_under_their_label_are_all_the_pages_authors() -> None:
    # A list of authors under its heading, as inscriptis and lynx set a <ul> of links.
    byline = "  Authors\n\n    * Jane Doe\n    * John Roe\n  12 March 2024"
    assert parse_text(BYLINE_PAGE.format(byline=byline)).authors == ["Jane Doe", "John Roe"]


def test_a_pictures_alt_text_in_brackets_over_the_headline_is_no_headline() -> None:
    # w3m and lynx mark a linked picture with its alt text in square brackets.
    headline = "Council votes to close the old harbour bridge after engineers find cracks"
    page = BYLINE_PAGE.format(byline="  By Jane Doe\n  12 March 2024").replace(
        f"{headline}\n", f"[The old harbour bridge at dusk]\n\n{headline}\n"
    )
    assert parse_text(page).title == headline


# A German paper's page as w3m sets it (flush left, wrapped at 80): the standfirst's last line
# is so long that the date and byline on the line under it would not have fitted on it.
STANDFIRST_W3M = """\
Northfield Courier

  • Home
  • News
  • Sport
  • Business
  • Opinion
  • Culture
  • Lifestyle
  • Weather

Local news

Council votes to close the old harbour bridge after engineers find cracks

The 120-year-old crossing will shut to traffic from Monday while the city
weighs a replacement costing up to £40m, and buses go round by the ring road.
12.03.2024, 09:30 Uhr von Jane Doe
The old harbour bridge seen from the south bank on a grey morning - Foto:
Northfield Content Pool
The old harbour bridge seen from the south bank on a grey morning
© Northfield Content Pool

Northfield's council voted on Tuesday night to close the old harbour bridge to
all traffic after an inspection found cracks in two of its steel girders, the
second such finding in a decade.

Engineers from the county's roads department said the damage was not yet
dangerous but could worsen quickly under the weight of the buses that cross it
every few minutes of the day.

The leader of the council, Mary Smith, said the decision had not been taken
lightly and that a ferry service would run between the two banks until a new
bridge opened in the spring.

Shopkeepers on the south bank said they feared losing customers, and called for
the ferry to be free for the first six months of the closure, as it had been
during the last repairs.

Related

  • Ferry fares to rise by five per cent in April
  • Harbour tunnel closed for repairs this weekend
  • New bus lanes approved on the ring road

© 2024 Northfield Courier. All rights reserved.
"""


def test_a_date_and_byline_line_under_a_wrapped_standfirst_is_no_part_of_it() -> None:
    draft = parse_text(STANDFIRST_W3M)
    assert draft.paragraphs[0].endswith("and buses go round by the ring road.")
    assert draft.authors == ["Jane Doe"]


_FURTHER = "\n".join(f"  * Ferry story number {n} of the week" for n in range(12))


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        ("Datum: 12.03.2024\nAutor: Jane Doe\nQuelle: Northfield Courier", ["Jane Doe"]),
        # A comment's author under the text, with no field of the article's beside it.
        ("Kommentare\n\nAutor: John Roe\nWhat a shame for the south bank.", []),
    ],
)
def test_the_author_in_a_box_of_facts_far_under_the_text(box: str, authors: list[str]) -> None:
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(
        closing, f"{closing}\nOn the same subject:\n{_FURTHER}\n\n{box}\n"
    )
    assert parse_text(page).authors == authors


@pytest.mark.parametrize(
    ("signature", "authors", "credit"),
    [
        # A German story signed with the writer's name and the agency.
        ("(Jane Doe, dpa)", ["Jane Doe"], "dpa"),
        ("Jane Doe/dpa", ["Jane Doe"], "dpa"),
        # Signed after a dash with where she wrote it.
        ("— Jane Doe, Berlin", ["Jane Doe"], ""),
        # The New York Times' line under a story: who reported it and from where.
        ("Jane Doe reported from Berlin.", ["Jane Doe"], ""),
        ("This article was written by Jane Doe.", ["Jane Doe"], ""),
        # Not a person's: a place, a caption's credit with no name, the story's subject.
        ("Mary Smith reported from the scene of the crash is not a line about the author.", [], ""),
    ],
)
def test_a_signature_under_the_text_names_its_writer_and_agency(
    signature: str, authors: list[str], credit: str
) -> None:
    closing = "be free for the first six months of the closure.\n"
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(
        closing, f"{closing}\n{signature}\n"
    )
    draft = parse_text(page)
    assert (draft.authors, draft.credit) == (authors, credit)


# A German paper's page as lynx sets it: the standfirst's last line so long that the author's
# name (a numbered link) under it would not have fitted on it, her date under the name.
NAME_OVER_DATE_LYNX = """\
   [1]Northfield Courier

     * [2]Home
     * [3]News
     * [4]Sport
     * [5]Business
     * [6]Opinion
     * [7]Culture

Council votes to close the old harbour bridge after engineers find cracks

   The 120-year-old crossing will shut to traffic from Monday while the city
   weighs a replacement costing up to £40 million, paid by the county too.
   [8]Jane Doe
   am 12. März 2024 um 09:30

   Northfield's council voted on Tuesday night to close the old harbour
   bridge to all traffic after an inspection found cracks in two of its
   steel girders.

   Engineers from the county's roads department said the damage was not
   yet dangerous but could worsen quickly under the weight of the buses
   that cross it.

   The leader of the council, Mary Smith, said the decision had not been
   taken lightly and that a ferry service would run between the two banks.

   Shopkeepers on the south bank said they feared losing customers, and
   called for the ferry to be free for the first six months of the
   closure.

   © 2024 Northfield Courier
"""


def test_a_name_over_its_date_under_a_wrapped_standfirst_is_no_part_of_it() -> None:
    draft = parse_text(NAME_OVER_DATE_LYNX)
    assert draft.paragraphs[0].endswith("paid by the county too.")
    assert draft.authors == ["Jane Doe"]


# A Chinese portal's story as `w3m -dump` sets it: w3m wraps at 80 columns, each Chinese
# character two of them, and breaks a paragraph between any two characters, with no space.
PORTAL_ZH_W3M = """\
  • 首页
  • 新闻
  • 国际
  • 财经
  • 社会
  • 体育
  • 文化

首页 > 社会 > 正文

市议会投票决定关闭发现裂缝的老港口大桥

来源：北城日报　2024-03-12 09:30　作者：张伟
分享：微博微信

北城市议会周二晚间投票决定，在道路部门的检查发现两根钢梁出现裂缝之后，关闭已有
一百二十年历史的老港口大桥，禁止一切车辆通行，直到新桥建成为止。这一决定立即在
城南引起了广泛的讨论。

道路部门的工程师在会上表示，损坏目前尚不危险，但在每隔几分钟就通过一次的公交车
的重压下可能迅速恶化，因此必须尽快采取措施，否则维修费用将会成倍增加，甚至可能
需要拆除整座大桥。

市长表示，这一决定并非草率作出，市政府在过去三个月里召开了多次专家会议，在新桥
建成之前，将有渡轮往返于两岸之间，每十五分钟一班，方便市民出行，票价与公交车相
同。

南岸的商户担心失去顾客，他们联名写信给市议会，呼吁在大桥关闭的头六个月内免费提
供渡轮服务，以减轻对生意的影响，并要求市政府为受影响的小商户提供临时补贴。

交通专家指出，老港口大桥每天承载约一万八千辆次的车流，关闭之后，环城路和港口隧
道的交通压力将明显增加，高峰时段的拥堵可能持续数月之久。

市议会计划在下个月公布新桥的设计方案，并将在今年夏天之前启动公开招标程序。工程
预计耗资四亿元，最快将于三年后建成通车。

相关

  • 渡轮票价四月上涨百分之五
  • 港口隧道本周末封闭维修
  • 环路新增公交专用道

版权所有 © 2024 北城日报
"""
# A Japanese paper's story as `lynx -dump` sets it: lynx wraps at 74 characters, not columns.
PORTAL_JA_LYNX = """\
     * [1]トップ
     * [2]ニュース
     * [3]政治
     * [4]経済
     * [5]国際
     * [6]社会
     * [7]スポーツ

   トップ > 社会 > 記事

     市議会、ひび割れ見つかった旧港湾橋の閉鎖を可決

   2024年3月12日 9時30分　山田花子記者

   分享：微博 微信

   北町の市議会は火曜日の夜、道路部による点検で2本の鋼桁にひび割れが見つかったことを受けて、築120年の旧港湾橋をすべての車両に対して閉鎖するこ
   とを賛成多数で可決しました。新しい橋が完成するまで閉鎖は続く見通しです。

   道路部の技術者によりますと、損傷はまだ危険な状態ではないものの、数分おきに通過するバスの重みで急速に悪化するおそれがあり、早急に対策を取らなけ
   れば修理費用が大幅に増えるということです。

   市長は記者会見で、決定は軽々しく行ったものではなく、この3か月間に専門家の会議を何度も開いてきたと説明し、新しい橋が開通するまでの間、両岸を結
   ぶフェリーを15分おきに運航すると述べました。

   南岸の商店主たちは客が減ることを心配していて、閉鎖から最初の半年間はフェリーを無料にするよう求める要望書を市議会に提出したほか、影響を受ける小
   さな店への一時的な補助金も求めています。

   交通の専門家は、旧港湾橋には1日におよそ1万8000台の車が通っていて、閉鎖によって環状道路や港湾トンネルの渋滞が数か月にわたって続くおそれが
   あると指摘しています。

   市議会は来月、新しい橋の設計案を公表し、夏までに入札の手続きを始める計画です。事業費はおよそ40億円と見込まれ、早ければ3年後に開通する予定で
   す。

  相关

     * [8]フェリー運賃、4月から5%値上げ
     * [9]港湾トンネル、週末に補修で閉鎖
     * [10]環状道路に新たなバス専用レーン

   Copyright © 2024 北町新聞 All rights reserved.

References

   1. https://kitamachi-shimbun.example/0
   2. https://kitamachi-shimbun.example/1
   3. https://kitamachi-shimbun.example/2
   4. https://kitamachi-shimbun.example/3
   5. https://kitamachi-shimbun.example/4
   6. https://kitamachi-shimbun.example/5
   7. https://kitamachi-shimbun.example/6
   8. https://kitamachi-shimbun.example/r0
   9. https://kitamachi-shimbun.example/r1
  10. https://kitamachi-shimbun.example/r2
"""
ZH_OPENING = (
    "北城市议会周二晚间投票决定，在道路部门的检查发现两根钢梁出现裂缝之后，关闭已有一百二十年"
    "历史的老港口大桥，禁止一切车辆通行，直到新桥建成为止。这一决定立即在城南引起了广泛的讨论。"
)
JA_OPENING = (
    "北町の市議会は火曜日の夜、道路部による点検で2本の鋼桁にひび割れが見つかったことを受けて、"
    "築120年の旧港湾橋をすべての車両に対して閉鎖することを賛成多数で可決しました。"
    "新しい橋が完成するまで閉鎖は続く見通しです。"
)


def test_chinese_rows_w3m_wrapped_at_its_columns_are_joined_with_no_space() -> None:
    assert _wrap_widths(PORTAL_ZH_W3M.split("\n"))[0] == 78  # columns, not characters
    draft = parse_text(PORTAL_ZH_W3M)
    assert draft.title == "市议会投票决定关闭发现裂缝的老港口大桥"
    assert draft.authors == ["张伟"]
    assert draft.published is not None and draft.published.isoformat() == "2024-03-12T09:30:00"
    assert draft.paragraphs[0] == ZH_OPENING
    assert len(draft.paragraphs[:6]) == 6 and all(p.endswith("。") for p in draft.paragraphs[:6])


def test_japanese_rows_lynx_wrapped_mid_sentence_are_joined_under_the_headline() -> None:
    draft = parse_text(PORTAL_JA_LYNX)
    assert draft.title == "市議会、ひび割れ見つかった旧港湾橋の閉鎖を可決"
    assert draft.authors == ["山田花子"]
    assert draft.paragraphs[0] == JA_OPENING
    assert len(draft.paragraphs[:6]) == 6 and all(p.endswith("。") for p in draft.paragraphs[:6])


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # Korean portals: the morning or afternoon word before the time, the update after.
        ("기사입력 2024.03.12 오전 10:03", "2024-03-12T10:03:00"),
        ("기사입력 2024.03.12 오후 3:00 최종수정 2024.03.13 오후 4:00", "2024-03-12T15:00:00"),
        # The update's date first, then the publication's.
        ("更新 2024年3月13日 11時00分 公開 2024年3月12日 10時03分", "2024-03-12T10:03:00"),
        ("آخر تحديث: 13 مارس 2024 - نشر في: 12 مارس 2024", "2024-03-12T00:00:00"),
        # A time after a month named in Arabic or Hebrew.
        ("نشر في: 12 مارس 2024 - 10:03", "2024-03-12T10:03:00"),
        ("פורסם 12 במרץ 2024 10:03, עודכן 13 במרץ 2024", "2024-03-12T10:03:00"),
    ],
)
def test_date_lines_of_korean_japanese_arabic_and_hebrew_pages_give_the_publication(
    line: str, published: str
) -> None:
    found = find_date(line)
    assert found is not None and found.isoformat() == published


@pytest.mark.parametrize(
    "meta",
    [
        "기사입력 2024.03.12 10:03",
        "승인 2024.03.12 10:03",
        "수정 2024-03-13 11:00 입력 2024-03-12 10:03",
    ],
)
def test_a_korean_date_label_before_its_date_names_no_author(meta: str) -> None:
    draft = parse_text(PORTAL_ZH_W3M.replace("来源：北城日报　2024-03-12 09:30　作者：张伟", meta))
    assert draft.authors == []
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"


def test_a_share_bars_networks_under_the_date_are_no_authors_name() -> None:
    page = BYLINE_PAGE.format(byline="  12 March 2024").replace(
        "  Share: Facebook Twitter E-mail", "Facebook Twitter"
    )
    draft = parse_text(page)
    assert draft.authors == []
    assert (
        draft.title == "Council votes to close the old harbour bridge after engineers find cracks"
    )


_HEADLINE = "Council votes to close the old harbour bridge after engineers find cracks"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # A label's span set before the headline's on one line: in capitals, or a word no
        # headline opens with, before a capital.
        (f"EXCLUSIVE {_HEADLINE}", _HEADLINE),
        (f"BREAKING NEWS {_HEADLINE}", _HEADLINE),
        (f"Analysis {_HEADLINE}", _HEADLINE),
        (f"KOMMENTAR {_HEADLINE}", _HEADLINE),
        # A headline that opens with such a word, an acronym or a label closed by a colon.
        ("Live music returns to the old harbour bridge after engineers find no cracks", None),
        ("Breaking Bad star visits the old harbour bridge after engineers find cracks", None),
        ("NATO leaders meet by the old harbour bridge after engineers find cracks", None),
        (f"VIDEO: {_HEADLINE}", None),
    ],
)
def test_a_kicker_run_into_the_headline_is_cut_from_it(line: str, title: str | None) -> None:
    page = BYLINE_PAGE.format(byline="  By Jane Doe\n  12 March 2024").replace(
        f"{_HEADLINE}\n", f"{line}\n", 1
    )
    assert parse_text(page).title == (title or line)


def test_a_french_analysis_label_run_into_the_headline_is_cut_from_it() -> None:
    page = WORDPRESS_FR_LYNX.replace(
        "\nLe conseil municipal vote la fermeture",
        "\nAnalyse Le conseil municipal vote la fermeture",
    )
    assert parse_text(page).title == FR_HEADLINE


# A German local paper's WordPress post as `lynx -dump` sets it: the date, author and
# category links on one line, then the lazy-loaded picture's placeholder address and its
# file's name, then its caption, all in the text's column.
PICTURES_UNDER_META_LYNX = """\
   [1]Nordstadt Anzeiger

     * [2]Startseite
     * [3]Lokales
     * [4]Kultur
     * [5]Sport
     * [6]Polizeibericht

   [7]Startseite » [8]Kultur

Stadtrat stimmt für die Schließung der alten Hafenbrücke

   [9]12. März 2024 [10]Johanna Schmidt [11]Lokales
   [12][gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==]
   [Hafenbruecke-Nordstadt.jpeg]
   Die alte Hafenbrücke in der Abenddämmerung, von der Südseite aus gesehen.
   Foto: Max Müller

   Der Stadtrat von Nordstadt hat am Dienstagabend beschlossen, die alte
   Hafenbrücke für den gesamten Verkehr zu sperren, nachdem bei einer
   Prüfung Risse in zwei ihrer Stahlträger gefunden worden waren.

   Die Ingenieure des Straßenbauamts erklärten, der Schaden sei noch nicht
   gefährlich, könne sich aber unter dem Gewicht der Busse, die alle paar
   Minuten über die Brücke fahren, schnell verschlimmern.

   Die Bürgermeisterin sagte, die Entscheidung sei nicht leichtfertig
   getroffen worden. Bis zur Eröffnung einer neuen Brücke werde eine Fähre
   zwischen den beiden Ufern verkehren.

   Die Geschäftsleute am Südufer fürchten, Kunden zu verlieren, und fordern,
   dass die Fähre in den ersten sechs Monaten der Sperrung kostenlos ist.

   © 2024 Nordstadt Anzeiger
"""


def test_a_pictures_marks_lynx_sets_under_the_meta_line_are_no_part_of_it() -> None:
    draft = parse_text(PICTURES_UNDER_META_LYNX)
    assert draft.title == "Stadtrat stimmt für die Schließung der alten Hafenbrücke"
    assert draft.authors == ["Johanna Schmidt"]
    assert draft.published is not None and draft.published.date().isoformat() == "2024-03-12"
    assert draft.paragraphs[-4].startswith("Der Stadtrat von Nordstadt hat am Dienstagabend")


# A blog's post as `lynx -dump` sets it: lynx lists the links of the page's head first, the
# comments feed's title holding the headline after the blog's name and a "»".
HEAD_LINKS_LYNX = """\
   #[1]RSS 2.0 [2]RSS .92 [3]Atom 0.3 [4]Harbour Notes » Council votes to
   close the old harbour bridge Comments Feed [5]Ferry fares to rise in April
   [6]alternate [7]alternate


[8]Harbour Notes

   A blog about the harbour and its town
   ____________________ Search
     *

[9]Council votes to close the old harbour bridge
       Posted by Jane 12.03.2024
       Northfield's council voted on Tuesday night to close the old harbour
       bridge to all traffic after an inspection found cracks in two of its
       steel girders, the roads department said in a statement.

       Engineers from the county's roads department said the damage was not
       yet dangerous but could worsen quickly under the weight of the buses
       that cross it every few minutes, and that repairs would take months.

       The leader of the council said the decision had not been taken
       lightly and that a ferry service would run between the two banks
       until a new bridge opened, at a cost the council has yet to publish.

       Shopkeepers on the south bank said they feared losing customers, and
       called for the ferry to be free for the first six months of the
       closure, which begins on Monday.

       Tags: [10]bridge, [11]council
     * [12]Ferry fares to rise in April
     * [13]Harbour tunnel closed for repairs

References

   1. https://harbour-notes.example/feed/
   2. https://harbour-notes.example/feed/rss/
"""


def test_the_head_links_lynx_lists_first_give_no_title() -> None:
    draft = parse_text(HEAD_LINKS_LYNX)
    assert draft.title == "Council votes to close the old harbour bridge"
    assert draft.paragraphs[0].startswith("Northfield's council voted on Tuesday night")


# A sports federation's news page as `w3m -dump` sets it: the site's name, the kicker on a
# line of its own over the headline, w3m's rules ("━━━") drawn around the lead picture.
KICKER_OVER_HEADLINE_W3M = (
    "DGV\n\n{kicker}\n\nElder: Aus dem Ghetto nach Augusta\n\n\n"
    "1. Februar 2022 , Daniel Dillenburg\n\n" + "━" * 80 + "\n\n"
    "Kämpfte sich allen Widerständen zum Trotz nach Augusta: Lee Elder.\n\n" + "━" * 80 + "\n\n"
    "Im November 2021 geht mit Lee Elder einer der Pioniere im Kampf für\n"
    "Gleichberechtigung und gegen Rassismus von uns. Sein Masters-Debüt 1975 bleibt\n"
    "unvergessen.\n\n"
    "1934 wurde Golfgeschichte geschrieben. Im Augusta National Golf Club fand die\n"
    "Erstaustragung des inzwischen ikonischen Masters Tournaments statt.\n"
)


@pytest.mark.parametrize("kicker", ["Nachruf", "Analyse", "EXCLUSIVE"])
def test_a_kickers_line_of_its_own_over_the_headline_is_no_title(kicker: str) -> None:
    draft = parse_text(KICKER_OVER_HEADLINE_W3M.format(kicker=kicker))
    assert draft.title == "Elder: Aus dem Ghetto nach Augusta"
    assert draft.authors == ["Daniel Dillenburg"]


def test_w3ms_rules_are_no_paragraph() -> None:
    draft = parse_text(KICKER_OVER_HEADLINE_W3M.format(kicker="Nachruf"))
    assert not any(paragraph.startswith("━") for paragraph in draft.paragraphs)


def test_a_kickers_span_set_apart_by_a_spaced_colon_is_cut_from_the_headlines_copy() -> None:
    # The trail's last crumb copies the heading with its colon closed up; the heading sets
    # the kicker's span apart from the headline's (" : "), a question read as a sentence.
    question = "Can the council keep the old harbour bridge open after engineers find cracks?"
    page = BYLINE_PAGE.format(byline="  By Jane Doe\n  12 March 2024").replace(
        "  Home › Local news\n\n" + _HEADLINE,
        f"  Current page:\n\n  Harbour bridge: {question}\n\n  12 March 2024\n  Share\n"
        f"  Print\n\nHarbour bridge : {question}",
    )
    assert parse_text(page).title == question


# A firm's entry in a local directory as `lynx -dump` sets it: the comments feed among the
# head links names the entry; under it a long list of other firms and a block of adverts,
# the page's longest run of sentences, far from the entry.
DIRECTORY_LYNX = (
    """\
   #[1]Northfield Directory » Feed [2]Northfield Directory » Comments Feed
   [3]Northfield Directory » Harbour Ferry Company Comments Feed [4]Other
   firm [5]alternate [6]alternate


   [7]List your firm in the Northfield Directory for free today!
   [8]Who are the best in your town?
   [9]| Gas | Power | Broadband | Mobile |
     *

[10]Northfield Directory

   (BUTTON) Toggle navigation

Harbour Ferry Company

   Listed on [11]3 January 2020 by the [12]Support Team
   Rating: 5.0/5 (1 vote cast)

   Since the spring of 2019 we have run four ferries between the two banks
   of the harbour, every fifteen minutes from six in the morning, with
   room for bicycles and pushchairs on every crossing.

   Harbour Ferry Company
   1 Quay Street
   Northfield

   Tel.: 01234 567890
   Rating: 6.0/6 (1 vote cast)

Please recommend us:

"""
    + "".join(f"     * [{n}]Firm number {n} in Northfield\n" for n in range(20, 95))
    + """
   [13]| Gas | Power | Broadband | Mobile |

   Compare energy prices

   Switch your gas and electricity supplier today and save up to four
   hundred pounds a year on your household bills, with our free and
   independent comparison service for every home in the region.

   Thousands of households in Northfield have already switched this
   winter, and most of them tell us that it took less than ten minutes
   from start to finish, all of it online and at no cost to them.

   Our advisers are on hand seven days a week to answer your questions by
   phone, and there is never any charge for using the service or for
   switching your supplier, whichever one you choose in the end.

   A comparison of car insurance takes even less time: tell us about your
   car and where you park it, and we will show you the cheapest policies
   from more than forty insurers in under a minute.

"""
    + "".join(
        f"""   Offer number {n} of the week: a broadband and mobile bundle for the whole
   family, with unlimited calls and data, for less than you pay for your
   phone alone today, and a free router delivered to your door.

"""
        for n in range(1, 7)
    )
    + "References\n\n   1. https://directory.example/feed/\n"
)


def test_the_headline_the_comments_feed_names_is_the_title() -> None:
    assert parse_text(DIRECTORY_LYNX).title == "Harbour Ferry Company"


def test_a_line_with_some_of_the_feeds_headline_words_does_not_stand_in_for_it() -> None:
    # "Ferry offers of the week" over the adverts holds half the words of "Ferry Company".
    page = DIRECTORY_LYNX.replace("Harbour Ferry Company", "Ferry Company").replace(
        "   Compare energy prices\n", "   Ferry offers of the week\n"
    )
    assert parse_text(page).title == "Ferry Company"


# A news page as `lynx -dump` sets it: the writer's bare name under the standfirst, then a
# picture inside a link, which lynx numbers on a line of its own ("[30]") over its alt text.
STANDFIRST_NAME_LYNX = """\
   [1]Skip to content

     * [2]Home
     * [3]Politics
     * [4]Business
     * [5]Culture
     * [6]Sport
     * [7]Opinion

   (BUTTON) Menu

     * [8]The Northfield Courier
     * [9]Business
     * [10]Harbour bridge: Ferry operators prepare for a busy spring

   12.03.2024, 09:30

Harbour bridge : Ferry operators prepare for a busy spring

   With the old bridge closed, the town's two ferry companies are hiring
   crews and adding crossings. Commuters are asked to plan ahead.


    Jane Marlowe

   [30]
   A ferry leaves the north quay at dawn.
   A ferry leaves the north quay at dawn.Photo: Tom Reed/Reuters

   The first ferry of the day leaves the north quay at six, and by seven
   the queue of cyclists reaches back past the fish market. Both companies
   say they will double their crossings before the end of the month.

   The council has agreed to pay for a second landing stage on the south
   bank, which should be ready by April. Until then, the boats load one at
   a time, and the wait at the busiest hour is about twenty minutes.

   Shop owners on the south bank say trade has held up better than they
   feared, though most would still like the ferry to be free for the
   first six months, as the council had promised in the winter.

   Engineers expect to finish their survey of the old bridge by the
   summer. Only then will the council decide whether to repair it or to
   build a new one, a choice that could take years to carry out.
"""
# The page's end: its links and lynx's list of their addresses.
STANDFIRST_NAME_LYNX_END = """
     * [40]Imprint
     * [41]Privacy
     * [42]Contact

References

   1. https://courier.example/#main
   2. https://courier.example/
"""
# An author box under the text: her name again, on its own, over a short biography.
AUTHOR_BOX_LYNX = """
   [31]
    Jane Marlowe

   She covers transport and the harbour for the Courier, and she has
   written about the town's ferries, buses and trains since 2015.
"""


def test_a_name_under_the_standfirst_over_a_linked_picture_is_the_byline() -> None:
    draft = parse_text(STANDFIRST_NAME_LYNX + STANDFIRST_NAME_LYNX_END)
    assert draft.authors == ["Jane Marlowe"]
    assert "Jane Marlowe" not in draft.paragraphs


def test_her_name_again_in_an_author_box_does_not_make_it_the_texts_subject() -> None:
    draft = parse_text(STANDFIRST_NAME_LYNX + AUTHOR_BOX_LYNX + STANDFIRST_NAME_LYNX_END)
    assert draft.authors == ["Jane Marlowe"]
    assert "Jane Marlowe" not in draft.paragraphs[:3]  # the byline, not the lede's neighbour


# A journal's essay saved as text (inscriptis): the headline, the text under its subheadings,
# the author's name alone under the last paragraph, and the essay's notes under it.
SIGNED_ESSAY = """\
  Accueil   Revues   Hors-séries   Abonnements   Contact

  Politiques publiques

  Le vieux pont du port doit-il être reconstruit ?

  Le conseil municipal de Nordville a voté la fermeture du pont. Faut-il le réparer ou en \
construire un nouveau ? Les deux choix ont leurs partisans, et leurs coûts (1).

  Un ouvrage fatigué
  Le pont a été construit en 1931 pour des charrettes et des tramways. Il porte aujourd'hui \
douze mille véhicules par jour, dont six cents bus, et les ingénieurs du département ont relevé \
des fissures dans deux de ses poutres d'acier au printemps dernier.
  Réparer coûterait moins cher à court terme, mais les travaux fermeraient le port pendant \
deux étés. Un pont neuf, plus haut, laisserait passer les voiliers sans ouvrir son tablier.

  Le choix des habitants
  Les commerçants de la rive sud préfèrent la réparation, plus rapide. Les pêcheurs et les \
plaisanciers, eux, demandent un pont plus haut, et la région a promis d'en payer le tiers.
  La décision sera prise à l'automne, après une consultation des habitants des deux rives.

  Jeanne Dupont

  (1) Ces chiffres sont ceux du rapport des ingénieurs du département, publié en mars.
  (2) Le conseil régional a voté sa participation en janvier.

  Le numéro du mois   Archives   Mentions légales
"""


def test_a_name_alone_above_the_notes_signs_the_essay() -> None:
    assert parse_text(SIGNED_ESSAY).authors == ["Jeanne Dupont"]


def test_a_name_alone_over_running_text_is_no_signature() -> None:
    # A subheading that is a person's name, over a paragraph about her: no author.
    page = SIGNED_ESSAY.replace(
        "  (1) Ces chiffres", "  Elle a dirigé le port de 1990 à 2010. Ces chiffres"
    )
    assert parse_text(page).authors == []


# A blog post saved as text (inscriptis): the trail, then the theme's meta line over the
# headline, with the hour and the day and month it was posted but no year.
BLOG_META_NO_YEAR = """\
      Hafenblog
      Notizen aus Nordstadt

        * Home
        * Allgemein
        * Die Fähre fährt wieder
      Jana Dorn 06 PM | 18 Mai

      Die Fähre fährt wieder

      Seit heute Morgen fährt die kleine Fähre wieder über den Hafen, zum ersten Mal seit \
dem Winter. Der Kapitän hat mir erzählt, dass er die Pause genutzt hat, um das Boot neu zu \
streichen.

      Die erste Fahrt um sechs Uhr war fast leer, aber schon um acht standen die Radfahrer \
bis zum Fischmarkt. Ich bin zweimal hin und her gefahren, nur weil es so schön war.

      Ab nächster Woche soll die Fähre alle zwanzig Minuten fahren, am Wochenende sogar \
alle zehn. Die Preise bleiben, wie sie waren.

      Kommentare

      Impressum   Datenschutz
"""


def test_a_name_beside_an_hour_and_a_day_with_no_year_is_the_byline() -> None:
    assert parse_text(BLOG_META_NO_YEAR).authors == ["Jana Dorn"]


@pytest.mark.parametrize("meta", ["Jana Dorn 2:30 PM | May 18", "Jana Dorn 18. Mai, 15:07 Uhr"])
def test_other_hours_beside_a_day_with_no_year_give_the_byline(meta: str) -> None:
    page = BLOG_META_NO_YEAR.replace("Jana Dorn 06 PM | 18 Mai", meta)
    assert parse_text(page).authors == ["Jana Dorn"]


def test_an_hour_alone_beside_a_menu_item_names_no_one() -> None:
    # "Live ab 20:15" under the trail: a programme's time, no date, no byline.
    page = BLOG_META_NO_YEAR.replace("Jana Dorn 06 PM | 18 Mai", "Nordstadt Live 20:15")
    assert parse_text(page).authors == []


# A wire story on a US paper's site saved as text (inscriptis): the byline's name and the
# paper's (or the agency's and the beat's) set in spans of their own, run together on one line
# over the date.
def wire_page(byline: str) -> str:
    return f"""\
    Welcome to the Northfield Courier

    Subscribe

      * News
      * Sports
      * Business
      * Opinion
      * Obituaries
      * E-Edition

        Harbour bridge closes as engineers find cracks in two steel beams

            {byline}
            Published 7:07 PM EST Mar 12, 2024

        NORTHFIELD – The old harbour bridge was closed to all traffic on Tuesday after an \
inspection found cracks in two of its steel beams, the city said.

        Engineers said the damage was not yet dangerous but could grow quickly under the \
weight of buses, and that a ferry would link the two banks until a new bridge is built.

        Shop owners on the south bank fear losing customers and asked for the ferry to be \
free for the first six months.

    More stories

      * Ferry company hires twelve new crew members
      * School bus routes change while the bridge is closed
      * Fish market moves its Saturday stalls to the north quay
      * Council to vote on a second landing stage

    Terms of Service   Privacy Policy   Contact us
"""


@pytest.mark.parametrize(
    ("byline", "people", "credit"),
    [
        ("Jane Marlowe Northfield Courier", ["Jane Marlowe"], "Northfield Courier"),
        ("Jane Marlowe and Tom Reed USA TODAY", ["Jane Marlowe", "Tom Reed"], "USA TODAY"),
        ("Jane Marlowe, AP Transportation Writer", ["Jane Marlowe"], "AP"),
        ("Jane Marlowe, Ap National Political Writer", ["Jane Marlowe"], "AP"),
    ],
)
def test_names_run_into_the_outlet_or_the_wire_and_beat_are_the_byline(
    byline: str, people: list[str], credit: str
) -> None:
    draft = parse_text(wire_page(byline))
    assert (draft.authors, draft.credit) == (people, credit)


def test_a_subject_run_into_a_party_over_the_date_is_no_byline() -> None:
    assert parse_text(wire_page("Angela Merkel, CDU Chairwoman")).authors == []


@pytest.mark.parametrize(
    ("byline", "person"),
    [
        ("By Jane MarloweStaff Writer", "Jane Marlowe"),
        ("By Tom ReedBusiness Columnist", "Tom Reed"),
        ("Jane MarloweTransport Reporter", "Jane Marlowe"),
    ],
)
def test_a_surname_run_into_the_role_after_it_is_cut_there(byline: str, person: str) -> None:
    # A text browser joins a byline's name and role spans with no space between them.
    assert parse_text(wire_page(byline)).authors == [person]


def test_a_name_with_a_capital_inside_is_not_cut() -> None:
    assert parse_text(wire_page("By Jane MacArthur, Staff Writer")).authors == ["Jane MacArthur"]


def test_her_photos_name_run_into_the_byline_naming_her_is_dropped() -> None:
    # w3m joins the photo's alt text and the byline: "Jane MarloweBy Jane Marlowe, Staff".
    page = wire_page("Jane MarloweBy Jane Marlowe, Courier Staff")
    assert parse_text(page).authors == ["Jane Marlowe"]


# The head of a list of other stories under the text, in the languages the corpora hold.
@pytest.mark.parametrize(
    "heading",
    [
        "Das könnte Sie auch interessieren",
        "Weitere Artikel",
        "Ähnliche Beiträge",
        "Sur le même sujet",
        "Noticias relacionadas",
        "Leggi anche",
        "Czytaj także",
        "Schon gelesen?",
        "Weitere Artikel zum Thema Hafen",
        "Mehr vom Autor",
    ],
)
def test_other_stories_under_a_related_heading_are_no_part_of_the_text(heading: str) -> None:
    teasers = (
        f"      {heading}\n\n"
        "          Hafen\n\n"
        "          Neue Mannschaft: Die Fähre sucht Matrosen\n\n"
        "          Die Fährgesellschaft stellt zwölf Matrosen ein. Sie sollen ab April fahren, "
        "wenn der zweite Anleger am Südufer fertig ist.\n\n"
        "          Verkehr\n\n"
        "          Schulbusse fahren neue Wege, solange die Brücke gesperrt ist\n\n"
        "          Die Kinder vom Südufer fahren jetzt mit dem Bus um den Hafen herum. Das dauert "
        "eine Viertelstunde länger als früher.\n\n"
    )
    page = BLOG_META_NO_YEAR.replace("      Kommentare\n", teasers + "      Kommentare\n")
    paragraphs = parse_text(page).paragraphs
    assert heading not in paragraphs


@pytest.mark.parametrize(
    "link",
    [
        "Lesen Sie auch: Neue Mannschaft – die Fähre sucht zwölf Matrosen",
        "À lire aussi » Le bac du port recrute douze matelots",
        "Zobacz także: Prom szuka dwunastu marynarzy",
        "Veja Também: Balsa contrata doze marinheiros",
    ],
)
def test_a_link_to_another_story_inside_the_text_is_no_part_of_it(link: str) -> None:
    page = BLOG_META_NO_YEAR.replace(
        "      Ab nächster Woche", f"      {link}\n\n      Ab nächster Woche"
    )
    assert link not in parse_text(page).paragraphs


def test_a_sentence_opening_with_the_words_of_such_a_heading_is_kept() -> None:
    sentence = "Lesen Sie auch die Fahrpläne, bevor Sie zum Hafen fahren: sie ändern sich oft."
    page = BLOG_META_NO_YEAR.replace(
        "      Ab nächster Woche", f"      {sentence}\n\n      Ab nächster Woche"
    )
    assert sentence in parse_text(page).paragraphs


@pytest.mark.parametrize(
    "heading", ["Schreibe einen Kommentar", "Laisser un commentaire", "Deja una respuesta"]
)
def test_a_comment_form_ends_the_post(heading: str) -> None:
    form = (
        f"      {heading}\n\n"
        "      Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * "
        "markiert.\n\n"
        "      Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie "
        "deine Kommentardaten verarbeitet werden.\n\n"
    )
    page = BLOG_META_NO_YEAR.replace("      Kommentare\n", form)
    assert parse_text(page).paragraphs[-1].startswith("Ab nächster Woche")


# A long story as w3m sets it: flush left, wrapped at 80, so that its lines far outnumber the
# menu's (items set between bars, run on over a line); w3m draws the search form's field and
# button and rules. Only what w3m draws tells that the text is a page.
def long_story_w3m(drawn: bool) -> str:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    paragraphs = [
        f"On {day} the old harbour bridge stayed closed to all traffic after an inspection\n"
        f"found cracks in {beams} of its steel beams, the city said, and the ferry that once\n"
        "linked the two banks will run every twenty minutes until the repairs are done.\n"
        for day in days
        for beams in ("two", "three")
    ]
    search, rule = ("[                    ] [Search]", "━" * 80) if drawn else ("", "")
    return (
        "Navigation\n"
        "About   |   News   |   Business   |   Jobs   |   \n"
        "Other\n"
        "Email Twitter Facebook Search\n"
        "Hide menu\n"
        f"{search}\n"
        "Hide menu   Courier   |   About   |   Contact   |   Imprint   \n"
        "|   Privacy   |   Sitemap\n"
        "Home and news\nNews from A to Z\nBusiness and markets\nJobs in the harbour\n"
        "Imprint and contact\nCrowdfunding\nEvents\nWeather\nTide tables\nPodcasts\n\n"
        "Harbour bridge closes after engineers find cracks\n\n"
        "Engineers found cracks in two steel beams on Monday; a ferry takes over.\n\n"
        f"{rule}\n{rule}\n\n" + "\n".join(paragraphs) + f"\n{rule}\n"
    )


def test_a_long_story_w3m_wrapped_under_its_drawn_menu_is_read_as_a_page() -> None:
    assert _laid_out_like_a_page(long_story_w3m(drawn=True).split("\n"))
    draft = parse_text(long_story_w3m(drawn=True))
    assert draft.title == "Harbour bridge closes after engineers find cracks"
    assert draft.paragraphs[0].startswith("Engineers found cracks")


def test_a_long_text_under_short_lines_with_nothing_drawn_is_read_as_it_is() -> None:
    # No browser drew these lines: scraped text with a list in it, no page's menus.
    assert not _laid_out_like_a_page(long_story_w3m(drawn=False).split("\n"))


# A blog post as `lynx -dump` sets it: the text three columns in, the headings (the blog's
# name, the day, the post's headline) at the edge; the blog's description, written as
# sentences, opens the page's running text.
BLOG_LYNX = """\
   #[1]Hafenblog - Atom [2]Hafenblog - RSS

   [3]skip to main | [4]skip to sidebar

[5]Hafenblog

   Notizen aus Nordstadt, wo die Fähre wieder fährt und die Brücke noch
   immer gesperrt ist. Alles hier ist meine eigene Meinung, nicht die
   meines Arbeitgebers, und wird ohne Gewähr geteilt.

Dienstag, 12. März 2024

[6]Die Fähre fährt wieder

   Seit heute Morgen fährt die kleine Fähre wieder über den Hafen, zum
   ersten Mal seit dem Winter. Der Kapitän hat mir erzählt, dass er die
   Pause genutzt hat, um das Boot neu zu streichen.
   Die erste Fahrt um sechs Uhr war fast leer, aber schon um acht standen
   die Radfahrer bis zum Fischmarkt. Ich bin zweimal hin und her
   gefahren, nur weil es so schön war.
   Ab nächster Woche soll die Fähre alle zwanzig Minuten fahren, am
   Wochenende sogar alle zehn. Die Preise bleiben, wie sie waren.

   Eingestellt von [7]Jana Dorn um 18:04

References

   1. https://hafenblog.example/feeds/posts/default
"""


def test_a_heading_lynx_sets_at_the_edge_over_the_text_is_the_headline() -> None:
    draft = parse_text(BLOG_LYNX)
    assert draft.title == "Die Fähre fährt wieder"
    assert draft.paragraphs[0].startswith("Seit heute Morgen fährt die kleine Fähre")


@pytest.mark.parametrize("kicker", ["Analyse", "Meinung", "EXCLUSIVE"])
def test_a_kicker_run_into_the_lede_is_no_part_of_it(kicker: str) -> None:
    lede = "Seit heute Morgen fährt die kleine Fähre wieder über den Hafen"
    page = BLOG_META_NO_YEAR.replace(f"      {lede}", f"      {kicker} {lede}")
    assert parse_text(page).paragraphs[0].startswith(lede)


def test_a_lede_opening_with_such_a_word_in_its_sentence_keeps_it() -> None:
    # "Analyse der Fahrpläne ...": the word opens the sentence, no label before a capital.
    lede = "Seit heute Morgen fährt die kleine Fähre wieder über den Hafen"
    page = BLOG_META_NO_YEAR.replace(f"      {lede}", f"      Analyse der Fahrpläne: {lede}")
    assert parse_text(page).paragraphs[0].startswith("Analyse der Fahrpläne")


# A magazine's story saved as text (inscriptis): the rubric and date, the headline, its deck
# written as a sentence (closed by a quote), the byline under the deck, then the text.
DECK_OVER_BYLINE = """\
      Northfield Weekly

        * News
        * Business
        * Culture
        * Opinion
        * Archive

      Case Study March 12, 2024, 5:00PM EST

      The Ferryman: King of the Harbour

      The captain has won the town over by ferrying cyclists for free, which he says "keeps the bridge honest"

      By Jane Doe

            Browse Issues

            Browse the Archive

      Six years ago, Tom Berg bought an old ferry with the last of his savings and set about \
carrying anyone across the harbour who would pay a coin, and many who would not.

      In 2020, when the bridge first closed for repairs, his boat was the only way across, and \
the queue at the pier ran back to the fish market every morning.

      The town council now pays him a fee to run every twenty minutes until the new bridge \
opens, and he has hired two deckhands to keep up.

      Related Items
"""


def test_a_deck_written_as_a_sentence_over_the_byline_is_no_headline() -> None:
    draft = parse_text(DECK_OVER_BYLINE)
    assert draft.title == "The Ferryman: King of the Harbour"
    assert draft.paragraphs[0].startswith("The captain has won the town over")


@pytest.mark.parametrize(
    "line", ["Stand des Artikels: 12. März 2024, 09:30 Uhr.", "Stand: 12.03.2024, 09:30 Uhr"]
)
def test_the_date_the_text_says_it_stands_at_dates_it(line: str) -> None:
    # A German page's only date, "Stand" (as of), among the paragraphs of its text.
    page = BLOG_META_NO_YEAR.replace("      Jana Dorn 06 PM | 18 Mai\n", "").replace(
        "      Ab nächster Woche", f"      {line}\n\n      Ab nächster Woche"
    )
    assert parse_text(page).published == datetime(2024, 3, 12, 9, 30)


def test_a_gallery_of_a_member_papers_photos_over_the_text_is_no_lede() -> None:
    # The agency carries a member paper's photos: "(Jane Roe/The Northfield Courier via AP)".
    gallery = "".join(
        f"            {caption} (Jane Roe/The Northfield Courier via AP)\n\n"
        for caption in (
            "A cyclist waits for the ferry at the south pier on Tuesday, March 12, 2024, after "
            "the old harbour bridge was closed to all traffic.",
            "Engineers inspect the steel beams under the old harbour bridge in Northfield on "
            "Monday, March 11, 2024, a day before the bridge was closed.",
        )
    )
    page = wire_page("By JOHN ROE Associated Press").replace(
        "        NORTHFIELD –", f"{gallery}        NORTHFIELD –"
    )
    assert parse_text(page).paragraphs[0].startswith("NORTHFIELD – The old harbour bridge")


# A Swiss paper's story saved as text (inscriptis): under the menu, what the sign-up and
# order forms say once sent, hidden in the page until then, then the kicker over the headline,
# the standfirst and the byline.
FORM_THANKS = """\
      Northfield Tagblatt

        * Region
        * Sport
        * Kultur
        * Hilfe
        * Kontakt

      Vielen Dank für Ihre Registrierung. Sie haben den Aktivierungslink für Ihr Benutzerkonto \
per E-Mail erhalten.

      Vielen Dank für Ihre Anmeldung.

      Vielen Dank für Ihre Bestellung. Wir wünschen Ihnen viel Spass beim Lesen.

        Fähre im Hafen:
        Der Kapitän fährt wieder

        Seit heute fährt die kleine Fähre wieder über den Hafen, zum ersten Mal seit dem Winter.
        Jana Dorn 12.03.2024, 05:00 Uhr

      Die erste Fahrt um sechs Uhr war fast leer, aber schon um acht standen die Radfahrer \
bis zum Fischmarkt. Der Kapitän hat die Pause genutzt, um das Boot neu zu streichen.

      Ab nächster Woche soll die Fähre alle zwanzig Minuten fahren, am Wochenende sogar alle \
zehn. Die Preise bleiben, wie sie waren.

      Meistgelesen
"""


def test_what_a_form_says_once_sent_is_neither_headline_nor_text() -> None:
    draft = parse_text(FORM_THANKS)
    assert draft.title == "Fähre im Hafen: Der Kapitän fährt wieder"
    assert not any(paragraph.startswith("Vielen Dank") for paragraph in draft.paragraphs)


def test_thanks_in_the_texts_own_words_are_kept() -> None:
    sentence = "Vielen Dank für Ihre Geduld, sagte der Kapitän zu den Radfahrern am Pier."
    page = FORM_THANKS.replace(
        "      Ab nächster Woche", f"      {sentence}\n\n      Ab nächster Woche"
    )
    assert sentence in parse_text(page).paragraphs


@pytest.mark.parametrize("heading", ["Meistgelesen in der Rubrik", "Most read", "Lesen Sie auch"])
def test_the_heading_of_a_list_of_other_stories_is_no_headline(heading: str) -> None:
    assert _not_a_headline(heading)


# A local paper's page saved as text: menus of short lines make it look wrapped at their width,
# while its meta line (the writer's name twice, her photo's text and her byline) and its
# paragraphs each stand on one long line.
_TOWNS = "Ashford Bexley Camden Dover Ealing Frome Gosport Hythe Ilford Jarrow Kendal Luton".split()
_EDITIONS = "\n".join(
    f"          * {town} and {other} local news" for town in _TOWNS for other in _TOWNS[:8]
)
MENU_PAGE = f"""    Subscribe
{_EDITIONS}
                  comments

            Council votes to close the old library on Mill Street

                  Print Email
                Jane Doe | Harbour Media for Courier.com By Jane Doe | Harbour Media for Courier.com
                Email the author | Follow on Twitter
                on December 13, 2016 at 4:51 PM

                NORTHFIELD -- The council voted on Tuesday to close the old library on Mill \
Street after years of falling visits and rising repair costs.

                Supporters of the branch had gathered more than two thousand signatures, but \
the budget committee said the money was better spent on the new centre.

                A final meeting on the building's future is planned for the spring, when the \
council will also decide what happens to the collection.
"""


def test_a_meta_line_far_longer_than_a_menus_width_is_no_line_of_a_wrapped_paragraph() -> None:
    draft = parse_text(MENU_PAGE)
    assert draft.title == "Council votes to close the old library on Mill Street"
    assert draft.authors == ["Jane Doe"]


# A WordPress post as lynx and w3m dump it: the meta line's spans joined with no space, so the
# "in" before its categories runs into the writer's name; the sidebar lists the categories.
WORDPRESS_GLUED = """\
Northfield Blog
  * Start
  * About

Council votes to close the old library

March 3, 2021 by {byline}

The council voted on Tuesday to close the old library on Mill Street after years of falling \
visits and rising repair costs, a decision that drew a crowd of angry residents.

Supporters of the branch had gathered more than two thousand signatures, but the budget \
committee said the money was better spent on the new centre across town.

A final meeting on the building's future is planned for the spring, when the council will \
also decide what happens to the collection.

Categories
  * Allgemeines
  * News
  * Local
"""


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Jane Doein Allgemeines", ["Jane Doe"]),
        ("Kevin Martinin News, Local", ["Kevin Martin"]),
        # A name of three words, none of them the page's labels, stays whole.
        ("Mary Robin Hart", ["Mary Robin Hart"]),
    ],
)
def test_a_blogs_categories_run_into_the_writers_name_are_no_part_of_it(
    byline: str, authors: list[str]
) -> None:
    draft = parse_text(WORDPRESS_GLUED.format(byline=byline))
    assert draft.title == "Council votes to close the old library"
    assert draft.authors == authors


_LATER = "A decision on a new bridge is expected from the county before the end of the year."


@pytest.mark.parametrize(
    ("quote", "authors"),
    [
        # The text quotes the name over it: the story's subject, no writer.
        (f"“We had no other choice,” Smith said. {_LATER}", []),
        (f"The bridge will be rebuilt, said Mary Smith, who leads the council. {_LATER}", []),
        # Another person quoted: the name is the writer's.
        (f"“We had no other choice,” Roe said. {_LATER}", ["Mary Smith"]),
    ],
)
def test_a_bare_name_over_the_date_that_the_text_quotes_is_its_subject(
    quote: str, authors: list[str]
) -> None:
    byline = "  Mary Smith\n  12 March 2024"
    text = BYLINE_PAGE.format(byline=byline).replace("\nRelated\n", f"\n{quote}\n\nRelated\n")
    draft = parse_text(text)
    assert draft.authors == authors
