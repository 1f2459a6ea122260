"""Where the page's templates and static files are, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A checkout (and the editable install) has them beside app/; a wheel
    # carries them inside the package as _static / _templates.
    for candidate in (_PACKAGE.parent / name, _PACKAGE / f"_{name}"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {name}/ folder next to {_PACKAGE}")


STATIC_DIR = _find("static")
TEMPLATES_DIR = _find("templates")
