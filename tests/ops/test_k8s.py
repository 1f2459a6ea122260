"""deploy/k8s: valid for Kubernetes (kubernetes-validate --strict), and keeping its promises."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from app.settings import Settings
from tests.ops.conftest import ROOT

K8S = ROOT / "deploy" / "k8s"
MANIFESTS = sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
CONTROLLER = ROOT / "deploy" / "ingress-nginx" / "configmap.yaml"
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def load(name: str) -> dict:
    return yaml.safe_load((K8S / name).read_text())


def nginx(directive: str, nth: int | None = None) -> str:
    """The value of `directive` in deploy/nginx.conf: the only one, or the `nth`."""
    found = re.findall(rf"^\s*{directive}\s+([^;]+);", NGINX, re.MULTILINE)
    assert nth is not None or len(found) == 1, (directive, found)
    return found[nth or 0]


def validate(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("kubernetes-validate")
    cmd = [exe] if exe else [sys.executable, "-m", "kubernetes_validate"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120)


def test_kubernetes_validate_strict_passes_every_manifest():
    files = [str(p) for p in [*MANIFESTS, CONTROLLER]]
    result = validate("--strict", *files)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" passed for resource ") == len(files), result.stdout


def test_kubernetes_validate_strict_catches_an_unknown_field(tmp_path):
    bad = tmp_path / "deployment.yaml"
    bad.write_text((K8S / "deployment.yaml").read_text().replace("replicas: 2", "replica: 2"))
    result = validate("--strict", str(bad))
    assert result.returncode != 0
    assert "'replica' was unexpected" in result.stdout + result.stderr


def test_kustomization_lists_every_manifest():
    assert sorted(load("kustomization.yaml")["resources"]) == sorted(p.name for p in MANIFESTS)
    kinds = {yaml.safe_load(p.read_text())["kind"] for p in MANIFESTS}
    assert kinds == {
        "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress"
    }  # fmt: skip


def test_the_deployment_keeps_its_promises():
    spec = load("deployment.yaml")["spec"]
    assert spec["replicas"] >= 2
    pod = spec["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (app,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert app[probe]["httpGet"]["path"] == "/healthz"
    security = app["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    for kind in ("requests", "limits"):
        assert set(app["resources"][kind]) == {"cpu", "memory"}
    # The grace period covers the preStop pause and uvicorn's drain (timeout_graceful_shutdown).
    main = (ROOT / "app" / "__main__.py").read_text()
    drain = int(re.search(r"timeout_graceful_shutdown=(\d+)", main).group(1))
    command = " ".join(app["lifecycle"]["preStop"]["exec"]["command"])
    pause = int(re.search(r"time\.sleep\((\d+)\)", command).group(1))
    assert pod["terminationGracePeriodSeconds"] >= pause + drain + 5


def test_hpa_scales_the_deployment_on_cpu_and_the_pdb_keeps_one():
    hpa = load("hpa.yaml")["spec"]
    assert hpa["scaleTargetRef"]["name"] == load("deployment.yaml")["metadata"]["name"]
    assert hpa["minReplicas"] >= 2
    assert [m["resource"]["name"] for m in hpa["metrics"]] == ["cpu"]
    assert load("pdb.yaml")["spec"]["minAvailable"] == 1


def test_ingress_annotations_set_the_limits_of_nginx_conf():
    notes = load("ingress.yaml")["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    same = {
        "proxy-body-size": "client_max_body_size",
        "client-body-buffer-size": "client_body_buffer_size",
        "proxy-buffer-size": "proxy_buffer_size",
        "proxy-max-temp-file-size": "proxy_max_temp_file_size",
    }
    for note, directive in same.items():
        assert notes[prefix + note] == nginx(directive), note
    assert notes[prefix + "proxy-buffers-number"] == nginx("proxy_buffers").split()[0]
    for note in ("proxy-connect-timeout", "proxy-send-timeout", "proxy-read-timeout"):
        assert notes[prefix + note] + "s" == nginx(note.replace("-", "_")), note
    # and nginx.conf's body limit is the app's
    assert nginx("client_max_body_size") == f"{Settings().max_body_bytes // 2**20}m"


@pytest.mark.parametrize(
    ("key", "directive", "nth"),
    [
        ("client-header-buffer-size", "client_header_buffer_size", None),
        ("large-client-header-buffers", "large_client_header_buffers", None),
        ("client-header-timeout", "client_header_timeout", None),
        ("client-body-timeout", "client_body_timeout", None),
        ("keep-alive", "keepalive_timeout", 0),  # the server's
        ("upstream-keepalive-timeout", "keepalive_timeout", 1),  # the upstream's
        ("upstream-keepalive-connections", "keepalive", None),
        ("gzip-min-length", "gzip_min_length", None),
        ("gzip-types", "gzip_types", None),
    ],
)
def test_the_controller_config_matches_nginx_conf(key, directive, nth):
    data = yaml.safe_load(CONTROLLER.read_text())["data"]
    value = nginx(directive, nth)
    assert data[key] == (value[:-1] if re.fullmatch(r"\d+s", value) else value)
