"""Settings files read against a schema (pydantic), so that a mistake is named by its file,
its key and what was expected, and a misspelt key is an error rather than a silent default.

Each settings module declares the shape of its file as ``Section`` classes and turns the
validated result into its own frozen rules; nothing else reads the raw YAML.
"""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError


class Section(BaseModel):
    """A mapping in a settings file: unknown keys are mistakes; numbers given as text are not."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Shape = TypeVar("Shape", bound=Section)


def compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"not a regular expression: {err}") from None
    return pattern


Regex = Annotated[str, AfterValidator(compiles)]  # a regular expression, checked when the file is read


def validated(shape: type[Shape], data, where: str, whole: str = "the file") -> Shape:
    """``data`` (a file's parsed YAML, or a part of it named ``whole``, which may be "") as
    ``shape``, or a ValueError naming every mistake:
    ``links.yml: duplicates.same_answer: Input should be less than or equal to 1 (got 2)``."""
    try:
        return shape.model_validate({} if data is None else data)
    except ValidationError as err:
        raise ValueError("; ".join(f"{': '.join(filter(None, (where, '.'.join(map(str, e['loc'])) or whole)))}: "
                                   f"{e['msg'].removeprefix('Value error, ')} (got {shown(e['input'])})"
                                   for e in err.errors())) from None


def shown(value, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
