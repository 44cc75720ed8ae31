"""The `wwe-scapi` command: `serve` the simulated Agent Workspace, or `build` its site."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from wwe_scapi.cli.options import OptionError, option_is_set, parse_app, parse_option, read_config_file
from wwe_scapi.cli.server import ListenError, Origin, serve_site
from wwe_scapi.cli.startup_checks import refused_app_warnings, unknown_option_warnings
from wwe_scapi.cli.errors import BuildError
from wwe_scapi.cli.sitebuild import build_site, find_checkout
from wwe_scapi.security.origins import OPTION as ORIGINS_OPTION
from wwe_scapi.security.errors import PolicyConfigError
from wwe_scapi.service.setup import build_service, configure
from wwe_scapi.workspace.description import DescriptionError, WorkspaceDescription, read_description
from wwe_scapi.workspace.webcontent import web_contents

# Two apps in Python, one in plain JavaScript (on genesys.wwe.service), each on its own origin.
SAMPLES = (
    ("Sample A", "localhost", 1, "/apps/sample-a/"),
    ("Sample B", "127.0.0.1", 2, "/apps/sample-b/"),
    ("Sample JS", "localhost", 3, "/apps/sample-js/"),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wwe-scapi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the simulated Agent Workspace with sample apps")
    serve.add_argument("--port", type=int, default=8700, help="desktop port (apps use the next ones)")
    serve.add_argument("--host", default="127.0.0.1", help="desktop host (default 127.0.0.1)")
    serve.add_argument("--app", action="append", default=[], metavar="[TITLE=]URL",
                       help="embed your own app, in a tab titled TITLE (repeatable); the samples are then left out")
    serve.add_argument("--samples", action="store_true", help="embed the sample apps beside your --app ones")
    serve.add_argument("--no-samples", action="store_true", help="do not embed the sample apps")
    serve.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                       help="an Agent Workspace option, e.g. service-client-api.rate-limit=50 (repeatable)")
    serve.add_argument("--config", type=Path, metavar="FILE", help="a file of key=value options")
    serve.add_argument("--workspace", type=Path, metavar="FILE.toml",
                       help="the agent, states, directory, options, campaigns and apps to serve (docs/workspace-file.md)")
    serve.add_argument("--strict", action="store_true",
                       help="fail requests that stray from the reference's documented forms (warned of otherwise)")
    serve.add_argument("--log", type=Path, metavar="FILE",
                       help="write the protocol log to FILE as JSON lines, as the desktop page sees it")
    serve.add_argument("--requirement", action="append", default=[], metavar="SPEC",
                       help="a PyPI requirement apps may install from this server (repeatable), e.g. python-dateutil==2.9.0.post0")
    serve.add_argument("--no-build", action="store_true", help="serve the site as it is")
    serve.add_argument("--verbose", action="store_true", help="log every HTTP request")
    build = commands.add_parser("build", help="build the static site")
    build.add_argument("--out", type=Path, help="output folder (default: site/ in the checkout)")
    for command in (serve, build):
        command.add_argument("--no-snapshots", action="store_true",
                             help="make no memory snapshots: pages boot Pyodide instead of restoring one")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            out = build_site(args.out, snapshots=not args.no_snapshots)
            print(f"site built in {out}")
            return 0
        return _serve(args)
    except (OptionError, BuildError, PolicyConfigError) as error:
        print(f"wwe-scapi: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # during a build
        return 130


def _built_site() -> Path:
    site = find_checkout() / "site"
    if not (site / "index.html").is_file():
        raise BuildError(f"--no-build: {site} has not been built yet (run `wwe-scapi build`, or drop --no-build)")
    return site


def with_samples(args: argparse.Namespace, own: bool | None = None) -> bool:
    """The samples are embedded unless --no-samples, or apps of one's own (--app, the workspace
    file's) without --samples."""
    if args.samples and args.no_samples:
        raise OptionError("--samples and --no-samples: choose one")
    return not args.no_samples and (args.samples or not (args.app if own is None else own))


