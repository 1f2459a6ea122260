# Softmax Explorer: the page and the JSON API, served by uvicorn (standard extras).
#   docker build -t softmax-explorer .
#   docker run --rm -p 8000:8000 softmax-explorer      # then open http://localhost:8000/
# Stateless: run as many containers as you like behind any load balancer.
# Settings come from the environment (PORT, WORKERS, SOFTMAX_*; see the README).
# Podman: podman build --format docker -t softmax-explorer .   (the docker format keeps HEALTHCHECK)
# Hardened run: docker run --read-only --cap-drop ALL --security-opt no-new-privileges ...

# The base, overridable for tests only (scripts/docker-smoke builds on a private stand-in).
ARG BASE_IMAGE=python:3.12-slim

# Build stage: the wheel (it carries static/ and templates/ as app/_static, app/_templates).
FROM ${BASE_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
# The runtime dependencies alone, so their layer is rebuilt only when they change.
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > requirements.txt
COPY app ./app
COPY static ./static
COPY templates ./templates
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM ${BASE_IMAGE}
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
RUN useradd --system --uid 10001 --home-dir /nonexistent --no-create-home \
    --shell /usr/sbin/nologin softmax
# Dependencies first: code changes do not reinstall them.
COPY --from=build /src/requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt && rm /tmp/requirements.txt
# Then the app, installed as a wheel (not editable); no source tree in the image.
COPY --from=build /dist/ /tmp/dist/
RUN pip install --no-cache-dir --no-deps /tmp/dist/*.whl && rm -rf /tmp/dist
USER 10001
WORKDIR /srv
ENV SOFTMAX_HOST=0.0.0.0 PORT=8000 WORKERS=2
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; port = os.environ.get('SOFTMAX_PORT') or os.environ.get('PORT') or '8000'; u.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4)"]
# python -m app runs uvicorn on $SOFTMAX_HOST:$PORT with $WORKERS workers and
# finishes in-flight requests on SIGTERM (docker stop).
CMD ["python", "-m", "app"]
