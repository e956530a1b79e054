"""The lock files that `make install` and the Dockerfile install (requirements/*.txt, written by
`make lock`) pin every dependency pyproject.toml declares, within its declared range."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"app": ROOT / "requirements" / "app.txt", "dev": ROOT / "requirements" / "dev.txt"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def declared(group):
    """The requirements of a dependency group, with the groups it includes."""
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    requirements = []
    for entry in groups[group]:
        requirements += declared(entry["include-group"]) if isinstance(entry, dict) else [Requirement(entry)]
    return requirements


def pinned(group):
    return {canonicalize_name(name): version for name, version in PIN.findall(LOCKS[group].read_text())}


@pytest.mark.parametrize("group", LOCKS)
def test_lock_pins_every_declared_dependency_within_its_range(group):
    pins = pinned(group)
    for requirement in declared(group):
        version = pins.get(canonicalize_name(requirement.name))
        assert version, f"{requirement.name} is missing from {LOCKS[group].name}: run `make lock`"
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{LOCKS[group].name} pins {requirement.name}=={version}, outside {requirement}: run `make lock`"
        )


def test_development_runs_the_versions_production_runs():
    app, dev = pinned("app"), pinned("dev")
    assert {name: dev.get(name) for name in app} == app


def test_every_pin_has_a_hash():
    for lock in LOCKS.values():
        text = lock.read_text()
        assert len(PIN.findall(text)) == len(re.findall(r"^[A-Za-z0-9].*\\\n\s+--hash=sha256:", text, re.MULTILINE))
