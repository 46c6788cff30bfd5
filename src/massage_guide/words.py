"""The words the guide itself adds around what authors write, in each language it speaks.

Authors write the pages, the glossary and the quiz in their own files, one per language
(`about.md`, `about.es.md`). What the site adds around them (the "In short" title, the quiz's
"Right." and score, the glossary's labels, the practice box, the printed footer) is written here,
once per language, and every extension, partial and template takes it from here.

Messages to authors (build errors) stay in English: they are for whoever edits the files.
"""

from __future__ import annotations

import datetime
from types import MappingProxyType
from typing import Any

ENGLISH = "en"

_EN: dict[str, Any] = {
    # The "In short" box under every title (summary.py).
    "in_short": "In short",
    # The name screen readers give a heading's link mark (permalinks.py).
    "permalink": "Link to this section",
    # The header's menu button, the contents list and the language switch (overrides/).
    "menu": "Menu",
    "on_this_page": "On this page",
    "other_language": "This page in other languages",
    # The quiz (quiz/render.py).
    "quiz": {
        "right": "Right.",
        "not-quite": "Not quite.",
        "answer": "The right answer is ",
        "score": "Score: ",
        "of": " of {total} correct",
        "reset": "Start again",
        "key": "Answer key",
        "worksheet": "Fill in the circle next to the answer you think is right. The answers are on the last page.",
        "write_in": ("Name", "Date"),
    },
    # The glossary (glossary/).
    "glossary": {
        "pressure": {"light": "Light", "medium": "Medium", "deep": "Deep", "varies": "It varies"},
        "where": {"clinic": "Usually at a clinic", "spa": "Usually at a spa", "both": "At clinics and spas"},
        # How much research there is, as the sources page explains each (`evidence:`).
        "evidence": {
            "some research": "some research",
            "mixed research": "mixed research",
            "little research": "little research",
            "not a treatment": "not a treatment",
        },
        "letters": "Words from A to Z",
        "by_where": "Words by where you meet them",
        "also_called": "Also called:",
        "pressure_label": "Pressure:",
        "where_label": "Where:",
        "used_for": "People use it for:",
        "where_met": "Where you meet it:",
        "why_it_matters": "Why it matters:",
        "take_care": "Take care:",
        "research": "How much research:",
        "see_source": "See the source",
        "in_glossary": "{term} in the glossary",
        "print_title": "Words used on this page",
    },
    # The practice's details (plugin/partials/practice.html, book-or-ask.md, practice-block.md).
    "practice": {
        "phone": "Phone:",
        "email": "Email:",
        "book_online": "Book online:",
        "website": "Website:",
        "logo_of": "{name} logo",
        "logo": "Logo of the practice",
        "your_practice": "Your massage practice",
        "book_or_ask": "Book or ask a question",
        "book_or_ask_text": "Not sure which massage fits your goal? {name} can help you choose. Ask a question, or book a visit.",
        "a_practice": "Your massage practice",
        # The lines a therapist writes on when no practice is set (the handout, the booklet).
        "write_in": ("Your therapist", "Phone", "Next visit"),
    },
    # The table of the 6 differences (plugin/partials/at-a-glance.md).
    "at_a_glance": ("Difference", "Medical (clinical) massage", "Relaxation (spa) massage"),
    # The handout's QR code and the line on every printed sheet (plugin/partials/qr-code.md,
    # overrides/partials/print-styles.html).
    "print": {
        "qr_read": "Read the whole guide on your phone: scan the code with the camera, or type",
        "not_advice": "General information, not medical advice.",
        "last_checked": "Last checked: {date}",
        "by": " by {name}",
        "page_of": ", page {page} of {pages}",
    },
    # The review dates on the About page (plugin/partials/review-dates.md).
    "review": {
        "overdue_title": "This guide is due for a check",
        "overdue_text": (
            "It was due to be checked again by {date}, and that has not happened yet. Most facts "
            "change slowly, but some may be out of date. Ask your therapist or your doctor if you "
            "are not sure."
        ),
        "last": "Last checked:",
        "by": "Checked by:",
        "next": "Next check due:",
    },
    # The booklet (plugin/partials/booklet.html).
    "booklet": {
        "contents": "In this booklet",
        "dotted": "Words with a dotted line under them are explained in the glossary.",
    },
    # The link kit for practices (plugin/partials/link-kit-*).
    "link_kit": {
        "link": "A plain guide",
        "button": "Read the guide",
        "qr_caption": "The code opens {address}",
        "qr_title": "QR code that opens {address}",
        "svg": "Download the QR code as SVG",
        "svg_why": "best for print, sharp at any size.",
        "png": "Download the QR code as PNG",
        "png_why": "for email, social media or a simple flyer.",
    },
    # The "page not found" page (overrides/404.html).
    "not_found": {
        "title": "We could not find that page",
        "text": "The link may be old, or the address may have a typo. These pages are all here:",
        "home": "Or start again from the {link}.",
        "home_link": "home page",
    },
    # What search engines read (overrides/partials/share-meta.html).
    "topic": "Massage therapy",
    "months": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "date": "{month} {day}, {year}",
}

