#!/usr/bin/env bash
# The app command of cdk/cdk.json, for the standard CDK CLI: `cd cdk && npx aws-cdk@2 synth -c env=dev`.
# Runs dev.bella.stacks.BellaApp from the bella jar (bin/bella builds it when missing or stale) with a JDK >= 21;
# the CDK CLI passes the output directory and the context (env, config) in its environment.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/bin/bella" --version >/dev/null
JAVA_HOME=$(bash "$root/.ci/find-java")
exec "$JAVA_HOME/bin/java" -Xlog:disable -cp "$root/cli/target/bella.jar" dev.bella.stacks.BellaApp
