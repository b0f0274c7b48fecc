"""The lock files say the same as pyproject.toml: every dependency is pinned there, at a
version its range allows, with hashes. If this fails: `bash packaging/lock.sh`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ROOT / "packaging" / "lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)", re.MULTILINE)


def pins(name: str) -> dict[str, str]:
    text = (LOCKS / name).read_text(encoding="utf-8")
    return {canonicalize_name(n): v for n, v in PIN.findall(text)}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements(*groups: str) -> list[Requirement]:
    spec = project()
    lines = list(spec["dependencies"])
    for group in groups:
        lines += spec["optional-dependencies"][group]
    return [Requirement(line) for line in lines]


def out_of_step(lock: str, wanted: list[Requirement]) -> list[str]:
    pinned = pins(lock)
    wrong = []
    for requirement in wanted:
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            wrong.append(f"{requirement.name}: absent de {lock}")
        elif not requirement.specifier.contains(version, prereleases=True):
            wrong.append(f"{requirement.name}=={version} hors de « {requirement.specifier} »")
    return wrong


def test_app_and_test_lock_follows_pyproject():
    assert out_of_step("app-test.txt", requirements("test")) == []


def test_build_lock_follows_pyproject_and_build_in():
    build_in = [
        Requirement(line.split("#")[0].strip())
        for line in (LOCKS / "build.in").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    assert out_of_step("build.txt", requirements() + build_in) == []


@pytest.mark.parametrize("lock", ["app-test.txt", "build.txt"])
def test_every_pin_has_a_hash(lock):
    blocks = re.split(r"\n(?=[A-Za-z0-9])", (LOCKS / lock).read_text(encoding="utf-8"))
    unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
    assert unhashed == []
