"""The names the converter and the hooks agree on: one place for each file, front-matter
value and class that one writes and the other reads.

The hooks import this module as ``contract`` (MkDocs puts a hook's folder on the path
while it loads it); the converter imports it as ``hooks.contract``. It imports nothing,
so either may. The theme's templates, styles and scripts cannot import Python: where
they use one of these names, a test of the built site holds them to it.
"""

FOLDER = "library"  # inside docs/: the generated tree, served from the site's root (hooks/urls.py)
NAVIGATION = "nav.yml"  # the generated part of the nav, spliced in by hooks/navigation.py
REDIRECTS = "redirects.json"  # short links and earlier URLs, made into pages by hooks/redirects.py
TOPIC_INDEX = "topic-index"  # the front matter ``kind`` of the Topics index and of each topic's page

# classes and ids in the pages: written by the converter, or by the theme from its front matter
# (META, overrides/partials/qa-meta.html, which also spells the short links' folder "q/")
META = "qa-meta"  # the strip of badges and links under a question's title
DUPLICATES = "qa-duplicates"  # the "another version of" banner
COUNTS = "qa-counts"  # the home page's counts
TERM = "qa-term"  # a glossary term linked to the page that defines it
RELATED = "qa-related"  # the heading of the related questions
NOT_CONTENT = (META, DUPLICATES, COUNTS)  # blocks search leaves out, whatever their markup keeps
