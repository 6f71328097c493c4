#!/usr/bin/env bash
# Installs the npm packages (and Node 22 if this machine's is older) and starts the desktop app.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_node
ensure_node_modules
cd "$ROOT"
exec npm start
