"""The console-script entry point: as small as possible, so that Ctrl-C during start-up
(while the CLI's modules are still importing) ends with exit 130 and one line, never a traceback.

``factcheck run ...`` with an ordinary command line (what a pre-commit hook runs on every commit)
goes straight to :mod:`factcheck.runner`, without importing typer (nor the pydantic that typer
0.29 brings in when a command runs); everything else goes through the typer CLI (:mod:`factcheck.cli`).
Either way the code that Python generates at start-up comes from :mod:`factcheck._codecache`.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from factcheck._codecache import install

        install()  # generated code (dataclass methods, regular expressions) from the last run
        argv = sys.argv[1:]
        if argv[:1] == ["run"]:
            from factcheck import runner

            if runner.fast_path_allowed():
                runner.main(argv[1:])  # exits when it takes the command line
        from factcheck.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        sys.exit(130)
    cli_main()
