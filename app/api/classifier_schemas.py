"""Wire models of the classifier, datasets and digits endpoints.

Strict, as the rest of the API: no numbers as strings, no booleans, no unknown
fields, no NaN or infinity. Shapes that must agree with each other (x and y,
weights and bias) are checked by the core, which names the field.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

MAX_ROWS = 5000
MAX_FEATURES = 64
MIN_CLASSES, MAX_CLASSES = 2, 10
MAX_STEPS = 1000
MAX_IMAGES = 1000
PIXELS = 64

Finite = Annotated[float, Field(allow_inf_nan=False)]
Row = Annotated[list[Finite], Field(min_length=1, max_length=MAX_FEATURES, fail_fast=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class ClassifierStepRequest(_Strict):
    x: Annotated[
        list[Row],
        Field(min_length=1, max_length=MAX_ROWS, fail_fast=True, description="N rows of D inputs"),
    ]
    y: Annotated[
        list[Annotated[int, Field(ge=0)]],
        Field(min_length=1, max_length=MAX_ROWS, fail_fast=True, description="N class indices"),
    ]
    weights: Annotated[
        list[Row],
        Field(min_length=MIN_CLASSES, max_length=MAX_CLASSES, description="K rows of D weights"),
    ]
    bias: Annotated[
        list[Finite],
        Field(min_length=MIN_CLASSES, max_length=MAX_CLASSES, description="K biases"),
    ]
    learning_rate: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    steps: Annotated[int, Field(ge=1, le=MAX_STEPS)] = 1
    temperature: Annotated[float, Field(gt=0, allow_inf_nan=False)] = 1.0
    l2: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.0


class ClassifierStepResponse(BaseModel):
    weights: list[list[float]] = Field(description="W after the last step (K rows of D)")
    bias: list[float] = Field(description="b after the last step")
    losses: list[float] = Field(description="the objective before each step and after the last")
    accuracy: float = Field(description="share of rows whose largest logit is their label")


class Names(BaseModel):
    en: str
    ru: str


class DatasetInfo(BaseModel):
    name: str
    title: Names
    rows: int
    features: int
    classes: int
    synthetic: bool


class DatasetsResponse(BaseModel):
    datasets: list[DatasetInfo]


class DatasetResponse(BaseModel):
    name: str
    seed: int | None = Field(description="the seed a synthetic set was drawn from; null for data")
    x: list[list[float]]
    y: list[int]
    features: list[Names]
    classes: list[Names]
    source: str


Pixel = Annotated[float, Field(ge=0, le=16, allow_inf_nan=False)]
Image = Annotated[list[Pixel], Field(min_length=PIXELS, max_length=PIXELS, fail_fast=True)]


def _image_or_batch(value: Any) -> str:
    return "batch" if isinstance(value, list) and value and isinstance(value[0], list) else "vector"


class DigitsRequest(_Strict):
    pixels: Annotated[
        Annotated[Image, Tag("vector")]
        | Annotated[
            list[Image], Field(min_length=1, max_length=MAX_IMAGES, fail_fast=True), Tag("batch")
        ],
        Discriminator(_image_or_batch),
        Field(
            description="One 8x8 image as 64 block counts (0 to 16), row by row, "
            f"or a list of up to {MAX_IMAGES} such images."
        ),
    ]
    temperature: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 1.0


class DigitsResponse(BaseModel):
    logits: list[float] | list[list[float]] = Field(description="W x + b, 10 per image")
    probabilities: list[float] | list[list[float]] = Field(description="softmax(logits / T)")
    argmax: int | list[int]
    temperature: float


class DigitSample(BaseModel):
    label: int
    pixels: list[int]


class DigitsModelResponse(BaseModel):
    weights: list[list[float]] = Field(description="10 rows of 64: one 8x8 image per digit")
    bias: list[float]
    held_out_accuracy: float
    held_out_rows: int
    train_rows: int
    samples: list[DigitSample] = Field(description="held-out images, two per digit")
    source: str
