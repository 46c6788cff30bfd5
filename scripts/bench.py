"""Benchmark the guide: Lighthouse on key pages, build time, and how build time grows with size.

Run it with `make bench` (or `python scripts/bench.py` from the project's venv). It is not part
of the test suite: it takes a few minutes and its numbers depend on the machine. The byte
budgets that must never break are checked by `tests/test_budgets.py` instead.

1. Lighthouse 12.2.3 (from `bench/`, installed with `npm ci --prefix bench`), mobile, with its
   default simulated throttling, on the home page, one difference page, the quiz, the glossary
   and the handout (those that exist). The built site is served from loopback by a tiny server
   that gzip-compresses text when the browser accepts it, as any real host would. Prints the
   four category scores and the Largest Contentful Paint (LCP) of each page.
2. Build time: our full `mkdocs build --strict` against plain Material building the same pages
   without what is ours: the `guide` plugin, the `massage_guide.*` Markdown extensions and the
   theme overrides (`theme.custom_dir`). The two alternate, several runs each; prints the median
   times and their ratio. For information only: the ratio is not a target ("do not trade
   clarity for milliseconds of build").
3. Scaling (`--scaling-only` runs it alone): build time must grow linearly with pages and
   glossary entries. A copy of the project is built at three sizes: the real site, the real
   site plus half of the made-up content, and the real site plus all of it (100 pages and 500
   glossary entries in each language the configuration builds). The made-up content is
   glossary words and Markdown pages that use many of them, in each language
   (scripts/scaled_guide.py). Prints the time per page and per (pages x entries) of each size,
   and how much each step adds per page it adds. The suite's quick version of this check is
   tests/test_scaling.py.
4. Where the build time goes (`--breakdown-only` runs it alone): the real site and the largest
   scaled size built in this process with a timer around each of the guide's steps (page
   checks, booklet, search split, glossary, quiz, QR codes) and MkDocs', Material's and Jinja's
   main ones; prints each step's CPU time and share, and the second language's.

The pages and languages come from mkdocs.yml (`massage_guide.site_map`), so the benchmark needs
only the site's own requirements (requirements.txt) and Node.

Targets: 100 in all four Lighthouse categories and LCP at most 1.0 s on every page measured;
linear build-time growth (see `judge_scaling` for the two thresholds). The script exits with 1
if a target is missed, so a miss cannot go unnoticed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

from massage_guide.site_map import SiteMap
from scaled_guide import ConfigLoader, ScaledGuide, dump_config, scaled_project

ROOT = Path(__file__).resolve().parent.parent
SITE_MAP = SiteMap(ROOT / "mkdocs.yml")

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_VERSION = "12.2.3"
# One variable names the browser, for the tests and the benchmark alike (tests/conftest.py);
# Lighthouse's chrome-launcher reads its own, CHROME_PATH, which `lighthouse` sets from it.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The pages issue 7 names, in every language the site is built in; a page that does not exist
# (yet) is left out and said so.
FIRST_DIFFERENCE = SITE_MAP.section_in("differences/")[0].address
PAGES = [
    folder + page
    for folder in SITE_MAP.languages.values()
    for page in ("", FIRST_DIFFERENCE, "quiz/", "glossary/", "handout/")
]
TARGET_SCORE = 100
TARGET_LCP_S = 1.0
# Our build time against plain Material's is measured and printed, but is no longer a target.
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
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
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
    columns += ["LCP", "FCP", "LCP of each run", "Performance of each run", "Transferred", "Load"]
    lines.append(f"| Page | {' | '.join(columns)} |")
    lines.append("| --- " * (len(columns) + 1) + "|")
    try:
        for address in PAGES:
            if not (site / address / "index.html").is_file():
                notes.append(f"- `/{address}` is not in the built site yet, so it was not measured.")
                continue
            results, loads = [], []
            for run in range(runs):
                print(f"Lighthouse: /{address} run {run + 1} of {runs} ...", file=sys.stderr, flush=True)
                name = address.strip("/").replace("/", "-") or "home"
                results.append(lighthouse(base + address, workdir / f"lh-{name}-{run + 1}.json"))
                loads.append(os.getloadavg()[0])
            if any(result["version"] != LIGHTHOUSE_VERSION for result in results):
                sys.exit(f"Expected Lighthouse {LIGHTHOUSE_VERSION}, found {results[0]['version']}.")
            result = sorted(results, key=lambda result: result["lcp_s"])[len(results) // 2]
            scores = result["scores"]
            page_ok = all(s >= TARGET_SCORE for s in scores.values()) and result["lcp_s"] <= TARGET_LCP_S
            ok &= page_ok
            cells = " | ".join(f"{scores[c]}{'' if scores[c] >= TARGET_SCORE else ' (missed)'}" for c in CATEGORIES)
            lcp = f"{result['lcp_s']:.2f} s{'' if result['lcp_s'] <= TARGET_LCP_S else ' (missed)'}"
            each = ", ".join(f"{r['lcp_s']:.2f}" for r in results)
            each_score = ", ".join(str(r["scores"]["performance"]) for r in results)
            lines.append(
                f"| `/{address}` | {cells} | {lcp} | {result['fcp_s']:.2f} s | {each} | {each_score} "
                f"| {result['kb']:.1f} KB | {max(loads):.1f} |"
            )
            notes += [f"- `/{address}` lost points on {item}" for item in result["lost"]]
    finally:
        server.shutdown()
    cores = os.cpu_count() or 1
    notes.append(
        f"\nLoad: the highest 1-minute load average after a run of the page ({cores} cores here). Other "
        "programs slow the page's script down, which Lighthouse counts as blocking time: a page that "
        "misses on performance by blocking time alone while the load is above the number of cores "
        "is measured again on a quiet machine before it counts as a miss."
    )
    return lines + [""] + notes, ok


# --- 2. Build time ------------------------------------------------------------------------------


# What is ours: the Python package in src/massage_guide (installed editable) and its distribution.
OUR_PACKAGE = "massage_guide"
OUR_DISTRIBUTION = "massage-guide"
EXTENSIONS_GROUP = "markdown.extensions"
PLUGINS_GROUP = "mkdocs.plugins"


def _distribution(name: str) -> str:
    """A distribution's name as pip compares them: massage_guide, Massage.Guide -> massage-guide."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _entry_point(group: str, name: str):
    return next((ep for ep in entry_points(group=group) if ep.name == name), None)


