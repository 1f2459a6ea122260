"""compose.yaml runs the image behind deploy/nginx.conf, with only the front's port published."""

from __future__ import annotations

import yaml

from tests.ops.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
APP, FRONT = COMPOSE["services"]["app"], COMPOSE["services"]["front"]


def test_the_front_runs_deploy_nginx_conf_in_the_apps_network():
    assert FRONT["network_mode"] == "service:app"  # so nginx.conf's 127.0.0.1:8000 is the app
    [volume] = FRONT["volumes"]
    source, target, mode = volume.split(":")
    assert (source, mode) == ("./deploy/nginx.conf", "ro")
    command = [*FRONT["entrypoint"], *FRONT["command"]]
    assert command[:5] == ["nginx", "-p", "/tmp/", "-c", target]
    assert FRONT["user"] != "0" and not str(FRONT["user"]).startswith("0:")


def test_only_the_fronts_port_is_published_and_the_app_listens_on_loopback():
    assert APP["ports"] == ["8080:8080"]
    assert "ports" not in FRONT
    assert APP["environment"]["SOFTMAX_HOST"] == "127.0.0.1"
    assert "listen 8080;" in (ROOT / "deploy" / "nginx.conf").read_text()


def test_both_run_read_only_without_capabilities():
    for service in (APP, FRONT):
        assert service["read_only"] is True
        assert service["cap_drop"] == ["ALL"]
        assert service["security_opt"] == ["no-new-privileges"]
