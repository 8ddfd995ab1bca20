"""The project root and the throwaway site build (tools/checks/project.py), for the
corpus fixtures (conftest.py), the permanent-link suite and the search tests."""

from checks.project import ROOT, build_site, configured_backend, configured_site_url

__all__ = ["ROOT", "build_site", "configured_backend", "configured_site_url"]
