"""Evaluation data for impersonation detection, invented here and generated independently of the
detector (this module does not import monitor.checks.impersonation.variants, and uses its own
look-alike tables).

Three populations, all from one seed:
- identities: fictitious practices and practitioners with realistic official handles per platform;
- look-alikes of every class brand-protection tools generate (one class at a time, so the table
  says which class is weak), plus display-name copies and full fakes (variant handle + copied name);
- unrelated accounts: other therapists and practices sharing words ("therapy", "harbour", a first
  name), ordinary people and hobby accounts. Accounts that are themselves look-alikes by a rule that
  does not depend on the detector (contains a protected name of 8+ letters, or is one edit from a
  protected name or handle) are set aside and counted, not silently dropped.

`generate(seed, split)` returns an `EvalSet`; split "dev" and "heldout" draw identities from
disjoint halves of the name lists and use different seeds.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

FIRST = """Amara Chidi Sarah Emma Olivia Priya Aisha Fatima Mohammed Ahmed Oliver George Harry Jack Noah Leo
Arthur Isla Ava Mia Grace Lily Freya Sophie Ella Chloe Hannah Zara Niamh Siobhan Ciaran Declan Rhys Dylan Megan
Bethan Eilidh Callum Fraser Ewan Kirsty Morag Tomasz Katarzyna Agnieszka Piotr Ana Lucia Mateo Javier Sofia
Giulia Marco Luca Yusuf Omar Layla Maryam Hamza Bilal Ravi Anjali Deepa Sanjay Kiran Arjun Mei Wei Jun Hiroshi
Yuki Kwame Kofi Ama Ngozi Tunde Femi Adaeze Chiamaka Thandiwe Sipho Lerato Nadia Elena Ivan Olga Anna Maria
Helen Ruth Rachel Rebecca Claire Fiona Joanne Karen Louise Nicola Paul Mark David James John Michael Peter Simon
Stephen Andrew Richard Daniel Matthew Thomas Samuel Joseph Benjamin Jacob Ethan Lucas Alice Charlotte Emily
Jessica Lauren Amy Holly Katie Laura Sara Naomi Miriam Esther Tariq Imran Asif Nasreen Shabnam Rosa Carmen Ines
Joao Tiago Bruno Erik Lars Ingrid Astrid Sven Freja Moira Bronwen Gareth Iolo Seren Catrin Aoife Orla Padraig
Eoin Roisin""".split()

LAST = """Okafor Okoro Adeyemi Mensah Boateng Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson
Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood
Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips
Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw
Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman
Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd
Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson
Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson
Bradley Spencer Gill Dawson Ball Burton OBrien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees
Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone
Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane
Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren
Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins OConnor Harper Coleman Watkins Moss
McCarthy Chambers ONeill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace Jordan
Hutchinson Rowe Burke Pritchard Gilbert Willis Higgins Miles Stevenson Hammond Arnold Buckley Walters Hewitt
Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Blake Akhtar Lynch Goodwin Barton Woodward
Thomson Cunningham Quinn Barnett Baxter Clayton Nash Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes
Tucker Davidson Fowler Heath Norman Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson Hayward Carroll
Douglas Dickinson Todd Barlow Peters Knowles Hartley Miah Simmons Morton Alexander Field Morrison Norris
Townsend Preston Hancock Thornton Baldwin Burrows Briggs Storey Pugh Pickering Nowak Kowalski Wisniewski Garcia
Fernandez Rossi Bianchi Nguyen Tran Chen Wang Zhang Kim Park Tanaka Sato Suzuki Ivanova Petrova Mendes Silva
Costa Haddad Nasser Farah Mahmoud Osei Asante Nkosi Dlamini Achebe Eze Nwosu Obi Balogun Llewellyn Pryce
Gwynne MacLeod Fraser Sinclair Lindqvist Andersen Novak""".split()

WORD_A = """harbour willow cedar maple oak birch rowan heather meadow river brook stone north south west bright
quiet still clear open gentle kind calm true blue green silver golden amber hazel ivy fern moss pine elm ash
hawthorn lantern beacon lighthouse compass anchor bridge garden orchard valley hill ridge coast tide shore haven
sanctuary path step root seed bloom thrive mindful mind heart soul inner new fresh morning evening sun moon star
sky cloud rain wave sea lake well spring summer autumn wren robin swallow heron kestrel owl fox otter badger
copper linden juniper thistle clover saffron indigo lavender sage cobalt granite slate marble""".split()

WORD_B = """light bank tree grove house field view point side gate path way space room place lodge court hill
dale wood water waters stone mind minds heart hearts roots steps haven harbour bridge door well spring garden
bay cove haven leaf leaves tide lane yard""".split()

GENERIC_SUFFIX = ["Counselling", "Therapy", "Psychology", "Psychotherapy", "Wellbeing", "Therapy Centre",
                  "Counselling Service", "Clinic", "Practice", "Collective", "Associates", "Family Therapy",
                  "Couples Counselling", "Psychological Services", "Talking Therapies", "Mental Health"]

OTHER_TRADES = ["physio", "yoga", "pilates", "massage", "coaching", "nutrition", "dental", "vets", "bakery",
                "cafe", "books", "florist", "photography", "design", "studio", "fitness", "gym", "salon",
                "osteopathy", "chiropractic", "acupuncture", "homes", "builders", "law", "accountants"]
HOBBY = """coastal runner bookworm plant mama dad coffee lover gardener baker cyclist hiker photo art music vinyl
gamer yoga fit vegan foodie travel dog cat mum reads knits crafts wild swim surf sketch pottery film tea
birder climber chef diary notes life daily walks fells trails vintage retro pixel code dev nerd geek books
poetry stories quilts bees allotment""".split()
CITIES = """leeds york bristol bath cardiff glasgow edinburgh london manchester brighton norwich exeter derby hull
belfast dundee swansea oxford cambridge leicester sheffield bradford plymouth truro kendal durham""".split()
INSTANCES = ["mastodon.social", "mastodon.online", "therapists.social", "mstdn.social", "social.coop", "mas.to",
             "fosstodon.org", "hachyderm.io", "mastodon.scot", "toot.wales", "mastodonapp.uk", "mindly.social",
             "med-mastodon.com", "tech.lgbt", "infosec.exchange", "mastodon.ie", "c.im", "sfba.social"]

ADDED_WORDS = ["official", "real", "team", "support", "help", "the", "uk", "helpdesk", "info", "admin",
               "bookings", "payments", "care", "hq", "online", "verified", "page"]

PLATFORMS = ("mastodon", "bluesky", "instagram", "facebook")

# The evaluation's own look-alike tables (deliberately not the detector's).
ASCII_HOMO = {"o": ["0"], "l": ["1", "I"], "i": ["1", "l"], "m": ["rn"], "w": ["vv"], "d": ["cl"], "e": ["3"],
              "a": ["4"], "s": ["5"], "b": ["6"], "g": ["9", "q"], "n": ["r", "m"], "u": ["v"]}
UNICODE_HOMO = {
    "a": ["\u0430", "\u03b1", "\uff41", "\U0001d41a", "\u00e0"], "c": ["\u0441", "\u03f2", "\uff43"],
    "e": ["\u0435", "\u03b5", "\uff45", "\u00e9"], "o": ["\u043e", "\u03bf", "\uff4f", "\U0001d428", "\u00f6"],
    "p": ["\u0440", "\u03c1", "\uff50"], "x": ["\u0445", "\u03c7"], "y": ["\u0443", "\u03b3"],
    "i": ["\u0456", "\u03b9", "\u00ed"], "j": ["\u0458"], "s": ["\u0455", "\uff53"], "h": ["\u04bb"],
    "k": ["\u03ba"], "n": ["\u0578", "\u00f1"], "u": ["\u057d", "\u03c5"], "l": ["\u04cf", "\u0142"],
    "H": ["\u041d", "\u0397"], "A": ["\u0410", "\u0391"], "B": ["\u0412", "\u0392"], "C": ["\u0421"],
    "E": ["\u0415", "\u0395"], "M": ["\u041c", "\u039c"], "O": ["\u041e", "\u039f"], "P": ["\u0420", "\u03a1"],
    "T": ["\u0422", "\u03a4"], "K": ["\u041a", "\u039a"], "W": ["\uff37"], "D": ["\uff24"], "R": ["\uff32"],
    "L": ["\uff2c"], "S": ["\u0405"], "G": ["\uff27"], "F": ["\uff26"], "N": ["\u039d"],
}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u00ad"]
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
VOWELS = "aeiou"


def _neighbours(ch: str) -> list[str]:
    for r, row in enumerate(QWERTY):
        c = row.find(ch)
        if c < 0:
            continue
        out = []
        for dr in (-1, 0, 1):
            rr = r + dr
            if 0 <= rr < len(QWERTY):
                for dc in (-1, 0, 1):
                    cc = c + dc
                    if (dr or dc) and 0 <= cc < len(QWERTY[rr]):
                        out.append(QWERTY[rr][cc])
        return out
    return []


@dataclass
class Identity:
    name: str
    kind: str  # practice or person
    handles: dict[str, str]
    display_names: list[str] = field(default_factory=list)

    def to_config(self) -> dict:
        return {"name": self.name, "handles": dict(self.handles), "display_names": list(self.display_names)}


@dataclass
class Case:
    platform: str
    handle: str
    display_name: str | None
    label: str  # look-alike class, "unrelated" or "official"
    identity: str | None = None
    note: str = ""


@dataclass
class EvalSet:
    identities: list[Identity]
    lookalikes: list[Case]
    unrelated: list[Case]
    officials: list[Case]
    excluded_unrelated: int = 0


def _split(items: list[str], split: str) -> list[str]:
    return items[0::2] if split == "dev" else items[1::2]


def _slug(words: list[str], sep: str) -> str:
    return sep.join(w.lower().replace("'", "") for w in words)


def _practice_identity(rng: random.Random, words_a: list[str], words_b: list[str]) -> Identity:
    a, b = rng.choice(words_a), rng.choice(words_b)
    while b == a:
        b = rng.choice(words_b)
    suffix = rng.choice(GENERIC_SUFFIX)
    name = f"{a.title()} {b.title()} {suffix}"
    base = a + b
    suf = _slug(suffix.split(), "")
    city = rng.choice(CITIES)
    initials = a[0] + b[0] + suf[0]
    options = {
        "mastodon": [base, base + "_" + suf.split("centre")[0][:12], f"{a}_{b}", base + city],
        "instagram": [base, f"{a}.{b}.{suf}", f"{base}_{suf}", f"{base}{city}", f"{initials}_{city}"],
        "facebook": [base + suf, base, f"{base}{city}", f"{a}{b}{suf}uk"],
        "bluesky": [base, f"{a}-{b}", base + suf],
    }
    return Identity(name, "practice", _handles(rng, options), [f"{a.title()} {b.title()}"] if rng.random() < 0.3 else [])


def _person_identity(rng: random.Random, firsts: list[str], lasts: list[str]) -> Identity:
    f, l = rng.choice(firsts), rng.choice(lasts)
    title = rng.choice(["Dr ", "Dr ", "", ""])
    name = f"{title}{f} {l}"
    fl, ll = f.lower(), l.lower()
    trade = rng.choice(["therapy", "counselling", "psych", "psychotherapy"])
    options = {
        "mastodon": [fl + ll, f"{fl}_{ll}", f"dr{fl}{ll}" if title else f"{fl}{ll}{trade}"],
        "instagram": [f"dr.{fl}{ll}" if title else f"{fl}.{ll}", f"{fl}.{ll}.{trade}", f"{fl}{ll}_{trade}"],
        "facebook": [f"{fl}{ll}{trade}", f"dr{fl}{ll}" if title else f"{fl}.{ll}.{trade}"],
        "bluesky": [fl + ll, f"{fl}-{ll}", f"dr{fl}{ll}" if title else f"{fl}{ll}"],
    }
    dn = [f"{f} {l}"] if title else []
    return Identity(name, "person", _handles(rng, options), dn)


def _handles(rng: random.Random, options: dict[str, list[str]]) -> dict[str, str]:
    out = {}
    for platform in PLATFORMS:
        if rng.random() < 0.8 or not out:
            local = rng.choice(options[platform])
            out[platform] = _on_platform(rng, platform, local)
    return out


def _on_platform(rng: random.Random, platform: str, local: str) -> str:
    if platform == "mastodon":
        return local.replace(".", "_").replace("-", "_") + "@" + rng.choice(INSTANCES)
    if platform == "bluesky":
        local = local.replace("_", "-").replace(".", "-")
        return local + (".bsky.social" if rng.random() < 0.7 else rng.choice([".co.uk", ".com", ".org.uk", ".uk"]))
    if platform == "facebook":
        return local.replace("_", "").replace("-", "")
    return local.replace("-", "_")


def _local(platform: str, handle: str) -> tuple[str, str]:
    """(local part, the rest including its separator) of a handle."""
    if platform == "mastodon":
        local, _, dom = handle.partition("@")
        return local, "@" + dom
    if platform == "bluesky":
        for suffix in (".bsky.social", ".co.uk", ".org.uk", ".com", ".uk"):
            if handle.endswith(suffix):
                return handle[: -len(suffix)], suffix
    return handle, ""


# --- look-alike classes --------------------------------------------------------------------


def _positions(s: str) -> list[int]:
    return [i for i, c in enumerate(s) if c.isalpha()]


def la_homoglyph_ascii(rng, s):
    cands = [(i, r) for i, c in enumerate(s) for r in ASCII_HOMO.get(c, [])]
    visual = [x for x in cands if x[1] in ("0", "1", "I", "rn", "vv", "cl", "l")]
    i, r = rng.choice(visual or cands)
    return s[:i] + r + s[i + 1:]


def la_homoglyph_unicode(rng, s):
    cands = [(i, r) for i, c in enumerate(s) for r in UNICODE_HOMO.get(c, [])]
    out = list(s)
    for i, r in rng.sample(cands, min(len(cands), rng.choice([1, 1, 2, 3]))):
        out[i] = r
    return "".join(out)


def la_zero_width(rng, s):
    i = rng.randrange(1, len(s))
    return s[:i] + rng.choice(ZERO_WIDTH) + s[i:]


def la_omission(rng, s):
    i = rng.choice(_positions(s))
    return s[:i] + s[i + 1:]


def la_insertion(rng, s):
    i = rng.randrange(1, len(s) + 1)
    return s[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + s[i:]


def la_repetition(rng, s):
    i = rng.choice(_positions(s))
    return s[:i] + s[i] + s[i:]


def la_transposition(rng, s):
    pairs = [i for i in range(len(s) - 1) if s[i] != s[i + 1] and s[i].isalnum() and s[i + 1].isalnum()]
    i = rng.choice(pairs)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def la_adjacent_key(rng, s):
    cands = [i for i in _positions(s) if _neighbours(s[i].lower())]
    i = rng.choice(cands)
    return s[:i] + rng.choice(_neighbours(s[i].lower())) + s[i + 1:]


def la_vowel_swap(rng, s):
    i = rng.choice([i for i, c in enumerate(s) if c in VOWELS])
    return s[:i] + rng.choice([v for v in VOWELS if v != s[i]]) + s[i + 1:]


def la_separator(rng, s, platform):
    seps = {"mastodon": "_", "instagram": "._", "facebook": ".", "bluesky": "-"}[platform]
    present = [i for i, c in enumerate(s) if c in "._-"]
    if present and rng.random() < 0.5:
        i = rng.choice(present)
        return s[:i] + s[i + 1:]
    i = rng.randrange(1, len(s))
    return s[:i] + rng.choice(seps) + s[i:]


def la_added_word(rng, s, platform):
    sep = rng.choice({"mastodon": ["_", ""], "instagram": [".", "_", ""], "facebook": ["", "."], "bluesky": ["-", ""]}[platform])
    kind = rng.random()
    if kind < 0.25:
        extra = str(rng.choice([rng.randrange(1, 100), rng.randrange(2015, 2027)]))
    else:
        extra = rng.choice(ADDED_WORDS)
    if kind > 0.8 or extra in ("the", "real"):
        return extra + sep + s
    return s + sep + extra


HANDLE_CLASSES = {
    "homoglyph_ascii": la_homoglyph_ascii,
    "homoglyph_unicode": la_homoglyph_unicode,
    "zero_width": la_zero_width,
    "omission": la_omission,
    "insertion": la_insertion,
    "repetition": la_repetition,
    "transposition": la_transposition,
    "adjacent_key": la_adjacent_key,
    "vowel_swap": la_vowel_swap,
    "separator": la_separator,
    "added_word": la_added_word,
}


def _variant(rng: random.Random, cls: str, platform: str, handle: str) -> str | None:
    local, rest = _local(platform, handle)
    fn = HANDLE_CLASSES[cls]
    for _ in range(20):
        try:
            new = fn(rng, local, platform) if cls in ("separator", "added_word") else fn(rng, local)
        except (IndexError, ValueError):
            return None
        if new.casefold() != local.casefold() and new.strip("._-") == new:
            if platform == "mastodon" and cls not in ("homoglyph_unicode", "zero_width"):
                new = new.replace(".", "_").replace("-", "_")
            if new.casefold() != local.casefold():
                return new + rest
    return None


def _other_instance(rng: random.Random, platform: str, handle: str) -> str | None:
    local, rest = _local(platform, handle)
    if platform == "mastodon":
        dom = rest[1:]
        return local + "@" + rng.choice([i for i in INSTANCES if i != dom])
    if platform == "bluesky":
        others = [s for s in (".bsky.social", ".co.uk", ".com", ".org", ".uk", ".net") if s != rest]
        return local + rng.choice(others)
    return None


def _random_handle(rng: random.Random, platform: str) -> str:
    style = rng.random()
    if style < 0.4:
        local = rng.choice(HOBBY) + rng.choice(["_", "", "."]) + rng.choice(HOBBY) + rng.choice(["", str(rng.randrange(1, 99))])
    elif style < 0.7:
        local = rng.choice(["payments", "bookings", "clientcare", "support", "helpdesk", "team", "admin"]) + "_" + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(3))
    else:
        local = rng.choice(FIRST).lower() + rng.choice(["_", "."]) + str(rng.randrange(10, 9999))
    return _on_platform(rng, platform, local)


def _disguise_name(rng: random.Random, name: str) -> str:
    r = rng.random()
    if r < 0.45:
        return la_homoglyph_unicode(rng, name)
    if r < 0.6:
        return "".join(UNICODE_HOMO.get(c, [c])[0] if c.isalpha() and rng.random() < 0.5 else c for c in name)
    if r < 0.75:
        return la_zero_width(rng, name)
    if r < 0.9:  # full-width or mathematical bold
        base = 0xFF21 if rng.random() < 0.5 else 0x1D400
        return "".join(chr(base + ord(c) - ord("A")) if "A" <= c <= "Z" else chr(base + 26 + (6 if base == 0xFF21 else 0) + ord(c) - ord("a")) if "a" <= c <= "z" else c for c in name)
    return unicodedata.normalize("NFC", "".join(c + "\u0301" if c in "aeo" and rng.random() < 0.5 else c for c in name))


def _name_added_word(rng: random.Random, name: str) -> str:
    w = rng.choice(["Official", "Support", "Team", "Help", "UK", "Bookings", "(Official)", "- Client Care", "Payments", "HQ"])
    return f"{w} {name}" if w in ("Official", "The Real") and rng.random() < 0.5 else f"{name} {w}"


# --- unrelated accounts ---------------------------------------------------------------------


def _unrelated(rng: random.Random) -> Case:
    platform = rng.choice(PLATFORMS)
    kind = rng.random()
    f, l = rng.choice(FIRST), rng.choice(LAST)
    fl, ll = f.lower(), l.lower()
    if kind < 0.35:  # an ordinary person
        local = rng.choice([f"{fl}.{ll}", f"{fl}_{ll}", f"{fl}{ll}", f"{fl}{ll[0]}", f"{fl[0]}{ll}", f"{fl}_{ll}{rng.randrange(1, 99)}",
                            f"{fl}.{rng.choice(HOBBY)}", f"{rng.choice(HOBBY)}_{fl}", f"{fl}{rng.randrange(1970, 2010)}"])
        dn = rng.choice([f"{f} {l}", f, f"{f} {l[0]}.", f"{f} 🌿", f"{f} {l} ({rng.choice(CITIES).title()})"])
    elif kind < 0.6:  # another therapist or counsellor
        trade = rng.choice(["therapy", "counselling", "psych", "psychotherapy", "counsellor", "therapist", "cbt", "mh"])
        title = rng.choice(["Dr ", "", ""])
        local = rng.choice([f"{fl}{ll}{trade}", f"{fl}.{ll}.{trade}", f"{'dr' if title else ''}{fl}{ll}", f"{fl}_{trade}",
                            f"{ll}{trade}", f"{fl}{ll}_{rng.choice(CITIES)}"])
        dn = rng.choice([f"{title}{f} {l}", f"{f} {l} | {trade.title()}", f"{title}{f} {l}, {rng.choice(['MBACP', 'UKCP', 'HCPC', 'BABCP'])}"])
    elif kind < 0.85:  # another practice or local business, sharing vocabulary
        a, b = rng.choice(WORD_A), rng.choice(WORD_B)
        tail = rng.choice(GENERIC_SUFFIX + [t.title() for t in OTHER_TRADES])
        t = _slug(tail.split(), "")
        local = rng.choice([a + b, f"{a}{b}{t}", f"{a}_{b}_{t}", f"{a}{b}{rng.choice(CITIES)}", f"{a}.{t}", f"{a}{t}"])
        dn = rng.choice([f"{a.title()} {b.title()} {tail}", f"{a.title()}{b} {tail}", f"{a.title()} {tail}"])
    else:  # hobby and everything else
        local = rng.choice(HOBBY) + rng.choice(["_", ".", ""]) + rng.choice(HOBBY + CITIES) + rng.choice(["", "", str(rng.randrange(1, 999))])
        dn = rng.choice([f"{f}", f"{rng.choice(HOBBY).title()} {rng.choice(HOBBY).title()}", f"{f} the {rng.choice(HOBBY)}", ""])
    return Case(platform, _on_platform(rng, platform, local), dn or None, "unrelated")


def _near_legit(rng: random.Random, ident: Identity) -> Case:
    """A legitimate account sharing part of a protected name: a namesake's colleague, a neighbour business."""
    platform = rng.choice(PLATFORMS)
    words = [w for w in ident.name.replace("Dr ", "").split()]
    if ident.kind == "person":
        f, l = words[0], words[-1]
        if rng.random() < 0.5:
            other = rng.choice([x for x in LAST if x != l])
            first, last = f, other
        else:
            other = rng.choice([x for x in FIRST if x != f])
            first, last = other, l
        fl, ll = first.lower(), last.lower()
        local = rng.choice([f"{fl}{ll}", f"{fl}.{ll}", f"dr{fl}{ll}", f"{fl}{ll}_therapy", f"{fl}.{ll}.counselling"])
        dn = rng.choice([f"{first} {last}", f"Dr {first} {last}", f"{first} {last} Counselling"])
    else:
        a, b = words[0].lower(), words[1].lower()
        if rng.random() < 0.5:
            b2 = rng.choice([x for x in WORD_B if x != b])
            a2 = a
        else:
            a2 = rng.choice([x for x in WORD_A if x != a])
            b2 = b
        tail = rng.choice(GENERIC_SUFFIX + [t.title() for t in OTHER_TRADES])
        t = _slug(tail.split(), "")
        local = rng.choice([a2 + b2, f"{a2}{b2}{t}", f"{a2}_{b2}_{t}", f"{a2}{b2}{rng.choice(CITIES)}", f"{a2}{t}"])
        dn = f"{a2.title()} {b2.title()} {tail}"
    return Case(platform, _on_platform(rng, platform, local), dn, "unrelated", note="near_legit")


