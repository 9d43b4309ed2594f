"""Azure OpenAI paths on the fake server: deployments, ``api-version`` and ``api-key``.

`AzureImagesClient` sends the image operations to
``/openai/deployments/{deployment}/images/{generations,edits,variations}?api-version=...``
(``/openai/images/...`` when it has neither a deployment nor a model to name one). These
routes check what Azure checks, then hand the request to the ``/v1`` route of the same
operation:

- no ``api-version`` (or an empty one): 404 ``{"error": {"code": "404", ...}}``, the
  status Azure answers with; any non-empty version is accepted;
- a deployment serves the model `ServerOptions.azure_deployments` maps it to; a
  deployment named after a model in the capability table (or the server's default model)
  serves that model without being listed; any other name is 404 ``DeploymentNotFound``;
- the deployment decides the model, as on Azure: a ``model`` in the body is replaced by
  the deployment's (the recorded request keeps the body as sent). Without a deployment,
  the body's ``model`` (else the server's default) is used, as on ``/v1``;
- credentials: an ``api-key`` header or ``Authorization: Bearer <token>`` (an Entra ID
  token); when both are sent the ``api-key`` counts. A configured server key must match
  either one. Refusals are 401 in Azure's error shape.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from typing import Final, cast

import attrs

from ._formdata import FormPart
from ._http import ApiError, Incoming, Reply, Route, ServerContext, ServerOptions

__all__ = ["AzureApiError", "azure_routes", "check_azure_auth", "is_azure_path", "v1_path"]

_PREFIX: Final = "/openai/"
_IMAGE_PATH: Final = re.compile(r"^/openai(?:/deployments/[^/]*)?/images/([a-z]+)$")


class AzureApiError(ApiError):
    """An answer in Azure's error shape: ``{"error": {"code": ..., "message": ...}}``."""

    def __init__(self, status: int, message: str, *, code: str) -> None:
        super().__init__(status, message, code=code)

    def body(self) -> dict[str, object]:
        """The JSON error body."""
        return {"error": {"code": self.code, "message": self.message}}


def is_azure_path(path: str) -> bool:
    """Whether `path` is under ``/openai/`` (Azure's credentials and errors apply)."""
    return path.startswith(_PREFIX)


def v1_path(path: str) -> str:
    """The ``/v1`` path of an Azure image path (faults and rate limits name that one).

    Any other path is returned as it is.
    """
    match = _IMAGE_PATH.match(path)
    return f"/v1/images/{match.group(1)}" if match else path


def check_azure_auth(headers: Mapping[str, str], api_key: str | None) -> None:
    """`AzureApiError` 401 unless the request carries an acceptable ``api-key`` or bearer token.

    `api_key` is the server's key; None accepts any non-empty credential.
    """
    key = headers.get("api-key", "").strip()
    what = "api-key header"
    if not key:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        key = token.strip() if scheme.lower() == "bearer" else ""
        what = "bearer token"
    if not key:
        raise AzureApiError(
            401,
            "Access denied: no credentials. Send an 'api-key' header or "
            "'Authorization: Bearer <Entra ID token>' (fake server, Azure paths).",
            code="401",
        )
    if api_key is not None and key != api_key:
        raise AzureApiError(
            401,
            f"Access denied: the {what} is not valid for this resource (fake server, Azure paths).",
            code="401",
        )


def deployed_model(deployment: str, options: ServerOptions) -> str | None:
    """The model a deployment serves, or None when the server has no such deployment."""
    listed = options.azure_deployments.get(deployment)
    if listed is not None:
        return listed
    from openai_images_sdk._capabilities import default_table

    if deployment == options.default_model or deployment in default_table().models:
        return deployment
    return None


def _with_model(incoming: Incoming, model: str) -> Incoming:
    """`incoming` with its body's ``model`` set to `model` (bodies of other kinds untouched)."""
    payload = incoming.json
    if incoming.body_kind == "json" and isinstance(payload, Mapping):
        body = {str(k): v for k, v in cast("Mapping[object, object]", payload).items()}
        return attrs.evolve(incoming, json={**body, "model": model})
    if incoming.body_kind == "multipart":
        parts = [p for p in incoming.parts if p.name != "model"]
        parts.append(FormPart(name="model", filename=None, content_type=None, data=model.encode()))
        return attrs.evolve(incoming, parts=tuple(parts))
    return incoming


def _azure(route: Route) -> Route:
    def azure_route(incoming: Incoming, ctx: ServerContext) -> Reply:
        if not incoming.query.get("api-version"):
            # Azure answers 404 (not 400) when api-version is missing; clients see that status.
            raise AzureApiError(
                404,
                "Resource not found: the api-version query parameter is missing "
                "(e.g. ?api-version=2025-04-01-preview) (fake server).",
                code="404",
            )
        segments = incoming.path.split("/")  # "", "openai", "deployments", name, ...
        if len(segments) > 3 and segments[2] == "deployments":
            deployment = urllib.parse.unquote(segments[3])
            model = deployed_model(deployment, ctx.options)
            if model is None:
                raise AzureApiError(
                    404,
                    f"The deployment {deployment!r} does not exist on this resource. Deploy it "
                    "with FakeImagesServer(azure_deployments={name: model}) or use a model "
                    "name (fake server).",
                    code="DeploymentNotFound",
                )
            incoming = _with_model(incoming, model)
        return route(incoming, ctx)

    azure_route.__name__ = f"azure_{getattr(route, '__name__', 'route')}"
    return azure_route


def azure_routes(
    routes: Mapping[tuple[str, str], tuple[Route, bool]],
) -> dict[tuple[str, str], tuple[Route, bool]]:
    """The Azure twins of the ``/v1/images/...`` API routes among `routes`."""
    twins: dict[tuple[str, str], tuple[Route, bool]] = {}
    for (method, path), (route, is_api) in routes.items():
        operation = path.removeprefix("/v1/images/")
        if not is_api or operation == path or "/" in operation:
            continue
        azure = _azure(route)
        twins[(method, f"/openai/deployments/*/images/{operation}")] = (azure, True)
        twins[(method, f"/openai/images/{operation}")] = (azure, True)
    return twins
