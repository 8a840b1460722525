"""The practice's own names, as the wording model reads them: placeholders, not words.

Why: every labelled set that taught the wording model (learned.py) was written for one fictional
practice, so its names ("Harbourlight", "Maya", "Okafor") would carry weight of their own, and a real
practice's names would carry none ("booked with Maya" read as booking, "booked with Grace" did not).
So the model reads each word of the practice's configured name, display names and handles as
`PRACTICE`, and each word of a practitioner's as `PERSON`, both in training (with the fictional
practice's names) and here (with the configuration's). The rules never see placeholders.

A name word that is also a common word of the texts the model learned from ("Will", "Hope", "Rose")
stands for the name only where the text writes it with a capital letter or as an @mention ("Hope
Street was lovely", not "there is no hope"). Words many practices' names share ("Counselling", "Dr",
"Centre") stay words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from monitor.checks.impersonation import handles
from monitor.checks.posts.learned import TOKEN, NameReading
from monitor.checks.posts.normalise import fold
from monitor.checks.posts.per_object import per_object

PRACTICE = "<practice>"
PERSON = "<person>"

# Titles, the words of the trade and of addresses, and the parts of handles that are platforms' or
# domains' (".bsky.social", ".co.uk"): shared by many practices, so they say nothing about this one.
_SHARED = frozenset(
    """dr doctor mr mrs ms miss mx prof professor sr jr the and of at in on for by with a an
    counselling counseling counsellor counsellors counselor counselors therapy therapies therapist therapists
    psychotherapy psychotherapist psychotherapists psychology psychologist psychologists psychological psychiatry
    psychiatrist clinic clinics clinical centre center centres centers practice practices service services group
    rooms room associates partners partnership ltd limited llc inc co company wellbeing wellness health mental
    care family families couples child children adult adults talking space hub house studio network team
    official real page bsky social com org net uk ie au nz ca us io app example www http https""".split()
)
_MIN_LETTERS = 3  # "Jo" or "Al" as a placeholder would catch far too much


def _words(name: str) -> list[str]:
    """The distinctive folded words of a name or handle ("Dr Maya Okafor" -> maya, okafor)."""
    return [w for w in TOKEN.findall(fold(name)) if len(w) >= _MIN_LETTERS and w not in _SHARED and not w.isdigit()]


@dataclass(frozen=True)
class PracticeNames:
    """Folded name words and the placeholder each stands for."""

    words: dict[str, str]

    @classmethod
    def of(cls, practice: str, identities: Iterable[Iterable[str]] = ()) -> "PracticeNames":
        """From the practice's name and, per identity, its names and handles. An identity that shares a
        distinctive word with the practice's name is the practice ("Harbourlight Counselling" on
        Instagram); any other is a practitioner."""
        own = set(_words(practice))
        words = dict.fromkeys(own, PRACTICE)
        for names in identities:
            found = [w for n in names for w in _words(n)]
            role = PRACTICE if own.intersection(found) else PERSON
            for w in found:
                words.setdefault(w, role)
        return cls(words)

    def for_text(self, original: str, folded: str, common: Callable[[str], bool]) -> NameReading:
        """How the model reads this text's names. `common(word)`: whether the word is common in the
        texts the model learned from; such a name word counts only where this text writes it with a
        capital letter or as an @mention. Possessives count too ("Tom's")."""
        words: dict[str, str] = {}
        spots: dict[int, str] = {}
        for w, placeholder in self.words.items():
            if not common(w):
                words[w] = words[w + "'s"] = placeholder
            elif w in folded:
                for m in re.finditer(r"(?<![a-z0-9'])" + re.escape(w) + r"(?:'s)?(?![a-z0-9])", folded):
                    if original[m.start()].isupper() or folded[m.start() - 1:m.start()] == "@":
                        spots[m.start()] = placeholder
        return NameReading(words, spots)


@per_object
def from_config(config) -> PracticeNames:
    """The names of a `Config`: [practice] name, and each [[identities]] entry's name, display names
    and handles (built once per configuration object)."""
    return PracticeNames.of(
        config.practice.name,
        ([i.name, *i.display_names, *(handles.parts(platform, h).local for platform, h in i.handles.items())] for i in config.identities),
    )
