"""``python -m openai_images_sdk``: the `openai-images` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
