#!/usr/bin/env bash
# Declares every new public symbol (RS0016) of a shipping project in its PublicAPI.Unshipped.txt and
# drops removed ones (RS0017), using the analyzers' own code fixes. Review the diff before committing:
# a public symbol is a promise.
set -euo pipefail
project=${1:?usage: eng/update-public-api.sh src/PROJECT/PROJECT.csproj}
dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info
