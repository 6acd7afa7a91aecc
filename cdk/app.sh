#!/usr/bin/env bash
# The app command of cdk/cdk.json, for the standard CDK CLI: `cd cdk && npx aws-cdk@2 synth -c env=dev`.
# Runs dev.bella.stacks.BellaApp from the CLI's cdk configuration (cli/target/bella.jar + lib/core via its manifest,
# + lib/cdk; bin/bella builds them when missing or stale) with a JDK >= 21;
# the CDK CLI passes the output directory and the context (env, config) in its environment.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/bin/bella" --version >/dev/null
JAVA_HOME=$(bash "$root/.ci/find-java")
cp="$root/cli/target/bella.jar"
for j in "$root/cli/target/lib/cdk"/*.jar; do cp+=":$j"; done
exec "$JAVA_HOME/bin/java" -Xlog:disable -cp "$cp" dev.bella.stacks.BellaApp
