"""Photo-like pictures made from a seed, and the benign and malicious variants of a picture.

The evaluation (bench/media_eval.py), the tests (tests/media) and the speed bench need many realistic
photographs without downloading any. These are procedural: 1/f ("natural image") noise textures,
gradients and lighting, objects at several sizes (people with faces, buildings, trees, signs with
text, furniture, books), depth blur, vignetting, sensor noise and JPEG encoding, at any size and
aspect ratio. Two unrelated generator families exist so thresholds tuned on one can be checked on
the other (held out): `outdoor_scene` and `indoor_scene`.

Each generator returns the picture and the boxes of the objects it drew, so "object removed" and
"face replaced" edits hit real objects. Nothing here is used when judging real images.
"""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageCms, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

WORDS = (
    "CLINIC", "OPEN", "CAFE", "PHARMACY", "WELCOME", "PARKING", "EXIT", "BAKERY", "HARBOUR", "STUDIO",
    "THERAPY", "GARDEN", "BOOKS", "MARKET", "NO 12", "SALE", "HOTEL", "PLAY", "TEA ROOM", "GALLERY",
)


@dataclass
class Scene:
    image: Image.Image
    objects: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)  # label, box


# ---------------------------------------------------------------- textures


def fractal_noise(h: int, w: int, rng: np.random.Generator, beta: float = 2.0, scale: int = 4) -> np.ndarray:
    """1/f^beta noise in [-1, 1]: the power spectrum of natural images. Made small, then enlarged."""
    sh, sw = max(8, h // scale), max(8, w // scale)
    fy = np.fft.fftfreq(sh)[:, None]
    fx = np.fft.rfftfreq(sw)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    spec = (rng.normal(size=f.shape) + 1j * rng.normal(size=f.shape)) / f ** (beta / 2)
    spec[0, 0] = 0
    a = np.fft.irfft2(spec, s=(sh, sw))
    a = a / (np.abs(a).max() + 1e-9)
    if scale > 1:
        a = np.asarray(Image.fromarray(a.astype(np.float32), "F").resize((w, h), Image.Resampling.BICUBIC))
    return np.clip(a, -1, 1)


def _tex(h: int, w: int, rng, base, amp: float, beta: float = 1.6) -> np.ndarray:
    """A colour texture (h,w,3) float around `base` colour."""
    n = fractal_noise(h, w, rng, beta=beta, scale=2)
    tint = rng.normal(0, 0.35, size=3)
    return np.clip(np.asarray(base, dtype=np.float32)[None, None, :] * (1 + amp * n[..., None] * (1 + tint)), 0, 255)


def _paste_tex(canvas: np.ndarray, mask: Image.Image, tex: np.ndarray) -> None:
    m = np.asarray(mask, dtype=np.float32)[..., None] / 255.0
    canvas *= 1 - m
    canvas += m * tex


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(6, int(size)))


def _shade(rng, base, spread=40):
    return tuple(int(np.clip(c + rng.integers(-spread, spread + 1), 0, 255)) for c in base)


def _draw_person(draw: ImageDraw.ImageDraw, cx: float, top: float, height: float, rng) -> tuple[int, int, int, int]:
    skin = _shade(rng, rng.choice([(224, 188, 160), (198, 150, 110), (150, 105, 75), (95, 65, 45)]), 20)
    cloth = tuple(int(v) for v in rng.integers(20, 230, size=3))
    hair = _shade(rng, rng.choice([(40, 30, 25), (120, 80, 40), (200, 170, 110), (90, 90, 90)]), 15)
    head = height * 0.16
    w = height * 0.28
    body = [cx - w / 2, top + head * 1.05, cx + w / 2, top + height]
    draw.rounded_rectangle(body, radius=int(w * 0.25), fill=cloth)
    draw.ellipse([cx - head * 0.5, top - head * 0.08, cx + head * 0.5, top + head * 0.55], fill=hair)
    draw.ellipse([cx - head * 0.42, top, cx + head * 0.42, top + head * 1.1], fill=skin)
    ey = top + head * 0.45
    for dx in (-0.17, 0.17):
        draw.ellipse([cx + dx * head - head * 0.06, ey - head * 0.04, cx + dx * head + head * 0.06, ey + head * 0.05], fill=(30, 25, 25))
    draw.arc([cx - head * 0.18, top + head * 0.62, cx + head * 0.18, top + head * 0.85], 20, 160, fill=(120, 50, 50), width=max(1, int(head * 0.04)))
    return (int(cx - w / 2), int(top - head * 0.1), int(cx + w / 2), int(top + height))


