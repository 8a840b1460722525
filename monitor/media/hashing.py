"""Perceptual hashes: the fast first step that finds which library image a posted one may come from.

The global hashes are imagehash's pHash and dHash (bit-for-bit the same algorithm, computed from the
small working image so a 12-megapixel photo costs no more than a thumbnail), plus:
- the pHash of the eight orientations (mirrored, rotated by 90/180/270 and their mirrors), so a flipped
  or rotated copy still finds its original (and is then reported as mirrored/rotated);
- imagehash's colour hash, a coarse summary of the colours, shown to people as a distance;
- "window" pHashes of a fixed grid of sub-rectangles of every library image (`WINDOWS`), so a posted
  crop of a library image still finds it: the crop's global pHash is close to the pHash of the library
  window it came from.
A hash is a 64-bit unsigned integer whose bits are imagehash's bits in its own order, so
`format(h, "016x")` is the hex imagehash prints.
"""

from __future__ import annotations

import base64
import functools
import math
from dataclasses import dataclass, field

import imagehash
import numpy as np
import scipy.fft
from PIL import Image

LANCZOS = Image.Resampling.LANCZOS

# Window grid for crop matching: fractions of width and height kept, placed at the start, the middle
# and the end of each axis. Changing it changes WINDOWS_VERSION, and the library is re-indexed.
WINDOW_FRACTIONS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
WINDOWS_VERSION = 2
SEARCH_SIZE = 160  # longest side of the copy the window, tilt and colour hashes are computed from

# The eight orientations of a picture: name -> function on a 2-D (or HxWxC) array. When the pHash of
# ORIENTATIONS[t](posted) matches a library image, applying t to the posted image gives back the
# original; every one of them is its own inverse except rot90/rot270, which undo each other.
ORIENTATIONS: dict[str, callable] = {
    "identity": lambda a: a,
    "mirror": lambda a: a[:, ::-1],
    "rot90": lambda a: np.rot90(a, 1),  # rotated 90 degrees anticlockwise
    "rot180": lambda a: np.rot90(a, 2),
    "rot270": lambda a: np.rot90(a, 3),
    "flip": lambda a: a[::-1, :],  # upside-down mirror
    "transpose": lambda a: np.swapaxes(a, 0, 1),
    "transverse": lambda a: np.rot90(a, 2).swapaxes(0, 1),
}
@functools.cache
def windows() -> tuple[tuple[float, float, float, float], ...]:
    """The window grid as (left, top, right, bottom) fractions; the first is the whole picture."""
    out: list[tuple[float, float, float, float]] = []
    spans = []
    for f in WINDOW_FRACTIONS:
        starts = (0.0,) if f == 1.0 else (0.0, (1.0 - f) / 2, 1.0 - f)
        spans.extend((s, s + f) for s in starts)
    for x0, x1 in spans:
        for y0, y1 in spans:
            out.append((x0, y0, x1, y1))
    return tuple(out)


@dataclass
class ImageHashes:
    """Every hash of one image. `windows` is set for library images, `orientations` for posted ones."""

    phash: int
    dhash: int
    colorhash: str
    phash_mirror: int
    dhash_mirror: int
    orientations: dict[str, int] = field(default_factory=dict)  # orientation name -> pHash
    windows: np.ndarray | None = None  # uint64 pHash per window of `windows()`
    # Posted images: (angle, "crop" | "expand", pHash) of the picture turned back by `angle` degrees.
    tilts: list[tuple[float, str, int]] = field(default_factory=list)
    width: int = 0
    height: int = 0

    def to_json(self) -> dict:
        """The JSON kept in MediaImage.hashes: hex strings, window hashes packed as base64."""
        out = {
            "phash": f"{self.phash:016x}",
            "dhash": f"{self.dhash:016x}",
            "colorhash": self.colorhash,
            "phash_mirror": f"{self.phash_mirror:016x}",
            "dhash_mirror": f"{self.dhash_mirror:016x}",
        }
        if self.windows is not None:
            out["windows_v"] = WINDOWS_VERSION
            out["windows"] = base64.b64encode(self.windows.astype(">u8").tobytes()).decode("ascii")
        return out

    @classmethod
    def from_json(cls, d: dict) -> ImageHashes:
        win = None
        if d.get("windows") and d.get("windows_v") == WINDOWS_VERSION:
            win = np.frombuffer(base64.b64decode(d["windows"]), dtype=">u8").astype(np.uint64)
        return cls(
            phash=int(d["phash"], 16),
            dhash=int(d["dhash"], 16),
            colorhash=d.get("colorhash", ""),
            phash_mirror=int(d.get("phash_mirror", d["phash"]), 16),
            dhash_mirror=int(d.get("dhash_mirror", d["dhash"]), 16),
            windows=win,
        )


def bits_to_int(bits: np.ndarray) -> int:
    """A boolean array (any shape, row-major) as an integer, first bit most significant (imagehash order)."""
    packed = np.packbits(np.asarray(bits, dtype=bool).ravel())
    return int.from_bytes(packed.tobytes(), "big")


def _phash_bits(stack: np.ndarray) -> np.ndarray:
    """imagehash.phash on a stack of 32x32 grey arrays: (n,32,32) -> (n,8,8) bool."""
    dct = scipy.fft.dct(scipy.fft.dct(stack.astype(np.float64), axis=1), axis=2)
    low = dct[:, :8, :8].reshape(len(stack), 64)
    med = np.median(low, axis=1, keepdims=True)
    return (low > med).reshape(len(stack), 8, 8)


def _pack64(bits: np.ndarray) -> np.ndarray:
    """(n,8,8) bool -> (n,) uint64 in imagehash bit order."""
    packed = np.packbits(bits.reshape(len(bits), 64), axis=1)
    return packed.view(">u8").ravel().astype(np.uint64)


