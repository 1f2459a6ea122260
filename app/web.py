"""The page route: renders the template; every number on the page comes from the API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.paths import STATIC_DIR, TEMPLATES_DIR
from app.presets import PRESETS

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=TEMPLATES_DIR)

LANGS = ("en", "ru")
DESCRIPTIONS = {
    "en": "Drag the logits and the temperature and watch softmax turn scores into "
    "probabilities, step by step. Works offline; every number comes from a JSON API.",
    "ru": "Двигайте логиты и температуру и смотрите, как softmax превращает оценки "
    "в вероятности, шаг за шагом. Работает без сети; все числа считает JSON API.",
}


def page_language(request: Request) -> str:
    """``?lang=`` if it is one of ours, else the best match in Accept-Language, else English.

    >>> from starlette.requests import Request
    >>> page_language(Request({"type": "http", "query_string": b"lang=ru", "headers": []}))
    'ru'
    >>> header = [(b"accept-language", b"de-DE,ru;q=0.8,en;q=0.5")]
    >>> page_language(Request({"type": "http", "query_string": b"", "headers": header}))
    'ru'
    """
    asked = request.query_params.get("lang", "").lower()
    if asked in LANGS:
        return asked
    choices = []
    for position, item in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = item.strip().partition(";")
        base = tag.strip().lower().split("-")[0]
        try:
            q = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            q = 0.0
        if base in LANGS and q > 0:
            choices.append((-q, position, base))
    return min(choices)[2] if choices else "en"


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    lang = page_language(request)
    context = {
        "lang": lang,
        "description": DESCRIPTIONS[lang],
        "lab_js": (STATIC_DIR / "js" / "lab" / "main.js").is_file(),
        "lab_css": (STATIC_DIR / "css" / "lab.css").is_file(),
        "embed": request.query_params.get("embed") in ("1", "true"),
        # Titles only, so the example buttons are there at first paint; their data
        # (labels and logits) comes from GET /api/presets like every other number.
        "presets": [{"id": p["id"], "title": p["title"][lang]} for p in PRESETS],
    }
    return templates.TemplateResponse(request, "index.html", context)


PAGE_DESCRIPTIONS = {
    "classifier": {
        "en": "Train a softmax classifier on the Iris data or 2-D point sets: drag the weights, "
        "change the temperature, step gradient descent and watch the regions and the loss.",
        "ru": "Обучите softmax-классификатор на ирисах или точках на плоскости: двигайте веса, "
        "меняйте температуру, делайте шаги градиентного спуска и смотрите на области и потери.",
    },
    "digits": {
        "en": "Draw a digit and watch a softmax model read it: ten probabilities, the logits, "
        "the temperature, and the weights it learned for each digit.",
        "ru": "Нарисуйте цифру и смотрите, как её читает softmax-модель: десять вероятностей, "
        "логиты, температура и веса, выученные для каждой цифры.",
    },
}


async def _page(request: Request, name: str) -> HTMLResponse:
    lang = page_language(request)
    context = {"lang": lang, "description": PAGE_DESCRIPTIONS[name][lang]}
    return templates.TemplateResponse(request, f"{name}.html", context)


@router.get("/classifier", response_class=HTMLResponse)
async def classifier(request: Request) -> HTMLResponse:
    return await _page(request, "classifier")


@router.get("/digits", response_class=HTMLResponse)
async def digits(request: Request) -> HTMLResponse:
    return await _page(request, "digits")