_ES: dict[str, Any] = {
    "in_short": "En resumen",
    "permalink": "Enlace a esta sección",
    "menu": "Menú",
    "on_this_page": "En esta página",
    "other_language": "Esta página en otros idiomas",
    "quiz": {
        "right": "¡Correcto!",
        "not-quite": "No exactamente.",
        "answer": "La respuesta correcta es ",
        # Short, so the score bar stays one line on a phone (as in English).
        "score": "Aciertos: ",
        "of": " de {total}",
        "reset": "Reiniciar",
        "key": "Respuestas",
        "worksheet": "Rellene el círculo de la respuesta que crea correcta. Las respuestas están en la última página.",
        "write_in": ("Nombre", "Fecha"),
    },
    "glossary": {
        "pressure": {"light": "Suave", "medium": "Media", "deep": "Fuerte", "varies": "Depende"},
        "where": {"clinic": "Casi siempre en una clínica", "spa": "Casi siempre en un spa", "both": "En clínicas y en spas"},
        "evidence": {
            "some research": "algo de investigación",
            "mixed research": "investigación mixta",
            "little research": "poca investigación",
            "not a treatment": "no es un tratamiento",
        },
        "letters": "Palabras de la A a la Z",
        "by_where": "Palabras según dónde las oye",
        "also_called": "También se llama:",
        "pressure_label": "Presión:",
        "where_label": "Dónde:",
        "used_for": "Para qué se usa:",
        "where_met": "Dónde la oye:",
        "why_it_matters": "Por qué le importa:",
        "take_care": "Tenga cuidado:",
        "research": "Cuánta investigación hay:",
        "see_source": "Vea la fuente",
        "in_glossary": "{term} en el glosario",
        "print_title": "Palabras de esta página",
    },
    "practice": {
        "phone": "Teléfono:",
        "email": "Correo:",
        "book_online": "Citas en línea:",
        "website": "Sitio web:",
        "logo_of": "Logo de {name}",
        "logo": "Logo del centro de masajes",
        "your_practice": "Su centro de masajes",
        "book_or_ask": "Pida una cita o haga una pregunta",
        "book_or_ask_text": "¿No sabe qué masaje le conviene? {name} le puede ayudar a elegir. Haga una pregunta o pida una cita.",
        "a_practice": "Su centro de masajes",
        "write_in": ("Su terapeuta", "Teléfono", "Próxima cita"),
    },
    "at_a_glance": ("Diferencia", "Masaje médico (clínico)", "Masaje de relajación (de spa)"),
    "print": {
        "qr_read": "Lea toda la guía en su teléfono: escanee el código con la cámara o escriba",
        "not_advice": "Información general, no es consejo médico.",
        "last_checked": "Revisada el {date}",
        "by": " por {name}",
        "page_of": ", página {page} de {pages}",
    },
    "review": {
        "overdue_title": "Esta guía debe revisarse",
        "overdue_text": (
            "Debía revisarse de nuevo antes del {date}, y eso aún no ha pasado. Casi todos los "
            "datos cambian poco a poco, pero algunos pueden estar viejos. Si tiene dudas, "
            "pregunte a su terapeuta o a su médico."
        ),
        "last": "Revisada el:",
        "by": "Revisada por:",
        "next": "Próxima revisión:",
    },
    "booklet": {
        "contents": "En este folleto",
        "dotted": "Las palabras con una línea de puntos debajo se explican en el glosario.",
    },
    "link_kit": {
        "link": "Una guía sencilla",
        "button": "Lea la guía",
        "qr_caption": "El código abre {address}",
        "qr_title": "Código QR que abre {address}",
        "svg": "Descargar el código QR en SVG",
        "svg_why": "lo mejor para imprimir, nítido a cualquier tamaño.",
        "png": "Descargar el código QR en PNG",
        "png_why": "para correo, redes sociales o un volante sencillo.",
    },
    "not_found": {
        "title": "No encontramos esa página",
        "text": "Puede que el enlace sea viejo o que la dirección tenga un error. Todas estas páginas están aquí:",
        "home": "O vuelva a empezar desde la {link}.",
        "home_link": "página de inicio",
    },
    "topic": "Masoterapia",
    "months": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "date": "{day} de {month} de {year}",
}


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    return value


# The languages the guide speaks, by their two-letter code (ISO 639-1), as `theme.language`.
LANGUAGES: MappingProxyType = MappingProxyType({"en": _frozen(_EN), "es": _frozen(_ES)})


def language_of(code: str | None) -> str:
    """The two-letter language of a locale ("es", "es_MX", "es-US" -> "es"); "" is English."""
    return (code or ENGLISH).replace("_", "-").split("-", 1)[0].lower()


def words(code: str | None = ENGLISH) -> MappingProxyType:
    """The reader words of the language `code`; a language the guide does not speak is an error
    (a page must never mix languages)."""
    language = language_of(code)
    if language not in LANGUAGES:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(
            f"the guide has no reader words for the language `{code}`.\n"
            f"  Expected: one of {known} (`theme.language` in mkdocs.yml).\n"
            f"  For example:\n    theme:\n      language: en"
        )
    return LANGUAGES[language]


def long_date(value: object, code: str | None = ENGLISH) -> str:
    """A date as readers write it ("November 26, 2026", "26 de noviembre de 2026"); anything
    else (text) as it is."""
    if not isinstance(value, datetime.date):
        return str(value or "")
    said = words(code)
    return said["date"].format(month=said["months"][value.month - 1], day=value.day, year=value.year)
