"""POST /api/digits/predict and GET /api/digits: the shipped model and its held-out accuracy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from app.core import softmax
from app.datasets import digits_held_out, digits_model

ROOT = Path(__file__).resolve().parents[2]


def predict(client, payload):
    r = client.post("/api/digits/predict", json=payload)
    assert r.status_code == 200, r.text
    return r.json()


def test_held_out_accuracy_is_what_the_file_and_readme_say(client):
    held = digits_held_out()
    out = predict(client, {"pixels": held["pixels"]})
    accuracy = np.mean(np.array(out["argmax"]) == held["labels"])
    model = digits_model()
    assert accuracy == pytest.approx(model["held_out_accuracy"], abs=6e-5)
    assert accuracy >= 0.93
    assert len(held["labels"]) == model["held_out_rows"] == 359
    assert model["train_rows"] + model["held_out_rows"] == 1797
    readme = (ROOT / "README.md").read_text()
    assert re.search(rf"held-out accuracy[^.\n]*{model['held_out_accuracy']:.3f}", readme)


def test_one_image_answers_logits_probabilities_argmax(client):
    image = digits_held_out()["pixels"][0]
    out = predict(client, {"pixels": image, "temperature": 2.0})
    model = digits_model()
    logits = np.asarray(model["weights"]) @ image + model["bias"]
    np.testing.assert_allclose(out["logits"], logits, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(out["probabilities"], softmax(logits, 2.0), rtol=1e-12)
    assert out["argmax"] == int(np.argmax(logits))
    assert out["temperature"] == 2.0
    hard = predict(client, {"pixels": image, "temperature": 0})
    assert sorted(hard["probabilities"]) == [0.0] * 9 + [1.0]


def test_model_endpoint(client):
    r = client.get("/api/digits")
    assert r.status_code == 200
    m = r.json()
    assert len(m["weights"]) == 10 and {len(row) for row in m["weights"]} == {64}
    assert [s["label"] for s in m["samples"]] == [d for d in range(10) for _ in range(2)]
    held = digits_held_out()
    for s in m["samples"]:
        assert s["pixels"] in held["pixels"]
    assert "CC BY 4.0" in m["source"]


def test_weights_file_is_small_and_plain_json():
    path = ROOT / "app" / "data" / "digits_weights.json"
    assert path.stat().st_size < 16_000
    assert json.loads(path.read_text())["training"]["inputs"] == "pixels / 16"


@pytest.mark.parametrize(
    ("payload", "loc", "msg"),
    [
        ({"pixels": [0] * 63}, ["body", "pixels"],
         "must have at least 64 items, got 63"),
        ({"pixels": [0] * 65}, ["body", "pixels"],
         "must have at most 64 items, got 65"),
        ({"pixels": [17] + [0] * 63}, ["body", "pixels", 0],
         "Input should be less than or equal to 16"),
        ({"pixels": [0] * 63 + [-1]}, ["body", "pixels", 63],
         "Input should be greater than or equal to 0"),
        ({"pixels": [[0] * 64, [0] * 8]}, ["body", "pixels", 1],
         "must have at least 64 items, got 8"),
        ({"pixels": [[0] * 64] * 1001}, ["body", "pixels"],
         "must have at most 1000 items, got 1001"),
        ({"pixels": [0] * 64, "temperature": -1}, ["body", "temperature"],
         "Input should be greater than or equal to 0"),
        ({"pixels": []}, ["body", "pixels"],
         "must not be empty: it needs at least 64 items"),
        ({}, ["body", "pixels"], "Field required"),
    ],
)  # fmt: skip
def test_bad_input_is_a_422_naming_the_field(client, payload, loc, msg):
    r = client.post("/api/digits/predict", json=payload)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == loc
    assert r.json()["detail"][0]["msg"] == msg