def _draw_face(draw: ImageDraw.ImageDraw, box, rng) -> None:
    """A large portrait face filling `box` (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    skin = _shade(rng, rng.choice([(230, 195, 170), (205, 160, 120), (160, 115, 80), (100, 70, 50)]), 15)
    hair = _shade(rng, rng.choice([(35, 25, 20), (110, 70, 35), (210, 180, 120), (150, 150, 150)]), 15)
    draw.ellipse([x0 - w * 0.08, y0 - h * 0.05, x1 + w * 0.08, y0 + h * 0.75], fill=hair)
    draw.ellipse([x0, y0 + h * 0.08, x1, y1], fill=skin)
    dark = tuple(max(0, c - 45) for c in skin)
    for ex in (0.32, 0.68):
        cx, cy = x0 + w * ex, y0 + h * 0.48
        draw.ellipse([cx - w * 0.1, cy - h * 0.035, cx + w * 0.1, cy + h * 0.035], fill=(245, 245, 240))
        draw.ellipse([cx - w * 0.04, cy - h * 0.035, cx + w * 0.04, cy + h * 0.035], fill=tuple(int(v) for v in rng.integers(30, 120, 3)))
        draw.line([cx - w * 0.12, cy - h * 0.08, cx + w * 0.1, cy - h * 0.09], fill=hair, width=max(1, int(h * 0.02)))
    draw.polygon([(x0 + w * 0.5, y0 + h * 0.5), (x0 + w * 0.44, y0 + h * 0.68), (x0 + w * 0.56, y0 + h * 0.68)], fill=dark)
    draw.chord([x0 + w * 0.33, y0 + h * 0.72, x0 + w * 0.67, y0 + h * 0.86], 0, 180, fill=(150, 60, 65))


def _sign(draw: ImageDraw.ImageDraw, box, rng, text: str | None = None) -> None:
    x0, y0, x1, y1 = box
    bg = tuple(int(v) for v in rng.integers(0, 255, 3))
    fg = (255, 255, 255) if sum(bg) < 380 else (20, 20, 30)
    draw.rectangle(box, fill=bg, outline=tuple(max(0, c - 60) for c in bg), width=max(1, int((y1 - y0) * 0.06)))
    text = text or str(rng.choice(WORDS))
    size = (y1 - y0) * 0.55
    font = _font(size)
    tw = draw.textlength(text, font=font)
    if tw > (x1 - x0) * 0.9:
        font = _font(size * (x1 - x0) * 0.9 / tw)
        tw = draw.textlength(text, font=font)
    draw.text(((x0 + x1 - tw) / 2, y0 + (y1 - y0) * 0.2), text, fill=fg, font=font)


def _finish(canvas: np.ndarray, rng, *, noise: float) -> Image.Image:
    """Lens and sensor: light fall-off, slight softness, grain."""
    h, w = canvas.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) / 0.5
    canvas *= (1 - rng.uniform(0.05, 0.25) * r)[..., None]
    light = fractal_noise(h, w, rng, beta=3.0, scale=8)
    canvas *= (1 + 0.08 * light)[..., None]
    img = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(radius=max(0.4, min(w, h) / 1500)))
    a = np.asarray(img, dtype=np.float32) + rng.normal(0, noise, size=(h, w, 1)) + rng.normal(0, noise * 0.5, size=(h, w, 3))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


# ---------------------------------------------------------------- family A: outdoor scenes


def outdoor_scene(seed: int, width: int = 1200, height: int = 800) -> Scene:
    """A street or landscape: sky, clouds, hills, buildings with windows, trees, people, a sign."""
    rng = np.random.default_rng(seed)
    h, w = height, width
    canvas = np.zeros((h, w, 3), np.float32)
    horizon = int(h * rng.uniform(0.35, 0.62))
    top, bottom = np.array(rng.choice([(70, 120, 200), (150, 170, 210), (240, 150, 90), (60, 80, 140)])), np.array((205, 215, 230))
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    canvas[:] = top * (1 - t) + bottom * t
    clouds = np.clip(fractal_noise(h, w, rng, beta=2.4) * 1.8 - rng.uniform(0, 0.6), 0, 1)[..., None]
    canvas = canvas * (1 - 0.8 * clouds) + 245 * 0.8 * clouds
    objects: list = []
    # hills
    for layer in range(int(rng.integers(1, 4))):
        prof = fractal_noise(1, w * 2, rng, beta=2.2, scale=1)[0, ::2]
        base = horizon - rng.uniform(0.0, 0.2) * h * (1 - layer * 0.3)
        ridge = base + prof * h * rng.uniform(0.04, 0.12)
        col = np.array(rng.choice([(70, 100, 70), (100, 110, 130), (120, 130, 90), (80, 90, 110)])) * (0.8 + 0.15 * layer)
        mask = Image.fromarray(((np.arange(h)[:, None] >= ridge[None, :]) * 255).astype(np.uint8))
        _paste_tex(canvas, mask, _tex(h, w, rng, col, 0.25))
    # ground
    gmask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(gmask).rectangle([0, horizon, w, h], fill=255)
    gcol = rng.choice([(90, 120, 60), (120, 110, 95), (150, 140, 120), (70, 90, 60)])
    _paste_tex(canvas, gmask, _tex(h, w, rng, gcol, 0.45, beta=1.3))
    img = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    # sun
    if rng.random() < 0.5:
        sx, sy, sr = rng.uniform(0.1, 0.9) * w, rng.uniform(0.05, 0.3) * h, rng.uniform(0.02, 0.05) * w
        draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=(255, 245, 210))
    # buildings
    x = rng.uniform(-0.1, 0.2) * w
    while x < w and rng.random() < 0.85:
        bw = rng.uniform(0.08, 0.22) * w
        bh = rng.uniform(0.15, 0.45) * h
        col = tuple(int(v) for v in rng.integers(60, 220, 3))
        box = [x, horizon - bh, x + bw, horizon + h * 0.05]
        draw.rectangle(box, fill=col)
        draw.polygon([(x, horizon - bh), (x + bw / 2, horizon - bh - bh * rng.uniform(0.05, 0.25)), (x + bw, horizon - bh)], fill=_shade(rng, (120, 60, 50)))
        win = tuple(max(0, c - 70) for c in col) if rng.random() < 0.6 else (250, 230, 160)
        nx, ny = int(rng.integers(2, 6)), int(rng.integers(2, 7))
        for i in range(nx):
            for j in range(ny):
                wx0 = x + bw * (0.1 + 0.8 * i / nx)
                wy0 = horizon - bh + bh * (0.08 + 0.8 * j / ny)
                draw.rectangle([wx0, wy0, wx0 + bw * 0.45 / nx, wy0 + bh * 0.4 / ny], fill=win)
        objects.append(("building", tuple(int(v) for v in box)))
        x += bw + rng.uniform(0.0, 0.15) * w
    # trees
    for _ in range(int(rng.integers(1, 6))):
        tx, th = rng.uniform(0, 1) * w, rng.uniform(0.15, 0.4) * h
        ty = horizon + rng.uniform(-0.02, 0.2) * h
        draw.rectangle([tx - th * 0.04, ty - th * 0.5, tx + th * 0.04, ty], fill=(80, 55, 35))
        green = np.array(rng.choice([(50, 110, 50), (80, 130, 60), (40, 90, 45), (120, 140, 60)]))
        for _ in range(14):
            ox, oy, r = rng.normal(0, th * 0.18), -th * 0.6 + rng.normal(0, th * 0.15), th * rng.uniform(0.12, 0.25)
            draw.ellipse([tx + ox - r, ty + oy - r, tx + ox + r, ty + oy + r], fill=_shade(rng, green, 25))
        objects.append(("tree", (int(tx - th * 0.4), int(ty - th), int(tx + th * 0.4), int(ty))))
    # sign
    if rng.random() < 0.8:
        sw_, sh_ = rng.uniform(0.12, 0.3) * w, rng.uniform(0.05, 0.1) * h
        sx0, sy0 = rng.uniform(0.05, 0.95 - sw_ / w) * w, horizon - rng.uniform(0.05, 0.25) * h
        box = (int(sx0), int(sy0), int(sx0 + sw_), int(sy0 + sh_))
        _sign(draw, box, rng)
        objects.append(("sign", box))
    # people, nearer ones larger
    for _ in range(int(rng.integers(1, 5))):
        ph = rng.uniform(0.15, 0.55) * h
        cx, top_ = rng.uniform(0.08, 0.92) * w, min(h - ph * 0.9, horizon + rng.uniform(-0.1, 0.3) * h - ph * 0.5)
        objects.append(("person", _draw_person(draw, cx, top_, ph, rng)))
    canvas = np.asarray(img, dtype=np.float32).copy()
    grain = _tex(h, w, rng, (1, 1, 1), 0.12, beta=1.0)  # fine texture over everything
    canvas *= grain
    return Scene(_finish(canvas, rng, noise=rng.uniform(1.5, 4.0)), objects)


# ---------------------------------------------------------------- family B: indoor scenes and portraits


def indoor_scene(seed: int, width: int = 1000, height: int = 1250) -> Scene:
    """A room or portrait: bokeh or textured wall, window light, a face, table, books, plant, poster."""
    rng = np.random.default_rng(seed + 7_000_003)
    h, w = height, width
    wall = np.array(rng.choice([(200, 190, 170), (160, 170, 180), (120, 100, 90), (210, 200, 200), (90, 110, 100)]))
    canvas = _tex(h, w, rng, wall, 0.18, beta=2.6)
    img = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    objects: list = []
    if rng.random() < 0.5:  # bokeh lights
        layer = Image.new("RGB", (w, h), (0, 0, 0))
        d = ImageDraw.Draw(layer)
        for _ in range(int(rng.integers(15, 40))):
            r = rng.uniform(0.01, 0.06) * w
            cx, cy = rng.uniform(0, w), rng.uniform(0, h * 0.7)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=tuple(int(v) for v in rng.integers(60, 255, 3)))
        layer = layer.filter(ImageFilter.GaussianBlur(w / 120))
        img = Image.fromarray(np.clip(np.asarray(img, np.float32) + 0.6 * np.asarray(layer, np.float32), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    # window with light
    if rng.random() < 0.6:
        wx0, wy0 = rng.uniform(0, 0.6) * w, rng.uniform(0.02, 0.2) * h
        ww, wh = rng.uniform(0.2, 0.4) * w, rng.uniform(0.2, 0.4) * h
        draw.rectangle([wx0, wy0, wx0 + ww, wy0 + wh], fill=_shade(rng, (235, 240, 250), 10), outline=(240, 240, 235), width=max(2, int(w / 80)))
        draw.line([wx0 + ww / 2, wy0, wx0 + ww / 2, wy0 + wh], fill=(240, 240, 235), width=max(2, int(w / 120)))
        objects.append(("window", (int(wx0), int(wy0), int(wx0 + ww), int(wy0 + wh))))
    # poster with text
    if rng.random() < 0.7:
        px0, py0 = rng.uniform(0.05, 0.7) * w, rng.uniform(0.05, 0.35) * h
        pw, ph = rng.uniform(0.15, 0.28) * w, rng.uniform(0.08, 0.15) * h
        box = (int(px0), int(py0), int(px0 + pw), int(py0 + ph))
        _sign(draw, box, rng)
        objects.append(("poster", box))
    # table with wood grain
    ty = int(h * rng.uniform(0.6, 0.8))
    grain = np.sin(np.linspace(0, rng.uniform(20, 60), w)[None, :] + fractal_noise(h - ty, w, rng, beta=2.0) * 6)
    wood = np.array(rng.choice([(150, 100, 60), (110, 70, 40), (190, 150, 110)]), np.float32)
    arr = np.asarray(img, np.float32).copy()
    arr[ty:] = wood * (0.85 + 0.15 * grain[..., None])
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    # books and a mug
    bx = rng.uniform(0.0, 0.5) * w
    for _ in range(int(rng.integers(2, 8))):
        bw_, bh_ = rng.uniform(0.02, 0.05) * w, rng.uniform(0.08, 0.2) * h
        draw.rectangle([bx, ty - bh_, bx + bw_, ty], fill=tuple(int(v) for v in rng.integers(20, 230, 3)), outline=(30, 30, 30))
        bx += bw_ + 1
    objects.append(("books", (int(rng.uniform(0, 0.5) * w), int(ty - 0.2 * h), int(bx), ty)))
    mx, mr = rng.uniform(0.55, 0.9) * w, rng.uniform(0.03, 0.06) * w
    draw.rectangle([mx - mr, ty - mr * 2.2, mx + mr, ty], fill=_shade(rng, (230, 230, 225), 40))
    draw.arc([mx + mr * 0.6, ty - mr * 1.8, mx + mr * 1.6, ty - mr * 0.6], -90, 90, fill=(200, 200, 200), width=max(2, int(mr / 4)))
    # plant
    if rng.random() < 0.7:
        px, pr = rng.uniform(0.05, 0.95) * w, rng.uniform(0.06, 0.14) * w
        draw.polygon([(px - pr * 0.5, ty), (px + pr * 0.5, ty), (px + pr * 0.4, ty - pr * 0.8), (px - pr * 0.4, ty - pr * 0.8)], fill=_shade(rng, (170, 90, 60)))
        for _ in range(18):
            a = rng.uniform(math.pi * 1.05, math.pi * 1.95)
            L = pr * rng.uniform(0.8, 1.8)
            ex, ey = px + math.cos(a) * L, ty - pr * 0.8 + math.sin(a) * L
            draw.line([px, ty - pr * 0.8, ex, ey], fill=_shade(rng, (50, 120, 50), 30), width=max(2, int(pr / 8)))
        objects.append(("plant", (int(px - pr * 1.8), int(ty - pr * 2.6), int(px + pr * 1.8), ty)))
    # the person
    if rng.random() < 0.8:
        fw = rng.uniform(0.22, 0.45) * w
        fy0 = rng.uniform(0.1, 0.3) * h
        fw = min(fw, (h * 0.95 - fy0) / 1.6)
        fx0 = rng.uniform(0.05, 0.95 - fw / w) * w
        body = [fx0 - fw * 0.5, fy0 + fw * 1.2, fx0 + fw * 1.5, min(h, fy0 + fw * 3)]
        draw.rounded_rectangle(body, radius=int(fw * 0.3), fill=tuple(int(v) for v in rng.integers(20, 220, 3)))
        box = (int(fx0), int(fy0), int(fx0 + fw), int(fy0 + fw * 1.3))
        _draw_face(draw, box, rng)
        objects.append(("face", box))
    canvas = np.asarray(img, np.float32).copy()
    canvas *= _tex(h, w, rng, (1, 1, 1), 0.08, beta=1.2)
    # window light falling across the room
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    canvas *= (1 + 0.18 * np.cos(ang) * (xx / w - 0.5) + 0.18 * np.sin(ang) * (yy / h - 0.5))[..., None]
    img = _finish(canvas, rng, noise=rng.uniform(2.0, 5.0))
    # shallow depth of field: the upper background is softer
    soft = img.filter(ImageFilter.GaussianBlur(radius=w / 400))
    m = Image.fromarray((np.clip(1.2 - yy / h * 2, 0, 1) * 255).astype(np.uint8))
    return Scene(Image.composite(soft, img, m), objects)


GENERATORS: dict[str, Callable[..., Scene]] = {"outdoor": outdoor_scene, "indoor": indoor_scene}


def random_size(rng: np.random.Generator, long_side: tuple[int, int] = (900, 1800)) -> tuple[int, int]:
    """A camera-like size: 4:3, 3:2, 16:9, 1:1, 4:5 in either orientation."""
    ratio = float(rng.choice([4 / 3, 3 / 2, 16 / 9, 1.0, 5 / 4]))
    L = int(rng.integers(*long_side))
    w, h = L, int(L / ratio)
    return (w, h) if rng.random() < 0.6 else (h, w)


# ---------------------------------------------------------------- encoding helpers


def encode(img: Image.Image, fmt: str = "JPEG", **kw) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG" and img.mode != "RGB":
        img = img.convert("RGB")
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def camera_exif(orientation: int = 1) -> bytes:
    ex = Image.Exif()
    ex[0x010F] = "Harbourlight Cameras"
    ex[0x0110] = "HL-100"
    ex[0x0131] = "HL firmware 1.2"
    ex[0x0112] = orientation
    return ex.tobytes()


def _s15(v: float) -> bytes:
    return struct.pack(">i", int(round(v * 65536)))


def rgb_icc_profile(name: str = "Wide Gamut Demo RGB", primaries=None, white=(0.9642, 1.0, 0.8249), gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 matrix/TRC RGB profile (like Adobe RGB or Display P3), built from numbers.

    Used to make "colour profile converted" variants without shipping profile files.
    Default primaries are Display P3's, adapted to D50 (the PCS white).
    """
    primaries = primaries or ((0.5151, 0.2412, -0.0011), (0.2920, 0.6922, 0.0419), (0.1571, 0.0666, 0.7841))

    def xyz(v):
        return b"XYZ " + b"\0" * 4 + b"".join(_s15(c) for c in v)

    def curv(g):
        return b"curv" + b"\0" * 4 + struct.pack(">IH", 1, int(round(g * 256))) + b"\0\0"

    def desc(text):
        t = text.encode("ascii") + b"\0"
        return b"desc" + b"\0" * 4 + struct.pack(">I", len(t)) + t + b"\0" * 12 + b"\0" * 67

    def text_(t):
        return b"text" + b"\0" * 4 + t.encode("ascii") + b"\0"

    tags = [
        (b"desc", desc(name)),
        (b"cprt", text_("No copyright, generated for tests")),
        (b"wtpt", xyz(white)),
        (b"rXYZ", xyz(primaries[0])),
        (b"gXYZ", xyz(primaries[1])),
        (b"bXYZ", xyz(primaries[2])),
        (b"rTRC", curv(gamma)),
        (b"gTRC", curv(gamma)),
        (b"bTRC", curv(gamma)),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, payload in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(payload))
        data += payload
    body = struct.pack(">I", len(tags)) + table + data
    size = 128 + len(body)
    header = struct.pack(">I", size) + b"none" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB " + b"XYZ " + b"\0" * 12
    header += b"acsp" + b"APPL" + b"\0" * 4 + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 4
    header += _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28
    assert len(header) == 128, len(header)
    return header + body


