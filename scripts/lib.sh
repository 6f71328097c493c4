# Shared by scripts/test.sh and scripts/start.sh: a Node that satisfies package.json's engines,
# and node_modules that match package-lock.json. Sourced, not run.
NODE_WANTED=22.23.5   # engines: >=22.12.0 (electron 45 and its install tooling require it)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() { echo "huibao: $*" >&2; exit 1; }

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

# Debian's nodejs may be older than 22.12: the official binary is on the npm registry as
# node-linux-<arch>, so npm (any version) can fetch it without another download site.
ensure_node() {
  local dir="$ROOT/.tools/node-v$NODE_WANTED"
  [ -x "$dir/bin/node" ] && export PATH="$dir/bin:$PATH"
  node_ok && return 0
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null \
        || die "could not install nodejs and npm with apt-get"
    else
      die "Node.js and npm are missing: install them (as root: apt-get install nodejs npm), then run this again"
    fi
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) die "no Node $NODE_WANTED package for $(uname -m): install Node.js 22.12 or newer" ;;
  esac
  local tmp; tmp=$(mktemp -d)
  echo "huibao: fetching Node $NODE_WANTED (node-linux-$arch from the npm registry)…"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_WANTED" >/dev/null && tar xzf ./*.tgz) \
    || die "could not fetch node-linux-$arch@$NODE_WANTED from the npm registry: install Node.js 22.12 or newer"
  mkdir -p "$dir/bin" && mv "$tmp/package/bin/node" "$dir/bin/node" && rm -rf "$tmp"
  export PATH="$dir/bin:$PATH"
  node_ok || die "the fetched Node does not run here: install Node.js 22.12 or newer"
}

# npm ci only when package-lock.json or the Node version changed since the last install.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.huibao-installed"
  local want; want="$(node --version) $(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  echo "$want" > "$stamp"
}
