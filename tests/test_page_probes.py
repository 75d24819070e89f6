"""Probe pages: how lynx, w3m and inscriptis render common publishers' layouts (WordPress,
Arc, Ghost, Substack, the big papers' templates), in several languages, read as pages saved
as text: the headline, where the body starts, the standfirst and the byline.

Each page here is a text browser's rendering of a hand-written page laid out as the
publisher's template lays out its articles (menus, breadcrumbs, share bars and footers
included); the story itself is made up."""

from __future__ import annotations

from newsread.index.files.formats.pagetext import _wrap_width
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
    assert _wrap_width(lines) == 74
    draft = parse_text(WORDPRESS_FR_LYNX)
    assert draft.title == FR_HEADLINE
    assert draft.paragraphs[0] == FR_LEDE
    assert draft.authors == ["Jeanne Dupont"]
