"""Benchmark the guide: Lighthouse on key pages, and our build time against plain Material.

Run it with `make bench` (or `python scripts/bench.py` from the project's venv). It is not part
of the test suite: it takes a few minutes and its numbers depend on the machine. The byte
budgets that must never break are checked by `tests/test_budgets.py` instead.

1. Lighthouse 12.2.3 (from `bench/`, installed with `npm ci --prefix bench`), mobile, with its
   default simulated throttling, on the home page, one difference page, the quiz, the glossary
   and the handout (those that exist). The built site is served from loopback by a tiny server
   that gzip-compresses text when the browser accepts it, as any real host would. Prints the
   four category scores and the Largest Contentful Paint (LCP) of each page.
2. Build time: our full `mkdocs build --strict` against plain Material building the same pages
   with our own hooks, theme overrides and Markdown extensions switched off. The two alternate,
   several runs each; prints the median times and their ratio.

Targets: 100 in all four Lighthouse categories, LCP at most 1.0 s, build-time ratio at most 1.3.
The script exits with 1 if a target is missed, so a miss cannot go unnoticed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import importlib.util
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from site_pages import DIFFERENCES  # noqa: E402

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_VERSION = "12.2.3"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The pages issue 7 names; a page that does not exist (yet) is left out and said so.
PAGES = ["", DIFFERENCES[0], "quiz/", "glossary/", "handout/"]
TARGET_SCORE = 100
TARGET_LCP_S = 1.0
TARGET_BUILD_RATIO = 1.3
COMPRESSIBLE = (
    "text/", "application/javascript", "application/json", "image/svg+xml", "application/xml"
)


# --- The site, served as a real host would ---------------------------------------------------


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip when the browser accepts it, long caching for hashed assets."""

    # Keep-alive, as every real static host has: the stylesheet and script reuse the page's
    # connection instead of paying a new connection's round trips each (HTTP/1.0 closes it).
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        status = 200
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzip(path)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        hashed = re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", path.name)
        caching = "public, max-age=31536000, immutable" if hashed else "no-cache"
        self.send_header("Cache-Control", caching)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@functools.cache
def _gzip(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), 9)


