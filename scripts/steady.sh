#!/bin/sh
# steady: the independent OpenAPI mock server that tests/conformance sends requests to.
#
#   scripts/steady.sh            install @stdy/cli (pinned) into .tools/steady, unless present
#   scripts/steady.sh path       install if needed, then print the steady executable's path
#   scripts/steady.sh serve [ARGS...]
#                                install if needed, then serve spec/openapi.yaml on
#                                127.0.0.1:4010 with the bracket formats the SDK sends
#                                (ARGS go before the spec: e.g. -p 4011 --log-level=details)
#
# The npm package ships the native binary (an optional dependency per platform), so this
# needs Node.js and npm only to install; steady itself runs without them.
set -eu

VERSION=0.22.2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX="$ROOT/.tools/steady"
MANIFEST="$PREFIX/node_modules/@stdy/cli/package.json"

native_binary() {
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) platform=linux-x64 ;;
        Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
        Darwin-x86_64) platform=darwin-x64 ;;
        Darwin-arm64) platform=darwin-arm64 ;;
        *) platform=unknown ;;
    esac
    echo "$PREFIX/node_modules/@stdy/cli-$platform/bin/steady"
}

executable() {
    binary=$(native_binary)
    if [ -x "$binary" ]; then
        echo "$binary"
    else
        echo "$PREFIX/node_modules/.bin/steady"
    fi
}

installed() {
    [ -f "$MANIFEST" ] && grep -q "\"version\": \"$VERSION\"" "$MANIFEST" && [ -x "$(executable)" ]
}

install() {
    if installed; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
        echo "scripts/steady.sh: node and npm are needed to install steady" \
            "(@stdy/cli@$VERSION); install Node.js >= 18" >&2
        exit 1
    fi
    echo "scripts/steady.sh: installing @stdy/cli@$VERSION into $PREFIX" >&2
    mkdir -p "$PREFIX"
    npm install --no-save --no-package-lock --no-audit --no-fund --include=optional \
        --prefix "$PREFIX" "@stdy/cli@$VERSION" >&2
    if ! installed; then
        echo "scripts/steady.sh: npm finished but no steady $VERSION executable is in $PREFIX" >&2
        exit 1
    fi
}

command=${1:-install}
case "$command" in
    install)
        install
        ;;
    path)
        install
        executable
        ;;
    serve)
        shift
        install
        exec "$(executable)" --host 127.0.0.1 -p 4010 \
            --validator-form-array-format=brackets --validator-form-object-format=brackets \
            --validator-query-array-format=brackets --validator-query-object-format=brackets \
            "$@" "$ROOT/spec/openapi.yaml"
        ;;
    *)
        echo "usage: scripts/steady.sh [install | path | serve [ARGS...]]" >&2
        exit 2
        ;;
esac
