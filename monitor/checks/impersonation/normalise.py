"""Text folding for look-alike detection: the same name, whatever characters it is dressed in.

Two levels, both pure and offline:

- `fold(text)`: compatibility forms (fullwidth, mathematical alphanumerics, ligatures, circled
  letters) via NFKC, invisible characters removed (zero-width, bidi controls, tags, fillers), accents
  stripped, letters of other scripts that look like Latin ones mapped to Latin (Cyrillic, Greek,
  Armenian, IPA and small capitals), camelCase split, case folded. Non-alphanumerics become spaces, so
  words survive for name comparison.
- `skeleton(key)`: on top of folding, the look-alikes that stay inside ASCII and matter in handles
  (0/o, 1/l/i/I, 5/s, rn/m, vv/w, cl/d), in the spirit of the Unicode confusables skeleton (UTS #39):
  two strings with the same skeleton look the same to a reader.

The table below is written for this project (no data is downloaded at run time). It covers the
characters impersonators actually use; `fold` keeps any other character as it is, so an unmapped
letter makes strings differ rather than silently match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters of other scripts drawn like Latin letters, by their look. Both cases are listed where the
# two cases look like different Latin letters (Greek capital eta is "H", small eta is "n").
_LOOKALIKE_GROUPS: dict[str, str] = {
    # Cyrillic
    "a": "аӑӓ", "A": "АӐӒ", "b": "ьъЬЪ", "B": "ВвБ", "c": "сҫ", "C": "СҪ", "d": "ԁ", "D": "Ԁ",
    "e": "еёҽӗ", "E": "ЕЁӖ", "g": "ɡ", "h": "һн", "H": "НҢ", "i": "іїӏ", "I": "ІЇӀ", "j": "ј", "J": "Ј",
    "k": "кқ", "K": "КҚ", "l": "ӏ", "m": "м", "M": "М", "n": "пи", "o": "оӧ", "O": "ОӦ", "p": "р", "P": "Р",
    "q": "ԛ", "r": "г", "s": "ѕ", "S": "Ѕ", "t": "т", "T": "Т", "u": "ц", "w": "шщԝ", "W": "ШЩԜ",
    "x": "хҳ", "X": "ХҲ", "y": "уүҮ", "Y": "УҮ", "3": "зЗэЭ", "6": "б",
    # Greek (accented forms lose their accents before this table is used)
    "a_": "α", "A_": "Α", "B_": "Β", "b_": "β", "d_": "δ", "E_": "Ε", "e_": "ε", "Z": "Ζ", "H_": "Η", "n_": "ηπ",
    "I_": "Ι", "i_": "ιί", "K_": "Κ", "k_": "κ", "M_": "Μ", "N": "Ν", "v": "ν", "O_": "ΟΘ", "o_": "οσθ",
    "P_": "Ρ", "p_": "ρϱ", "T_": "Τ", "t_": "τ", "Y_": "ΥϒΓ", "u_": "υ", "X_": "Χ", "x_": "χ",
    "w_": "ωϖ", "c_": "ϲς", "C_": "Ϲ", "j_": "ϳ", "y_": "γ",
    # Armenian
    "o__": "օՕ", "u__": "սՍ", "n__": "ո", "h__": "հ", "q_": "զ", "g_": "ց",
    # Latin letters without a decomposition, IPA, small capitals
    "i__": "ıɩɪɨ", "l_": "łɫƚŀ", "L": "ŁĿ", "o___": "øɵ", "O__": "Ø", "d__": "đɗð", "D_": "ĐƉÐ",
    "h___": "ħʜ", "t__": "ŧᴛ", "b__": "ƀʙ", "z": "ƶᴢ", "a__": "ɑɒᴀ", "e__": "ɛəǝᴇ", "c__": "ɔᴄ",
    "g__": "ɢ", "j__": "ᴊ", "k__": "ᴋ", "l__": "ʟ", "m_": "ᴍ", "n___": "ɴŋ", "o____": "ᴏ", "p__": "ᴘþ",
    "r_": "ʀɍ", "s_": "ꜱ", "u___": "ᴜʋ", "v_": "ᴠ", "w__": "ᴡɯ", "y__": "ʏɏ", "f": "ꜰ",
}
LOOKALIKES: dict[str, str] = {ch: target.rstrip("_") for target, chars in _LOOKALIKE_GROUPS.items() for ch in chars}

# Ligature-like letters that casefold/NFKC leave alone.
_EXPANSIONS = {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS", "ĳ": "ij", "Ĳ": "IJ"}

# Characters that take no room or are shown as blanks: removed, not turned into a space.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u034f")

# ASCII look-alikes used in handles; applied to folded text (lower case, no spaces).
_SKELETON_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_SKELETON_CHARS = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "$": "s"})

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9a-z\u00c0-\U0010ffff]+")
_SPACES = re.compile(r"\s+")


def is_invisible(ch: str) -> bool:
    """Zero-width characters, bidi controls, tags, soft hyphens, variation selectors and blank fillers."""
    if ch in _FILLERS:
        return True
    cat = unicodedata.category(ch)
    return cat == "Cf" or (cat == "Mn" and ("\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"))


def strip_invisible(text: str) -> str:
    return "".join(ch for ch in text if not is_invisible(ch))


def _strip_accents_and_map(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        if ch in _EXPANSIONS:
            out.append(_EXPANSIONS[ch])
            continue
        if ch in LOOKALIKES:
            out.append(LOOKALIKES[ch])
            continue
        if ch.isdigit() and not ch.isascii():
            try:
                out.append(str(unicodedata.decimal(ch)))
                continue
            except ValueError:
                pass
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lower-case Latin words separated by single spaces: how a reader would spell what they see."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = strip_invisible(t)
    t = _strip_accents_and_map(t)
    t = _CAMEL.sub(" ", t)
    t = t.casefold()
    t = _strip_accents_and_map(t)  # casefolding can produce new mappable letters
    t = _NON_ALNUM.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


def key(text: str | None) -> str:
    """`fold` without word boundaries and separators (`.`, `_`, `-`, spaces): handles compare on this."""
    return fold(text).replace(" ", "")


@lru_cache(maxsize=65536)
def skeleton(text: str | None) -> str:
    """The visual skeleton: strings with the same skeleton look alike (0/o, 1/l/I, rn/m, vv/w, cl/d...)."""
    k = key(text)
    for seq, rep in _SKELETON_SEQUENCES:
        k = k.replace(seq, rep)
    return k.translate(_SKELETON_CHARS)


def has_mixed_scripts(text: str) -> bool:
    """True when letters of Latin and of another look-alike script are mixed in one word."""
    for word in re.split(r"\W+", unicodedata.normalize("NFKC", text or "")):
        latin = any("a" <= c.lower() <= "z" for c in word)
        other = any(c in LOOKALIKES for c in word)
        if latin and other:
            return True
    return False


def tricks_used(text: str) -> list[str]:
    """Plain-words list of the disguises found in `text` (for reasons shown to staff)."""
    found: list[str] = []
    if any(is_invisible(c) for c in text):
        found.append("invisible characters")
    if unicodedata.normalize("NFKC", text) != text:
        found.append("stylised or full-width characters")
    nfkc = unicodedata.normalize("NFKC", text)
    if any(c in LOOKALIKES for c in unicodedata.normalize("NFD", nfkc)):
        found.append("letters from other alphabets that look Latin")
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", nfkc)):
        found.append("accented letters")
    low = nfkc.lower()
    pairs = (("0", "o"), ("1", "l"), ("rn", "m"), ("vv", "w"), ("cl", "d"))
    ascii_tricks = [f"'{s}' for '{r}'" for s, r in pairs if s in low]
    if re.search(r"[a-z]I", nfkc):
        ascii_tricks.append("'I' for 'l'")
    if ascii_tricks:
        found.append("look-alike characters (" + ", ".join(ascii_tricks) + ")")
    return found