def convert_to_profile(img: Image.Image, icc: bytes) -> Image.Image:
    """The same colours expressed in another RGB profile (pixels change, appearance does not)."""
    src = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    dst = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    return ImageCms.profileToProfile(img, src, dst, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB")


# ---------------------------------------------------------------- variants


def resize_width(img: Image.Image, width: int, resample=Image.Resampling.LANCZOS) -> Image.Image:
    if img.width <= width:
        return img
    return img.resize((width, max(1, round(img.height * width / img.width))), resample)


def platform_process(img: Image.Image, rng: np.random.Generator) -> bytes:
    """What a platform does to a published photo: maybe resize, then re-encode without metadata."""
    width = int(rng.choice([320, 480, 640, 720, 1080, 1080, 1440, 2048]))
    out = resize_width(img, width, rng.choice([Image.Resampling.LANCZOS, Image.Resampling.BICUBIC, Image.Resampling.BILINEAR]))
    if rng.random() < 0.2:
        return encode(out, "WEBP", quality=int(rng.integers(70, 90)))
    return encode(out, "JPEG", quality=int(rng.integers(60, 92)), optimize=bool(rng.random() < 0.5))


def benign_variants(img: Image.Image, rng: np.random.Generator) -> list[tuple[str, bytes]]:
    """Processing that must never alarm: resize, re-compression, format change, metadata strip,
    colour profile conversion, a small platform crop, and typical platform pipelines."""
    w, h = img.size
    out: list[tuple[str, bytes]] = []
    out.append(("resize_320", encode(resize_width(img, 320), "JPEG", quality=int(rng.integers(70, 90)))))
    out.append(("resize_bilinear", encode(resize_width(img, int(rng.integers(400, 900)), Image.Resampling.BILINEAR), "JPEG", quality=85)))
    out.append(("jpeg_q60", encode(img, "JPEG", quality=60)))
    out.append(("jpeg_q" + str(q := int(rng.integers(65, 96))), encode(img, "JPEG", quality=q)))
    out.append(("png", encode(resize_width(img, int(rng.integers(600, 1400))), "PNG")))
    out.append(("webp", encode(img, "WEBP", quality=int(rng.integers(70, 92)))))
    out.append(("webp_small", encode(resize_width(img, 480), "WEBP", quality=75)))
    out.append(("strip_metadata", encode(img, "JPEG", quality=92)))
    p3 = rgb_icc_profile()
    out.append(("icc_converted", encode(convert_to_profile(img, p3), "JPEG", quality=90, icc_profile=p3)))
    # a small platform crop: at most ~3% of the area, from one or two edges
    frac = rng.uniform(0.01, 0.03)
    if rng.random() < 0.5:
        dx = int(w * frac / 2)
        box = (dx, 0, w - dx, h)
    else:
        dy = int(h * frac)
        top = int(rng.integers(0, dy + 1))
        box = (0, top, w, h - (dy - top))
    out.append(("platform_crop", platform_process(img.crop(box), rng)))
    out.append(("platform_pipeline", platform_process(img, rng)))
    out.append(("platform_pipeline_2", platform_process(img, rng)))
    return out


def _region_box(w: int, h: int, rng, area: float, objects=None) -> tuple[int, int, int, int]:
    """A box of about `area` of the picture, on one of the objects when there are some."""
    rw = math.sqrt(area * w * h * rng.uniform(0.6, 1.6))
    rh = area * w * h / rw
    rw, rh = min(rw, w * 0.9), min(rh, h * 0.9)
    if objects and rng.random() < 0.7:
        _, (ox0, oy0, ox1, oy1) = objects[int(rng.integers(len(objects)))]
        cx, cy = (ox0 + ox1) / 2, (oy0 + oy1) / 2
    else:
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    x0 = int(np.clip(cx - rw / 2, 0, w - rw))
    y0 = int(np.clip(cy - rh / 2, 0, h - rh))
    return (x0, y0, int(x0 + rw), int(y0 + rh))


def _sticker(size: tuple[int, int], rng) -> Image.Image:
    sw, sh = size
    st = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(st)
    col = tuple(int(v) for v in rng.integers(0, 255, 3)) + (255,)
    kind = rng.integers(3)
    if kind == 0:
        d.ellipse([0, 0, sw - 1, sh - 1], fill=col, outline=(255, 255, 255, 255), width=max(2, sw // 20))
    elif kind == 1:
        pts = []
        for i in range(10):
            r = (0.5 if i % 2 == 0 else 0.22) * min(sw, sh)
            a = math.pi / 2 + i * math.pi / 5
            pts.append((sw / 2 + r * math.cos(a), sh / 2 - r * math.sin(a)))
        d.polygon(pts, fill=col)
    else:
        d.rounded_rectangle([0, 0, sw - 1, sh - 1], radius=min(sw, sh) // 5, fill=col)
    text = str(rng.choice(["NEW", "50%", "WOW", "LOGO", "TOP", "HI", "GO"]))
    font = _font(min(sh * 0.35, sw * 0.8 / max(1, len(text)) * 1.6))
    tw = d.textlength(text, font=font)
    d.text(((sw - tw) / 2, sh * 0.3), text, fill=(255, 255, 255, 255) if sum(col[:3]) < 400 else (0, 0, 0, 255), font=font)
    return st


def malicious_variants(scene: Scene, rng: np.random.Generator, donor: Scene) -> list[tuple[str, str, bytes]]:
    """Edits that must be flagged, each followed by platform processing: (class, name, bytes).

    Classes: crop, heavy_crop (more than half the picture removed: altered or unknown), mirror,
    rotate, colour, text, sticker, object_removed, region_replaced.
    """
    img, objects = scene.image, scene.objects
    w, h = img.size
    out: list[tuple[str, str, bytes]] = []

    def emit(cls: str, name: str, edited: Image.Image) -> None:
        out.append((cls, name, platform_process(edited, rng)))

    keep = rng.uniform(0.5, 0.85)  # area kept
    aspect_change = rng.uniform(0.75, 1.3)
    cw = min(w, int(w * math.sqrt(keep) * aspect_change))
    ch = min(h, int(keep * w * h / cw))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    emit("crop", f"crop_keep{keep:.2f}", img.crop((x0, y0, x0 + cw, y0 + ch)))
    keep = rng.uniform(0.3, 0.5)
    cw, ch = int(w * math.sqrt(keep)), int(h * math.sqrt(keep))
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    emit("heavy_crop", f"crop_keep{keep:.2f}", img.crop((x0, y0, x0 + cw, y0 + ch)))
    emit("mirror", "mirror", ImageOps.mirror(img))
    emit("rotate", "rot90", img.transpose(rng.choice([Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270, Image.Transpose.ROTATE_180])))
    ang = float(rng.choice([-1, 1]) * rng.uniform(4, 15))
    if rng.random() < 0.5:
        rot = img.rotate(ang, Image.Resampling.BICUBIC, expand=True, fillcolor=tuple(int(v) for v in rng.choice([(0, 0, 0), (255, 255, 255)])))
        emit("rotate", f"tilt{ang:.0f}_expand", rot)
    else:
        rot = img.rotate(ang, Image.Resampling.BICUBIC, expand=False)
        c, s = abs(math.cos(math.radians(ang))), abs(math.sin(math.radians(ang)))
        # the largest centred rectangle of the same aspect inside the rotated picture
        k = min(w / (w * c + h * s), h / (w * s + h * c))
        iw, ih = w * k, h * k
        emit("rotate", f"tilt{ang:.0f}_crop", rot.crop((int((w - iw) / 2) + 1, int((h - ih) / 2) + 1, int((w + iw) / 2) - 1, int((h + ih) / 2) - 1)))
    # colour grading and filters
    grade = str(rng.choice(["grey", "sepia", "warm", "cool", "bright", "dark", "contrast", "flat", "saturate", "desaturate", "vignette", "posterize", "blur", "insta"]))
    emit("colour", grade, colour_grade(img, grade, rng))
    # text added
    edited = img.copy()
    d = ImageDraw.Draw(edited)
    area = rng.uniform(0.06, 0.14)
    text = str(rng.choice(["BOOK NOW 50% OFF", "Miracle cure!", "Call 0800 123", "Best therapist", "FREE SESSION", "DM for prices", "Results in 1 week"]))
    fsize = h * 0.05
    font = _font(fsize)
    bw_ = d.textlength(text, font=font)
    scale = math.sqrt(area * w * h / (bw_ * fsize * 1.2))
    font = _font(fsize * scale)
    bw_ = d.textlength(text, font=font)
    bh_ = fsize * scale * 1.2
    bw_ = min(bw_, w * 0.95)
    tx, ty = rng.uniform(0.02, max(0.03, 0.98 - bw_ / w)) * w, rng.uniform(0.02, max(0.03, 0.98 - bh_ / h)) * h
    style = rng.integers(3)
    fill = tuple(int(v) for v in rng.integers(0, 255, 3))
    if style == 0:
        d.rectangle([tx - 5, ty - 5, tx + bw_ + 5, ty + bh_ + 5], fill=tuple(255 - c for c in fill))
    d.text((tx, ty), text, fill=fill, font=font, stroke_width=int(fsize * scale * 0.06) if style == 1 else 0, stroke_fill=(0, 0, 0))
    emit("text", f"text_{style}", edited)
    # sticker or logo
    edited = img.convert("RGBA")
    area = rng.uniform(0.04, 0.12)
    sw = int(math.sqrt(area * w * h) * rng.uniform(0.8, 1.25))
    sh = int(area * w * h / sw)
    st = _sticker((sw, sh), rng)
    edited.alpha_composite(st, (int(rng.integers(0, w - sw)), int(rng.integers(0, h - sh))))
    emit("sticker", "sticker", edited.convert("RGB"))
    # object removed: the region is filled from its surroundings (what an inpainting tool leaves)
    area = rng.uniform(0.07, 0.14)
    box = _region_box(w, h, rng, area, [o for o in objects if o[0] in ("person", "face", "sign", "poster", "tree", "books", "plant")])
    emit("object_removed", "object_removed", remove_region(img, box, rng))
    # region replaced: a face, sign or patch from another picture pasted over one here
    area = rng.uniform(0.07, 0.14)
    box = _region_box(w, h, rng, area, objects)
    dw, dh = donor.image.size
    bw2, bh2 = box[2] - box[0], box[3] - box[1]
    if donor.objects and rng.random() < 0.6:
        _, src = donor.objects[int(rng.integers(len(donor.objects)))]
    else:
        sx, sy = int(rng.integers(0, max(1, dw - bw2))), int(rng.integers(0, max(1, dh - bh2)))
        src = (sx, sy, sx + bw2, sy + bh2)
    patch = donor.image.crop(src).resize((bw2, bh2), Image.Resampling.BICUBIC)
    edited = img.copy()
    feather = Image.new("L", (bw2, bh2), 0)
    ImageDraw.Draw(feather).rectangle([2, 2, bw2 - 3, bh2 - 3], fill=255)
    edited.paste(patch, box[:2], feather.filter(ImageFilter.GaussianBlur(2)))
    emit("region_replaced", "region_replaced", edited)
    return out


def remove_region(img: Image.Image, box, rng) -> Image.Image:
    """Fill `box` from its surroundings: a heavily blurred copy of the picture plus matching grain."""
    x0, y0, x1, y1 = box
    w, h = img.size
    pad = max(8, int(max(x1 - x0, y1 - y0) * 0.6))
    ctx = img.crop((max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)))
    arr = np.asarray(ctx, np.float32).copy()
    ox, oy = x0 - max(0, x0 - pad), y0 - max(0, y0 - pad)
    m = np.zeros(arr.shape[:2], bool)
    m[oy:oy + (y1 - y0), ox:ox + (x1 - x0)] = True
    # iterative diffusion fill (harmonic inpainting), done at low resolution
    small = max(1, int(max(arr.shape[:2]) / 64))
    a = arr[::small, ::small].copy()
    ms = m[::small, ::small]
    a[ms] = a[~ms].mean(axis=0)
    for _ in range(200):
        nb = (np.roll(a, 1, 0) + np.roll(a, -1, 0) + np.roll(a, 1, 1) + np.roll(a, -1, 1)) / 4
        a[ms] = nb[ms]
    fill = np.asarray(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).resize((arr.shape[1], arr.shape[0]), Image.Resampling.BICUBIC), np.float32)
    fill = fill + rng.normal(0, 3, size=fill.shape)
    arr[m] = fill[m]
    out = img.copy()
    out.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), (max(0, x0 - pad), max(0, y0 - pad)))
    return out


