"""Opening untrusted image bytes without letting them crash the run or eat the memory.

Every posted image is hostile until proven otherwise: it may be truncated, not an image at all
(an HTML error page, an SVG), a decompression bomb (a tiny PNG declaring 100 000 x 100 000 pixels),
or simply far larger than any photo. `load_image` refuses all of these with `UnsafeMedia` and a
reason a person understands, *before* decoding where it can (byte cap, type sniffing, declared
pixel count), and decodes JPEGs in draft mode (DCT scaling) so a 12-megapixel photo costs about as
much as a 0.5-megapixel one. The result is a small RGB working image in sRGB, upright (EXIF
orientation applied), which every hash and comparison starts from.
"""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path

from PIL import Image, ImageCms

from monitor.config.model import MediaConfig
from monitor.errors import UnsafeMedia

log = logging.getLogger(__name__)

# Longest side of the working image. Hashes and comparisons never need more; the library stores
# comparison data at a smaller size still (see monitor.media.features).
WORK_SIZE = 384
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")


def sniff_format(head: bytes) -> str | None:
    """The image format from the first bytes (JPEG, PNG, WEBP, GIF), or None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def describe_non_image(head: bytes) -> str:
    """A short guess at what a refused file is, so the reason says more than 'not an image'."""
    text = head[:512].lstrip().lower()
    if text.startswith(b"<svg") or b"<svg" in text:
        return "an SVG drawing, not a photo (SVG is not accepted)"
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text:
        return "an HTML page, not an image (often an error or login page instead of the picture)"
    if text.startswith(b"<?xml"):
        return "an XML document, not an image"
    if text.startswith(b"%pdf"):
        return "a PDF document, not an image"
    if not head:
        return "an empty file"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "a TIFF image (only JPEG, PNG, WebP and GIF are accepted)"
    if head[4:12] in (b"ftypavif", b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "an AVIF/HEIC image (only JPEG, PNG, WebP and GIF are accepted)"
    try:
        head.decode("utf-8")
        return "a text file, not an image"
    except UnicodeDecodeError:
        return "not a JPEG, PNG, WebP or GIF image"


def read_capped(source: bytes | str | Path, max_bytes: int) -> bytes:
    """The bytes of `source` (bytes or a file path), refusing more than `max_bytes` without reading them all."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise UnsafeMedia(f"the file is {_mb(len(data))}, over the {_mb(max_bytes)} limit for images")
        return data
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnsafeMedia(f"the file is {_mb(size)}, over the {_mb(max_bytes)} limit for images")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnsafeMedia(f"the file cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise UnsafeMedia(f"the file is over the {_mb(max_bytes)} limit for images")
    return data


def open_checked(data: bytes, settings: MediaConfig) -> Image.Image:
    """Open (not decode) the image after the byte cap, the type sniffing and the declared-size check."""
    if len(data) > settings.max_image_bytes:
        raise UnsafeMedia(f"the file is {_mb(len(data))}, over the {_mb(settings.max_image_bytes)} limit for images")
    fmt = sniff_format(data[:16])
    if fmt is None:
        raise UnsafeMedia(f"the file is {describe_non_image(data[:512])}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnsafeMedia("the image declares far more pixels than any photo (a decompression bomb); refused") from None
    except Exception as exc:  # Pillow raises many types for malformed headers
        raise UnsafeMedia(f"the {fmt} file is damaged and cannot be opened ({_short(exc)})") from None
    w, h = img.size
    if w <= 0 or h <= 0:
        raise UnsafeMedia("the image declares no pixels")
    if w * h > settings.max_pixels:
        raise UnsafeMedia(
            f"the image declares {w} x {h} pixels ({w * h / 1e6:.0f} megapixels), over the limit of "
            f"{settings.max_pixels / 1e6:.0f} megapixels (possible decompression bomb); refused before decoding"
        )
    return img


def load_image(source: bytes | str | Path, settings: MediaConfig, *, work_size: int = WORK_SIZE) -> Image.Image:
    """A small upright sRGB working image (longest side <= work_size) from untrusted bytes or a path.

    Raises UnsafeMedia with a clear reason for anything refused; never anything else for bad input.
    """
    data = read_capped(source, settings.max_image_bytes)
    img = open_checked(data, settings)
    fmt = img.format or "image"
    try:
        return _decode_small(img, work_size)
    except UnsafeMedia:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnsafeMedia("the image is a decompression bomb; refused") from None
    except MemoryError:
        raise UnsafeMedia("the image needs more memory to decode than allowed; refused") from None
    except Exception as exc:
        if "truncated" in str(exc).lower():
            raise UnsafeMedia(f"the {fmt} file is truncated (incomplete download or damaged file)") from None
        raise UnsafeMedia(f"the {fmt} file is damaged and cannot be decoded ({_short(exc)})") from None


def _decode_small(img: Image.Image, work_size: int) -> Image.Image:
    w, h = img.size
    icc = img.info.get("icc_profile")
    exif_orientation = _orientation(img)
    if img.format == "JPEG":
        # DCT scaling: decode at 1/2, 1/4 or 1/8 while staying at least the working size.
        scale = min(1.0, work_size / max(w, h))
        img.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img.load()
    img = _to_rgb(img)
    if max(img.size) > work_size:
        img.thumbnail((work_size, work_size), Image.Resampling.LANCZOS, reducing_gap=2.0)
    if exif_orientation and exif_orientation != 1:
        img = _apply_orientation(img, exif_orientation)
    if icc:
        img = _to_srgb(img, icc)
    return img


def _orientation(img: Image.Image) -> int | None:
    try:
        return img.getexif().get(0x0112)
    except Exception:
        return None


def _apply_orientation(img: Image.Image, orientation: int) -> Image.Image:
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return img.transpose(method) if method is not None else img


def _to_rgb(img: Image.Image) -> Image.Image:
    """RGB pixels; transparency is flattened onto white the way most platforms publish it."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        import numpy as np

        a = np.asarray(img, dtype=np.float64)
        top = a.max() or 1.0
        img = Image.fromarray((a * (255.0 / (65535.0 if top > 255 else 255.0))).clip(0, 255).astype("uint8"), "L")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return img if img.mode == "RGB" else img.convert("RGB")


_SRGB = None


def _to_srgb(img: Image.Image, icc: bytes) -> Image.Image:
    """Render through an embedded colour profile into sRGB, so a profile conversion is not a change."""
    global _SRGB
    try:
        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        desc = (ImageCms.getProfileDescription(src) or "").lower()
        if "srgb" in desc or src.profile.xcolor_space.strip() != "RGB":
            return img
        if _SRGB is None:
            _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        return ImageCms.profileToProfile(img, src, _SRGB, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB")
    except Exception as exc:  # a broken profile must not make a photo unreadable
        log.debug("ignoring an unusable colour profile: %s", exc)
        return img


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
