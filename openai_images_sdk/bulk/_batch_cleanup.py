"""Deleting a collected batch's files from the API: its input, output and error files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from openai_images_sdk._exceptions import APIError, NotFoundError

if TYPE_CHECKING:
    from openai_images_sdk._client import AsyncImagesClient

    from ._batch_state import BatchPart

__all__ = ["Cleanup"]


@attrs.define
class Cleanup:
    """Deletes the files of collected parts and keeps what it did (failures are not raised)."""

    deleted: list[str] = attrs.Factory(list[str])
    errors: dict[str, str] = attrs.Factory(dict[str, str])

    async def delete_files(self, client: AsyncImagesClient, part: BatchPart) -> None:
        """Delete the part's files (``DELETE /files/{id}``); only once it is collected.

        A file already gone counts as deleted. When some results of the output file could
        not be saved, that file is kept (and reported) so nothing is lost.
        """
        if not part.collected or part.files_deleted:
            return
        failed = False
        for file_id in part.file_ids():
            if part.unsaved and file_id == part.output_file_id:
                self.errors[file_id] = (
                    f"kept: {part.unsaved} results in it could not be saved (see the manifest)"
                )
                continue
            try:
                await client.files.delete(file_id=file_id)
            except NotFoundError:
                continue
            except APIError as error:
                self.errors[file_id] = f"{type(error).__name__}: {error}"
                failed = True
                continue
            self.deleted.append(file_id)
        part.files_deleted = not failed