def _is_ours(name: str, group: str = EXTENSIONS_GROUP) -> bool:
    """True for a Markdown extension or MkDocs plugin of this project rather than a third party's.

    An extension is ours if its module is `massage_guide` or below it, whether mkdocs.yml names
    the module (`massage_guide.quiz`, `massage_guide.quiz:QuizExtension`) or one of our entry
    points (`guide_quiz`). A plugin is ours if its entry point comes from our distribution
    (`massage-guide`). Where the package is installed (editable from src/, in a venv inside the
    project or not) does not matter.
    """
    ep = _entry_point(group, name)
    if ep is not None and ep.dist is not None and _distribution(ep.dist.name) == OUR_DISTRIBUTION:
        return True
    if group == PLUGINS_GROUP:
        return False
    module = (ep.value if ep is not None else name).split(":")[0]
    return module == OUR_PACKAGE or module.startswith(OUR_PACKAGE + ".")


def _entry_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else entry


def plain_material_config(workdir: Path) -> tuple[Path, list[str]]:
    """Our mkdocs.yml less everything of ours: same docs and nav, Material as it comes.

    Dropped: `theme.custom_dir`, the `guide` plugin and every `massage_guide.*` extension (and
    `hooks:`, should any come back: hooks are always the project's own Python). Kept: every
    third-party extension and plugin, search included. A page whose front matter names one of
    our templates (`template: home.html`) gets Material's page template instead (see
    `_template_stubs`). Returns the new config file and what was dropped ("theme.custom_dir",
    "plugin guide", "extension massage_guide.quiz", "page template home.html", ...).
    """
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    dropped = []
    config["docs_dir"] = str(ROOT / "docs")
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.pop("custom_dir", None):
        dropped.append("theme.custom_dir")
    for hook in config.pop("hooks", []) or []:
        dropped.append(f"hook {hook}")
    extensions = []
    for entry in config.get("markdown_extensions", []) or []:
        name = _entry_name(entry)
        if _is_ours(name, EXTENSIONS_GROUP):
            dropped.append(f"extension {name}")
        else:
            extensions.append(entry)
    config["markdown_extensions"] = extensions
    plugins = []
    for entry in config.get("plugins", ["search"]) or []:
        name = _entry_name(entry)
        if _is_ours(name, PLUGINS_GROUP):
            dropped.append(f"plugin {name}")
        else:
            plugins.append(entry)
    config["plugins"] = plugins
    stubs = _template_stubs(ROOT / "docs", workdir / "plain-material-templates")
    if stubs:
        theme["custom_dir"] = str(workdir / "plain-material-templates")
        dropped += [f"page template {name}" for name in stubs]
    path = workdir / "plain-material.yml"
    path.write_text(dump_config(config), encoding="utf-8")
    return path, dropped


