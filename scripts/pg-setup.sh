#!/usr/bin/env bash
# Install PostgreSQL (the Debian package) where it is missing, for the store's tests.
# Idempotent: does nothing when initdb is already installed. The tests start their own throwaway
# cluster on a loopback port; this script neither creates nor starts one.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
        echo "pg-setup: PostgreSQL is missing and installing it needs root (apt-get install postgresql)" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get update -qq
${SUDO:-} apt-get install -y -qq --no-install-recommends postgresql >/dev/null
echo "pg-setup: installed $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
