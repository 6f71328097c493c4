#!/usr/bin/env bash
# Installs what the tests need (Debian/Ubuntu packages, Node 22, npm packages) and runs every
# test: `npm test`. Safe to run again: each step is skipped when already done. Run it as root
# on a fresh machine; as another user it stops at once, naming what to install.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# Debian's Chromium drives the end-to-end tests; poppler reads PDFs; LibreOffice renders the
# exported .docx; TrueType CJK fonts keep Chromium's PDFs free of Type 3 fonts.
APT_PACKAGES=(chromium poppler-utils libreoffice-writer-nogui fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei)

missing_packages() {
  local missing=()
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  local font
  for font in fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei; do
    dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q 'install ok installed' || missing+=("$font")
  done
  echo "${missing[@]}"
}

need=$(missing_packages)
if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing system packages: $need — install them as root (apt-get install -y $need) or run this script as root"
  fi
  echo "huibao: installing $need…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

ensure_node
ensure_node_modules
cd "$ROOT"
echo "huibao: Node $(node --version); running npm test"
npm test
