"""The console-script entry point: as small as possible, so that Ctrl-C during start-up
(while the CLI's modules are still importing) ends with exit 130 and one line, never a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from factcheck.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    cli_main()
