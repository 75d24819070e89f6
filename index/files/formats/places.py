"""Places a byline or a date line names where the story was filed from: "By Jane Doe, New York",
"12 March 2024 - Hong Kong". Shaped like a person's name ("New York", "Santa Monica") they were
taken for a writer, and alone ("Berlin") for the credit.

The names are the cities news is most often filed from (capitals, the largest cities, the
places of datelines), countries and regions whose names take more than one word, and US states
and Canadian provinces of two words. A byline's part is a place only when it is one of them
whole: "Sofia" after a comma is the city, "Sofia Rossi" a writer. Left out are single words
that are often a person's name or an outlet's alone ("Sydney", "Victoria", "Paris", "Georgia",
"Jordan", "Washington").
"""

from __future__ import annotations

_NAMES = """
new york|new york city|los angeles|san francisco|san diego|san jose|san antonio|las vegas
new orleans|salt lake city|kansas city|oklahoma city|atlantic city|jersey city|st. louis
st louis|baton rouge|des moines|el paso|fort worth|fort lauderdale|santa fe|santa monica
santa barbara|santa clara|palo alto|mountain view|silicon valley|long beach|palm beach
miami beach|colorado springs|little rock|capitol hill|washington d.c.|washington dc
new delhi|mexico city|hong kong|kuala lumpur|buenos aires|rio de janeiro|são paulo|sao paulo
tel aviv|abu dhabi|addis ababa|dar es salaam|cape town|ho chi minh city|phnom penh
port-au-prince|port of spain|port moresby|santo domingo|san juan|san salvador|guatemala city
panama city|kuwait city|quebec city|vatican city|gaza city|east jerusalem|st. petersburg
st petersburg|saint petersburg|sankt petersburg|frankfurt am main|the hague|den haag|la paz
le havre|sharm el-sheikh|ciudad juárez|belo horizonte|porto alegre|nizhny novgorod
rostov-on-don|kuala terengganu|bandar seri begawan|sri jayawardenepura kotte|new taipei
united states|united kingdom|united arab emirates|south africa|north korea|south korea
saudi arabia|new zealand|sri lanka|costa rica|el salvador|puerto rico|czech republic
dominican republic|ivory coast|sierra leone|burkina faso|south sudan|papua new guinea
bosnia and herzegovina|north macedonia|trinidad and tobago|central african republic
equatorial guinea|cape verde|san marino|east timor|gaza strip|west bank|latin america
middle east|northern ireland|new south wales|western australia|south australia|rhode island
new hampshire|new jersey|new mexico|north carolina|south carolina|north dakota|south dakota
west virginia|british columbia|nova scotia|new brunswick|prince edward island
berlin|london|moscow|beijing|tokyo|brussels|geneva|vienna|rome|madrid|lisbon|athens|kyiv
kiev|warsaw|prague|budapest|bucharest|sofia|belgrade|zagreb|stockholm|oslo|copenhagen
helsinki|reykjavik|dublin|edinburgh|amsterdam|frankfurt|munich|hamburg|milan|zurich|bern
istanbul|ankara|tehran|baghdad|damascus|beirut|amman|jerusalem|riyadh|dubai|doha|cairo
nairobi|lagos|johannesburg|kinshasa|khartoum|algiers|tunis|rabat|casablanca|accra|dakar
islamabad|karachi|lahore|kabul|mumbai|kolkata|chennai|bangalore|dhaka|kathmandu|colombo
bangkok|hanoi|jakarta|manila|singapore|seoul|pyongyang|taipei|shanghai|shenzhen|guangzhou
ottawa|toronto|montreal|vancouver|chicago|boston|seattle|houston|dallas|atlanta|miami
detroit|brasília|brasilia|bogotá|bogota|lima|caracas|havana|santiago|montevideo|canberra
melbourne|auckland|wellington|strasbourg|luxembourg|kyoto|osaka|minsk|tbilisi|yerevan|baku
almaty|tashkent|kampala|harare|luanda|maputo|mogadishu|tripoli|sanaa|muscat|manama
"""


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" ,.-–—:").lower()


PLACES = frozenset(_key(name) for line in _NAMES.strip().splitlines() for name in line.split("|"))
"""The places above, as `_key` gives them (see the module's docstring)."""


def is_place(text: str) -> bool:
    """Whether `text` is a place a story is filed from ("New York", "Hong Kong", "Berlin"),
    whatever its case and spacing ("NEW YORK", as a dateline sets it)."""
    return _key(text) in PLACES
