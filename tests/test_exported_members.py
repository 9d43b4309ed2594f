"""The public surface: every name in `__all__` resolves, and the list is pinned."""

import inspect

import pytest

import openai_images_sdk

EXPECTED = {
    # clients and responses
    "ImagesClient", "AsyncImagesClient", "AzureImagesClient", "AsyncAzureImagesClient",
    "APIResponse", "AsyncAPIResponse", "AsyncRawAPIResponse", "RawAPIResponse", "BinaryContent", "Stream",
    "ResponseContextManager", "AsyncResponseContextManager", "StreamEventTooLargeError", "InvalidAPIKeyError",
    "SyncCursorPage", "AsyncCursorPage", "AsyncPaginator", "AsyncStream", "RateLimits", "DEFAULT_TIMEOUT", "add_sensitive_headers",
    # errors, official SDK names first
    "OpenAIError", "APIError", "APIStatusError", "APIConnectionError", "APITimeoutError",
    "APIResponseValidationError", "BadRequestError", "AuthenticationError",
    "PermissionDeniedError", "NotFoundError", "ConflictError", "UnprocessableEntityError",
    "RateLimitError", "InternalServerError", "ContentPolicyViolationError", "ErrorObject",
    "ValidationError", "Violation", "ImageDownloadError", "ImageURLExpiredError", "InputFileError",
    # models
    "ImagesResponse", "Image", "ImageGenUsage", "ImagesUsage", "ImageGenInputUsageDetails",
    "ImageGenOutputTokensDetails", "ImageSvgUsage", "ImageRefParam", "ImageRef",
    "ImageRefParamDict", "ImageSvgOptions", "ImageSvgOptionsDict", "ImageSvgReasoning",
    "ImageSvgReasoningDict",
    # files and batches
    "OpenAIFile", "FilePurpose", "FileExpirationAfter", "FileExpirationAfterDict",
    "DeleteFileResponse", "Batch", "BatchEndpoint", "BatchError", "BatchErrors",
    "BatchFileExpirationAfter", "BatchFileExpirationAfterDict", "BatchRequestCounts",
    "BatchStatus", "BatchUsage", "BatchUsageInputTokensDetails",
    "BatchUsageOutputTokensDetails", "ListBatchesResponse", "Metadata",
    # stream events
    "ImageGenPartialImageEvent", "ImageGenCompletedEvent", "ImageEditPartialImageEvent",
    "ImageEditCompletedEvent", "ImageGenStreamEvent", "ImageEditStreamEvent",
    # value sets
    "ImageModel", "ImageEditModel", "ImageVariationModel", "ImageSize", "ImageEditSize",
    "ImageVariationSize", "ImageQuality", "ImageEditQuality", "ImageEditJsonQuality", "ImageOutputFormat",
    "ImageBackground", "ImageModeration", "ImageResponseFormat", "ImageStyle",
    "ImageComplexity", "InputFidelity", "SvgReasoningEffort",
    # inputs and helpers
    "NOT_GIVEN", "NotGiven", "Omit", "FileTypes", "RequestOptions", "ValidationMode",
    "mask_from_rectangles", "mask_for_image", "mask_from_pil", "add_alpha_to_mask",
    "__version__",
}  # fmt: skip


def test_all_is_pinned() -> None:
    assert set(openai_images_sdk.__all__) == EXPECTED
    assert len(openai_images_sdk.__all__) == len(EXPECTED)


def test_dir_lists_every_lazy_name() -> None:
    assert set(openai_images_sdk.__all__) <= set(dir(openai_images_sdk))


def test_every_generated_model_name_is_exported() -> None:
    """A type a result, a page or a stream hands the user is importable from the package."""
    from openai_images_sdk._generated import models

    assert set(models.__all__) <= set(openai_images_sdk.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        getattr(openai_images_sdk, "Nope")  # noqa: B009


def test_every_exported_name_resolves() -> None:
    for name in openai_images_sdk.__all__:
        assert getattr(openai_images_sdk, name) is not None, name


def test_public_classes_have_docstrings() -> None:
    for name in openai_images_sdk.__all__:
        value = getattr(openai_images_sdk, name)
        if isinstance(value, type) and not name.endswith("Dict"):
            assert value.__doc__, f"{name} has no docstring"


BULK_EXPECTED = {
    # the bulk runner
    "bulk_generate", "run_bulk", "BulkSummary", "BulkProgress", "read_records",
    "count_records", "Record", "RecordFormat", "BadRecord", "PromptTemplate",
    "TemplateFieldError", "RequestPlanner", "PlannedRequest", "PlanFailure",
    "ManifestEntry", "read_manifest", "final_entries",
    "ManifestError", "FolderBusyError", "DuplicateRecordError", "ChangedRequestError",
    "CollectProgress",
    # the Batch API pipeline, async and sync
    "submit_batches", "batch_status", "collect_batches", "cancel_batches",
    "run_batch_submit", "run_batch_status", "run_batch_collect", "run_batch_cancel",
    "BatchSubmitSummary", "BatchCollectSummary", "BatchCancelSummary", "BatchState",
    "BatchPart", "BatchFileSplitter", "batch_line", "MAX_BATCH_BYTES", "MAX_BATCH_REQUESTS",
}  # fmt: skip


def test_bulk_all_is_pinned() -> None:
    from openai_images_sdk import bulk

    assert set(bulk.__all__) == BULK_EXPECTED
    assert len(bulk.__all__) == len(BULK_EXPECTED)
    assert bulk.__all__ == sorted(bulk.__all__, key=lambda n: (not n.isupper(), n))
    for name in bulk.__all__:
        value = getattr(bulk, name)
        if isinstance(value, type) or inspect.isfunction(value):
            assert value.__doc__, f"bulk.{name} has no docstring"
