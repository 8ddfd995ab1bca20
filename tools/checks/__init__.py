"""Checks over the built site (the HTML readers get), separate from the converter."""
