"""Hypothesis profiles: how many examples a property test tries, and whether a failure replays.

No deadline anywhere: on a shared 2-core machine a slow example is the neighbours, not a bug.
Under CI every run tries the same examples (derandomize) and a failure prints its blob, which
replays it anywhere with @reproduce_failure; locally examples vary and failures are remembered
in .hypothesis/. `make test-fast` tries a fifth as many (the "fast" profile): the loop a
developer runs after each change; `make test` and CI try them all. HYPOTHESIS_PROFILE=ci runs
CI's examples on a laptop.
"""

import os

from hypothesis import settings

FULL_EXAMPLES = 100  # Hypothesis's own default

settings.register_profile("dev", deadline=None, max_examples=FULL_EXAMPLES)
settings.register_profile("fast", deadline=None, max_examples=FULL_EXAMPLES // 5)
settings.register_profile(
    "ci", deadline=None, max_examples=FULL_EXAMPLES, derandomize=True, print_blob=True, database=None
)


def load():
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def examples(full):
    """`full` examples under a full profile, proportionally fewer under the fast one: for a
    test that sets its own number."""
    return max(1, full * settings.default.max_examples // FULL_EXAMPLES)