def _template_stubs(docs: Path, folder: Path) -> list[str]:
    """Templates that pages name in their front matter (`template: home.html`) and that only our
    theme overrides have: each gets a stub in `folder` that is Material's own page template, so
    plain Material renders those pages as it renders any other. Returns their names."""
    import material
    from mkdocs.utils.meta import get_data

    material_templates = Path(material.__file__).parent / "templates"
    names = set()
    for page in docs.rglob("*.md"):
        name = get_data(page.read_text(encoding="utf-8"))[1].get("template")
        if isinstance(name, str) and not (material_templates / name).is_file():
            names.add(name)
    for name in sorted(names):
        stub = folder / name
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text('{% extends "main.html" %}\n', encoding="utf-8")
    return sorted(names)


_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def build_env(compiled_modules: bool) -> dict[str, str]:
    """The environment of a timed build.

    Python keeps compiled copies of the modules it imports (`__pycache__`): pip wrote Material's
    when it installed it, and the warm-up build writes ours (the massage_guide package, installed
    editable from src/). A machine with PYTHONDONTWRITEBYTECODE set (this one) would compile ours
    again on every build and never Material's, so the variable is lifted; with `compiled_modules`
    false, it is set.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if compiled_modules:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def timed_build(
    args: list[str], site: Path, env: dict[str, str], cwd: Path = ROOT
) -> tuple[float, float, float]:
    """One `mkdocs build` process, run in `cwd`: its wall-clock seconds, MkDocs' own "built in"
    time, and the CPU seconds it used (user and system; other programs on the machine barely
    change it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args, "--site-dir", str(site)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"mkdocs build {' '.join(args)} in {cwd} failed:\n{result.stdout}{result.stderr}")
    inner = _BUILT_IN.search(result.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, float(inner[1]) if inner else float("nan"), cpu


def run_build_time(workdir: Path, runs: int, compiled_modules: bool = True) -> list[str]:
    """Our build against plain Material's: printed for information, not a target."""
    plain, dropped = plain_material_config(workdir)
    ours_args = ["--strict"]
    plain_args = ["--config-file", str(plain)]
    env = build_env(compiled_modules)
    if not compiled_modules:
        # Python still reads compiled copies that an earlier run left; without them, it compiles.
        for cache in sorted((ROOT / "src").rglob("__pycache__")):
            shutil.rmtree(cache, ignore_errors=True)
    times: dict[str, list[tuple[float, float, float]]] = {"ours": [], "plain": []}
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
    pages = len(list((workdir / "ours").rglob("index.html")))
    return [
        "| Build | Median wall-clock time | Median \"Documentation built in\" |",
        "| --- | --- | --- |",
        f"| Ours: `mkdocs build --strict` | {wall['ours']:.2f} s | {inner['ours']:.2f} s |",
        f"| Plain Material, same pages | {wall['plain']:.2f} s | {inner['plain']:.2f} s |",
        f"| Ratio (median of {runs} paired runs) | {ratio:.2f} | {inner_ratio:.2f} |",
        "",
        "For information only: the ratio is not a target.",
        f"{pages} pages. Switched off for plain Material: {', '.join(dropped) or 'nothing'}.",
        "Compiled modules kept between builds (Python's default)."
        if compiled_modules
        else "Our modules compiled again on every build (PYTHONDONTWRITEBYTECODE=1).",
    ]


# --- 3. Scaling -----------------------------------------------------------------------------------

# The largest size, in each language the configuration builds: the real site's pages and
# entries, topped up with made-up ones (scripts/scaled_guide.py) to these.
SCALING_ENTRIES = 500
SCALING_PAGES = 100
# Each size adds this share of the made-up content (pages and entries alike): the real site
# (16 pages and 30 entries per language today), halfway (58 and 265) and all (100 and 500).
# Both steps add the same mix, so with linear growth each page added costs the same at either.
SCALING_SHARES = (0.0, 0.5, 1.0)
# Super-linear if either is over its limit. Both use the CPU time of each build (median), which
# other programs running on the machine change far less than the wall-clock times:
# - the largest size's time per page over this many times the real site's. A fixed cost
#   (theme, config) makes the per-page time fall as the site grows; a cost in pages x entries
#   (every entry looked for on every page separately) would raise it about 17 times (500 / 30).
MAX_PER_PAGE_GROWTH = 2.0
# - the second step's time per page it adds over this many times the first step's. Linear
#   growth gives about 1; a cost in pages x pages or pages x entries gives (58 + 100) / (16 + 58),
#   about 2.1, for the part of the time that grows so. Run to run, on a busy machine, it moves by
#   about 0.2.
MAX_STEP_GROWTH = 1.5


def _matcher_time(guide: ScaledGuide) -> tuple[float, float, float]:
    """Milliseconds to build the main language's glossary pattern and to find every glossary word
    in that language's pages' Markdown (best of 5), and that Markdown's size in KB: what marking
    costs should grow with the text, not with the entries."""
    from massage_guide.glossary import TermMatcher, load_glossary

    code = next(iter(guide.languages))
    glossary = load_glossary(guide.glossary_files[code])
    others = tuple(f".{other}.md" for other in guide.languages if other != code)
    paths = sorted(p for p in (guide.project / "docs").rglob("*.md") if not p.name.endswith(others))
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    compile_ms, find_ms = [], []
    for _ in range(5):
        re.purge()
        start = time.perf_counter()
        matcher = TermMatcher(glossary.entries)
        middle = time.perf_counter()
        for _match in matcher.finditer(text):
            pass
        compile_ms.append((middle - start) * 1000)
        find_ms.append((time.perf_counter() - middle) * 1000)
    return min(compile_ms), min(find_ms), len(text.encode("utf-8")) / 1000


def judge_scaling(cases: list[dict[str, Any]]) -> tuple[list[str], bool]:
    """Linear or not, from the CPU times of the sizes (smallest first); see MAX_*."""
    first, last = cases[0], cases[-1]
    per_page_growth = last["per_page_ms"] / first["per_page_ms"]
    steps = [
        (later["cpu"] - earlier["cpu"]) * 1000 / (later["guide"].all_pages - earlier["guide"].all_pages)
        for earlier, later in zip(cases, cases[1:])
    ]
    step_growth = steps[-1] / steps[0] if len(steps) > 1 and steps[0] > 0 else float("nan")
    ok = per_page_growth <= MAX_PER_PAGE_GROWTH and not step_growth > MAX_STEP_GROWTH
    verdict = "Linear" if ok else "SUPER-LINEAR (missed)"
    lines = [
        f"CPU time each step adds, per page it adds: {', '.join(f'{ms:.0f} ms' for ms in steps)}.",
        f"**{verdict}:** the CPU time per page at {last['guide'].pages} pages and {last['guide'].entries} "
        f"entries per language is {per_page_growth:.2f} times the real site's (limit {MAX_PER_PAGE_GROWTH}); "
        f"the second step costs {step_growth:.2f} times as much per page it adds as the first "
        f"(limit {MAX_STEP_GROWTH}; about 1 if linear).",
    ]
    return lines, ok


def scaling_sizes(source: Path) -> list[tuple[int, int]]:
    """The (pages, entries) per language of each size: SCALING_SHARES of the way from the real
    site's counts to SCALING_PAGES and SCALING_ENTRIES."""
    site_map = SiteMap(source / "mkdocs.yml")
    pages = len(site_map.nav_pages) + len(site_map.pages_off_nav)
    data = yaml.safe_load(site_map.glossary_files[site_map.main_language].read_text(encoding="utf-8"))
    entries = len(data["terms"])
    if pages > SCALING_PAGES or entries > SCALING_ENTRIES:
        sys.exit(f"The real site already has more than {SCALING_PAGES} pages or {SCALING_ENTRIES} entries.")
    return [
        (pages + round((SCALING_PAGES - pages) * share), entries + round((SCALING_ENTRIES - entries) * share))
        for share in SCALING_SHARES
    ]


def run_scaling(workdir: Path, runs: int) -> tuple[list[str], bool]:
    """Build the project at each size `runs` times (one warm-up each, then round-robin)."""
    # One copy of the sources for every size and run, however the project changes meanwhile:
    # the pages, templates and config, and our package, which the builds import from the copy
    # (PYTHONPATH comes before the editable install's path to src/).
    snapshot = workdir / "snapshot"
    snapshot.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("docs", "overrides", "src"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, snapshot / name, ignore=ignore)
    shutil.copy2(ROOT / "mkdocs.yml", snapshot / "mkdocs.yml")
    env = build_env(compiled_modules=True)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(snapshot / "src"), env.get("PYTHONPATH")]))
    cases = []
    for index, (pages, entries) in enumerate(scaling_sizes(snapshot)):
        guide = scaled_project(workdir / f"scaling-{index}", snapshot, pages, entries)
        docs = guide.project / "docs"
        text_kb = sum(p.stat().st_size for p in docs.rglob("*") if p.suffix in (".md", ".yml")) / 1000
        cases.append({"guide": guide, "kb": text_kb, "times": []})
        timed_build(["--strict"], guide.project / "site", env, cwd=guide.project)  # warm-up; fails loudly
    for run in range(runs):
        print(f"Scaling: run {run + 1} of {runs} ...", file=sys.stderr, flush=True)
        for case in cases:
            project = case["guide"].project
            case["times"].append(timed_build(["--strict"], project / "site", env, cwd=project))
    languages = ", ".join(cases[0]["guide"].languages)
    lines = [
        "| Pages per language | Pages in all | Glossary entries per language | Markdown and data "
        "| Wall-clock | \"Built in\" | CPU | CPU per page | CPU per 1,000 pages x entries | Finding glossary words |",
        "| --- " * 10 + "|",
    ]
    for case in cases:
        guide = case["guide"]
        for key, column in (("wall", 0), ("inner", 1), ("cpu", 2)):
            case[key] = statistics.median(t[column] for t in case["times"])
        case["per_page_ms"] = case["cpu"] * 1000 / guide.all_pages
        compile_ms, find_ms, text_kb = _matcher_time(guide)
        lines.append(
            f"| {guide.pages} | {guide.all_pages} | {guide.entries} | {case['kb']:.0f} KB | {case['wall']:.2f} s "
            f"| {case['inner']:.2f} s | {case['cpu']:.2f} s | {case['per_page_ms']:.0f} ms "
            f"| {case['cpu'] * 1e6 / (guide.all_pages * guide.entries):.0f} ms "
            f"| {compile_ms:.1f} + {find_ms:.1f} ms ({find_ms * 1000 / text_kb:.0f} µs/KB) |"
        )
    verdict, ok = judge_scaling(cases)
    lines += [
        "",
        f"Languages built: {languages}; each size has its pages and glossary entries in each. "
        f"`mkdocs build --strict` of each size, {runs} runs each in turn after a warm-up; medians. "
        "\"Built in\" is MkDocs' own count (without starting Python and loading modules); CPU is "
        "the build process's user and system time, from which the per-page figures (per page of "
        "all languages) and the verdict are worked out. Finding glossary words: building the main "
        "language's glossary pattern, then finding every glossary word in that language's pages' "
        "Markdown (in-process, best of 5).",
        "",
        *verdict,
    ]
    return lines, ok


