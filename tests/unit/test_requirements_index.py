"""Apps' PyPI requirements on the desktop's server (cli/requirements.py): names, the index the
loader reads, what is dropped, and the faults named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wwe_scapi.cli.requirements as requirements
from wwe_scapi.cli.errors import BuildError
from wwe_scapi.cli.main import main
from wwe_scapi.workspace.description import read_description


@pytest.mark.parametrize(
    "text, name",
    [("python-dateutil==2.9.0.post0", "python-dateutil"), ("Python_DateUtil>=2", "python-dateutil"), (" six ", "six"), ("zope.interface", "zope-interface")],
)
def test_project_names_are_pep_503s(text: str, name: str) -> None:
    assert requirements.project_name(text) == name


def test_a_requirement_that_is_not_one_is_named() -> None:
    with pytest.raises(BuildError, match="expected a PyPI requirement"):
        requirements.project_name("==1.0")


def _fake_pypi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def download(requirement: str, cache: Path, quiet: bool) -> list[Path]:
        asked.append(requirement)
        folder = tmp_path / "pypi" / requirements.project_name(requirement)
        folder.mkdir(parents=True, exist_ok=True)
        wheels = [folder / f"{requirements.project_name(requirement).replace('-', '_')}-1.0-py3-none-any.whl", folder / "six-1.17.0-py2.py3-none-any.whl"]
        for wheel in wheels:
            wheel.write_bytes(b"PK")
        return wheels

    monkeypatch.setattr(requirements, "_download", download)
    return asked


def test_the_index_lists_each_requirements_wheels_and_only_what_is_asked_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pypi(tmp_path, monkeypatch)
    packages = tmp_path / "site" / "packages"
    requirements.install_requirements(["python-dateutil==2.9.0.post0", "humanize"], tmp_path / "cache", packages, True)
    index = json.loads((packages / "apps" / "requirements.json").read_text())["requirements"]
    assert index["python-dateutil"] == {"requirement": "python-dateutil==2.9.0.post0", "wheels": ["python_dateutil-1.0-py3-none-any.whl", "six-1.17.0-py2.py3-none-any.whl"]}
    assert set(index) == {"python-dateutil", "humanize"}
    requirements.install_requirements(["humanize"], tmp_path / "cache", packages, True)
    assert sorted(path.name for path in (packages / "apps").iterdir()) == ["humanize-1.0-py3-none-any.whl", "requirements.json", "six-1.17.0-py2.py3-none-any.whl"]
    requirements.install_requirements([], tmp_path / "cache", packages, True)
    assert not (packages / "apps").exists()


def test_the_same_project_twice_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pypi(tmp_path, monkeypatch)
    with pytest.raises(BuildError, match="python-dateutil is required twice"):
        requirements.install_requirements(["python-dateutil", "Python_DateUtil==2.9.0.post0"], tmp_path / "c", tmp_path / "p", True)


def test_serve_needs_a_build_for_requirements_and_the_workspace_file_may_list_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--no-build", "--requirement", "six"]) == 2
    assert "apps' requirements are fetched by the build" in capsys.readouterr().err
    assert read_description({"requirements": ["six==1.17.0"]}).requirements == ("six==1.17.0",)
