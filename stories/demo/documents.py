"""Reading the demo data files: TOML data, and Markdown documents with TOML front matter.

A document opens with its metadata between two `+++` lines (Hugo's convention for TOML front
matter), then its body in Markdown:

    +++
    title = "The Lake Doesn't Know Where the Border Is"
    countries = ["Albania", "Montenegro"]
    +++

    Dritë Gjoni keeps pencil lines on her kitchen door frame.

TOML rather than YAML: the standard library reads it (tomllib), and it never turns a word into
something else (YAML reads `no`, Norway's country code, as false).
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

import markdown

FRONT_MATTER_FENCE = "+++"


class DemoDataError(Exception):
    """A demo data file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Document:
    path: Path
    metadata: dict
    body_html: str  # not sanitised yet: the model's save() cleans it, as it does an editor's

    @property
    def slug(self):
        """The file is named after the slug of the page it becomes."""
        return self.path.stem


def read_data(path):
    """A TOML file as a dict."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path}: {error}") from error


def read_document(path):
    """A Markdown file with TOML front matter, its body converted to HTML."""
    text = path.read_text(encoding="utf-8")
    opening, _, rest = text.partition("\n")
    front_matter, fence, body = rest.partition(f"\n{FRONT_MATTER_FENCE}\n")
    if opening.strip() != FRONT_MATTER_FENCE or not fence:
        raise DemoDataError(f"{path}: expected front matter between two {FRONT_MATTER_FENCE} lines at the top")
    try:
        metadata = tomllib.loads(front_matter)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path}: front matter: {error}") from error
    return Document(path=path, metadata=metadata, body_html=markdown.markdown(body))


def read_documents(folder):
    return [read_document(path) for path in sorted(folder.glob("*.md"))]
