"""Datasets for the classifier page: the Iris data, and 2-D sets made from a seed.

Each dataset is a dict with ``x`` (rows of features), ``y`` (class indices),
``features`` and ``classes`` (names in English and Russian) and ``source``.
The synthetic sets are drawn with numpy's PCG64 generator, so a seed gives
the same points on every machine.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"
SYNTHETIC_POINTS = 150  # per set, split evenly between the classes

IRIS_SOURCE = (
    "Iris (R. A. Fisher, 1936), UCI Machine Learning Repository, "
    "https://doi.org/10.24432/C56C76, CC BY 4.0. Rows 35 and 38 carry the corrections "
    "documented on the UCI page."
)
SYNTHETIC_SOURCE = "Synthetic: made by Softmax Explorer from the seed (numpy PCG64)."


def _names(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"en": en, "ru": ru} for en, ru in pairs]


@cache
def _iris() -> dict:
    with (DATA_DIR / "iris.csv").open(newline="") as f:
        rows = [row for row in csv.reader(f) if row and not row[0].startswith("#")]
    species = ["setosa", "versicolor", "virginica"]
    body = rows[1:]
    return {
        "x": [[float(v) for v in row[:4]] for row in body],
        "y": [species.index(row[4]) for row in body],
        "features": _names(
            ("sepal length, cm", "длина чашелистика, см"),
            ("sepal width, cm", "ширина чашелистика, см"),
            ("petal length, cm", "длина лепестка, см"),
            ("petal width, cm", "ширина лепестка, см"),
        ),
        "classes": _names(
            ("Iris setosa", "ирис щетинистый"),
            ("Iris versicolor", "ирис разноцветный"),
            ("Iris virginica", "ирис виргинский"),
        ),
        "source": IRIS_SOURCE,
    }


def _blobs(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Three round clouds around the corners of a triangle: a linear model separates them."""
    y = np.arange(n) % 3
    angles = 2 * np.pi * y / 3 + np.pi / 2
    centres = 2.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    return centres + 0.55 * rng.standard_normal((n, 2)), y


def _moons(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles: no straight line separates them."""
    y = np.arange(n) % 2
    angle = np.pi * rng.random(n)
    upper = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    lower = np.stack([1 - np.cos(angle), 0.5 - np.sin(angle)], axis=1)
    x = np.where(y[:, None] == 0, upper, lower) - [0.5, 0.25]
    return 1.6 * x + 0.12 * rng.standard_normal((n, 2)), y


def _spiral(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Three arms winding around the centre: a linear model gets about a third right."""
    y = np.arange(n) % 3
    r = rng.random(n)
    angle = 2 * np.pi * y / 3 + 4 * r + 0.2 * rng.standard_normal(n)
    return 3 * r[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1), y


XY = _names(("x₁", "x₁"), ("x₂", "x₂"))
SYNTHETIC = {
    "blobs": (
        _blobs,
        _names(("blob 1", "облако 1"), ("blob 2", "облако 2"), ("blob 3", "облако 3")),
    ),
    "moons": (_moons, _names(("upper", "верхняя"), ("lower", "нижняя"))),
    "spiral": (_spiral, _names(("arm 1", "рукав 1"), ("arm 2", "рукав 2"), ("arm 3", "рукав 3"))),
}
TITLES = {
    "iris": {"en": "Iris flowers (UCI)", "ru": "Ирисы (UCI)"},
    "blobs": {"en": "Three blobs (separable)", "ru": "Три облака (разделимы)"},
    "moons": {"en": "Two moons (not linear)", "ru": "Две луны (не линейно)"},
    "spiral": {"en": "Spiral (not linear)", "ru": "Спираль (не линейно)"},
}
NAMES = tuple(TITLES)


def synthetic(name: str, seed: int = 0, n: int = SYNTHETIC_POINTS) -> dict:
    """The synthetic set `name` drawn from `seed`, coordinates rounded to 4 decimals.

    >>> a, b = synthetic("blobs", 1), synthetic("blobs", 1)
    >>> a["x"] == b["x"], len(a["x"]), sorted(set(a["y"]))
    (True, 150, [0, 1, 2])
    """
    make, classes = SYNTHETIC[name]
    x, y = make(np.random.default_rng(seed), n)
    return {
        "x": np.round(x, 4).tolist(),
        "y": y.tolist(),
        "features": XY,
        "classes": classes,
        "source": SYNTHETIC_SOURCE,
    }


def dataset(name: str, seed: int = 0) -> dict:
    """The dataset `name` (one of `NAMES`); `seed` matters for the synthetic ones.

    Raises KeyError for an unknown name.
    """
    if name == "iris":
        return {"name": name, "seed": None, **_iris()}
    if name not in SYNTHETIC:
        raise KeyError(name)
    return {"name": name, "seed": seed, **synthetic(name, seed)}


def catalogue() -> list[dict]:
    """Name, titles and sizes of every dataset, for ``GET /api/datasets``."""
    out = []
    for name in NAMES:
        d = dataset(name)
        out.append(
            {
                "name": name,
                "title": TITLES[name],
                "rows": len(d["x"]),
                "features": len(d["features"]),
                "classes": len(d["classes"]),
                "synthetic": name in SYNTHETIC,
            }
        )
    return out


@cache
def digits_model() -> dict:
    """The digits page's model (app/data/digits_weights.json, made by scripts/train_digits.py).

    ``weights`` (10 x 64) and ``bias`` (10) act on raw pixels (block counts 0..16).
    """
    return json.loads((DATA_DIR / "digits_weights.json").read_text())


@cache
def digits_held_out() -> dict:
    """The held-out images the model never saw: ``pixels`` (rows of 64) and ``labels``."""
    return json.loads((DATA_DIR / "digits_held_out.json").read_text())


def digit_samples(per_class: int = 2) -> list[dict]:
    """The first `per_class` held-out images of each digit, for the page's picker."""
    held = digits_held_out()
    out = []
    for digit in range(10):
        rows = [i for i, label in enumerate(held["labels"]) if label == digit][:per_class]
        out.extend({"label": digit, "pixels": held["pixels"][i]} for i in rows)
    return out
