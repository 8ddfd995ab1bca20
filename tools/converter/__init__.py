"""Raw interview documents to tagged Markdown pages: read, split, normalise, enrich, emit."""
