"""Softmax regression (multinomial logistic regression) trained by gradient descent.

A linear model ``z = W x + b`` whose probabilities are ``softmax(z / T)``,
fitted to class labels by plain full-batch gradient descent on the mean
cross-entropy plus an L2 penalty on the weights. The probabilities come from
the core's `log_softmax`, so the model shares its numerics with the rest of
the app.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

# Public names only (app.core's modules are free to move); not imported by app.core itself.
from app.core import CoreInputError, log_softmax
from app.core._regression_checks import checked, non_negative, positive

__all__ = ["RegressionResult", "regression_gradient", "regression_logits", "regression_steps"]


@dataclass(frozen=True)
class RegressionResult:
    """What `regression_steps` returns.

    Attributes
    ----------
    weights : ndarray, shape (K, D)
        W after the last step.
    bias : ndarray, shape (K,)
        b after the last step.
    losses : ndarray, shape (steps + 1,)
        The objective before each step and after the last one.
    accuracy : float
        Share of rows whose largest logit is their label, after the last step.
    """

    weights: NDArray[np.float64]
    bias: NDArray[np.float64]
    losses: NDArray[np.float64]
    accuracy: float


def regression_logits(x: ArrayLike, weights: ArrayLike, bias: ArrayLike) -> NDArray[np.float64]:
    """Logits ``z = x W^T + b`` of a linear model, one row per row of `x`.

    Parameters
    ----------
    x : array_like, shape (N, D)
        Inputs, one per row.
    weights : array_like, shape (K, D)
        One row of weights per class.
    bias : array_like, shape (K,)
        One bias per class.

    Returns
    -------
    ndarray, shape (N, K)

    Examples
    --------
    >>> regression_logits([[1.0, 2.0]], [[1.0, 0.0], [0.0, 1.0]], [0.5, 0.0]).tolist()
    [[1.5, 2.0]]
    """
    return np.asarray(x, dtype=np.float64) @ np.asarray(weights, dtype=np.float64).T + bias


def _objective(x, onehot, w, b, t, l2, *, gradient=True):
    """Loss and, if asked, its gradient (dW, db) at (W, b); see `regression_gradient`.

    `onehot` is Y, the labels as an (N, K) array of 0 and 1.
    """
    n = x.shape[0]
    log_p = log_softmax(x @ w.T + b, t)
    loss = 0.0 - np.vdot(onehot, log_p) / n  # 0.0 - : a perfect fit is 0.0, not -0.0
    if l2:
        loss += 0.5 * l2 * np.vdot(w, w)
    if not gradient:
        return loss, None, None
    g = np.exp(log_p)  # (P - Y) / (N T): d(mean loss)/d(logits)
    g -= onehot
    g *= 1.0 / (n * t)
    dw = g.T @ x
    if l2:
        dw += l2 * w
    return loss, dw, g.sum(axis=0)


def regression_gradient(
    x: ArrayLike,
    y: ArrayLike,
    weights: ArrayLike,
    bias: ArrayLike,
    temperature: float = 1.0,
    l2: float = 0.0,
) -> tuple[float, NDArray[np.float64], NDArray[np.float64]]:
    """Objective of softmax regression and its gradient with respect to W and b.

    Parameters
    ----------
    x : array_like, shape (N, D)
    y : array_like of int, shape (N,)
        Class indices from 0 to K - 1.
    weights : array_like, shape (K, D)
    bias : array_like, shape (K,)
    temperature : float, optional
        T > 0 divides the logits before the softmax. Default 1.
    l2 : float, optional
        Strength of the penalty on the weights (not the bias). Default 0.

    Returns
    -------
    loss : float
        ``L = mean_i CE(softmax((W x_i + b) / T), y_i) + (l2 / 2) sum W^2``.
    grad_weights : ndarray, shape (K, D)
        ``dL/dW = (P - Y)^T X / (N T) + l2 W``.
    grad_bias : ndarray, shape (K,)
        ``dL/db = sum_i (p_i - y_i) / (N T)``.

    Notes
    -----
    The gradient of cross-entropy with respect to the logits is ``(p - y) / T``
    (one-hot `y`); the chain rule through ``z = W x + b`` gives the rest.

    Examples
    --------
    With zero weights every class gets 1/K, so the loss is log K:

    >>> loss, dw, db = regression_gradient([[1.0], [-1.0]], [0, 1], [[0.0], [0.0]], [0.0, 0.0])
    >>> round(loss, 6), dw.tolist(), db.tolist()
    (0.693147, [[-0.5], [0.5]], [0.0, 0.0])
    """
    x, labels, w, b = checked(x, y, weights, bias)
    t = positive(temperature, "temperature")
    onehot = np.eye(w.shape[0])[labels]
    loss, dw, db = _objective(x, onehot, w, b, t, non_negative(l2, "l2"))
    return float(loss), dw, db


def regression_steps(
    x: ArrayLike,
    y: ArrayLike,
    weights: ArrayLike,
    bias: ArrayLike,
    *,
    learning_rate: float,
    steps: int = 1,
    temperature: float = 1.0,
    l2: float = 0.0,
) -> RegressionResult:
    """Take `steps` steps of full-batch gradient descent on softmax regression.

    Each step is ``W <- W - learning_rate * dL/dW`` and
    ``b <- b - learning_rate * dL/db`` with the objective and gradient of
    `regression_gradient`.

    Parameters
    ----------
    x, y, weights, bias, temperature, l2
        As in `regression_gradient`.
    learning_rate : float
        Step size, > 0.
    steps : int, optional
        Number of steps, >= 1. Default 1.

    Returns
    -------
    RegressionResult
        The new W and b, the objective before each step and after the last,
        and the accuracy of the argmax of the logits after the last step.

    Raises
    ------
    CoreInputError
        For shapes that disagree, labels out of range, non-finite values, or
        a run that leaves float64's range (on ``learning_rate``).

    Examples
    --------
    >>> r = regression_steps([[1.0], [-1.0]], [0, 1], [[0.0], [0.0]], [0.0, 0.0],
    ...                      learning_rate=1.0, steps=2)
    >>> r.losses.round(4).tolist(), r.accuracy
    ([0.6931, 0.3133, 0.1946], 1.0)
    """
    x, labels, w, b = checked(x, y, weights, bias)
    t = positive(temperature, "temperature")
    lr = positive(learning_rate, "learning_rate")
    l2 = non_negative(l2, "l2")
    if not (isinstance(steps, int | np.integer) and steps >= 1):
        raise CoreInputError("steps", "must be an integer >= 1")
    with np.errstate(over="ignore", invalid="ignore"):  # refused just below
        start = x @ w.T + b
    if not np.isfinite(start).all():
        raise CoreInputError("weights", "the logits W x + b are beyond float64's range")
    onehot = np.eye(w.shape[0])[labels]
    losses = np.empty(steps + 1)
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is refused below
            for i in range(steps):
                losses[i], dw, db = _objective(x, onehot, w, b, t, l2)
                w = w - lr * dw
                b = b - lr * db
            logits = x @ w.T + b
            losses[steps] = _objective(x, onehot, w, b, t, l2, gradient=False)[0]
    except CoreInputError:  # log_softmax refused logits that overflowed
        losses[-1] = np.inf
    if not np.isfinite(losses).all() or not (np.isfinite(w).all() and np.isfinite(b).all()):
        raise CoreInputError(
            "learning_rate",
            "training diverged (the weights or the loss left float64's range): "
            "use a smaller learning rate",
        )
    accuracy = float(np.mean(np.argmax(logits, axis=1) == labels))
    return RegressionResult(weights=w, bias=b, losses=losses, accuracy=accuracy)
