"""The API's answers for good requests, checked against independent values."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.special

from tests.reference import entropy_mp, log_softmax_mp, softmax_mp

FOOD = [4, 2, -1]


def post(client, path, body):
    response = client.post(path, json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


class TestSoftmax:
    def test_food_example(self, client):
        r = post(client, "/api/softmax", {"logits": FOOD})
        np.testing.assert_allclose(r["probabilities"], softmax_mp(FOOD), rtol=1e-14)
        np.testing.assert_allclose(r["log_probabilities"], log_softmax_mp(FOOD), rtol=1e-14)
        assert [round(100 * p, 1) for p in r["probabilities"]] == [87.6, 11.8, 0.6]
        assert r["hardmax"] == [1.0, 0.0, 0.0]
        assert r["argmax"] == 0
        assert r["entropy"] == pytest.approx(entropy_mp(FOOD), rel=1e-13)
        assert r["entropy_bits"] == pytest.approx(entropy_mp(FOOD) / math.log(2), rel=1e-13)
        assert r["max_entropy"] == pytest.approx(math.log(3))
        assert r["temperature"] == 1.0
        assert r["two_class"] is None

    def test_steps_show_the_article_arithmetic(self, client):
        steps = post(client, "/api/softmax", {"logits": FOOD})["steps"]
        np.testing.assert_allclose(steps["exp_scaled"], [54.598, 7.389, 0.368], atol=5e-4)
        assert steps["sum_exp_scaled"] == pytest.approx(62.355, abs=5e-4)
        assert steps["shifted"] == [0.0, -2.0, -5.0]
        assert steps["max_scaled"] == 4.0
        assert steps["exponentials"][0] == 1.0

    @pytest.mark.parametrize(
        ("t", "rounded"), [(3, [0.587, 0.302, 0.111]), (0.3, [0.9987, 0.0013, 0.0])]
    )
    def test_temperature(self, client, t, rounded):
        r = post(client, "/api/softmax", {"logits": FOOD, "temperature": t})
        np.testing.assert_allclose(r["probabilities"], softmax_mp(FOOD, t), rtol=1e-13)
        digits = len(str(rounded[0]).split(".")[1])
        assert [round(p, digits) for p in r["probabilities"]] == rounded
        np.testing.assert_allclose(r["steps"]["scaled"], np.array(FOOD) / t, rtol=1e-15)

    def test_zero_temperature_is_the_hard_max_with_null_for_minus_infinity(self, client):
        r = post(client, "/api/softmax", {"logits": [3, 3, 1], "temperature": 0})
        assert r["probabilities"] == [0.5, 0.5, 0.0]
        assert r["log_probabilities"] == [pytest.approx(math.log(0.5))] * 2 + [None]
        assert r["steps"] is None

    def test_batch_rows(self, client):
        r = post(client, "/api/softmax", {"logits": [FOOD, [5.2, 0.8, -3.1]], "temperature": 2})
        expected = scipy.special.softmax(np.array([FOOD, [5.2, 0.8, -3.1]]) / 2, axis=-1)
        np.testing.assert_allclose(r["probabilities"], expected, rtol=1e-13)
        assert r["argmax"] == [0, 0]
        assert len(r["entropy"]) == 2
        assert len(r["steps"]["sum_exponentials"]) == 2

    def test_two_classes_report_the_sigmoid(self, client):
        r = post(client, "/api/softmax", {"logits": [1.5, -0.5], "temperature": 2})
        assert r["two_class"]["difference"] == 1.0
        assert r["two_class"]["sigmoid"] == pytest.approx(r["probabilities"][0], rel=1e-15)
        assert r["two_class"]["sigmoid"] == pytest.approx(1 / (1 + math.exp(-1)), rel=1e-15)

    @pytest.mark.parametrize(
        ("logits", "t", "difference"),
        [
            ([1.7e308, -1.7e308], 1e308, 3.4),
            ([1.7e308, -1.7e308], 1.7976931348623157e308, 2 * (1.7e308 / 1.7976931348623157e308)),
            ([1e308, -1e308], 1e300, 2e8),
            ([-1e308, 1e308], 1e300, -2e8),
        ],
    )
    def test_two_classes_further_apart_than_float64(self, client, logits, t, difference):
        # a - b overflows, (a - b) / T does not: it was null, and sigmoid 1.0
        # beside a p0 of 0.968.
        r = post(client, "/api/softmax", {"logits": logits, "temperature": t})
        assert r["two_class"]["difference"] == pytest.approx(difference, rel=1e-15)
        assert r["two_class"]["sigmoid"] == pytest.approx(r["probabilities"][0], rel=1e-15)
        assert r["probabilities"] == pytest.approx(softmax_mp(logits, t), rel=1e-14)

    @pytest.mark.parametrize(
        ("logits", "t"),
        [
            ([1e308, -1e308], 1),
            ([1000, 999, -1000], 1),
            ([4, 2, -1], 1e-300),
            ([1e308, -1e308], 1e300),
        ],
    )
    def test_extremes_give_finite_probabilities(self, client, logits, t):
        r = post(client, "/api/softmax", {"logits": logits, "temperature": t})
        assert all(isinstance(p, float) and math.isfinite(p) for p in r["probabilities"])
        assert sum(r["probabilities"]) == pytest.approx(1.0, rel=1e-15)
        np.testing.assert_allclose(r["probabilities"], softmax_mp(logits, t), rtol=1e-13)

    def test_no_nan_or_infinity_tokens(self, client):
        text = client.post(
            "/api/softmax", json={"logits": [1e308, -1e308], "temperature": 1e-300}
        ).text
        for token in ("NaN", "Infinity"):
            assert token not in text
        assert client.post(
            "/api/softmax", json={"logits": [1e308, -1e308], "temperature": 1e-300}
        ).json()["log_probabilities"] == [0.0, None]


class TestTemperature:
    def test_sweep(self, client):
        ts = [0, 0.3, 1, 3]
        r = post(client, "/api/temperature", {"logits": FOOD, "temperatures": ts})
        assert r["temperatures"] == ts
        assert r["probabilities"][0] == [1.0, 0.0, 0.0]
        for row, t in zip(r["probabilities"][1:], ts[1:], strict=True):
            np.testing.assert_allclose(row, softmax_mp(FOOD, t), rtol=1e-13)
        assert r["entropy"][0] == 0.0
        assert r["entropy"][3] == pytest.approx(entropy_mp(FOOD, 3), rel=1e-13)
        assert r["max_entropy"] == pytest.approx(math.log(3))


class TestCrossEntropy:
    def test_food_pizza(self, client):
        r = post(client, "/api/cross-entropy", {"logits": FOOD, "target": 0})
        p = softmax_mp(FOOD)
        assert r["loss"] == pytest.approx(-math.log(p[0]), rel=1e-14)
        np.testing.assert_allclose(r["gradient"], [p[0] - 1, p[1], p[2]], rtol=1e-13)
        assert r["reduction"] == "mean"

    def test_gradient_is_divided_by_t(self, client):
        r = post(client, "/api/cross-entropy", {"logits": FOOD, "target": 2, "temperature": 2})
        p = softmax_mp(FOOD, 2)
        np.testing.assert_allclose(r["gradient"], [p[0] / 2, p[1] / 2, (p[2] - 1) / 2], rtol=1e-13)

    def test_soft_target_batch_none(self, client):
        body = {
            "logits": [FOOD, [0, 1, 2]],
            "target": [[0.7, 0.2, 0.1], [0, 0, 1]],
            "label_smoothing": 0.1,
            "reduction": "none",
        }
        r = post(client, "/api/cross-entropy", body)
        assert len(r["loss"]) == 2
        q = 0.9 * np.array(body["target"][0]) + 0.1 / 3
        assert r["loss"][0] == pytest.approx(-(q * np.array(log_softmax_mp(FOOD))).sum(), rel=1e-13)

    def test_loss_too_large_for_float64_is_refused_not_wrong(self, client):
        response = client.post("/api/cross-entropy", json={"logits": [1e308, -1e308], "target": 1})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "target"]


class TestSample:
    def test_same_seed_same_counts(self, client):
        body = {"logits": FOOD, "n": 1000, "seed": 3}
        a, b = post(client, "/api/sample", body), post(client, "/api/sample", body)
        assert a["counts"] == b["counts"]
        assert sum(a["counts"]) == 1000
        assert a["seed"] == 3 and a["n"] == 1000

    def test_top_k_one_is_the_hard_max(self, client):
        r = post(client, "/api/sample", {"logits": FOOD, "top_k": 1, "n": 50, "temperature": 5})
        assert r["probabilities"] == [1.0, 0.0, 0.0]
        assert r["counts"] == [50, 0, 0]


class TestPresetsAndHealth:
    def test_presets_include_the_article_examples(self, client):
        presets = {p["id"]: p for p in client.get("/api/presets").json()["presets"]}
        assert presets["food"]["logits"] == [4.0, 2.0, -1.0]
        assert presets["food"]["labels"]["en"] == ["pizza", "burger", "salad"]
        assert presets["weather"]["logits"] == [5.2, 0.8, -3.1]
        assert {"two-class", "tie", "next-token"} <= set(presets)
        for p in presets.values():
            assert len(p["labels"]["en"]) == len(p["labels"]["ru"]) == len(p["logits"])
            assert p["title"]["ru"] and p["description"]["ru"]

    def test_healthz(self, client):
        assert client.get("/healthz").json() == {"status": "ok"}

    def test_openapi_documents_every_route_with_examples(self, client):
        spec = client.get("/openapi.json").json()
        for path in ("/api/softmax", "/api/temperature", "/api/cross-entropy", "/api/sample"):
            post_op = spec["paths"][path]["post"]
            content = post_op["requestBody"]["content"]["application/json"]
            assert content["examples"], path
            assert {"200", "413", "415", "422"} <= set(post_op["responses"]), path
        assert "/api/presets" in spec["paths"] and "/healthz" in spec["paths"]
