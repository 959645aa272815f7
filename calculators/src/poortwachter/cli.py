"""Command line entry point (placeholder until the engine lands)."""


def main() -> int:
    raise SystemExit(2)
