"""Words as data (issue 26): the words the site adds, the quiz's column names and marks, and the
glossary's plural rules are one YAML file per language; dates come from Babel.

A third language needs data and pages, no code: a small site in French (a language Babel and
Material know and the guide does not ship) is built in process with its words file made here,
and shows French everywhere the site adds words. A words file that is not like the English one,
or a language without one, stops with a message that names the file, the line and the fix.
"""

from __future__ import annotations

import datetime
import os
import textwrap
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import ROOT
from massage_guide.glossary import plural
from massage_guide.words import PACKAGE_FOLDER, WordsError, long_date, shipped, use_project, words

REVIEWED = datetime.date(2026, 11, 26)

# French, as a practice in Quebec or France would write it: every key of the English words file.
FRENCH = {
    "in_short": "En bref",
    "permalink": "Lien vers cette section",
    "menu": "Menu",
    "short_name": "Guide du massage",
    "search": {"none": "Aucun résultat", "one": "1 résultat", "other": "# résultats"},
    "on_this_page": "Sur cette page",
    "other_language": "Cette page dans d'autres langues",
    "quiz": {
        "right": "Exact.",
        "not-quite": "Pas tout à fait.",
        "answer": "La bonne réponse est ",
        "check": "Vérifier",
        "prompt": "Répondez à une question pour voir votre score",
        "score": "Score : ",
        "of": " sur {total}",
        "reset": "Recommencer",
        "key": "Réponses",
        "worksheet": "Remplissez le cercle de la réponse que vous pensez juste. Les réponses suivent la dernière question.",
        "write_in": ["Nom", "Date"],
    },
    "glossary": {
        "pressure": {"light": "Légère", "medium": "Moyenne", "deep": "Forte", "varies": "Variable"},
        "where": {"clinic": "Surtout en clinique", "spa": "Surtout en spa", "both": "En clinique et en spa"},
        "evidence": {
            "some research": "quelques études",
            "mixed research": "des études partagées",
            "little research": "peu d'études",
            "not a treatment": "pas un traitement",
        },
        "letters": "Les mots de A à Z",
        "by_where": "Les mots selon l'endroit",
        "also_called": "Aussi appelé :",
        "pressure_label": "Pression :",
        "where_label": "Où :",
        "used_for": "Pour quoi :",
        "where_met": "Où vous l'entendez :",
        "why_it_matters": "Pourquoi c'est important :",
        "take_care": "Attention :",
        "research": "Combien d'études :",
        "no_review": "aucune revue trouvée",
        "in_glossary": "{term} dans le glossaire",
        "close": "Fermer",
        "print_title": "Mots de cette page",
    },
    "triage_sources": {"guide": "Ce guide dit :", "who": "Qui dit quoi :", "read": "Sources lues :",
                       "in_main_language": "(en anglais)"},
    "practice": {
        "phone": "Téléphone :",
        "email": "Courriel :",
        "book_online": "Rendez-vous en ligne :",
        "website": "Site web :",
        "logo_of": "Logo de {name}",
        "logo": "Logo du cabinet",
        "your_practice": "Votre cabinet de massage",
        "book_or_ask": "Prendre rendez-vous ou poser une question",
        "book_or_ask_text": "Vous hésitez ? {name} peut vous aider à choisir. Posez une question ou prenez rendez-vous.",
        "a_practice": "Votre cabinet de massage",
        "write_in": ["Votre thérapeute", "Téléphone", "Prochain rendez-vous"],
    },
    "at_a_glance": ["Différence", "Massage médical (clinique)", "Massage de détente (spa)"],
    "triage": {"ask": "Demandez à votre médecin :", "columns": ["Si vous avez ceci", "Que faire"], "call": "Appelez le {number}"},
    "print": {
        "qr_read": "Lisez tout le guide sur votre téléphone : scannez le code, ou tapez",
        "not_advice": "Information générale, pas un avis médical.",
        "last_checked": "Vérifié le {date}",
        "by": " par {name}",
        "next_due": "Prochaine vérification : {date}",
        "page_of": ", page {page} sur {pages}",
    },
    "review": {
        "overdue_title": "Ce guide doit être vérifié",
        "overdue_text": "Il devait être vérifié avant le {date}. Demandez à votre thérapeute ou à votre médecin en cas de doute.",
        "last": "Vérifié le :",
        "by": "Vérifié par :",
        "next": "Prochaine vérification :",
        "no_clinician": "Aucun professionnel de santé n'a encore vérifié cette copie du guide.",
    },
    "trust": {
        "last": "Page vérifiée le {date}",
        "next": "Prochaine vérification : {date}",
        "by": "Vérifiée par {name}",
        "report": "Signaler une erreur",
        "report_subject": "Erreur sur la page : {title}",
        "report_body": "Page : {address}",
        "how_made": "Comment ce guide est fait",
        "accessibility": "Accessibilité",
    },
    "report": {
        "email": "Écrivez à {address}. Dites sur quelle page et ce qui ne va pas.",
        "no_email": "Dites-le au cabinet de massage qui vous a donné ce guide.",
    },
    "booklet": {
        "contents": "Dans ce livret",
        "dotted": "Les mots soulignés en pointillé sont expliqués dans le glossaire.",
    },
    "link_kit": {
        "link": "Un guide simple",
        "button": "Lire le guide",
        "qr_caption": "Le code ouvre {address}",
        "qr_title": "Code QR qui ouvre {address}",
        "svg": "Télécharger le code QR en SVG",
        "svg_why": "idéal pour l'impression.",
        "png": "Télécharger le code QR en PNG",
        "png_why": "pour le courriel et les réseaux sociaux.",
        "files_title": "Fichiers PDF prêts à imprimer",
        "files_intro": "Ces fichiers s'impriment de la même façon partout, avec les numéros de page.",
        "documents": {
            "handout": "Feuille à imprimer",
            "booklet": "Tout le guide en livret",
            "quiz": "Quiz à remplir, avec les réponses à la fin",
            "poster": "Affiche pour l'accueil, avec un grand code QR",
        },
        "papers": {"letter": "Lettre US", "a4": "A4"},
        "size_kb": "{size} Ko",
        "size_mb": "{size} Mo",
        "email_confirmation": "Courriel de confirmation",
        "email_intake": "Courriel du formulaire de santé",
        "as_text": "En texte simple :",
        "as_html": "En HTML :",
        "confirmation": "Avant votre visite, lisez {guide}. Pour choisir, suivez {steps}.",
        "confirmation_handout": "Vous pouvez aussi imprimer {handout}.",
        "intake": "Vous hésitez ? Lisez {guide}, ou suivez {steps}.",
        "guide_link": "notre petit guide",
        "steps_link": "ces étapes",
        "handout_link": "la feuille à imprimer (PDF)",
        "handout_pdf": "Télécharger le PDF :",
    },
    "poster": {"scan": "Scannez le code avec votre téléphone pour lire le guide, ou tapez"},
    "not_found": {
        "title": "Nous n'avons pas trouvé cette page",
        "text": "Le lien est peut-être ancien. Toutes ces pages sont ici :",
        "home": "Ou recommencez depuis la {link}.",
        "home_link": "page d'accueil",
    },
    "topic": "Massothérapie",
    # French puts a space before a colon, and quotes between « and ».
    "punctuation": {"label": "{label}\u00a0:", "quoted": "«\u00a0{text}\u00a0»"},
    "quiz_tables": {
        "columns": {
            "answer": "Réponse",
            "correct": "Correcte",
            "why": "Pourquoi",
            "statement": "Affirmation",
            "medical": "Médical",
            "relaxation": "Détente",
            "both": "Les deux",
        },
        "right": ["oui", "x"],
        "wrong": ["non"],
    },
    "plurals": {
        "words": "up to a linking word",
        "linking_words": ["de", "du", "des", "à", "au", "aux", "en", "pour", "par", "avec"],
        "rules": [
            {"ending": "([sxz])", "plural": r"\1"},
            {"ending": "eau", "plural": "eaux"},
            {"ending": "al", "plural": "aux"},
            {"ending": "", "plural": "s"},
        ],
    },
}


