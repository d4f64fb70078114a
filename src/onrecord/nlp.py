"""The spaCy pipeline: loaded once per process, with only the components the stages need."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import MODEL_INSTALL
from .errors import ModelError

# Components that read what others write (spaCy's lemmatizer reads POS tags, which the tagger
# and attribute_ruler write), so asking for one keeps the others on.
_NEEDS = {"lemmatizer": {"tagger", "attribute_ruler"}, "attribute_ruler": {"tagger"}}


def install_hint(name: str) -> str:
    return MODEL_INSTALL.get(name, f"pip install the package that provides it (e.g. python -m spacy download {name})")


def check_installed(name: str) -> None:
    """Fail fast, without loading it, when the pipeline ``name`` is not there."""
    if spacy.util.is_package(name) or Path(name).joinpath("config.cfg").is_file():
        return
    if "/" in name or name.startswith("."):
        raise ModelError(f"no spaCy pipeline at {name} (a pipeline directory holds a config.cfg)")
    raise ModelError(f"spaCy model {name!r} is not installed: {install_hint(name)}")


@functools.cache
def load(name: str, components: frozenset[str] | None = None) -> Language:
    """The pipeline ``name`` (a package or a path): only ``components`` enabled, or its defaults if None."""
    check_installed(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as err:
        raise ModelError(f"spaCy model {name!r} could not be loaded: {err}") from None
    if components is not None:
        for component in sorted(set(nlp.pipe_names) - _closure(nlp, components)):
            nlp.disable_pipe(component)
    _split_dashes_and_quotes(nlp)
    if "parser" in nlp.pipe_names and "parser" not in nlp.disabled:
        nlp.add_pipe("onrecord_paragraphs", before="parser")
    return nlp


@Language.component("onrecord_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """No sentence runs across a line break: a headline, a byline or a paragraph ends there. Nor
    does one end on a word, with no stop, no mark and no break after it: the small model's parser
    sometimes splits there ("she felt the 13th | Amendment was worth a film", "cited remarks |
    Meravic had made"), cutting a report off from what was reported. The parser keeps boundaries
    set before it runs, either way."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws:
            token.is_sent_start = True
        elif before.is_alpha or before.like_num:
            token.is_sent_start = False
    return doc


# News sets dashes and quotation marks tight against words (“We are leaving now!”—the captain
# shouted), which spaCy's English tokenizer keeps as one token ("now!”—the"); the parse and every
# stage after it need them apart.
_EXTRA_INFIXES = (r"[—–―]", r"(?<=[\w.,!?;:])[”’\"](?=[\w—–―])", r"(?<=[\w—–―])[“‘](?=[\w])")


def _split_dashes_and_quotes(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + list(_EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _closure(nlp: Language, wanted: Iterable[str]) -> set[str]:
    """``wanted`` plus everything they read: POS for the lemmatizer, shared embedding layers."""
    keep = set(wanted)
    missing = keep - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {nlp.meta.get('name')!r} lacks the component(s) {', '.join(sorted(missing))} that onrecord needs"
        )
    for component in list(keep):
        keep |= _NEEDS.get(component, set()) & set(nlp.pipe_names)
    # A shared tok2vec/transformer runs when any component listening to it runs.
    for name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listening_components", None) or list(getattr(pipe, "listener_map", {}) or {})
        if keep & set(listeners):
            keep.add(name)
    return keep