def colour_grade(img: Image.Image, kind: str, rng) -> Image.Image:
    """A visible global colour or filter edit."""
    if kind == "grey":
        return ImageOps.grayscale(img).convert("RGB")
    if kind == "sepia":
        g = np.asarray(ImageOps.grayscale(img), np.float32)[..., None]
        return Image.fromarray(np.clip(g * np.array([1.07, 0.74, 0.43]) + np.array([20, 15, 5]), 0, 255).astype(np.uint8))
    if kind in ("warm", "cool"):
        shift = np.array([1, 0.3, -1] if kind == "warm" else [-1, 0.1, 1]) * rng.uniform(18, 35)
        return Image.fromarray(np.clip(np.asarray(img, np.float32) + shift, 0, 255).astype(np.uint8))
    if kind == "bright":
        return ImageEnhance.Brightness(img).enhance(rng.uniform(1.25, 1.5))
    if kind == "dark":
        return ImageEnhance.Brightness(img).enhance(rng.uniform(0.55, 0.75))
    if kind == "contrast":
        return ImageEnhance.Contrast(img).enhance(rng.uniform(1.4, 1.8))
    if kind == "flat":
        return ImageEnhance.Contrast(img).enhance(rng.uniform(0.45, 0.65))
    if kind == "saturate":
        return ImageEnhance.Color(img).enhance(rng.uniform(1.7, 2.3))
    if kind == "desaturate":
        return ImageEnhance.Color(img).enhance(rng.uniform(0.2, 0.45))
    if kind == "vignette":
        w, h = img.size
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        r = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * 2
        return Image.fromarray(np.clip(np.asarray(img, np.float32) * (1 - rng.uniform(0.5, 0.8) * r)[..., None], 0, 255).astype(np.uint8))
    if kind == "posterize":
        return ImageOps.posterize(img, int(rng.integers(2, 4)))
    if kind == "blur":
        return img.filter(ImageFilter.GaussianBlur(radius=max(img.size) * rng.uniform(0.008, 0.015)))
    if kind == "insta":
        out = ImageEnhance.Contrast(img).enhance(1.3)
        out = Image.fromarray(np.clip(np.asarray(out, np.float32) + np.array([20, 8, -15]), 0, 255).astype(np.uint8))
        return colour_grade(out, "vignette", rng)
    raise ValueError(kind)