def _write_words(folder: Path, code: str, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _guide_words_only():
    """Each test starts and ends with the guide's own words only (a build sets a project's)."""
    use_project(None)
    yield
    use_project(None)


# The shipped files ----------------------------------------------------------------------------


def _keys(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        return {key for name, item in value.items() for key in {prefix + name} | _keys(item, f"{prefix}{name}.")}
    return set()


@pytest.mark.parametrize("code", shipped())
def test_every_shipped_words_file_has_the_english_keys(code: str) -> None:
    english = yaml.safe_load((PACKAGE_FOLDER / "en.yml").read_text(encoding="utf-8"))
    data = yaml.safe_load((PACKAGE_FOLDER / f"{code}.yml").read_text(encoding="utf-8"))
    assert _keys(data) == _keys(english)
    words(code)  # and passes the loader's own check (types, {name} places, plural rules)


def test_the_guide_ships_english_and_spanish() -> None:
    assert {"en", "es"} <= set(shipped())


def test_words_keep_their_shape_for_callers() -> None:
    said = words("es_MX")  # a locale is read as its language
    assert said["in_short"] == "En resumen"
    assert said["quiz"]["of"].format(total=3) == " de 3"
    assert said["at_a_glance"][0] == "Diferencia"
    with pytest.raises(TypeError):
        said["quiz"]["right"] = "changed"  # read-only: one build cannot change another's words


def test_dates_come_from_babel_as_readers_write_them() -> None:
    assert long_date(REVIEWED, "en") == "November 26, 2026"
    assert long_date(REVIEWED, "es") == "26 de noviembre de 2026"
    assert long_date("soon", "es") == "soon"


def test_plurals_follow_each_language_s_rules() -> None:
    assert [plural(name) for name in ("trigger point therapy", "co-pay", "stretch", "diagnosis")] == [
        "trigger point therapies", "co-pays", "stretches", "diagnoses",
    ]
    assert [plural(name, "es") for name in ("plan de tratamiento", "masaje deportivo", "sesión", "crisis")] == [
        "planes de tratamiento", "masajes deportivos", "sesiones", "crisis",
    ]


# A language the guide does not ship -----------------------------------------------------------


def test_a_project_s_words_file_adds_a_language(tmp_path: Path) -> None:
    _write_words(tmp_path / "words", "fr", FRENCH)
    use_project(tmp_path / "words")
    assert words("fr")["in_short"] == "En bref"
    assert long_date(REVIEWED, "fr") == format_date(REVIEWED, format="long", locale="fr") == "26 novembre 2026"
    assert plural("massage sportif", "fr") == "massages sportifs"
    assert plural("point de déclenchement", "fr") == "points de déclenchement"
    assert plural("drainage lymphatique médical", "fr") == "drainages lymphatiques médicaux"


def test_a_project_s_words_file_replaces_the_guide_s_own(tmp_path: Path) -> None:
    english = yaml.safe_load((PACKAGE_FOLDER / "en.yml").read_text(encoding="utf-8"))
    english["in_short"] = "The short answer"
    _write_words(tmp_path / "words", "en", english)
    use_project(tmp_path / "words")
    assert words("en")["in_short"] == "The short answer"
    assert words("es")["in_short"] == "En resumen", "a language the project has no file for is the guide's"


def test_a_language_without_words_names_the_file_to_add(tmp_path: Path) -> None:
    use_project(tmp_path / "words")
    with pytest.raises(WordsError) as raised:
        words("de")
    message = str(raised.value)
    assert "`de`" in message and "words/de.yml" in message and "beside mkdocs.yml" in message
    assert "Expected:" in message and "For example:" in message
    assert str(PACKAGE_FOLDER / "en.yml") in message, "the message says which file to copy"


def test_a_broken_words_file_names_each_mistake_with_its_line(tmp_path: Path) -> None:
    broken = yaml.safe_load(yaml.safe_dump(FRENCH))
    del broken["quiz"]["reset"]  # a missing key
    broken["glossary"]["in_glossary"] = "{terme} dans le glossaire"  # a place renamed
    broken["menus"] = "Menu"  # a misspelled key
    broken["at_a_glance"] = broken["at_a_glance"][:2]  # a column lost
    path = _write_words(tmp_path / "words", "fr", broken)
    lines = path.read_text(encoding="utf-8").splitlines()
    use_project(tmp_path / "words")
    with pytest.raises(WordsError) as raised:
        words("fr")
    message = str(raised.value)

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if line.startswith(text))

    assert f"words/fr.yml, line {line_of('quiz:')}: the key `quiz.reset` is missing" in message, message
    assert f"words/fr.yml, line {line_of('  in_glossary:')}: `glossary.in_glossary` has {{terme}} and lacks {{term}}" in message, message
    assert f"words/fr.yml, line {line_of('menus:')}: the key `menus` is not one the guide knows" in message, message
    assert f"words/fr.yml, line {line_of('at_a_glance:')}: `at_a_glance` lists 2 items" in message, message
    assert message.count("Expected:") == 4 and message.count("For example:") == 4
    assert "reset: Start again" in message, "the example shows the English key to translate"


def test_a_words_file_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "fr.yml").write_text("in_short: En bref\nquiz: [right: Exact.\n", encoding="utf-8")
    use_project(tmp_path / "words")
    with pytest.raises(WordsError, match=r"words/fr.yml, line 3: the file is not valid YAML \(.*on line 2\)"):
        words("fr")