# --- 4. Where the build time goes -----------------------------------------------------------------

# The steps timed, each as "module:attribute" (a function, or a method as Class.method). A
# function is timed wherever a module of ours holds it (`from .page_check import check_content`
# too). Times are CPU seconds and exclusive: a step inside another (the glossary inside the
# booklet's conversions) counts for itself only. A step missing after a refactor is said so.
BUILD_STEPS = {
    "Page checks (each page's title and description, its HTML, the theme's pages, the booklet)": [
        "massage_guide.plugin.page_check:check_content",
        "massage_guide.plugin.page_check:check_output",
        "massage_guide.plugin.page_meta:PageMeta.check",
    ],
    "Booklet (every page converted again, for /print/)": ["massage_guide.plugin.booklet:booklet"],
    "Search index split by language": ["massage_guide.plugin.search_languages:split_index"],
    "Glossary (data read, words marked on each page, its page's entries)": [
        "massage_guide.glossary:load_glossary",
        "massage_guide.glossary.extension:GlossaryTreeprocessor.run",
    ],
    "Quiz (tables into forms)": ["massage_guide.quiz:QuizTreeprocessor.run"],
    "QR codes (handout, booklet, link kit files)": [
        "massage_guide.plugin.qr:site_qr",
        "massage_guide.plugin.link_kit:qr_files",
    ],
    "Markdown into HTML (MkDocs and the other extensions)": ["mkdocs.structure.pages:Page.render"],
    "Templates (Jinja: Material's and overrides/)": ["jinja2.environment:Template.render"],
    "Material's search index": [
        "material.plugins.search.plugin:SearchIndex.add_entry_from_context",
        "material.plugins.search.plugin:SearchIndex.generate_search_index",
    ],
}
# Timed as a whole (inclusive): the i18n plugin builds each other language inside the main one's
# on_post_build.
SECOND_LANGUAGES = "mkdocs_static_i18n.plugin:I18n.on_post_build"


