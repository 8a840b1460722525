"""Finding links and domains in text, and deciding which are permitted.

Links are found with or without a scheme (``https://x.com/a``, ``www.x.com``, ``x.co.uk/shop``). A
bare ``name.tld`` only counts when the ending is a known top-level domain, so "e.g." or "Mr.Smith"
are not links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Common endings, plus "example" (reserved for documentation, used in test data and demos).
KNOWN_TLDS = (
    "com net org info biz io co uk us ca au nz ie de fr es it nl be eu ch at se no dk fi pl pt gr "
    "in me ly tv app ai xyz online site shop store club top live link page blog news life health "
    "care fit co\\.uk org\\.uk ac\\.uk gov\\.uk nhs\\.uk com\\.au gl to cc gd at sh id vip example "
    # link-in-bio and chat hosts ("linktr.ee", "discord.gg"), and the endings of Australia, New Zealand and Scotland
    "ee gg fm net\\.au org\\.au co\\.nz org\\.nz net\\.nz govt\\.nz scot studio coach"
).split()

SHORTENERS = frozenset(
    "bit.ly tinyurl.com t.co goo.gl ow.ly is.gd buff.ly amzn.to rebrand.ly cutt.ly shorturl.at tiny.cc "
    "rb.gy lnkd.in youtu.be t.ly s.id v.gd bl.ink linktr.ee shor.by tr.ee short.io soo.gd qr.co urlz.fr".split()
)

# Public health and crisis services: linking to them is never advertising.
PUBLIC_SERVICE_DOMAINS = frozenset(
    "nhs.uk gov.uk nhs.scot nhs.wales samaritans.org mind.org.uk nice.org.uk who.int nih.gov nimh.nih.gov "
    "cdc.gov 988lifeline.org crisistextline.org shout.org.uk papyrus-uk.org rethink.org youngminds.org.uk "
    "mentalhealth.org.uk calmzone.net mhanational.org nami.org "
    # Ireland, Scotland, Australia, New Zealand, the US and Canada
    "hse.ie pieta.ie samaritans.ie spunout.ie jigsaw.ie aware.ie mentalhealthireland.ie yourmentalhealth.ie nhsinform.scot breathingspace.scot "
    "samh.org.uk seemescotland.org lifeline.org.au beyondblue.org.au headspace.org.au blackdoginstitute.org.au kidshelpline.com.au "
    "13yarn.org.au qlife.org.au sane.org mindspot.org.au suicidecallbackservice.org.au healthdirect.gov.au lifeline.org.nz "
    "mentalhealth.org.nz depression.org.nz thelowdown.co.nz healthify.nz youthline.co.nz 1737.org.nz thetrevorproject.org "
    "samhsa.gov findtreatment.gov 211.org cmha.ca kidshelpphone.ca talksuicide.ca".split()
)

# News, research, charities, fundraisers and petitions: sharing them is not advertising (the policy in
# promotional.py). Plus public institutions by their endings (.gov, .edu, .ac.uk, .nhs.uk, .gov.au...).
NEWS_AND_CAUSE_DOMAINS = frozenset(
    "bbc.co.uk bbc.com theguardian.com guardian.co.uk nytimes.com independent.co.uk telegraph.co.uk thetimes.co.uk reuters.com "
    "apnews.com npr.org economist.com ft.com washingtonpost.com cnn.com news.sky.com itv.com channel4.com abc.net.au cbc.ca "
    "irishtimes.com rte.ie scotsman.com inews.co.uk theconversation.com newscientist.com scientificamerican.com "
    "thelancet.com bmj.com nature.com science.org jamanetwork.com nejm.org cochranelibrary.com cochrane.org psychiatrist.com apa.org "
    "justgiving.com virginmoneygiving.com enthuse.com givewheel.com gofundme.com change.org parliament.uk "
    "mind.org.uk samaritans.org youngminds.org.uk rethink.org mentalhealth.org.uk macmillan.org.uk cancerresearchuk.org "
    "shelter.org.uk ageuk.org.uk beateatingdisorders.org.uk ocduk.org anxietyuk.org.uk bipolaruk.org sane.org.uk "
    "thecalmzone.net papyrus-uk.org cruse.org.uk relate.org.uk stem4.org.uk cci.health.wa.gov.au "
    "irishexaminer.com thejournal.ie independent.ie heraldscotland.com dailyrecord.co.uk thenational.scot smh.com.au theage.com.au "
    "sbs.com.au brisbanetimes.com.au stuff.co.nz nzherald.co.nz rnz.co.nz opb.org oregonlive.com latimes.com".split()
)
PUBLIC_ENDINGS = ("gov", "edu", "mil", "int", "gov.uk", "ac.uk", "nhs.uk", "gov.au", "edu.au", "gov.scot", "gov.wales", "gc.ca", "gov.ie",
                  "nhs.scot", "govt.nz", "ac.nz", "health.nz")


def is_public_or_cause(host: str) -> bool:
    """News, research, charity, fundraising, petition or public-institution sites."""
    if any(host == e or host.endswith("." + e) for e in PUBLIC_ENDINGS):
        return True
    parts = host.split(".")
    return any(".".join(parts[i:]) in NEWS_AND_CAUSE_DOMAINS for i in range(len(parts) - 1))


_TLD_ALT = "|".join(sorted(KNOWN_TLDS, key=len, reverse=True))
LINK_RE = re.compile(
    r"(?:(?P<scheme>https?://)|(?P<www>www\.))(?P<host>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)"
    r"(?P<path>[/?#][^\s<>\"')\]]*)?"
    r"|(?<![\w@.-])(?P<bare>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _TLD_ALT + r"))(?![\w-])(?P<bpath>/[^\s<>\"')\]]*)?"
)


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    host: str

    @property
    def is_shortener(self) -> bool:
        return self.host in SHORTENERS


# Every link has a letter or digit, a dot and a letter or digit in a row ("site.com", "www.x"): most
# texts have dots only at sentence ends, and this search is far cheaper than LINK_RE's tries at every word.
_DOTTED = re.compile(r"[a-z0-9]\.[a-z0-9]")


# DNS allows no longer host name. "www." pasted 16,000 times is one "host" of 16,000 labels, and
# comparing each of its endings with the allowed domains would cost the square of its length.
_LONGEST_HOST = 253


def find_links(folded: str) -> list[Link]:
    """Every link or bare domain in the folded text, with its host (without "www.")."""
    if "." not in folded or not _DOTTED.search(folded):
        return []
    links: list[Link] = []
    for m in LINK_RE.finditer(folded):
        host = (m.group("host") or m.group("bare") or "").rstrip(".")
        if host.startswith("www."):
            host = host[4:]
        if len(host) > _LONGEST_HOST:  # not a real host name; only its ending is compared with domains
            host = host[-_LONGEST_HOST:].split(".", 1)[-1]
        end = m.end()
        while end > m.start() and folded[end - 1] in ".,;:!?":
            end -= 1
        links.append(Link(m.start(), end, host))
    return links


def normalise_domain(domain: str) -> str:
    d = domain.strip().lower()
    d = re.sub(r"^[a-z]+://", "", d).split("/")[0]
    return d[4:] if d.startswith("www.") else d


def domain_allowed(host: str, allowed: frozenset[str]) -> bool:
    """True if `host` is an allowed domain or a subdomain of one."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in allowed:
            return True
    return False