def serve_gzip(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    mimetypes.add_type("application/javascript", ".js")
    mimetypes.add_type("application/json", ".json")
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build_site(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


# --- 1. Lighthouse ----------------------------------------------------------------------------


def lighthouse(url: str, report: Path) -> dict[str, Any]:
    """Run Lighthouse on one address; return its scores, LCP and the audits that lost points."""
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    lost = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lost.append(f"{name}: {audit['id']} ({audit['score']:.2f}) {shown}")
    return {
        "scores": scores,
        "lcp_s": data["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp_s": data["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        "kb": data["audits"]["total-byte-weight"]["numericValue"] / 1000,
        "version": data["lighthouseVersion"],
        "lost": lost,
    }


def run_lighthouse(site: Path, workdir: Path, runs: int) -> tuple[list[str], bool]:
    """Lighthouse `runs` times on each page; report the run with the median LCP of each page."""
    if not LIGHTHOUSE.is_file():
        sys.exit(f"Lighthouse is not installed: run `npm ci --prefix {BENCH.relative_to(ROOT)}` first.")
    server, base = serve_gzip(site)
    lines: list[str] = []
    notes: list[str] = []
    ok = True
    columns = [c.replace("-", " ").title() for c in CATEGORIES]
    columns += ["LCP", "FCP", "LCP of each run", "Transferred"]
    lines.append(f"| Page | {' | '.join(columns)} |")
    lines.append("| --- " * (len(columns) + 1) + "|")
    try:
        for address in PAGES:
            if not (site / address / "index.html").is_file():
                notes.append(f"- `/{address}` is not in the built site yet, so it was not measured.")
                continue
            results = []
            for run in range(runs):
                print(f"Lighthouse: /{address} run {run + 1} of {runs} ...", file=sys.stderr, flush=True)
                name = address.strip("/").replace("/", "-") or "home"
                results.append(lighthouse(base + address, workdir / f"lh-{name}-{run + 1}.json"))
            if any(result["version"] != LIGHTHOUSE_VERSION for result in results):
                sys.exit(f"Expected Lighthouse {LIGHTHOUSE_VERSION}, found {results[0]['version']}.")
            result = sorted(results, key=lambda result: result["lcp_s"])[len(results) // 2]
            scores = result["scores"]
            page_ok = all(s >= TARGET_SCORE for s in scores.values()) and result["lcp_s"] <= TARGET_LCP_S
            ok &= page_ok
            cells = " | ".join(str(scores[c]) for c in CATEGORIES)
            each = ", ".join(f"{r['lcp_s']:.2f}" for r in results)
            lines.append(
                f"| `/{address}` | {cells} | {result['lcp_s']:.2f} s{'' if page_ok else ' (missed)'} "
                f"| {result['fcp_s']:.2f} s | {each} | {result['kb']:.1f} KB |"
            )
            notes += [f"- `/{address}` lost points on {item}" for item in result["lost"]]
    finally:
        server.shutdown()
    return lines + [""] + notes, ok


# --- 2. Build time ------------------------------------------------------------------------------


class _Tagged(str):
    """A YAML value with a tag (`!!python/name:...`, `!ENV`) kept as written."""

    tag = ""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.Loader, suffix: str, node: yaml.Node, prefix: str) -> _Tagged:
    value = _Tagged(loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else "")
    value.tag = prefix + suffix
    return value


for _prefix in ("tag:yaml.org,2002:python/", "!"):
    _Loader.add_multi_constructor(_prefix, functools.partial(_keep_tag, prefix=_prefix))
_Dumper.add_representer(_Tagged, lambda dumper, value: dumper.represent_scalar(value.tag, str(value)))


def _is_ours(extension: str) -> bool:
    """True for a Markdown extension from this project rather than from an installed package."""
    if extension in {ep.name for ep in entry_points(group="markdown.extensions")}:
        return False
    module = extension.split(":")[0]
    sys.path.insert(0, str(ROOT))  # `mkdocs build` runs in ROOT, so it can import from there
    try:
        spec = importlib.util.find_spec(module)
    except ImportError:
        spec = None
    finally:
        sys.path.remove(str(ROOT))
    if spec is None or spec.origin is None:
        return True
    origin = Path(spec.origin).resolve()
    # An installed package is not ours, even in a virtual environment inside the project (.venv).
    installed = {Path(p).resolve() for p in (sysconfig.get_path("purelib"), sysconfig.get_path("platlib"))}
    return origin.is_relative_to(ROOT) and not any(origin.is_relative_to(p) for p in installed)


def plain_material_config(workdir: Path) -> tuple[Path, list[str]]:
    """Our mkdocs.yml less everything of ours: same docs and nav, Material as it comes."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    dropped = []
    config["docs_dir"] = str(ROOT / "docs")
    theme = config.get("theme", {})
    if theme.pop("custom_dir", None):
        dropped.append("theme.custom_dir")
    for hook in config.pop("hooks", []) or []:
        dropped.append(f"hook {hook}")
    extensions = []
    for entry in config.get("markdown_extensions", []) or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if not _is_ours(name):
            extensions.append(entry)
        else:
            dropped.append(f"extension {name}")
    config["markdown_extensions"] = extensions
    plugins = []
    for entry in config.get("plugins", ["search"]) or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name in ("search", "material/search"):
            plugins.append(entry)
        else:
            dropped.append(f"plugin {name}")
    config["plugins"] = plugins or ["search"]
    path = workdir / "plain-material.yml"
    text = yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path, dropped


_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def build_env(compiled_modules: bool) -> dict[str, str]:
    """The environment of a timed build.

    Python keeps compiled copies of the modules it imports (`__pycache__`): pip wrote Material's
    when it installed it, and the warm-up build writes ours (the hooks and extensions). A machine
    with PYTHONDONTWRITEBYTECODE set (this one) would compile ours again on every build and never
    Material's, so the variable is lifted; with `compiled_modules` false, it is set.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if compiled_modules:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def timed_build(args: list[str], site: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds of one `mkdocs build` process, and MkDocs' own "built in" time."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args, "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    inner = _BUILT_IN.search(result.stderr)
    return wall, float(inner[1]) if inner else float("nan")


def run_build_time(workdir: Path, runs: int, compiled_modules: bool = True) -> tuple[list[str], bool]:
    plain, dropped = plain_material_config(workdir)
    ours_args = ["--strict"]
    plain_args = ["--config-file", str(plain)]
    env = build_env(compiled_modules)
    if not compiled_modules:
        # Python still reads compiled copies that an earlier run left; without them, it compiles.
        for cache in sorted((ROOT / "overrides").rglob("__pycache__")):
            shutil.rmtree(cache)
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "plain": []}
    # One warm-up each (file caches, compiled modules), then strictly alternating runs.
    timed_build(ours_args, workdir / "ours", env)
    timed_build(plain_args, workdir / "plain", env)
    for run in range(runs):
        print(f"Build time: run {run + 1} of {runs} ...", file=sys.stderr, flush=True)
        times["ours"].append(timed_build(ours_args, workdir / "ours", env))
        times["plain"].append(timed_build(plain_args, workdir / "plain", env))
    wall = {k: statistics.median(t[0] for t in v) for k, v in times.items()}
    inner = {k: statistics.median(t[1] for t in v) for k, v in times.items()}
    # Ratios of paired, alternating runs, so a slow moment of the machine hits both sides.
    ratio = statistics.median(o[0] / p[0] for o, p in zip(times["ours"], times["plain"]))
    inner_ratio = statistics.median(o[1] / p[1] for o, p in zip(times["ours"], times["plain"]))
    ok = ratio <= TARGET_BUILD_RATIO
    pages = len(list((workdir / "ours").rglob("index.html")))
    lines = [
        "| Build | Median wall-clock time | Median \"Documentation built in\" |",
        "| --- | --- | --- |",
        f"| Ours: `mkdocs build --strict` | {wall['ours']:.2f} s | {inner['ours']:.2f} s |",
        f"| Plain Material, same pages | {wall['plain']:.2f} s | {inner['plain']:.2f} s |",
        f"| Ratio (median of {runs} paired runs) | **{ratio:.2f}**{'' if ok else ' (missed)'} "
        f"| {inner_ratio:.2f} |",
        "",
        f"{pages} pages. Switched off for plain Material: {', '.join(dropped) or 'nothing'}.",
        "Compiled modules kept between builds (Python's default)."
        if compiled_modules
        else "Our modules compiled again on every build (PYTHONDONTWRITEBYTECODE=1).",
    ]
    return lines, ok


# --- Main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="build-time runs of each kind (default 15)")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)"
    )
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build-time", action="store_true")
    parser.add_argument(
        "--no-compiled-modules",
        action="store_true",
        help="compile our modules again on every timed build (see build_env)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder (Lighthouse JSON reports)"
    )
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    ok, out = True, []
    try:
        if not options.skip_lighthouse:
            site = workdir / "site"
            build_site(site)
            lines, passed = run_lighthouse(site, workdir, options.lighthouse_runs)
            ok &= passed
            title = (
                f"## Lighthouse {LIGHTHOUSE_VERSION} (mobile, simulated throttling; "
                f"median of {options.lighthouse_runs} runs)"
            )
            out += [title, "", *lines, ""]
        if not options.skip_build_time:
            lines, passed = run_build_time(workdir, options.runs, not options.no_compiled_modules)
            ok &= passed
            out += ["## Build time", "", *lines, ""]
    finally:
        if options.keep:
            print(f"Work folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    out.append(
        f"Targets: {TARGET_SCORE} in every category, LCP <= {TARGET_LCP_S} s, "
        f"build ratio <= {TARGET_BUILD_RATIO}: "
        + ("all met." if ok else "MISSED (see above).")
    )
    print("\n".join(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
