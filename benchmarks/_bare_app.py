"""A bare FastAPI app with one GET route: the baseline of bench_api.py's throughput.

What any FastAPI route costs on this server (routing, dependency solving, the
response model's serialisation), without this app's middleware or numbers.
``/healthz`` is its path so the server helper can tell when it is up.
"""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
