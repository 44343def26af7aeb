"""`python -m calc_nlp` runs the command line."""

from calc_nlp.cli import entry

entry()
