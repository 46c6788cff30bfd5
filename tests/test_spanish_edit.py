"""The Spanish edit (issue 23): the phrases a reader of US Latin American Spanish found confusing
are gone from every Spanish page, snippet, quiz, glossary, triage file and the site's Spanish
words, as readers meet them. Each phrase is kept here with what was wrong with it, so that a
later edit does not bring it back. (Wrong words for a term are the term list's job,
docs/terms.es.yml; English in brackets is tested in test_spanish_terms.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_pages import LANGUAGES
from test_spanish_terms import reader_text, spanish_files

pytestmark = pytest.mark.skipif("es" not in LANGUAGES, reason="the Spanish edition is switched off")

# phrase: why a reader stumbled on it
CONFUSING = {
    "vea tenga cuidado": "a broken sentence (two verbs run together)",
    "cuente con un 20": "can be read as 'you will receive 20 %', not 'you pay a 20 % tip'",
    "van primero": "'they go first': says nothing about what the reader should do",
    "las señales que necesitan un médico ya": "signs do not need a doctor; the reader does",
    "a un cuidado que ella no ofrece": "'to a care she does not offer': a calque",
    "las demás, unos 5": "a quiz feedback fragment with no verb",
    "los de clínica suelen aprenderlo": "a fragment: who are 'los de clínica'?",
    "que a ella le encanta": "whose spa? the sentence does not say",
    "lado a lado": "a calque of 'side by side' ('uno al lado del otro')",
    "da forma a toda la visita": "a calque of 'shapes the whole visit'",
    "lo firme que sea el masaje": "a calque of 'how firm the massage is'",
    "qué tan médico es": "'how medical it is': a calque",
    "investigación mixta": "means nothing to a reader; say what the studies found",
    "basadas en la evidencia": "says more than the English ('studied')",
}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


@pytest.mark.parametrize("path", spanish_files(), ids=lambda path: path.name)
def test_no_phrase_the_reviewer_found_confusing_is_back(path: Path) -> None:
    text = _normal(reader_text(path))
    found = [f"{phrase!r}: {why}" for phrase, why in CONFUSING.items() if phrase in text]
    assert not found, f"{path.name} still says:\n" + "\n".join(found)
