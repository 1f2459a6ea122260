"""POST /api/classifier/step: answers from the core, and a 422 naming the field for bad input."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.regression import regression_gradient

X = [[1.0, 2.0], [2.0, 0.5], [-1.0, -1.5], [0.5, -2.0]]
Y = [0, 1, 2, 1]
W0 = [[0.1, 0.2], [0.3, -0.1], [-0.2, 0.0]]
B0 = [0.0, 0.1, -0.1]


def body(**changes):
    return {"x": X, "y": Y, "weights": W0, "bias": B0, "learning_rate": 0.5, **changes}


def test_one_step_is_a_gradient_step(client):
    r = client.post("/api/classifier/step", json=body(temperature=2.0, l2=0.1))
    assert r.status_code == 200, r.text
    out = r.json()
    loss, dw, db = regression_gradient(X, Y, W0, B0, temperature=2.0, l2=0.1)
    np.testing.assert_allclose(out["weights"], np.array(W0) - 0.5 * dw, rtol=1e-15)
    np.testing.assert_allclose(out["bias"], np.array(B0) - 0.5 * db, rtol=1e-15)
    assert out["losses"][0] == loss
    assert len(out["losses"]) == 2
    assert out["losses"][1] == pytest.approx(
        regression_gradient(X, Y, out["weights"], out["bias"], 2.0, 0.1)[0], rel=1e-14
    )
    assert set(out) == {"weights", "bias", "losses", "accuracy"}


def test_training_on_iris_from_zero(client):
    iris = client.get("/api/datasets/iris").json()
    r = client.post(
        "/api/classifier/step",
        json={
            "x": iris["x"],
            "y": iris["y"],
            "weights": [[0.0] * 4] * 3,
            "bias": [0.0] * 3,
            "learning_rate": 0.1,
            "steps": 1000,
        },
    ).json()
    assert len(r["losses"]) == 1001
    assert r["losses"][0] == pytest.approx(np.log(3))
    assert r["losses"][-1] < 0.15
    assert r["accuracy"] >= 0.9


def test_the_largest_request_is_served(client):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5000, 64)).round(3).tolist()
    y = (np.arange(5000) % 10).tolist()
    r = client.post(
        "/api/classifier/step",
        json={"x": x, "y": y, "weights": [[0.0] * 64] * 10, "bias": [0.0] * 10,
              "learning_rate": 0.1, "steps": 2},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["losses"][0] == pytest.approx(np.log(10))


def error(client, payload):
    r = client.post("/api/classifier/step", json=payload)
    assert r.status_code == 422, r.text
    return r.json()["detail"]


@pytest.mark.parametrize(
    ("changes", "loc", "msg"),
    [
        ({"y": [0, 1, 3, 1]}, ["body", "y"], "must be class indices from 0 to 2"),
        ({"y": [0, 1, -1, 1]}, ["body", "y", 2], "Input should be greater than or equal to 0"),
        ({"y": [0, 1, 2]}, ["body", "y"], "must have 4 class indices, one per row of x"),
        ({"x": [[1, 2], [3], [1, 1], [0, 0]]}, ["body", "x"],
         "must be a rectangular array of numbers"),
        ({"weights": [[0, 0, 0]] * 3}, ["body", "weights"],
         "each row must have 2 values, one per column of x"),
        ({"bias": [0, 0]}, ["body", "bias"], "must have 3 values, one per row of weights"),
        ({"steps": 0}, ["body", "steps"], "Input should be greater than or equal to 1"),
        ({"steps": 1001}, ["body", "steps"], "Input should be less than or equal to 1000"),
        ({"learning_rate": 0}, ["body", "learning_rate"], "Input should be greater than 0"),
        ({"learning_rate": -1}, ["body", "learning_rate"], "Input should be greater than 0"),
        ({"temperature": 0}, ["body", "temperature"], "Input should be greater than 0"),
        ({"l2": -0.1}, ["body", "l2"], "Input should be greater than or equal to 0"),
        ({"weights": [[0, 0]] * 11, "bias": [0] * 11}, ["body", "weights"],
         "must have at most 10 items, got 11"),
        ({"x": [[0.0] * 65] * 4}, ["body", "x", 0],
         "must have at most 64 items, got 65"),
        ({"x": [[0.0, 1.0]] * 5001}, ["body", "x"],
         "must have at most 5000 items, got 5001"),
        ({"learning_rate": "0.1"}, ["body", "learning_rate"], "Input should be a valid number"),
        ({"y": [0, 1, True, 1]}, ["body", "y", 2], "Input should be a valid integer"),
        ({"x": [[1e300, 1], [1, 1], [1, 1], [1, 1]], "weights": [[1e300, 0]] * 3},
         ["body", "weights"], "the logits W x + b are beyond float64's range"),
        ({"x": [[1e150, 1], [-1e150, 1], [1, 1], [1, 1]], "learning_rate": 1e200, "steps": 5},
         ["body", "learning_rate"],
         "training diverged (the weights or the loss left float64's range): "
         "use a smaller learning rate"),
    ],
)  # fmt: skip
def test_bad_input_is_a_422_naming_the_field(client, changes, loc, msg):
    detail = error(client, body(**changes))
    assert detail[0]["loc"] == loc
    assert detail[0]["msg"] == msg


@pytest.mark.parametrize(
    ("raw", "loc"),
    [
        (b'{"x": [[1, NaN]], "y": [0], "weights": [[0, 0], [0, 0]], "bias": [0, 0], '
         b'"learning_rate": 1}', ["body", "x", 0, 1]),
        (b'{"x": [[1, 2]], "y": [0], "weights": [[0, 0], [0, 0]], "bias": [0, 1e400], '
         b'"learning_rate": 1}', ["body", "bias", 1]),
    ],
)  # fmt: skip
def test_non_finite_values_are_refused(client, raw, loc):
    r = client.post(
        "/api/classifier/step", content=raw, headers={"content-type": "application/json"}
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == loc
    assert "NaN" not in r.text and "Infinity" not in r.text
