# generated from openai_images_sdk/_async/__init__.py by scripts/unasync.py; do not edit
"""Layers written once as async code (`_async/`), and their sync twins (`_sync/`).

Only the async modules are edited: ``make unasync`` writes the sync ones with
scripts/unasync.py, and ``scripts/unasync.py --check`` (in ``make test``) fails when a
sync module differs from what it would write.
"""
