"""Small JPEG thumbnails for alert emails: the posted image beside its nearest approved one."""

from __future__ import annotations

import io

from PIL import Image

THUMB_SIZE = 240  # longest side, pixels: enough to see the difference in an email, a few kB each


def thumbnail_bytes(img: Image.Image, size: int = THUMB_SIZE) -> bytes:
    """A JPEG thumbnail (longest side <= size) of a working image, without any metadata."""
    t = img.copy()
    t.thumbnail((size, size), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    t.convert("RGB").save(buf, "JPEG", quality=82, optimize=True)
    return buf.getvalue()
