"""`digest --preview FILE.html` opened in a real browser (headless Chromium) at phone and desktop widths:
it renders, shows its pictures, and nothing spills over the right edge of a phone screen."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image, ImageDraw

from monitor.store import MediaCheck, MediaImage, Suspect

BACKGROUND = (0xEE, 0xF0, 0xF3)  # the page colour around the card (templates/_base.html.j2)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _picture(colour: str, label: str) -> bytes:
    im = Image.new("RGB", (480, 320), colour)
    d = ImageDraw.Draw(im)
    d.rectangle((40, 40, 440, 280), outline="white", width=10)
    d.text((60, 150), label, fill="white")
    out = io.BytesIO()
    im.save(out, "JPEG")
    return out.getvalue()


def _screenshot(browser: str, page, out, width: int, height: int, profile_dir) -> Image.Image:
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-dev-shm-usage",
         f"--user-data-dir={profile_dir}", f"--window-size={width},{height}", f"--screenshot={out}",
         page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert out.exists(), f"chromium made no screenshot (exit {proc.returncode}): {proc.stderr[-800:]}"
    return Image.open(out).convert("RGB")


def _populate(store, add_finding) -> None:
    url = "https://cdn.social.example/media/open-day.jpg"
    with store.session() as s:
        s.add(MediaImage(path="events/open-day-2026.jpg", sha256="1" * 64, size=1, mtime_ns=1, width=480, height=320,
                         hashes={}, thumbnail=_picture("#2f6f4f", "approved")))
        s.add(MediaCheck(url_key=hashlib.sha256(url.encode()).hexdigest(), verdict={}, thumbnail=_picture("#8a2f2f", "posted")))
        s.add(Suspect(platform="instagram", handle="harbour.light.counse11ing", score=0.71, verdict="suspicious", status="new"))
    add_finding(store, category="image_unknown", severity="normal", item_kind="post", author_handle="harbourlight",
                excerpt="Thank you to everyone who came to our open day!", evidence=[{"text": "distance 23 to events/open-day-2026.jpg"}],
                reasons=["the picture is not derived from any image in the approved library"],
                action="Check that everyone pictured agreed to be shown, or remove the picture.",
                details={"media_url": url, "nearest": "events/open-day-2026.jpg", "distance": 23})
    add_finding(store, category="outcome_claim", severity="low", author_handle="@grateful_client",
                excerpt=("After only three sessions with Dr Patel my panic attacks are completely cured, honestly the best "
                         "therapist in town, everyone should go and see her, I cannot recommend it enough " * 2),
                evidence=[{"text": "completely cured"}], reasons=["a client describes treatment outcomes in public"],
                action="Consider hiding the comment; do not confirm that the person is a client.")
    add_finding(store, category="booking", severity="normal", author_handle="@newclient",
                item_url="https://social.example/@harbourlight/1234567890123456789/with/a/very/long/path/that/needs/wrapping?ref=abcdefghijklmnopqrstuvwxyz",
                excerpt="Hi, can I book an appointment for next Tuesday? My number is on my profile <3 <script>x</script>",
                evidence=[{"text": "book an appointment"}], reasons=["asks to book in public"], action="Reply with the booking text.")
    add_finding(store, category="crisis", severity="urgent")  # listed as still open


def test_digest_preview_renders_cleanly_in_chromium_on_phone_and_desktop(make_config, store_for, add_finding, run_cli, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("chromium is required in CI (.ci/run installs it with apt-get)")
        pytest.skip("chromium is not installed here (apt-get install -y chromium); .ci/run installs it for CI")
    config = make_config()
    store = store_for(config)
    _populate(store, add_finding)
    from monitor.alerts import plan_alerts

    plan_alerts(store, config)
    page = tmp_path / "digest.html"
    run_cli(["digest", "--preview", page, "--config", config.source], check_rc=0)
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html.split("<body", 1)[1].replace("https://social.example", "")  # nothing remote to load

    for width, height in ((400, 2600), (1280, 1800)):
        shot = _screenshot(browser, page, tmp_path / f"digest-{width}.png", width, height, tmp_path / f"profile-{width}")
        keep = os.environ.get("PM_KEEP_SCREENSHOTS")  # set it to a folder to look at the pictures yourself
        if keep:
            shutil.copy(tmp_path / f"digest-{width}.png", os.path.join(keep, f"digest-{width}.png"))
        assert shot.size == (width, height)
        px = np.asarray(shot, dtype=np.int16)
        drawn = np.abs(px - np.array(BACKGROUND, dtype=np.int16)).max(axis=2) > 12
        assert len(shot.getcolors(maxcolors=1 << 24) or []) > 50, "the page looks blank"
        assert drawn.mean() > 0.2, "little of the page was drawn"
        r, g, b = px[..., 0], px[..., 1], px[..., 2]
        # The inline pictures are there: the posted (red) and the approved (green) thumbnails.
        assert ((r > 120) & (g < 70) & (b < 70)).sum() > 2000, "posted picture missing"
        assert ((g > r + 40) & (g > 90) & (r < 70)).sum() > 2000, "approved picture missing"
        if width == 400:
            # Nothing overflows a phone screen: the rightmost columns stay page background.
            assert not drawn[:1500, -3:].any(), "something is wider than a phone screen"
