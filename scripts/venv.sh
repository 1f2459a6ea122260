# Sourced by scripts/serve and scripts/test: make or reuse .venv and put it first on PATH,
# so `python3` and `pip` below are the venv's. Works on a stock Debian 12 or 13, where the
# system Python refuses pip installs (PEP 668) and `python -m venv` needs python3-venv.
#   An active virtual environment ($VIRTUAL_ENV) is used as it is.
#   .venv is isolated from the system's site-packages: everything is installed into it.

use_venv() {
  if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python3" ]; then
    export PATH="$VIRTUAL_ENV/bin:$PATH"
    return
  fi
  if [ ! -x .venv/bin/python3 ]; then
    # Debian ships ensurepip (what venv needs for pip) in python3-venv.
    if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
        echo "python3 -m venv needs Debian's python3-venv: apt-get install python3-venv (as root)" >&2
        return 1
      fi
      echo "== apt-get install python3-venv (for .venv)"
      "${sudo[@]}" apt-get update -qq
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    echo "== python3 -m venv .venv"
    rm -rf .venv
    python3 -m venv .venv
  fi
  export VIRTUAL_ENV="$PWD/.venv"
  export PATH="$VIRTUAL_ENV/bin:$PATH"
}
