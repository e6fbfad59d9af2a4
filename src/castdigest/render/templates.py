"""The Jinja2 environment shared by the email, site and feed renderers.

Templates are looked up in the config's `templates_dir` first, so any template can be
overridden like a theme, then in the built-in `templates/` folder. That folder sits at the top
of the repository and ships inside the wheel as `castdigest/templates` (see pyproject.toml).

Autoescaping is on for every markup template (`.mjml.j2`, `.html.j2`, `.xml.j2`); plain-text
templates (`.txt.j2`) are not HTML, so escaping there would only corrupt the text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from castdigest.config import Settings
from castdigest.text.durations import format_duration
from castdigest.text.wrapping import wrap_words

_PACKAGE_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # inside the wheel
_REPO_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"  # a source checkout


@lru_cache(maxsize=1)  # asked on every render; where the package sits does not change
def builtin_templates_dir() -> Path:
    """The built-in templates: packaged copy when installed, else the repository's folder."""
    for candidate in (_PACKAGE_TEMPLATES, _REPO_TEMPLATES):
        if (candidate / "email").is_dir():
            return candidate
    raise FileNotFoundError(f"built-in templates not found in {_PACKAGE_TEMPLATES}")


def template_dirs(settings: Settings) -> list[Path]:
    """Search path, override folder first."""
    dirs = []
    if settings.templates_dir:
        dirs.append(settings.resolve(settings.templates_dir))
    dirs.append(builtin_templates_dir())
    return dirs


def _autoescape(name: str | None) -> bool:
    return not (name or "").endswith(".txt.j2")


def wrap(text: str, width: int = 72, first: str = "", rest: str | None = None) -> str:
    """Word-wrap for the plain-text part, with a first-line prefix and a hanging indent."""
    rest = " " * len(first) if rest is None else rest
    return "\n".join(wrap_words(text.split(), width, first, rest)) or first.rstrip()


def joined(separator: str, *parts: object) -> str:
    """The parts that are not empty, joined: `[a, b] | select | join(sep)` without the
    filters' machinery, for the lines a template builds for every item."""
    return separator.join(str(p) for p in parts if p)


@lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs)),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,  # the preview edits templates while running
    )
    env.filters["duration"] = format_duration
    env.filters["wrap"] = wrap
    env.globals["joined"] = joined
    return env


def clear_cache() -> None:
    """Forget loaded templates: a new override file shadows a cached built-in one only then."""
    _environment.cache_clear()


def environment(settings: Settings) -> jinja2.Environment:
    """The (cached) environment for this config's template search path."""
    return _environment(tuple(str(d) for d in template_dirs(settings)))


def render(settings: Settings, template: str, /, **context: object) -> str:
    from castdigest.errors import RenderError

    try:
        return environment(settings).get_template(template).render(**context)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(d) for d in template_dirs(settings))
        raise RenderError(f"template {exc.name} not found", where=where) from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(
            f"template error: {exc.message}", where=exc.filename, line=exc.lineno
        ) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template error: {exc.message}", where=template) from None
