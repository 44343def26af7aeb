"""What the commands of cli.py and cli_run.py share: one declaration each."""

from __future__ import annotations

from typing import Any

import click

CONTEXT = {"help_option_names": ["-h", "--help"]}
EXISTING_FILE = click.Path(dir_okay=False, exists=True)
EXISTING_FOLDER = click.Path(file_okay=False, exists=True)

patterns_option = click.option(
    "--patterns",
    type=EXISTING_FOLDER,
    help="Use rule files from this folder instead of the bundled patterns/ (validated first).",
)


def output_option(
    dest: str, help: str, folder: bool = False, required: bool = True
) -> Any:
    """-o/--output: the folder (`folder`) or the file a command writes."""
    where = click.Path(file_okay=False) if folder else click.Path(dir_okay=False)
    return click.option(
        "-o", "--output", dest, required=required, type=where, help=help
    )
