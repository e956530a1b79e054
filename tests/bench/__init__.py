"""`make bench`: the performance benchmark of issue 7 (run with `python -m tests.bench`).

Not collected by pytest (no test_ files): timings belong here, not in the test suite.
"""
