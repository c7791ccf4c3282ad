"""The language of an article, detected from its text (py3langid).

py3langid is the maintained packaging of langid.py: a naive Bayes model over
byte n-grams for 97 languages, shipped inside the wheel (nothing fetched at run
time), a few milliseconds per article. The model loads once per process, on the
first article long enough to need it.

Rules (README, "Languages"): a text with fewer than :data:`MIN_LETTERS`
letters is too short to tell and gets no language (it is coded as English,
the only language the pipeline's models read); otherwise the language is the
model's best guess when its normalised probability is at least
:data:`MIN_PROBABILITY`, else none.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# How much of an article the model reads: the first characters tell the language,
# and the cost grows with length.
SAMPLE_CHARS = 3_000
MIN_LETTERS = 200
MIN_PROBABILITY = 0.9
CODED_LANGUAGE = "en"  # the spaCy model and the lexicons are English; other languages are stored, not coded


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "fr", "ar"), None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= MIN_PROBABILITY else None
