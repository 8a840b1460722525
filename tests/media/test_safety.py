"""Hostile and unusual files: refused with a clear reason, never a crash, memory bounded."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from monitor.config.model import MediaConfig
from monitor.errors import UnsafeMedia
from monitor.media.safety import load_image
from monitor.media.verdict import judge


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A few hundred bytes declaring ten gigapixels (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_decoding(settings, mem_index):
    with pytest.raises(UnsafeMedia, match="decompression bomb"):
        load_image(bomb_png(), settings)
    # a declared size just over the configured limit, still far under Pillow's own bomb limit
    small_limit = MediaConfig(max_pixels=1_000_000)
    with pytest.raises(UnsafeMedia, match="megapixels"):
        load_image(bomb_png(1200, 1000), small_limit)
    v = judge(bomb_png(), mem_index, settings)
    assert v.verdict == "unreadable" and "bomb" in v.reasons[0]


def test_truncated_jpeg_is_unreadable(scenes, jpeg, mem_index, settings):
    data = jpeg(scenes["street.jpg"].image)
    v = judge(data[: len(data) // 2], mem_index, settings)
    assert v.verdict == "unreadable"
    assert "truncated" in v.reasons[0]


@pytest.mark.parametrize("payload, words", [
    (b"Hello, this is not a picture at all.\n", "text file"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
    (b"<!DOCTYPE html><html><body>Login required</body></html>", "HTML"),
    (b"", "empty"),
    (b"%PDF-1.7\n...", "PDF"),
])
def test_non_images_named_like_images(tmp_path, payload, words, mem_index, settings):
    f = tmp_path / "photo.jpg"
    f.write_bytes(payload)
    with pytest.raises(UnsafeMedia, match=words):
        load_image(f, settings)
    v = judge(payload, mem_index, settings)
    assert v.verdict == "unreadable" and words.lower() in v.reasons[0].lower()


def test_file_over_the_size_cap_is_not_read(tmp_path, mem_index):
    capped = MediaConfig(max_image_bytes=50_000)
    f = tmp_path / "huge.jpg"
    f.write_bytes(b"\xff\xd8\xff" + b"\0" * 60_000)
    with pytest.raises(UnsafeMedia, match="over the 0.1 MB limit"):
        load_image(f, capped)
    v = judge(b"\xff\xd8\xff" + b"\0" * 60_000, mem_index, capped)
    assert v.verdict == "unreadable" and "limit" in v.reasons[0]


def test_corrupt_body_with_valid_header(scenes, jpeg, mem_index, settings):
    data = bytearray(jpeg(scenes["street.jpg"].image))
    data[400:] = b"\xff\x00" * ((len(data) - 400) // 2) + b"\xff\xd9"[: (len(data) - 400) % 2]
    v = judge(bytes(data), mem_index, settings)
    assert v.verdict in ("unreadable", "unknown")  # never an exception


def test_tiff_and_garbage_are_refused(mem_index, settings):
    buf = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buf, "TIFF")
    assert judge(buf.getvalue(), mem_index, settings).verdict == "unreadable"
    assert "TIFF" in judge(buf.getvalue(), mem_index, settings).reasons[0]


def test_twelve_megapixel_jpeg_decodes_small(scenes, settings):
    big = scenes["street.jpg"].image.resize((4000, 3000))
    buf = io.BytesIO()
    big.save(buf, "JPEG", quality=85)
    img = load_image(buf.getvalue(), settings)
    assert max(img.size) <= 384 and img.mode == "RGB"
    assert abs(img.width / img.height - 4 / 3) < 0.02


def test_transparency_gif_16bit_and_orientation(settings, scenes):
    rgba = Image.new("RGBA", (64, 48), (255, 0, 0, 0))
    buf = io.BytesIO()
    rgba.save(buf, "PNG")
    assert load_image(buf.getvalue(), settings).getpixel((5, 5)) == (255, 255, 255)  # flattened on white
    frames = [Image.new("P", (40, 30), i) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    assert load_image(buf.getvalue(), settings).size == (40, 30)
    deep = Image.new("I;16", (30, 20), 40000)
    buf = io.BytesIO()
    deep.save(buf, "PNG")
    assert load_image(buf.getvalue(), settings).mode == "RGB"
    # stored sideways with an EXIF orientation tag: the working image is upright
    from monitor.media.synthetic import camera_exif

    img = scenes["street.jpg"].image
    buf = io.BytesIO()
    img.transpose(Image.Transpose.ROTATE_90).save(buf, "JPEG", exif=camera_exif(6))
    upright = load_image(buf.getvalue(), settings)
    assert upright.width > upright.height
