"""``python -m app`` / ``softmax-explorer``: serve the page and the API with uvicorn."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import uvicorn

from app.settings import LOG_LEVELS, Settings, positive_int


def _bounded(high: int | None):
    """An argparse type: `positive_int` up to `high`."""

    def parse(text: str) -> int:
        try:
            return positive_int(text, high)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def parse_args(argv: Sequence[str] | None, defaults: Settings) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="softmax-explorer",
        description="Serve the Softmax Explorer page and JSON API.",
        epilog="Each option defaults to its environment variable (SOFTMAX_HOST, SOFTMAX_PORT or "
        "PORT, SOFTMAX_WORKERS or WORKERS, SOFTMAX_LOG_LEVEL).",
    )
    parser.add_argument(
        "--host", default=defaults.host, help="address to bind (default %(default)s)"
    )
    parser.add_argument(
        "--port", type=_bounded(65535), default=defaults.port, help="port (default %(default)s)"
    )
    parser.add_argument(
        "--workers",
        type=_bounded(None),
        default=defaults.workers,
        help="worker processes (default %(default)s)",
    )
    parser.add_argument(
        "--log-level",
        type=str.lower,
        choices=LOG_LEVELS,
        default=defaults.log_level,
        help="default %(default)s",
    )
    parser.add_argument(
        "--reload", action="store_true", help="restart on code changes (development)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # one line naming the variable, not a traceback
        raise SystemExit(f"softmax-explorer: error: {exc}") from None
    args = parse_args(argv, settings)
    uvicorn.run(
        "app.main:app",
        host=args.host,
        port=args.port,
        workers=None if args.reload else args.workers,
        log_level=args.log_level,
        reload=args.reload,
        proxy_headers=True,
        # asyncio's loop: a saturated uvloop answers new requests before waiting
        # ones (MagicStack/uvloop#123; p99 145 ms against 20 ms, benchmarks/README.md).
        loop="asyncio",
        # Finish in-flight requests on SIGTERM, but do not hang forever.
        timeout_graceful_shutdown=10,
        # Past this many connections and requests a worker answers 503 at once
        # instead of running out of file descriptors (SOFTMAX_LIMIT_CONCURRENCY).
        limit_concurrency=settings.limit_concurrency,
        # No "server: uvicorn" on every response: it tells a client nothing it
        # needs. The Date header stays (HTTP/1.1 asks for it; uvicorn makes it
        # once a second). Request heads are bounded by the HTTP parser:
        # httptools' own limits, or 16 KiB per event with h11.
        server_header=False,
        h11_max_incomplete_event_size=16 * 1024,
    )


if __name__ == "__main__":
    main()