# A site in French, built in process ------------------------------------------------------------

MKDOCS_YML = """\
site_name: Medical or relaxation massage?
site_url: https://guide.example/
theme:
  name: material
  custom_dir: {overrides}
  language: en
  font: false
  favicon: assets/icons/favicon.svg
extra:
  review:
    last: "2026-11-26"
    next: "2027-05-26"
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - massage_guide.summary
  - massage_guide.blocks
  - massage_guide.permalinks
  - massage_guide.print_links
  - massage_guide.glossary:
      data: docs/glossary.yml
  - massage_guide.quiz
  - massage_guide.tables
exclude_docs: |
  /glossary.yml
  /glossary.fr.yml
nav:
  - index.md
  - quiz.md
  - glossary.md
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      reconfigure_material: false
      languages:
        - locale: en
          name: English
          default: true
          build: true
        - locale: fr
          name: Français
          build: true
          site_name: Massage médical ou de détente ?
          theme:
            language: fr
  - guide/languages
  - guide/checks
  - guide/assets
  - guide/print
"""

PAGES = {
    "index.md": """\
        ---
        title: Home
        description: Medical or relaxation massage.
        summary: Two kinds of massage.
        ---

        # Medical or relaxation massage

        Many people book sports massages.

        <!-- guide: review-dates -->
        """,
    "index.fr.md": """\
        ---
        title: Accueil
        description: Massage médical ou de détente.
        summary: Deux sortes de massage.
        ---

        # Massage médical ou de détente

        Beaucoup de gens réservent des massages sportifs.

        <!-- guide: review-dates -->
        """,
    "quiz.md": """\
        ---
        title: Quiz
        description: A short quiz.
        summary: Test what you know.
        ---

        # Quiz

        <div class="mdx-quiz" markdown>

        What comes first at every massage?

        | Answer | Correct | Why |
        | --- | --- | --- |
        | A short form about your health | yes | Every therapist asks first. See [the home page](index.md). |
        | A long talk | | Only a medical massage starts so. See [the home page](index.md). |

        </div>
        """,
    "quiz.fr.md": """\
        ---
        title: Quiz
        description: Un petit quiz.
        summary: Testez ce que vous savez.
        ---

        # Quiz

        <div class="mdx-quiz" markdown>

        Que fait-on d'abord à chaque massage ?

        | Réponse | Correcte | Pourquoi |
        | --- | --- | --- |
        | Un court formulaire sur votre santé | oui | Chaque thérapeute pose d'abord des questions. Voir [l'accueil](index.md). |
        | Un long entretien | non | Seul un massage médical commence ainsi. Voir [l'accueil](index.md). |

        Classez : quel massage décrit chaque phrase ?

        | Affirmation | Médical | Détente | Les deux | Pourquoi |
        | --- | --- | --- | --- | --- |
        | Vous vous reposez dans un salon calme. | | x | | Un spa vous laisse le temps. Voir [l'accueil](index.md). |

        </div>
        """,
    "glossary.md": """\
        ---
        title: Glossary
        description: The words of the guide.
        summary: The massage words of this guide.
        ---

        # Glossary

        <!-- glossary: entries -->
        """,
    "glossary.fr.md": """\
        ---
        title: Glossaire
        description: Les mots du guide.
        summary: Les mots du massage dans ce guide.
        ---

        # Glossaire

        <!-- glossary: entries -->
        """,
    "glossary.yml": """\
        groups:
          clinic:
            title: Techniques you meet in clinics
            kind: technique
        terms:
          - term: Sports massage
            group: clinic
            definition: Massage for people who play sports.
            pressure: varies
            where: clinic
            used_for: Sore muscles.
        """,
    "glossary.fr.yml": """\
        groups:
          clinic:
            title: Les techniques des cliniques
            kind: technique
        terms:
          - term: Massage sportif
            group: clinic
            definition: Un massage pour les sportifs.
            pressure: varies
            where: clinic
            used_for: Les muscles tendus.
        """,
}


