"""GET /api/datasets and /api/datasets/{name}."""

from __future__ import annotations

from collections import Counter

import numpy as np


def test_catalogue(client):
    r = client.get("/api/datasets")
    assert r.status_code == 200
    names = {d["name"]: d for d in r.json()["datasets"]}
    assert set(names) == {"iris", "blobs", "moons", "spiral"}
    assert names["iris"] == {
        "name": "iris",
        "title": {"en": "Iris flowers (UCI)", "ru": "Ирисы (UCI)"},
        "rows": 150,
        "features": 4,
        "classes": 3,
        "synthetic": False,
    }


def test_iris_is_the_uci_data(client):
    d = client.get("/api/datasets/iris").json()
    assert len(d["x"]) == 150 and {len(row) for row in d["x"]} == {4}
    assert Counter(d["y"]) == {0: 50, 1: 50, 2: 50}
    assert d["x"][0] == [5.1, 3.5, 1.4, 0.2] and d["y"][0] == 0
    assert d["x"][-1] == [5.9, 3.0, 5.1, 1.8] and d["y"][-1] == 2
    # Column means of the data (Fisher 1936; the UCI page's summary statistics).
    np.testing.assert_allclose(np.mean(d["x"], axis=0), [5.8433, 3.0573, 3.758, 1.1993], atol=5e-5)
    assert [c["en"] for c in d["classes"]] == ["Iris setosa", "Iris versicolor", "Iris virginica"]
    assert all(c["ru"] for c in d["classes"] + d["features"])
    assert "UCI" in d["source"] and "CC BY 4.0" in d["source"]
    assert d["seed"] is None


def test_synthetic_sets_follow_the_seed(client):
    a = client.get("/api/datasets/moons?seed=3").json()
    b = client.get("/api/datasets/moons?seed=3").json()
    c = client.get("/api/datasets/moons?seed=4").json()
    assert a == b and a["x"] != c["x"]
    assert a["seed"] == 3 and len(a["x"]) == 150 and {len(row) for row in a["x"]} == {2}
    assert len(a["classes"]) == 2 and len(client.get("/api/datasets/spiral").json()["classes"]) == 3


def test_linear_softmax_separates_blobs_but_not_moons_or_spiral(client):
    accuracy = {}
    for name in ("blobs", "moons", "spiral"):
        d = client.get(f"/api/datasets/{name}").json()
        k = len(d["classes"])
        r = client.post(
            "/api/classifier/step",
            json={"x": d["x"], "y": d["y"], "weights": [[0.0, 0.0]] * k, "bias": [0.0] * k,
                  "learning_rate": 0.5, "steps": 1000},
        )  # fmt: skip
        accuracy[name] = r.json()["accuracy"]
    assert accuracy["blobs"] >= 0.99
    assert accuracy["moons"] < 0.95 and accuracy["spiral"] < 0.8


def test_unknown_name_and_bad_seed(client):
    r = client.get("/api/datasets/mnist")
    assert r.status_code == 404
    assert r.json()["detail"] == [
        {
            "loc": ["path", "name"],
            "msg": "no dataset named 'mnist'; one of: iris, blobs, moons, spiral",
            "type": "not_found",
        }
    ]
    r = client.get("/api/datasets/blobs?seed=-1")
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "seed"]
    assert r.json()["detail"][0]["msg"] == "Input should be greater than or equal to 0"


def test_unknown_name_is_not_echoed_unless_plain(client):
    # Issue 14: only a short plain identifier is named back; a long or marked-up name is not.
    for name in ("a" * 5000, "%3Cscript%3E", "iris.csv"):
        r = client.get(f"/api/datasets/{name}")
        assert r.status_code == 404
        assert r.json()["detail"] == [
            {
                "loc": ["path", "name"],
                "msg": "no dataset of that name; one of: iris, blobs, moons, spiral",
                "type": "not_found",
            }
        ]
