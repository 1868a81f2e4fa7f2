"""Markdown metadata: front matter (YAML `---`, TOML `+++`, pandoc `%` title block) and the file name.

Static-site generators and pandoc use a handful of key spellings for the
same things; all map onto the hint keys. `author` is never a publisher. A
`2024-04-22-slug.md` file name (Jekyll, Hugo) gives a weak date, and the
file name a weak title, used only when the text states none. A document
that opens with a byline ("By Ian Glazer", or a name line followed by a
copyright line naming the same person) and declares no title gets the
file name's title instead of the byline.
"""

from __future__ import annotations

import re
import tomllib

import yaml

_YAML = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_TOML = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_PANDOC = re.compile(r"\A(?:\ufeff)?((?:%[^\n]*\n(?:[ \t]+[^\n]*\n)*){1,3})")
MAX_FRONT_MATTER_CHARS = 64_000  # real front matter is a few hundred characters
_TITLE_KEYS = ("title", "headline", "name")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "publish_date", "date_published", "created",
              "issued")
_UPDATED_KEYS = ("updated", "lastmod", "last_modified_at", "modified", "last_updated", "date_modified")
_PUBLISHER_KEYS = ("publisher", "source", "organization", "organisation", "publication", "site", "site_name",
                   "institution", "issuer")
_TAG_KEYS = ("tags", "keywords", "categories", "category", "topics", "subject")
_DESCRIPTION_KEYS = ("description", "summary", "abstract", "excerpt", "subtitle")
_FILE_DATE = re.compile(r"^((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=[-_.]|$)")
_BYLINE = re.compile(r"^(?:by|written by|authors?:)\s+[A-Z\u00c0-\u024f]", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.I)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Front matter fields mapped to hint keys, and the body after it.

    A block that is not valid YAML/TOML, or not a mapping, is dropped and
    yields no hints: the body is what matters. So is a block over
    MAX_FRONT_MATTER_CHARS (a YAML tree costs far more memory than its text);
    its hints then hold only a "notice" saying so.
    """
    for pattern, load in ((_YAML, _load_yaml), (_TOML, _load_toml)):
        match = pattern.match(text)
        if match:
            block = match.group(1) or ""
            body = text[match.end():]
            if len(block) > MAX_FRONT_MATTER_CHARS:
                return {"notice": f"front matter of {len(block):,} characters not read (limit "
                                  f"{MAX_FRONT_MATTER_CHARS:,}): no title, date or tags from it"}, body  # fmt: skip
            loaded = load(block)
            return (_fields(loaded) if isinstance(loaded, dict) else {}), body
    match = _PANDOC.match(text)
    if match:
        return _pandoc_block(match.group(1)), text[match.end():]
    return {}, text


class _TextDatesLoader(yaml.SafeLoader):
    """YAML without timestamp conversion: a date stays the text it was, so one impossible date
    ("0000-00-00") is dropped on its own instead of failing the whole front matter."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(block: str) -> object:
    try:
        return yaml.load(block, Loader=_TextDatesLoader)  # a SafeLoader: no arbitrary objects
    except Exception:  # YAML errors, impossible dates (ValueError), deep nesting
        return None


def _load_toml(block: str) -> object:
    try:
        return tomllib.loads(block)
    except (tomllib.TOMLDecodeError, ValueError):
        return None


def _fields(loaded: dict) -> dict[str, object]:
    fields = {str(key).strip().lower().replace("-", "_"): value for key, value in loaded.items()}
    raw: dict[str, object] = {
        "title": _first(fields, _TITLE_KEYS),
        "date": _first(fields, _DATE_KEYS) or _first(fields, _UPDATED_KEYS),
        "kind": fields.get("kind", fields.get("type")),
        "publisher": _name(_first(fields, _PUBLISHER_KEYS)),
        "description": _first(fields, _DESCRIPTION_KEYS),
        "authors": _first(fields, ("authors", "author", "creator", "creators")),
        "language": _first(fields, ("lang", "language")),
    }
    tags: list[object] = []
    for key in _TAG_KEYS:
        value = fields.get(key)
        tags.extend(value if isinstance(value, list) else re.split(r"[,;]", value) if isinstance(value, str) else [])
    raw["tags"] = [tag for tag in tags if isinstance(tag, str | int) and str(tag).strip()]
    return {key: value for key, value in raw.items() if value not in (None, [], "")}


def _first(fields: dict[str, object], keys: tuple[str, ...]) -> object:
    return next((fields[key] for key in keys if fields.get(key) not in (None, "", [])), None)


def _name(value: object) -> str | None:
    """A name, or the names of a list joined; a mapping's `name` (`publisher: {name: …}`)."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if isinstance(v, str | int))
    return str(value).strip() if isinstance(value, str | int) and str(value).strip() else None


def _pandoc_block(block: str) -> dict[str, object]:
    """`% Title`, `% Author(s)`, `% Date` (continuation lines indented)."""
    parts = [" ".join(part.split()) for part in re.split(r"^%", block, flags=re.MULTILINE)[1:]]
    raw: dict[str, object] = {}
    if parts and parts[0]:
        raw["title"] = parts[0]
    if len(parts) > 1 and parts[1]:
        raw["authors"] = parts[1]  # pandoc: several authors separated by ";"
    if len(parts) > 2 and parts[2]:
        raw["date"] = parts[2]
    return raw


def file_hints(name: str | None) -> dict[str, object]:
    """Weak hints from a file name: '2024-04-22-open-games.md' -> date; 'intro-to-ciam.md' -> title."""
    if not name:
        return {}
    stem = re.sub(r"\.(?:md|markdown|mdown|mkd)$", "", name.strip(), flags=re.I)
    hints: dict[str, object] = {}
    match = _FILE_DATE.match(stem)
    if match:
        hints["fallback_date"] = "-".join(match.groups())
        stem = stem[match.end():]
    words = " ".join(re.sub(r"^[\d_.-]+(?=[A-Za-z])", "", stem).replace("_", " ").replace("-", " ").split())
    if len(re.findall(r"[^\W\d_]", words)) >= 3:
        hints["fallback_title"] = words[0].upper() + words[1:]
    return hints


def opens_with_byline(paragraphs: list[str]) -> bool:
    """'By Ian Glazer', or 'Dean H. Saxe, Sr. Security Engineer, …' followed by '© 2021 IDPro, Dean Saxe'."""
    texts = [p.strip() for p in paragraphs if p.strip()][:2]
    if not texts or "\n" in texts[0] or len(texts[0]) > 160:
        return False
    if _BYLINE.match(texts[0]):
        return True
    if len(texts) < 2 or not _COPYRIGHT.match(texts[1]):
        return False
    names = {word for word in re.findall(r"\b[A-Z][\w'’-]{2,}", texts[0])}
    return len(names & set(re.findall(r"\b[A-Z][\w'’-]{2,}", texts[1]))) >= 1 and not texts[0].endswith(".")


_STOPWORDS = frozenset(
    "the and for with from into about what how why who are was this that its of to in on a an is".split()
)


def title_heading(headings: list[tuple[int, str]], name: str | None) -> str | None:
    """Of the top-level headings, the one the file is named after ('Account Recovery' for
    'idpro-account-recovery.md'): most of its words are in the file name."""
    if not name or not headings:
        return None
    file_words = {w[:4] for w in _words(re.sub(r"\.\w+$", "", name))}
    top = min(level for level, _ in headings)
    for level, text in headings:
        words = {w[:4] for w in _words(text)}
        if level == top and len(words & file_words) >= 2 and len(words & file_words) >= 0.6 * len(words):
            return text
    return None


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOPWORDS]
