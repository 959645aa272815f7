"""``python -m poortwachter`` doet hetzelfde als het commando ``poortwachter``."""

from .cli import main

raise SystemExit(main())
