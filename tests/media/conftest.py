"""Fixtures for the media tests: small generated photo-like pictures, an in-memory library, a store."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from monitor.config.model import MediaConfig
from monitor.media import synthetic
from monitor.media.library import LibraryIndex, index_image


@pytest.fixture(scope="session")
def settings() -> MediaConfig:
    return MediaConfig()


@pytest.fixture(scope="session")
def scenes() -> dict[str, synthetic.Scene]:
    """Three library pictures (two families, landscape and portrait) and one never approved."""
    return {
        "street.jpg": synthetic.outdoor_scene(11, 720, 480),
        "portrait.jpg": synthetic.indoor_scene(12, 480, 600),
        "park.jpg": synthetic.outdoor_scene(13, 640, 640),
        "_stranger": synthetic.outdoor_scene(99, 720, 480),
    }


@pytest.fixture(scope="session")
def library_bytes(scenes) -> dict[str, bytes]:
    return {name: synthetic.encode(sc.image, "JPEG", quality=93, exif=synthetic.camera_exif())
            for name, sc in scenes.items() if not name.startswith("_")}


@pytest.fixture(scope="session")
def mem_index(library_bytes, settings) -> LibraryIndex:
    return LibraryIndex.from_images([(name, index_image(data, settings)) for name, data in library_bytes.items()])


@pytest.fixture
def store(tmp_path):
    from monitor.store.db import Store

    s = Store(f"sqlite:///{tmp_path / 'media.db'}")
    s.upgrade()
    yield s
    s.dispose()


@pytest.fixture
def jpeg():
    """jpeg(img, quality=85, **kw) -> bytes"""

    def enc(img: Image.Image, quality: int = 85, **kw) -> bytes:
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=quality, **kw)
        return buf.getvalue()

    return enc


@pytest.fixture
def rng():
    return np.random.default_rng(2024)
