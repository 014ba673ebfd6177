"""``python -m factcheck``: the same as the ``factcheck`` command."""

from factcheck._entry import main

if __name__ == "__main__":  # not when a spawned worker process re-imports the main module (__mp_main__)
    main()