def grey32(img: Image.Image, box: tuple[float, float, float, float] | None = None) -> np.ndarray:
    """The 32x32 grey array pHash is computed from (imagehash's own resize)."""
    g = img if img.mode == "L" else img.convert("L")
    return np.asarray(g.resize((32, 32), LANCZOS, box=box), dtype=np.float64)


def phash_int(img: Image.Image) -> int:
    """imagehash.phash(img) as an int."""
    return int(_pack64(_phash_bits(grey32(img)[None]))[0])


def dhash_int(img: Image.Image) -> int:
    """imagehash.dhash(img) as an int."""
    g = img if img.mode == "L" else img.convert("L")
    px = np.asarray(g.resize((9, 8), LANCZOS), dtype=np.int16)
    return bits_to_int(px[:, 1:] > px[:, :-1])


def phash_hex(img: Image.Image) -> str:
    """pHash as imagehash's hex string, e.g. for comparing avatars. Works on any PIL image; for large
    untrusted files load them with monitor.media.safety.load_image first (it is fast and safe)."""
    if max(img.size) > 1024:
        img = img.copy()
        img.thumbnail((512, 512), LANCZOS)
    return f"{phash_int(img):016x}"


def window_hashes(img: Image.Image) -> np.ndarray:
    """The pHash of every window of the grid, as uint64."""
    g = img if img.mode == "L" else img.convert("L")
    w, h = g.size
    stack = np.stack([
        np.asarray(g.resize((32, 32), LANCZOS, box=(x0 * w, y0 * h, x1 * w, y1 * h)), dtype=np.float64)
        for x0, y0, x1, y1 in windows()
    ])
    return _pack64(_phash_bits(stack))


def orientation_hashes(img: Image.Image) -> dict[str, int]:
    """pHash of the image in each of the eight orientations, from one 32x32 resize."""
    g = grey32(img)
    stack = np.stack([np.ascontiguousarray(f(g)) for f in ORIENTATIONS.values()])
    return dict(zip(ORIENTATIONS, (int(v) for v in _pack64(_phash_bits(stack)))))


TILT_HASH_ANGLES = (4.0, -4.0, 8.0, -8.0, 12.0, -12.0, 16.0, -16.0)


def tilt_hashes(grey: Image.Image) -> list[tuple[float, str, int]]:
    """pHashes of the picture turned back by a few angles, so a tilted copy finds its original.

    A copy turned by `a` degrees was either cropped to the largest upright rectangle inside it ("crop":
    turned back, its inner rectangle is a centred window of the original) or kept whole with filled
    corners ("expand": turned back, the original sits in the middle at a size the angle gives).
    """
    w, h = grey.size
    small = grey.copy()
    small.thumbnail((SEARCH_SIZE, SEARCH_SIZE), LANCZOS)
    sw, sh = small.size
    out = []
    crops = []
    for a in TILT_HASH_ANGLES:
        back = small.rotate(-a, Image.Resampling.BILINEAR, expand=False)
        c, s_ = abs(math.cos(math.radians(a))), abs(math.sin(math.radians(a)))
        k = min(sw / (sw * c + sh * s_), sh / (sw * s_ + sh * c))
        iw, ih = sw * k, sh * k
        crops.append((a, "crop", np.asarray(back.resize((32, 32), LANCZOS, box=((sw - iw) / 2, (sh - ih) / 2, (sw + iw) / 2, (sh + ih) / 2)), np.float64)))
        det = c * c - s_ * s_
        ow, oh = (sw * c - sh * s_) / det, (sh * c - sw * s_) / det
        if ow > 8 and oh > 8:
            crops.append((a, "expand", np.asarray(back.resize((32, 32), LANCZOS, box=((sw - ow) / 2, (sh - oh) / 2, (sw + ow) / 2, (sh + oh) / 2)), np.float64)))
    hashes = _pack64(_phash_bits(np.stack([c[2] for c in crops])))
    for (a, kind, _), hv in zip(crops, hashes):
        out.append((a, kind, int(hv)))
    return out


def search_grey(img: Image.Image) -> Image.Image:
    """The small grey copy (longest side SEARCH_SIZE) the window and tilt hashes are computed from."""
    small = img.copy()
    small.thumbnail((SEARCH_SIZE, SEARCH_SIZE), LANCZOS)
    return small.convert("L")


def compute_hashes(img: Image.Image, *, library: bool = False, tilts: bool = True) -> ImageHashes:
    """Every hash of a working image (see monitor.media.safety.load_image). `library=True` adds the
    window hashes kept for library images; posted images get the eight orientation hashes instead,
    and (unless tilts=False: they are only needed when nothing else matches) the tilt hashes."""
    grey = img.convert("L")
    mirrored = grey.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    orient = orientation_hashes(grey)
    # Windows, tilts and colours only steer the search: a small copy is plenty and much faster.
    small = img.copy()
    small.thumbnail((SEARCH_SIZE, SEARCH_SIZE), LANCZOS)
    small_grey = small.convert("L")
    return ImageHashes(
        phash=orient["identity"],
        dhash=dhash_int(grey),
        colorhash=str(imagehash.colorhash(small)),
        phash_mirror=orient["mirror"],
        dhash_mirror=dhash_int(mirrored),
        orientations={} if library else orient,
        windows=window_hashes(small_grey) if library else None,
        tilts=tilt_hashes(small_grey) if tilts and not library else [],
        width=img.width,
        height=img.height,
    )


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def colour_distance(a: str, b: str) -> int | None:
    """Hamming distance of two imagehash colour hashes (hex), or None when either is missing."""
    if not a or not b or len(a) != len(b):
        return None
    return (int(a, 16) ^ int(b, 16)).bit_count()