class StepTimer:
    """CPU time spent in each step, exclusive of the steps timed inside it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.stack: list[list[float]] = []
        self.restore: list[tuple[object, str, object]] = []
        self.missing: list[str] = []

    def _wrap(self, step: str, function, exclusive: bool = True):
        def timed(*args, **kwargs):
            start = time.process_time()
            if exclusive:
                self.stack.append([0.0])
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                if exclusive:
                    inner = self.stack.pop()[0]
                    self.seconds[step] = self.seconds.get(step, 0.0) + spent - inner
                    if self.stack:
                        self.stack[-1][0] += spent
                else:
                    self.seconds[step] = self.seconds.get(step, 0.0) + spent

        return functools.wraps(function)(timed)

    def _patch(self, owner: object, name: str, new: object) -> None:
        self.restore.append((owner, name, getattr(owner, name)))
        setattr(owner, name, new)

    def time(self, step: str, target: str, exclusive: bool = True) -> None:
        import importlib

        module_name, _, path = target.partition(":")
        try:
            owner = importlib.import_module(module_name)
            *classes, name = path.split(".")
            for part in classes:
                owner = getattr(owner, part)
            original = getattr(owner, name)
        except (ImportError, AttributeError):
            self.missing.append(target)
            return
        wrapped = self._wrap(step, original, exclusive)
        if classes:
            self._patch(owner, name, wrapped)
            return
        # A function: wherever one of our modules (or its own module) holds it.
        for module in list(sys.modules.values()):
            if module is not None and (module.__name__ == module_name or module.__name__.startswith(OUR_PACKAGE)):
                for attr, value in list(vars(module).items()):
                    if value is original:
                        self._patch(module, attr, wrapped)

    def undo(self) -> None:
        for owner, name, original in reversed(self.restore):
            setattr(owner, name, original)
        self.restore.clear()


def _build_in_process(project: Path, site: Path) -> float:
    """Build `project` strictly in this process, as `mkdocs build` does; return its CPU seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.process_time()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return time.process_time() - start


