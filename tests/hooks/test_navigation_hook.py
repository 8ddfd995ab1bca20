"""The navigation hook: the converter's nav.yml goes where mkdocs.yml names it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from hooks import navigation

NAV = """\
- Topics:
  - topics/index.md
  - "Retrieval: RAG & search": topics/rag.md
- GenAI Book:
  - genai-book/index.md
  - "Kya hai LoRA? — \\"low-rank\\" adapters": genai-book/lora.md
  - 'It''s 3.5': genai-book/three-five.md
"""


def test_the_generated_navigation_replaces_its_placeholder(tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "nav.yml").write_text(NAV, encoding="utf-8")
    config = SimpleNamespace(nav=[{"Home": "index.md"}, "library/nav.yml"], docs_dir=str(tmp_path))
    navigation.on_config(config)
    assert config.nav == [{"Home": "index.md"}, *yaml.safe_load(NAV)]
    assert config.nav[2]["GenAI Book"][1] == {'Kya hai LoRA? — "low-rank" adapters': "genai-book/lora.md"}


def test_a_missing_navigation_says_what_to_run(tmp_path):
    config = SimpleNamespace(nav=["library/nav.yml"], docs_dir=str(tmp_path))
    with pytest.raises(PluginError, match="make pages"):
        navigation.on_config(config)
