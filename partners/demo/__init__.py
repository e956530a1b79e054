"""Demo content of the partners app: `manage.py seed_demo` finds this module and calls seed()."""

from partners.demo.seeding import is_loaded, seed

__all__ = ["is_loaded", "seed"]
