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
   site plus half of the synthetic content, and the real site plus all of it (500 glossary
   entries over 60 pages). The synthetic content is made-up glossary words and Markdown pages
   that use many of them (see `scaled_project`). Prints the time per page and per
   (pages x entries) of each size, and how much each step adds per page it adds.

Targets: 100 in all four Lighthouse categories and LCP at most 1.0 s on every page measured;
linear build-time growth (see `judge_scaling` for the two thresholds). The script exits with 1
if a target is missed, so a miss cannot go unnoticed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import itertools
import json
import mimetypes
import os
import random
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from site_pages import DIFFERENCES, LANGUAGES  # noqa: E402

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_VERSION = "12.2.3"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The pages issue 7 names, in every language the site is built in; a page that does not exist
# (yet) is left out and said so.
PAGES = [folder + page for folder in LANGUAGES.values() for page in ("", DIFFERENCES[0], "quiz/", "glossary/", "handout/")]
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
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
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
    path.write_text(_dump(config), encoding="utf-8")
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


def _dump(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


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

# The largest size: the real site's entries and pages, topped up with synthetic ones to these.
SCALING_ENTRIES = 500
SCALING_PAGES = 60
# Each size adds this share of the synthetic content (pages and entries alike): the real site
# (15 pages, 30 entries today), halfway (37 pages, 265 entries) and all (60 pages, 500 entries).
# Both steps add the same mix, so with linear growth each page added costs the same at either.
SCALING_SHARES = (0.0, 0.5, 1.0)
SCALING_FOLDER = "scaling"  # the generated pages' folder inside docs/
WORDS_PER_PAGE = 40  # distinct glossary words on each generated page, each used twice
# Super-linear if either is over its limit. Both use the CPU time of each build (median), which
# other programs running on the machine change far less than the wall-clock times:
# - the largest size's time per page over this many times the real site's. A fixed cost
#   (theme, config) makes the per-page time fall as the site grows; a cost in pages x entries
#   (every entry looked for on every page separately) would raise it about 17 times (500 / 30).
MAX_PER_PAGE_GROWTH = 2.0
# - the second step's time per page it adds over this many times the first step's. Linear
#   growth gives about 1; a cost in pages x entries gives 2.1 (3 for the synthetic part alone).
#   Run to run, on a busy machine, it moves by about 0.2.
MAX_STEP_GROWTH = 1.5

SYLLABLES = ("ba", "del", "fo", "ga", "ki", "lu", "mar", "nel", "po", "ran", "si", "tov", "vu", "wen", "zo")
SECOND_WORDS = ("stroke", "hold", "press", "glide", "stretch", "wrap", "roll")
PARTS = ("neck", "shoulders", "upper back", "lower back", "hips", "legs", "feet", "hands", "arms", "scalp")
PACES = ("slow", "quick", "steady", "soft", "firm", "long", "short")
SENTENCES = (
    "Some people ask for {a} after a long week at work, and others like {b} better.",
    "A therapist may suggest {a} when a muscle feels tight, or {b} when it feels sore.",
    "If you are not sure what {a} means, ask before the session starts.",
    "{A} often takes about thirty minutes, and many people book it with {b}.",
    "At a clinic, {a} is part of a plan; at a spa, {b} is part of a calm hour.",
    "Tell your therapist if {a} feels too strong, so they can change it.",
)


def _made_up_words(count: int, avoid: set[str], rng: random.Random) -> list[str]:
    """`count` distinct made-up words of three syllables ("kimarpo"), none of them in `avoid`."""
    words = list(dict.fromkeys("".join(parts) for parts in itertools.product(SYLLABLES, repeat=3)))
    rng.shuffle(words)
    found = [word for word in words if word not in avoid]
    if len(found) < count:
        sys.exit(f"Only {len(found)} made-up words for {count} glossary entries.")
    return found[:count]


def synthetic_entries(count: int, groups: dict[str, Any], avoid: set[str], seed: int = 7) -> list[dict[str, Any]]:
    """`count` glossary entries as the data file's schema wants them (docs/glossary.yml): a term
    of made-up words, a group of the file's, a 2-sentence definition, a pressure for techniques,
    `where:` and `used_for:`; some with an alias or a caution. Terms and anchors are unique."""
    rng = random.Random(seed)
    keys = list(groups)
    entries = []
    for index, word in enumerate(_made_up_words(count, avoid, rng)):
        group = keys[index % len(keys)]
        technique = groups[group].get("kind") == "technique"
        part = PARTS[index % len(PARTS)]
        term = word.capitalize() + ("" if index % 2 else " " + SECOND_WORDS[index % len(SECOND_WORDS)])
        entry: dict[str, Any] = {"term": term}
        if index % 5 == 0:
            entry["aliases"] = [f"{word} method"]
        entry["group"] = group
        if technique:
            entry["definition"] = (
                f"A made-up massage for the build benchmark: {PACES[index % len(PACES)]} strokes on the "
                f"{part}. It is not a real one."
            )
        else:
            entry["definition"] = f"A made-up word about visits, for the build benchmark. It is about the {part}."
        if technique:
            entry["pressure"] = ("light", "medium", "deep", "varies")[index % 4]
        entry["where"] = ("clinic", "spa", "both")[index % 3]
        entry["used_for"] = f"Checking that the guide builds fast with many words about the {part}."
        if index % 7 == 0:
            entry["caution"] = "It is made up: do not book it."
        entries.append(entry)
    return entries


def synthetic_page(number: int, words: list[str]) -> str:
    """A Markdown page like the guide's: front matter, a title, sections with paragraphs, a list,
    a table and a note, using each of `words` (glossary names) twice."""
    assert len(words) >= 8
    lines = [
        "---",
        f"title: Scaling test page {number}",
        "description: >-",
        f"  Page {number} made up for the build benchmark: it uses many words from the glossary, "
        "as the guide's own pages do.",
        "summary: >-",
        f"  This is page {number} of the pages made up to time the build. It uses many words from "
        "the glossary, each one twice.",
        "---",
        "",
        f"# Scaling test page {number}: words from the glossary",
        "",
    ]
    sections = [words[i : i + 10] for i in range(0, len(words), 10)]
    for index, section in enumerate(sections, 1):
        lines += [f"## Part {index}: {section[0]} and more", ""]
        body, rest = section[:6], section[6:]
        for i, sentence in enumerate(SENTENCES):
            a, b = body[i % len(body)], body[(i + 1) % len(body)]
            lines.append(sentence.format(a=a, b=b, A=a[0].upper() + a[1:]))
        lines.append("")
        if index % 3 == 1:
            lines += [f"- **{word.capitalize()}:** ask how long {word} takes and what it costs." for word in rest]
        elif index % 3 == 2:
            lines += ["| Word | What to ask |", "| --- | --- |"]
            lines += [f"| {word} | How long does {word} take? |" for word in rest]
        else:
            lines += ['!!! note "Before you book"', ""]
            lines += [f"    Ask if {word} suits you; {word} is not for everyone." for word in rest]
        lines += ["", f"Again: {', '.join(section)}. Each is in the glossary.", ""]
    return "\n".join(lines)


def doc_pages(project: Path) -> list[Path]:
    """The Markdown files that MkDocs makes pages of in `project` (not those `exclude_docs`
    leaves out, such as snippets), as MkDocs itself finds them."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(project / "mkdocs.yml"))
    return [Path(file.abs_src_path) for file in get_files(config).documentation_pages()]


def scaled_project(dest: Path, share: float, source: Path) -> tuple[int, int, str]:
    """A copy of the project at `source` (mkdocs.yml, docs/, overrides/) in `dest`, with `share`
    of the synthetic content added: glossary entries in the data file that `massage_guide.glossary`
    names (its `data:` option, relative to the project's folder), and pages in docs/scaling/,
    listed in the nav. Returns the copy's number of pages, of glossary entries, and the data file."""
    shutil.copytree(source / "docs", dest / "docs")
    if (source / "overrides").is_dir():
        shutil.copytree(source / "overrides", dest / "overrides")
    shutil.copy2(source / "mkdocs.yml", dest / "mkdocs.yml")  # rewritten below, with the pages added
    config = yaml.load((source / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    data = "docs/glossary.yml"
    for entry in config.get("markdown_extensions", []) or []:
        if isinstance(entry, dict) and _entry_name(entry) == "massage_guide.glossary":
            data = (entry["massage_guide.glossary"] or {}).get("data", data)
    glossary_path = dest / data
    glossary = yaml.safe_load(glossary_path.read_text(encoding="utf-8"))
    docs = dest / "docs"
    real_pages = doc_pages(dest)
    real_entries = len(glossary["terms"])
    extra_pages = round((SCALING_PAGES - len(real_pages)) * share)
    extra_entries = round((SCALING_ENTRIES - real_entries) * share)
    if extra_pages < 0 or extra_entries < 0:
        sys.exit(f"The real site already has more than {SCALING_PAGES} pages or {SCALING_ENTRIES} entries.")
    if extra_pages or extra_entries:
        text = " ".join(path.read_text(encoding="utf-8") for path in docs.rglob("*.md"))
        avoid = set(re.findall(r"[a-z]+", (text + glossary_path.read_text(encoding="utf-8")).casefold()))
        glossary["terms"] += synthetic_entries(extra_entries, glossary["groups"], avoid)
        glossary_path.write_text(
            yaml.safe_dump(glossary, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
        )
    if extra_pages:
        names = [entry["term"].casefold() for entry in glossary["terms"]]
        (docs / SCALING_FOLDER).mkdir()
        nav = []
        for number in range(1, extra_pages + 1):
            start = (number - 1) * WORDS_PER_PAGE
            words = [names[(start + i) % len(names)] for i in range(WORDS_PER_PAGE)]
            name = f"{SCALING_FOLDER}/page-{number:02d}.md"
            (docs / name).write_text(synthetic_page(number, words), encoding="utf-8")
            nav.append(name)
        config["nav"] = [*(config.get("nav") or []), {"Scaling test pages": nav}]
    (dest / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")
    return len(real_pages) + extra_pages, len(glossary["terms"]), data


def _matcher_time(project: Path, data: str) -> tuple[float, float, float]:
    """Milliseconds to build the glossary's pattern and to find every glossary word in every
    page's Markdown (best of 5), and that Markdown's size in KB: what marking costs should grow
    with the text, not with the entries."""
    from massage_guide.glossary import TermMatcher, load_glossary

    glossary = load_glossary(project / data)
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted((project / "docs").rglob("*.md")))
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
        (later["cpu"] - earlier["cpu"]) * 1000 / (later["pages"] - earlier["pages"])
        for earlier, later in zip(cases, cases[1:])
    ]
    step_growth = steps[-1] / steps[0] if len(steps) > 1 and steps[0] > 0 else float("nan")
    ok = per_page_growth <= MAX_PER_PAGE_GROWTH and not step_growth > MAX_STEP_GROWTH
    verdict = "Linear" if ok else "SUPER-LINEAR (missed)"
    lines = [
        f"CPU time each step adds, per page it adds: {', '.join(f'{ms:.0f} ms' for ms in steps)}.",
        f"**{verdict}:** the CPU time per page at {last['pages']} pages and {last['entries']} entries is "
        f"{per_page_growth:.2f} times the real site's (limit {MAX_PER_PAGE_GROWTH}); the second "
        f"step costs {step_growth:.2f} times as much per page it adds as the first "
        f"(limit {MAX_STEP_GROWTH}; about 1 if linear).",
    ]
    return lines, ok


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
    for index, share in enumerate(SCALING_SHARES):
        project = workdir / f"scaling-{index}"
        pages, entries, data = scaled_project(project, share, snapshot)
        text_kb = sum(p.stat().st_size for p in (project / "docs").rglob("*") if p.suffix in (".md", ".yml")) / 1000
        cases.append(
            {"project": project, "pages": pages, "entries": entries, "data": data, "kb": text_kb, "times": []}
        )
        timed_build(["--strict"], project / "site", env, cwd=project)  # warm-up; fails loudly
    for run in range(runs):
        print(f"Scaling: run {run + 1} of {runs} ...", file=sys.stderr, flush=True)
        for case in cases:
            case["times"].append(timed_build(["--strict"], case["project"] / "site", env, cwd=case["project"]))
    lines = [
        "| Pages | Glossary entries | Markdown and data | Wall-clock | \"Built in\" | CPU "
        "| CPU per page | CPU per 1,000 pages x entries | Finding glossary words |",
        "| --- " * 9 + "|",
    ]
    for case in cases:
        for key, column in (("wall", 0), ("inner", 1), ("cpu", 2)):
            case[key] = statistics.median(t[column] for t in case["times"])
        case["per_page_ms"] = case["cpu"] * 1000 / case["pages"]
        compile_ms, find_ms, text_kb = _matcher_time(case["project"], case["data"])
        lines.append(
            f"| {case['pages']} | {case['entries']} | {case['kb']:.0f} KB | {case['wall']:.2f} s "
            f"| {case['inner']:.2f} s | {case['cpu']:.2f} s | {case['per_page_ms']:.0f} ms "
            f"| {case['cpu'] * 1e6 / (case['pages'] * case['entries']):.0f} ms "
            f"| {compile_ms:.1f} + {find_ms:.1f} ms ({find_ms * 1000 / text_kb:.0f} µs/KB) |"
        )
    verdict, ok = judge_scaling(cases)
    lines += [
        "",
        f"`mkdocs build --strict` of each size, {runs} runs each in turn after a warm-up; medians. "
        "\"Built in\" is MkDocs' own count (without starting Python and loading modules); CPU is "
        "the build process's user and system time, from which the per-page figures and the verdict "
        "are worked out. Finding glossary words: building the glossary's pattern, then finding "
        "every glossary word in all the pages' Markdown (in-process, best of 5).",
        "",
        *verdict,
    ]
    return lines, ok


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
    parser.add_argument(
        "--scaling-only", action="store_true", help="run the scaling case alone (about a minute)"
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
    if options.scaling_only:
        options.skip_lighthouse = options.skip_build_time = True
        options.skip_scaling = False
    workdir = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    ok, out, targets = True, [], []
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
            targets.append(f"{TARGET_SCORE} in every category, LCP <= {TARGET_LCP_S} s")
        if not options.skip_build_time:
            lines = run_build_time(workdir, options.runs, not options.no_compiled_modules)
            out += ["## Build time against plain Material (information, not a target)", "", *lines, ""]
        if not options.skip_scaling:
            lines, passed = run_scaling(workdir, options.scaling_runs)
            ok &= passed
            out += [
                f"## Scaling: up to {SCALING_ENTRIES} glossary entries over {SCALING_PAGES} pages",
                "",
                *lines,
                "",
            ]
            targets.append("linear build-time growth")
    finally:
        if options.keep:
            print(f"Work folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if targets:
        out.append(f"Targets: {'; '.join(targets)}: " + ("all met." if ok else "MISSED (see above)."))
    print("\n".join(out))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
