"""`python -m castdigest`: the same as the `castdigest` command."""

from castdigest.cli import main

if __name__ == "__main__":
    main()