def _project(folder: Path, french: dict) -> Path:
    """A small guide in English and French, with the French words in the project's words/."""
    docs = folder / "docs"
    (docs / "assets" / "icons").mkdir(parents=True)
    (docs / "stylesheets").mkdir()
    for name in ("assets/icons/favicon.svg", "stylesheets/quiz.css", "stylesheets/triage.css"):  # the theme's templates ask for them
        (docs / name).write_bytes((ROOT / "docs" / name).read_bytes())
    for name, text in PAGES.items():
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=ROOT / "overrides"), encoding="utf-8")
    _write_words(folder / "words", "fr", french)
    return folder


def _config(project: Path):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("french"), FRENCH)
    build(_config(project))
    use_project(None)
    return project / "site"


def _soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_french_page_says_its_language_in_its_words(french_site: Path) -> None:
    soup = _soup(french_site, "fr")
    assert soup.html["lang"] == "fr"
    switch = soup.select_one("header a.mdx-language")
    assert switch.select_one(".mdx-visually-hidden").get_text() == "Cette page dans d'autres langues\u00a0: "
    article = soup.select_one("article")
    assert article.select_one(".mdx-summary .admonition-title").get_text(strip=True) == "En bref"
    text = article.get_text(" ", strip=True)
    assert "In short" not in text
    # The review dates, by Babel in French, with the French words around them.
    assert f"Vérifié le : {format_date(REVIEWED, format='long', locale='fr')}" in text, text
    assert "26 novembre 2026" in text
    # "massages sportifs" is the plural of the French glossary's "Massage sportif" by the French
    # rules (each word up to a linking word), so it is marked.
    term = article.select_one(".mdx-term")
    assert term is not None and term.select_one(".mdx-term__word").get_text() == "massages sportifs", article
    assert term.select_one(".mdx-term__link").get_text() == "Massage sportif dans le glossaire"