def _serve(args: argparse.Namespace) -> int:
    described, description = read_workspace_file(args.workspace) if args.workspace else (None, None)
    file_apps = [dict(app) for app in description.apps] if description is not None else []
    samples = with_samples(args, own=bool(args.app or file_apps))
    own_apps = file_apps + [parse_app(text) for text in args.app]
    last_port = args.port + (len(SAMPLES) if samples else 0)
    if not 0 < args.port <= last_port <= 65535:
        raise OptionError(f"--port {args.port}: expected a port from 1 to {65535 - last_port + args.port}")
    options = read_config_file(args.config) if args.config else {}
    options.update(parse_option(text) for text in args.option)
    if description is not None:  # the file's options under --config's and --option's
        options = {**{key: _as_text(value) for key, value in description.options.items()}, **options}
    desktop = Origin(args.host, args.port)
    origins = [desktop]
    apps: list[dict[str, str]] = []
    if samples:
        for title, host, offset, path in SAMPLES:
            origin = Origin(host, args.port + offset)
            origins.append(origin)
            apps.append({"title": title, "url": origin.url + path})
    apps += own_apps
    if not option_is_set(options, ORIGINS_OPTION):
        options[ORIGINS_OPTION] = default_accepted_origins(apps, options)
        print(f"{ORIGINS_OPTION} not set: accepting the embedded apps' origins {options[ORIGINS_OPTION]}")
    build_service(options, description=description)  # refuse invalid options here, before anything is served
    warnings = unknown_option_warnings(options) + refused_app_warnings([app["url"] for app in own_apps], options)
    for warning in warnings:
        print(f"wwe-scapi: warning: {warning}", file=sys.stderr)
    if warnings and args.strict:
        raise OptionError(f"--strict: {len(warnings)} warning{'s' if len(warnings) > 1 else ''} above")
    requirements = [*(description.requirements if description is not None else ()), *args.requirement]
    if args.no_build and requirements:
        raise OptionError("--no-build: apps' requirements are fetched by the build; drop --no-build")
    site = _built_site() if args.no_build else build_site(requirements=requirements, snapshots=not args.no_snapshots)
    config = {
        "options": options,
        "apps": apps,
        "strict": args.strict,
        "origins": {"desktop": desktop.url, "apps": [origin.url for origin in origins[1:]]},
    }
    if described is not None:
        config["workspace"] = described
    try:
        running = serve_site(site, origins, config=config, verbose=args.verbose, log_file=args.log)
    except ListenError as error:
        print(f"wwe-scapi: {error.strerror}. Is another server using these ports? Try another --port.",
              file=sys.stderr)
        return 2
    print(f"Agent Workspace desktop: {desktop.url}/")
    for origin in origins[1:]:
        print(f"  sample app origin:     {origin.url}")
    for app in apps:
        print(f"  embedded app: {app['title']}: {app['url']}")
    for content in web_contents(build_service(options).workspace.configuration):
        print(f"  web content ({content.placement.value.lower()}): {content.title}: {content.url}")
    if args.log is not None:
        print(f"  protocol log, as JSON lines: {args.log}")
    print("Ctrl-C stops.", flush=True)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops as cleanly as Ctrl-C
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


def default_accepted_origins(apps: list[dict[str, str]], options: dict[str, str]) -> str:
    """The origins of the embedded apps: --app, the samples and interaction.web-content."""
    urls = [app["url"] for app in apps]
    urls += [content.url for content in web_contents(build_service(options).workspace.configuration)]
    return ", ".join(sorted({f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in urls}))


def read_workspace_file(path: Path) -> tuple[dict[str, Any], WorkspaceDescription]:
    """The TOML file as data (for the page) and as checked; OptionError naming what is wrong."""
    try:
        with path.open("rb") as source:
            data = tomllib.load(source)
    except OSError as error:
        raise OptionError(f"--workspace {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise OptionError(f"--workspace {path}: not TOML: {error}") from None
    try:
        json.dumps(data)
    except TypeError:
        raise OptionError(f"--workspace {path}: dates and times are not supported; write them as text") from None
    try:
        description = read_description(data, str(path))
        configure(None, None, description)  # the campaigns load, the states and agent fit
    except DescriptionError as error:
        raise OptionError(str(error) if str(error).startswith(str(path)) else f"{path}: {error}") from None
    return data, description


def _as_text(value: object) -> str:
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