def run_breakdown(workdir: Path) -> list[str]:
    """Where the CPU time of one build goes, for the real site and the largest scaled size."""
    import logging

    import massage_guide.plugin  # noqa: F401 (every module of the plugin loaded before timing)

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    pages, entries = scaling_sizes(ROOT)[-1]
    largest = scaled_project(workdir / "breakdown-largest", ROOT, pages, entries)
    projects = {"The real site": ROOT, f"{pages} pages and {entries} entries per language": largest.project}
    _build_in_process(ROOT, workdir / "breakdown-warm-up")  # imports and caches
    columns: list[dict[str, float]] = []
    totals = []
    for index, project in enumerate(projects.values()):
        print(f"Breakdown: building {project} ...", file=sys.stderr, flush=True)
        timer = StepTimer()
        for step, targets in BUILD_STEPS.items():
            for target in targets:
                timer.time(step, target)
        timer.time("second", SECOND_LANGUAGES, exclusive=False)
        try:
            totals.append(_build_in_process(project, workdir / f"breakdown-{index}"))
        finally:
            timer.undo()
        columns.append(timer.seconds)
    header = " | ".join(projects)
    lines = [f"| Step | {header} |", "| --- " * (len(projects) + 1) + "|"]
    for step in [*BUILD_STEPS, None]:
        cells = []
        for seconds, total in zip(columns, totals):
            spent = seconds.get(step, 0.0) if step else total - sum(
                value for key, value in seconds.items() if key in BUILD_STEPS
            )
            cells.append(f"{spent:.2f} s ({100 * spent / total:.0f}%)")
        lines.append(f"| {step or 'Everything else (MkDocs, i18n, nav, files, writing)'} | {' | '.join(cells)} |")
    lines.append(f"| **Whole build** | {' | '.join(f'**{total:.2f} s**' for total in totals)} |")
    second = " and ".join(
        f"{seconds.get('second', 0.0):.2f} s of {total:.2f} s ({100 * seconds.get('second', 0.0) / total:.0f}%)"
        for seconds, total in zip(columns, totals)
    )
    lines += [
        "",
        "CPU seconds of one `mkdocs build --strict`, in process after a warm-up build, every "
        "language included. Each step counts only its own time: the glossary and quiz inside "
        "the booklet's conversions count as glossary and quiz.",
        f"The languages after the first (built by mkdocs-static-i18n inside the first's build, "
        f"all steps included): {second}.",
    ]
    if timer.missing:
        lines.append(f"Not found, so not timed (renamed?): {', '.join(sorted(set(timer.missing)))}.")
    return lines