# ---------------------------------------------------------------- evaluation sets

# What each class of variant must be judged as.
EXPECTED: dict[str, frozenset[str]] = {
    "benign": frozenset({"approved", "approved_variant"}),
    "heavy_crop": frozenset({"altered", "unknown"}),
    "unrelated": frozenset({"unknown"}),
}
MALICIOUS = ("crop", "mirror", "rotate", "colour", "text", "sticker", "object_removed", "region_replaced")
for _c in MALICIOUS:
    EXPECTED[_c] = frozenset({"altered"})


@dataclass
class EvalCase:
    cls: str  # "benign", a MALICIOUS class, "heavy_crop" or "unrelated"
    name: str  # the variant, e.g. "jpeg_q60", "sticker"
    data: bytes
    source: str | None  # library path it was made from


def library_file(scene: Scene, rng: np.random.Generator) -> tuple[str, bytes]:
    """How a practice keeps a photo: mostly camera JPEGs with EXIF, some stored sideways with an
    orientation tag, some in a wide-gamut colour profile, some PNG. Returns (suffix, bytes)."""
    img = scene.image
    kind = rng.random()
    if kind < 0.15:  # stored sideways, shown upright through the EXIF orientation tag
        return ".jpg", encode(img.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=92, exif=camera_exif(6))
    if kind < 0.3:
        p3 = rgb_icc_profile()
        return ".jpg", encode(convert_to_profile(img, p3), "JPEG", quality=93, icc_profile=p3, exif=camera_exif())
    if kind < 0.4:
        return ".png", encode(img, "PNG")
    return ".jpg", encode(img, "JPEG", quality=int(rng.integers(88, 97)), exif=camera_exif())


def make_source(family: str, seed: int, long_side: tuple[int, int]) -> tuple[str, bytes, list[EvalCase]]:
    """One library image of `family` and every benign and malicious variant of it."""
    gen = GENERATORS[family]
    rng = np.random.default_rng(seed * 7919 + len(family))
    scene = gen(seed, *random_size(rng, long_side))
    suffix, data = library_file(scene, rng)
    path = f"{family}/{family}-{seed:04d}{suffix}"
    donor = gen(seed + 100_000, *random_size(rng, (600, 900)))
    cases = [EvalCase("benign", n, b, path) for n, b in benign_variants(scene.image, rng)]
    cases += [EvalCase(c, n, b, path) for c, n, b in malicious_variants(scene, rng, donor)]
    return path, data, cases


def make_unrelated(family: str, seed: int, long_side: tuple[int, int]) -> EvalCase:
    """A picture of the same kind that is not in the library (the hardest kind of unknown)."""
    gen = GENERATORS[family]
    rng = np.random.default_rng(seed + 555_555)
    scene = gen(seed + 500_000, *random_size(rng, long_side))
    return EvalCase("unrelated", family, platform_process(scene.image, rng), None)
