"""Builds the demo folder: an approved library, an export with every kind of problem, and a config."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from monitor.demo.images import scene, with_sticker

CONFIG = """# Demo configuration written by `practice-monitor demo`. Safe to edit and re-run with:
#   practice-monitor run --config {config}
[practice]
name = "The Microbiome Group (demo)"
state_dir = "state"
timezone = "Europe/London"

[media]
library = "approved-media"

[email]
transport = "file"
from = "monitor@microbiomegroup.example"
to = ["admin@microbiomegroup.example"]
outbox_dir = "outbox"

[alerts]
recipients = {{ crisis = ["clinical.lead@microbiomegroup.example"] }}

[posts]
allowed_domains = ["microbiomegroup.example"]

[[identities]]
name = "The Microbiome Group"
handles = {{ export = "microbiomegroup" }}
display_names = ["Microbiome Group"]

[[profiles]]
name = "demo-export"
platform = "export"
path = "export"
"""


def build(folder: Path) -> Path:
    """Write (or refresh) the demo folder and return its config path. Earlier demo state is removed."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in ("state", "outbox", "export", "approved-media"):
        if (folder / old).exists():
            shutil.rmtree(folder / old)
    library = folder / "approved-media"
    images = folder / "export" / "images"
    library.mkdir(parents=True)
    images.mkdir(parents=True)

    waiting_room = scene(11, caption="Welcome")
    garden = scene(23, caption="Mindfulness group")
    waiting_room.save(library / "waiting-room.png")
    garden.save(library / "garden.png")
    scene(5, size=(640, 640)).save(library / "team.png")

    # What the platform would publish: the approved picture, resized and re-compressed (benign).
    waiting_room.resize((800, 533)).save(images / "waiting-room.jpg", quality=78)
    # An edited copy of an approved picture (a promotional sticker pasted on): altered.
    with_sticker(garden).resize((960, 640)).save(images / "garden-edited.jpg", quality=85)
    # A picture that is not in the library at all: unknown.
    scene(777, size=(900, 900), caption="Season's greetings").save(images / "holiday.jpg", quality=85)

    (folder / "export" / "profile.json").write_text(json.dumps(
        {"handle": "microbiomegroup", "display_name": "The Microbiome Group", "bio": "Counselling and psychotherapy."}))
    posts = resources.files("monitor.demo").joinpath("posts.json").read_text(encoding="utf-8")
    (folder / "export" / "posts.json").write_text(posts, encoding="utf-8")
    config = folder / "config.toml"
    config.write_text(CONFIG.format(config=config), encoding="utf-8")
    return config
