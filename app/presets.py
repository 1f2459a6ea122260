"""Example logit vectors shown on the page and served by ``GET /api/presets``."""

from __future__ import annotations

PRESETS: list[dict] = [
    {
        "id": "food",
        "title": {"en": "What to eat?", "ru": "Что съесть?"},
        "description": {
            "en": "The model's raw scores for three dishes; softmax turns them into 87.6 %, 11.8 %, 0.6 %.",
            "ru": "Сырые оценки модели для трёх блюд; softmax превращает их в 87,6 %, 11,8 %, 0,6 %.",
        },
        "labels": {"en": ["pizza", "burger", "salad"], "ru": ["пицца", "бургер", "салат"]},
        "logits": [4.0, 2.0, -1.0],
    },
    {
        "id": "weather",
        "title": {"en": "Tomorrow's weather", "ru": "Погода на завтра"},
        "description": {
            "en": "Logits can be negative; probabilities never are.",
            "ru": "Логиты бывают отрицательными, вероятности — никогда.",
        },
        "labels": {"en": ["sunny", "rainy", "snowy"], "ru": ["солнце", "дождь", "снег"]},
        "logits": [5.2, 0.8, -3.1],
    },
    {
        "id": "two-class",
        "title": {"en": "Two classes: spam or not", "ru": "Два класса: спам или нет"},
        "description": {
            "en": "With two classes softmax is a sigmoid of the difference of the logits.",
            "ru": "Для двух классов softmax — это сигмоида от разности логитов.",
        },
        "labels": {"en": ["spam", "not spam"], "ru": ["спам", "не спам"]},
        "logits": [1.5, -0.5],
    },
    {
        "id": "tie",
        "title": {"en": "A tie", "ru": "Ничья"},
        "description": {
            "en": "Equal logits get equal probabilities; the hard max splits the tie evenly.",
            "ru": "Равные логиты дают равные вероятности; жёсткий максимум делит ничью поровну.",
        },
        "labels": {"en": ["cat", "dog", "fox"], "ru": ["кошка", "собака", "лиса"]},
        "logits": [3.0, 3.0, 1.0],
    },
    {
        "id": "next-token",
        "title": {
            "en": 'Next word: "The cat sat on the …"',
            "ru": "Следующее слово: «Кот сел на …»",
        },
        "description": {
            "en": "A language model scores every candidate word; temperature decides how adventurous sampling is.",
            "ru": "Языковая модель оценивает каждое слово-кандидат; температура решает, насколько смело выбирать.",
        },
        "labels": {
            "en": ["mat", "sofa", "floor", "roof", "keyboard", "moon"],
            "ru": ["коврик", "диван", "пол", "крышу", "клавиатуру", "луну"],
        },
        "logits": [3.2, 2.5, 2.1, 0.9, 0.3, -1.5],
    },
]
