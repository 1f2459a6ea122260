"""Request and response models: the API's wire contract.

Requests are strict (no numbers as strings, no booleans, no unknown fields, no
NaN or infinity). Field names are a contract: add fields, rename none.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

# The page's view of a softmax is defined beside the code that builds it.
from app.report import STEPS_MAX_CLASSES, STEPS_MAX_VALUES
from app.report import SoftmaxResponse as SoftmaxResponse
from app.report import SoftmaxSteps as SoftmaxSteps
from app.report import TwoClass as TwoClass

FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
# Request lists stop at their first bad item: a small body of a million bad items
# (empty rows, strings) would otherwise cost seconds and an answer of ~100 MB.
FAIL_FAST = Field(fail_fast=True)


def _vector_or_batch(value: Any) -> str:
    return "batch" if isinstance(value, list) and value and isinstance(value[0], list) else "vector"


Vector = Annotated[list[FiniteFloat], Field(min_length=1), FAIL_FAST]
Batch = Annotated[
    list[Annotated[list[FiniteFloat], Field(min_length=1), FAIL_FAST]],
    Field(min_length=1),
    FAIL_FAST,
]
Logits = Annotated[
    Annotated[Vector, Tag("vector")] | Annotated[Batch, Tag("batch")],
    Discriminator(_vector_or_batch),
    Field(description="One vector of K logits, or a batch: a list of N rows of K logits."),
]
Temperature = Annotated[
    float,
    Field(
        ge=0,
        allow_inf_nan=False,
        description="T >= 0 divides the logits; T = 0 gives the hard max.",
    ),
]


class StrictModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


def _check_rectangular(logits: list) -> list:
    if logits and isinstance(logits[0], list) and len({len(row) for row in logits}) > 1:
        raise ValueError("every row of a batch must have the same number of classes")
    return logits


class SoftmaxRequest(StrictModel):
    logits: Logits
    temperature: Temperature = 1.0
    steps: bool | None = Field(
        default=None,
        description=(
            "Include the arithmetic (`steps` in the answer): true always, false never, "
            f"null (the default) when each row has at most {STEPS_MAX_CLASSES} classes and "
            f"the request at most {STEPS_MAX_VALUES:,} logits in all. The seven step arrays "
            "would more than double the size and the time of a large answer. "
            "At T = 0 there are no steps."
        ),
    )

    _rectangular = field_validator("logits")(_check_rectangular)


class TemperatureRequest(StrictModel):
    logits: Vector
    temperatures: Annotated[list[Temperature], Field(min_length=1), FAIL_FAST]


class TemperatureResponse(BaseModel):
    temperatures: list[FiniteFloat]
    probabilities: list[list[FiniteFloat]] = Field(description="one row per temperature")
    entropy: list[FiniteFloat] = Field(description="in nats, one per temperature")
    max_entropy: float


Index = Annotated[int, Field(ge=0)]
Target = Annotated[
    Annotated[Index, Tag("index")]
    | Annotated[list[FiniteFloat], Tag("vector"), FAIL_FAST]
    | Annotated[list[Annotated[list[FiniteFloat], FAIL_FAST]], Tag("rows"), FAIL_FAST],
    Discriminator(
        lambda v: (
            "index"
            if not isinstance(v, list)
            else ("rows" if v and isinstance(v[0], list) else "vector")
        )
    ),
    Field(
        description=(
            "For 1-D logits: a class index, or K probabilities. For a batch: N class "
            "indices, or N rows of K probabilities."
        )
    ),
]


class CrossEntropyRequest(StrictModel):
    logits: Logits
    target: Target
    temperature: Annotated[float, Field(gt=0, allow_inf_nan=False)] = 1.0
    label_smoothing: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] = 0.0
    weight: (
        Annotated[
            list[Annotated[float, Field(ge=0, allow_inf_nan=False)]],
            Field(min_length=1),
            FAIL_FAST,
        ]
        | None
    ) = None
    reduction: Literal["mean", "sum", "none"] = "mean"

    _rectangular = field_validator("logits")(_check_rectangular)


class CrossEntropyResponse(BaseModel):
    loss: FiniteFloat | list[FiniteFloat] = Field(
        description="a list only for reduction 'none' with a batch"
    )
    probabilities: list[FiniteFloat] | list[list[FiniteFloat]]
    gradient: list[FiniteFloat] | list[list[FiniteFloat]] = Field(
        description="d loss / d logits (for 'none': of the summed row losses)"
    )
    reduction: str
    temperature: float


class SampleRequest(StrictModel):
    logits: Vector
    temperature: Temperature = 1.0
    n: Annotated[int, Field(ge=1)] = 1000
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0
    top_k: Annotated[int, Field(ge=1)] | None = None
    top_p: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] | None = None


class SampleResponse(BaseModel):
    probabilities: list[FiniteFloat] = Field(
        description="after temperature and filtering, renormalised"
    )
    counts: list[int] = Field(description="draws per class, summing to n")
    n: int
    seed: int


class Preset(BaseModel):
    id: str
    title: dict[str, str] = Field(description="by language: en, ru")
    description: dict[str, str]
    labels: dict[str, list[str]]
    logits: list[float]
    temperature: float = 1.0


class PresetsResponse(BaseModel):
    presets: list[Preset]


class Health(BaseModel):
    status: Literal["ok"]