def _plain_key(s: str) -> str:
    """Independent of the detector: NFKC, lower case, ASCII letters and digits only."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s or "")).lower()
    return "".join(c for c in s if c.isascii() and c.isalnum())


def _lev1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _protected_keys(ident: Identity) -> tuple[set[str], set[str]]:
    """(names and handles that must not be approached, distinctive name cores)."""
    generic = {"dr", "the", "counselling", "therapy", "psychology", "psychotherapy", "wellbeing", "centre", "service",
               "clinic", "practice", "collective", "associates", "family", "couples", "psychological", "services",
               "talking", "therapies", "mental", "health"}
    keys, cores = set(), set()
    for n in [ident.name, *ident.display_names]:
        keys.add(_plain_key(n))
        cores.add(_plain_key("".join(w for w in n.split() if w.lower() not in generic)))
    for p, h in ident.handles.items():
        keys.add(_plain_key(_local(p, h)[0]))
    return keys, cores


def _is_lookalike(case: Case, protected: list[tuple[set[str], set[str]]]) -> bool:
    hk = _plain_key(_local(case.platform, case.handle)[0])
    nk = _plain_key(case.display_name or "")
    for keys, cores in protected:
        for k in (hk, nk):
            if not k:
                continue
            if any(_lev1(k, p) for p in keys | cores if len(p) >= 5):
                return True
            if any(len(c) >= 8 and c in k for c in cores | keys):
                return True
            if any(c == k for c in cores):
                return True
    return False


def generate(seed: int = 1, split: str = "dev", n_identities: int = 44, per_class: int = 60, n_unrelated: int = 3000) -> EvalSet:
    rng = random.Random(f"{split}:{seed}")
    firsts, lasts = _split(FIRST, split), _split(LAST, split)
    words_a, words_b = _split(WORD_A, split), WORD_B
    identities: list[Identity] = []
    names: set[str] = set()
    while len(identities) < n_identities:
        ident = _person_identity(rng, firsts, lasts) if rng.random() < 0.5 else _practice_identity(rng, words_a, words_b)
        if ident.name not in names:
            names.add(ident.name)
            identities.append(ident)

    officials = [Case(p, h, None, "official", i.name) for i in identities for p, h in i.handles.items()]
    lookalikes: list[Case] = []
    classes = list(HANDLE_CLASSES) + ["other_instance"]
    for cls in classes:
        made = 0
        while made < per_class:
            ident = rng.choice(identities)
            platform, handle = rng.choice(sorted(ident.handles.items()))
            new = _other_instance(rng, platform, handle) if cls == "other_instance" else _variant(rng, cls, platform, handle)
            if new is None:
                continue
            lookalikes.append(Case(platform, new, None, cls, ident.name))
            made += 1
    # Informational (not part of the per-class targets): two edits of different classes at once.
    made = 0
    while made < per_class:
        ident = rng.choice(identities)
        platform, handle = rng.choice(sorted(ident.handles.items()))
        a, b = rng.sample([c for c in HANDLE_CLASSES if c not in ("zero_width", "homoglyph_unicode")], 2)
        first = _variant(rng, a, platform, handle)
        second = _variant(rng, b, platform, first) if first else None
        if second:
            lookalikes.append(Case(platform, second, None, "info:two_edits", ident.name, note=f"{a}+{b}"))
            made += 1
    for cls in ("name_copy", "name_confusable", "name_added_word", "full_fake"):
        for _ in range(per_class):
            ident = rng.choice(identities)
            platform = rng.choice(PLATFORMS)
            name = rng.choice([ident.name, *ident.display_names])
            if cls == "name_copy":
                lookalikes.append(Case(platform, _random_handle(rng, platform), name, cls, ident.name))
            elif cls == "name_confusable":
                lookalikes.append(Case(platform, _random_handle(rng, platform), _disguise_name(rng, name), cls, ident.name))
            elif cls == "name_added_word":
                lookalikes.append(Case(platform, _random_handle(rng, platform), _name_added_word(rng, name), cls, ident.name))
            else:
                p, h = rng.choice(sorted(ident.handles.items()))
                sub = rng.choice(list(HANDLE_CLASSES))
                new = _variant(rng, sub, p, h) or _other_instance(rng, p, h) or h + "x"
                lookalikes.append(Case(p, new, name, cls, ident.name, note=sub))

    protected = [_protected_keys(i) for i in identities]
    unrelated: list[Case] = []
    excluded = 0
    seen: set[tuple[str, str]] = set()
    while len(unrelated) < n_unrelated:
        c = _near_legit(rng, rng.choice(identities)) if rng.random() < 0.35 else _unrelated(rng)
        if (c.platform, c.handle) in seen:
            continue
        seen.add((c.platform, c.handle))
        if _is_lookalike(c, protected):
            excluded += 1
            continue
        unrelated.append(c)
    return EvalSet(identities, lookalikes, unrelated, officials, excluded)
