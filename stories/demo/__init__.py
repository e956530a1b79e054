"""Demo content of the stories app: `manage.py seed_demo` finds this module and calls seed()."""

from stories.demo.seeding import is_loaded, seed

__all__ = ["is_loaded", "seed"]