# --- Main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="build-time runs of each kind (default 15)")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)"
    )
    parser.add_argument(
        "--scaling-runs", type=int, default=7, help="scaling builds of each size (default 7)"
    )
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-build-time", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-breakdown", action="store_true")
    parser.add_argument(
        "--scaling-only", action="store_true", help="run the scaling case alone (a few minutes)"
    )
    parser.add_argument(
        "--breakdown-only", action="store_true", help="only time the build's steps (about a minute)"
    )
    parser.add_argument(
        "--no-compiled-modules",
        action="store_true",
        help="compile our modules again on every timed build (see build_env)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder (Lighthouse JSON reports, scaled projects)"
    )
    options = parser.parse_args()
    if options.scaling_only or options.breakdown_only:
        options.skip_lighthouse = options.skip_build_time = True
        options.skip_scaling = not options.scaling_only
        options.skip_breakdown = not options.breakdown_only
    workdir = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    ok, out, targets = True, [], []

    def show(lines: list[str]) -> None:
        """Each table as soon as it is measured (and all of them again at the end)."""
        out.extend(lines)
        print("\n".join(lines), flush=True)

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
            show([title, "", *lines, ""])
            targets.append(f"{TARGET_SCORE} in every category, LCP <= {TARGET_LCP_S} s")
        if not options.skip_build_time:
            lines = run_build_time(workdir, options.runs, not options.no_compiled_modules)
            show(["## Build time against plain Material (information, not a target)", "", *lines, ""])
        if not options.skip_scaling:
            lines, passed = run_scaling(workdir, options.scaling_runs)
            ok &= passed
            show([
                f"## Scaling: up to {SCALING_PAGES} pages and {SCALING_ENTRIES} glossary entries in each language",
                "",
                *lines,
                "",
            ])
            targets.append("linear build-time growth")
        if not options.skip_breakdown:
            show(["## Where the build time goes", "", *run_breakdown(workdir), ""])
    finally:
        if options.keep:
            print(f"Work folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if targets:
        out.append(f"Targets: {'; '.join(targets)}: " + ("all met." if ok else "MISSED (see above)."))
    print("\n\n# All results\n\n" + "\n".join(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
