"""The hand-written async layers; `_sync/` holds their twins, made by scripts/unasync.py.

Only the async code is edited; ``make unasync`` writes the sync modules and
``scripts/unasync.py --check`` (in ``make test``) fails when they are out of date.
"""
