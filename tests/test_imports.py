"""What importing the package loads: pinned by module names, in fresh interpreters.

`import openai_images_sdk` is lazy (PEP 562): it loads the package and its version only.
Importing the sync client loads the HTTP stack and the client layers, never the async
machinery, the converter (cattrs loads with the first response parsed), the CLI, the fake
server, bulk, process or the pytest toolkit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing

import pytest

NEVER_ON_IMPORT = (
    "asyncio",
    "anyio",
    "trio",
    "openai_images_sdk.cli",
    "openai_images_sdk.fake_server",
    "openai_images_sdk.bulk",
    "openai_images_sdk.process",
    "openai_images_sdk.testing",
)


def loaded_modules(code: str) -> set[str]:
    """The module names a fresh interpreter holds after running `code`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def floor() -> set[str]:
    """What the interpreter loads by itself."""
    return loaded_modules("pass")


@pytest.fixture(scope="module")
def httpx_modules() -> set[str]:
    """What `import httpx` loads in this environment (click and pygments when installed)."""
    return loaded_modules("import httpx")


def test_import_of_the_package_loads_only_the_package(floor: set[str]) -> None:
    added = loaded_modules("import openai_images_sdk") - floor
    ours = {name for name in added if name.split(".")[0] == "openai_images_sdk"}
    assert ours == {"openai_images_sdk", "openai_images_sdk._version"}
    others = added - ours
    assert all(name.split(".")[0] in sys.stdlib_module_names for name in others), others
    assert "httpx" not in added


def test_importing_the_sync_client_loads_no_async_cli_or_server_layer(
    httpx_modules: set[str],
) -> None:
    added = loaded_modules("from openai_images_sdk import ImagesClient, ImagesResponse")
    # what httpx itself imports is not ours to avoid (httpx 0.27 imports anyio, for one)
    unexpected = sorted(name for name in added - httpx_modules if name.startswith(NEVER_ON_IMPORT))
    assert unexpected == []
    # the converter (and cattrs) load with the first response parsed
    assert not {"cattrs", "openai_images_sdk._converter"} & added
    third_party = {
        name
        for name in added - httpx_modules
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] != "openai_images_sdk"
    }
    allowed = ("attr", "attrs", "typing_extensions", "exceptiongroup")
    assert all(name.split(".")[0] in allowed for name in third_party), sorted(third_party)


LOADED_BY_THE_FIRST_CALL = (
    "openai_images_sdk._generated.models",
    "openai_images_sdk._capabilities",
    "openai_images_sdk._capability_rules",
    "openai_images_sdk._validation",
    "openai_images_sdk._request_checks",
    "openai_images_sdk._field_checks",
    "openai_images_sdk._uploads",
    "openai_images_sdk._multipart",
    "openai_images_sdk._inputs",
    "openai_images_sdk._sse",
    "openai_images_sdk._streaming",
    "openai_images_sdk._stream_core",
    "openai_images_sdk._stream_files",
    "openai_images_sdk._stream_reads",
    "openai_images_sdk._sync.streaming",
    "openai_images_sdk._results",
    "openai_images_sdk._sync.results",
    "openai_images_sdk._image_files",
    "openai_images_sdk._download",
    "openai_images_sdk._sync.download",
    "openai_images_sdk._converter",
    "openai_images_sdk._pagination",
)
"""What a call needs and building the client does not: loaded by the first call that uses it."""


@pytest.mark.parametrize(
    "code",
    [
        "from openai_images_sdk import ImagesClient",
        "from openai_images_sdk import ImagesClient\nImagesClient(api_key='x').images",
    ],
)
def test_building_the_client_loads_nothing_a_call_needs(code: str) -> None:
    added = loaded_modules(code)
    assert sorted(name for name in added if name.startswith(LOADED_BY_THE_FIRST_CALL)) == []


def test_the_first_call_loads_what_it_needs() -> None:
    code = (
        "import httpx\n"
        "from openai_images_sdk import ImagesClient\n"
        "body = {'created': 1, 'data': [{'b64_json': 'aGk='}]}\n"
        "answer = httpx.MockTransport(lambda request: httpx.Response(200, json=body))\n"
        "client = ImagesClient(api_key='x', http_client=httpx.Client(transport=answer))\n"
        "client.images.generate(prompt='a fox', model='gpt-image-1.5')\n"
    )
    added = loaded_modules(code)
    needed = {
        "openai_images_sdk._generated.models",
        "openai_images_sdk._validation",
        "openai_images_sdk._capability_rules",
        "openai_images_sdk._converter",
        "openai_images_sdk._results",
    }
    assert needed <= added


def test_the_operations_table_does_not_import_the_models() -> None:
    """The CLI's ``--help`` builds its options from it: no attrs models, no HTTP stack."""
    added = loaded_modules("import openai_images_sdk._generated.operations")
    assert "openai_images_sdk._generated.models" not in added
    assert "httpx" not in added
    assert not any(name.startswith(NEVER_ON_IMPORT) for name in added)


def test_a_lazily_named_result_type_resolves_to_the_model() -> None:
    from openai_images_sdk._generated import models, operations

    assert operations.CREATE_IMAGE.response_type is models.ImagesResponse
    assert operations.CREATE_IMAGE.stream_event_type == models.ImageGenStreamEvent
    assert operations.DOWNLOAD_FILE.response_type is bytes
    assert operations.CREATE_IMAGE_VARIATION.stream_event_type is None


@pytest.mark.parametrize("name", ["ImagesClient", "AsyncImagesClient", "Batch", "ImageRef"])
def test_a_lazy_name_is_the_object_of_its_module(name: str) -> None:
    import openai_images_sdk
    from openai_images_sdk import _client
    from openai_images_sdk._generated import models

    expected = {
        "ImagesClient": _client.ImagesClient,
        "AsyncImagesClient": _client.AsyncImagesClient,
        "Batch": models.Batch,
        "ImageRef": models.ImageRefParam,
    }[name]
    assert getattr(openai_images_sdk, name) is expected


def test_type_hints_of_a_method_resolve_in_the_public_namespace() -> None:
    """The generated resources name the models for type checkers only; `get_type_hints`
    resolves a method's annotations given the package's public names (README, migrating)."""
    import openai_images_sdk
    from openai_images_sdk import ImagesClient
    from openai_images_sdk._generated import models

    generate = ImagesClient(api_key="x").images.generate
    with pytest.raises(NameError):
        typing.get_type_hints(generate)
    public = {name: getattr(openai_images_sdk, name) for name in openai_images_sdk.__all__}
    hints = typing.get_type_hints(generate, localns=public)
    assert (
        hints["return"]
        == models.ImagesResponse | openai_images_sdk.Stream[models.ImageGenStreamEvent]
    )
