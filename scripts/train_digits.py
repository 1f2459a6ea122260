"""Train the digits page's model and write it into the package (app/data/).

    pip install -e '.[train]'      # scikit-learn, for its copy of the data only
    python scripts/train_digits.py

The data: the UCI "Optical Recognition of Handwritten Digits" test set (E. Alpaydin,
C. Kaynak, 1998; https://doi.org/10.24432/C50P49, CC BY 4.0) as scikit-learn ships
it: 1,797 images of 8x8 blocks, each the count (0 to 16) of inked pixels in a 4x4
block of a 32x32 bitmap. A fifth of each digit's images is held out (a fixed seed);
the model is softmax regression trained on the rest by this project's own gradient
descent (app.core.regression), and its accuracy on the held-out fifth is written
next to the weights. The app needs neither scikit-learn nor this script.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's app, whichever one is installed

from app.core.regression import regression_logits, regression_steps  # noqa: E402

SEED = 0
HELD_OUT = 0.2
LEARNING_RATE = 0.5
STEPS = 3000
L2 = 1e-4
SOURCE = (
    "UCI Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak, 1998), "
    "https://doi.org/10.24432/C50P49, CC BY 4.0; the 1,797 images scikit-learn ships."
)


def split(y: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the training rows and of the held-out rows (a fifth of each digit)."""
    rng = np.random.default_rng(seed)
    train, test = [], []
    for digit in range(10):
        rows = rng.permutation(np.flatnonzero(y == digit))
        cut = round(len(rows) * HELD_OUT)
        test.extend(rows[:cut])
        train.extend(rows[cut:])
    return np.sort(train), np.sort(test)


def train(x: np.ndarray, y: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Weights and bias for raw pixels (0..16), and the final training loss.

    Trained on pixels / 16 (inputs in 0..1 suit one learning rate for every
    pixel); W / 16 then gives the same logits on raw pixels.
    """
    result = regression_steps(
        x / 16.0, y, np.zeros((10, 64)), np.zeros(10), learning_rate=LEARNING_RATE,
        steps=steps, l2=L2,
    )  # fmt: skip
    return result.weights / 16.0, result.bias, float(result.losses[-1])


def rounded(a: np.ndarray) -> list:
    """Six significant digits: the file stays small, the logits change by ~1e-6."""
    return [[float(f"{v:.6g}") for v in row] for row in np.atleast_2d(a)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--out", type=Path, default=ROOT / "app" / "data")
    args = parser.parse_args()
    from sklearn.datasets import load_digits  # the one use of scikit-learn

    x, y = load_digits(return_X_y=True)
    train_rows, test_rows = split(y, SEED)
    w, b, loss = train(x[train_rows], y[train_rows], args.steps)
    weights, bias = rounded(w), rounded(b)[0]
    logits = regression_logits(x[test_rows], weights, bias)
    accuracy = float(np.mean(np.argmax(logits, axis=1) == y[test_rows]))
    model = {
        "weights": weights,
        "bias": bias,
        "held_out_accuracy": round(accuracy, 4),
        "held_out_rows": len(test_rows),
        "train_rows": len(train_rows),
        "training": {
            "seed": SEED, "learning_rate": LEARNING_RATE, "steps": args.steps, "l2": L2,
            "final_loss": round(loss, 6), "inputs": "pixels / 16",
        },
        "source": SOURCE,
    }  # fmt: skip
    held_out = {"labels": y[test_rows].tolist(), "pixels": x[test_rows].astype(int).tolist()}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "digits_weights.json").write_text(json.dumps(model, separators=(",", ":")))
    (args.out / "digits_held_out.json").write_text(json.dumps(held_out, separators=(",", ":")))
    print(f"held-out accuracy {accuracy:.4f} on {len(test_rows)} images; training loss {loss:.4f}")


if __name__ == "__main__":
    main()