def test_a_french_quiz_reads_french_columns_and_answers_in_french(french_site: Path) -> None:
    form = _soup(french_site, "fr/quiz").select_one("form.mdx-quiz")
    assert form is not None
    text = form.get_text(" ", strip=True)
    for said in ("Exact.", "Pas tout à fait.", "La bonne réponse est", "Score :", "Recommencer"):
        assert said in text, said
    # French punctuation: the worksheet's lines to write on, and the right answer in quotes.
    assert "Nom\u00a0:" in text and "Date\u00a0:" in text
    assert "La bonne réponse est «\u00a0Un court formulaire sur votre santé\u00a0»." in text, text
    # The sort-it table's columns are the choices readers pick, in French.
    assert {"Médical", "Détente", "Les deux"} <= {label.get_text(strip=True) for label in form.select("label")}
    assert "Right." not in text and "Start again" not in text


def test_the_english_pages_of_the_same_site_stay_english(french_site: Path) -> None:
    soup = _soup(french_site, "")
    assert soup.html["lang"] == "en"
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "In short" in text and "November 26, 2026" in text
    assert "Right." in _soup(french_site, "quiz").select_one("form.mdx-quiz").get_text(" ", strip=True)
    # The "page not found" page names the French edition in French.
    missing = BeautifulSoup((french_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "Nous n'avons pas trouvé cette page" in missing.select_one("article p[lang=fr]").get_text()


def test_a_build_in_a_language_with_a_broken_words_file_stops_with_the_file_and_line(tmp_path: Path) -> None:
    broken = yaml.safe_load(yaml.safe_dump(FRENCH))
    del broken["in_short"]
    project = _project(tmp_path, broken)
    config = _config(project)
    config.theme["language"] = "fr"  # the French build, as the i18n plugin sets it
    with pytest.raises(PluginError) as raised:
        config.plugins.on_config(config)
    message = str(raised.value)
    assert message.startswith("words/fr.yml, line 1: the key `in_short` is missing"), message
    assert "in_short: In short" in message


def test_a_build_in_a_language_without_words_names_the_file_to_add(tmp_path: Path) -> None:
    project = _project(tmp_path, FRENCH)
    config = _config(project)
    config.theme["language"] = "de"
    with pytest.raises(PluginError, match=r"mkdocs.yml: the guide has no words for the language `de`.*words/de.yml"):
        config.plugins.on_config(config)
