"""Server options and request limits, read from environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def positive_int(text: str, high: int | None = None) -> int:
    """`text` as an integer from 1 (to `high`); ValueError "must be ..." otherwise.

    Shared by the environment (below) and the command line (app/__main__.py).
    """
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or value < 1 or (high is not None and value > high):
        bounds = f"from 1 to {high}" if high else ">= 1"
        raise ValueError(f"must be an integer {bounds}, got {text!r}")
    return value


def _int(
    env: Mapping[str, str], name: str, default: int, *fallbacks: str, high: int | None = None
) -> int:
    """`positive_int` of the first of `name`, `fallbacks` that is set, else `default`."""
    for key in (name, *fallbacks):
        if env.get(key, "").strip():
            try:
                return positive_int(env[key], high)
            except ValueError as exc:
                raise ValueError(f"{key} {exc}") from None
    return default


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be 1 or 0 (true or false), got {env[name]!r}")


def _log_level(value: str) -> str:
    level = value.strip().lower()
    if level not in LOG_LEVELS:
        raise ValueError(f"SOFTMAX_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {value!r}")
    return level


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults documented in the README.

    Each field is read from ``SOFTMAX_<NAME>``; ``PORT`` and ``WORKERS`` are
    also honoured, as container platforms set them.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    log_level: str = "info"
    max_body_bytes: int = 8 * 1024 * 1024
    max_numbers: int = 200_000
    max_samples: int = 10_000
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    root_path: str = ""
    # Who may frame the embed view /?embed=1 (CSP frame-ancestors); other pages: same origin.
    embed_frame_ancestors: str = "*"
    # Seconds for a request body to arrive in full (slow clients get a 408).
    body_timeout: int = 30
    # Host headers answered (``*.a.example`` allowed); empty: any (redirects are relative anyway).
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    # Connections plus requests a worker takes before it answers 503 (uvicorn's limit_concurrency).
    limit_concurrency: int = 1000
    # FastAPI's OpenTelemetry (traces, metrics, logs to the global providers). Off by
    # default: looking the providers up costs every request ~7 µs (benchmarks/README.md).
    opentelemetry: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `env` (default: ``os.environ``)."""
        env = os.environ if env is None else env
        d = cls()
        origins = env.get("SOFTMAX_CORS_ORIGINS", "")
        hosts = env.get("SOFTMAX_ALLOWED_HOSTS", "")
        return cls(
            host=env.get("SOFTMAX_HOST", d.host),
            port=_int(env, "SOFTMAX_PORT", d.port, "PORT", high=65535),
            workers=_int(env, "SOFTMAX_WORKERS", d.workers, "WORKERS"),
            log_level=_log_level(env.get("SOFTMAX_LOG_LEVEL", d.log_level)),
            max_body_bytes=_int(env, "SOFTMAX_MAX_BODY_BYTES", d.max_body_bytes),
            max_numbers=_int(env, "SOFTMAX_MAX_NUMBERS", d.max_numbers),
            max_samples=_int(env, "SOFTMAX_MAX_SAMPLES", d.max_samples),
            cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
            root_path=env.get("SOFTMAX_ROOT_PATH", d.root_path).rstrip("/"),
            embed_frame_ancestors=env.get("SOFTMAX_EMBED_FRAME_ANCESTORS", "").strip()
            or d.embed_frame_ancestors,
            body_timeout=_int(env, "SOFTMAX_BODY_TIMEOUT", d.body_timeout),
            allowed_hosts=tuple(h.strip() for h in hosts.split(",") if h.strip()),
            limit_concurrency=_int(env, "SOFTMAX_LIMIT_CONCURRENCY", d.limit_concurrency),
            opentelemetry=_flag(env, "SOFTMAX_OPENTELEMETRY", d.opentelemetry),
        )
