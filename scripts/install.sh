#!/bin/sh
# Install jobdocs from this checkout, with the Debian packages that help it where apt-get
# is available and we may use it.
#
#   sh scripts/install.sh          jobdocs, libharfbuzz-subset0 (PDF export ~2.7x faster) and
#                                  the theme's fonts (DejaVu Sans, Noto Sans CJK, Noto Color Emoji)
#   sh scripts/install.sh --test   the same, editable, with the test tools: pytest, ruff,
#                                  poppler-utils, qpdf, LibreOffice (a second .docx reader,
#                                  and with python3-uno a scripted reviewer),
#                                  Chromium (loads the pages `jobdocs watch` serves and the
#                                  careers site) and axe-core from npm into .test-tools/
set -eu
cd "$(dirname "$0")/.."

packages=""
want() { # want PACKAGE: add it unless dpkg says it is installed
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || packages="$packages $1"
}
if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  want libharfbuzz-subset0
  want fonts-dejavu-core       # the theme's font: Latin, Greek, Cyrillic, Hebrew, Arabic
  want fonts-noto-cjk          # Chinese, Japanese, Korean
  want fonts-noto-color-emoji  # emoji
  if [ "${1:-}" = "--test" ]; then
    want poppler-utils
    want qpdf
    want libreoffice-writer-nogui
    want python3-uno              # LibreOffice as a scripted reviewer (tests/review)
    want chromium                 # loads the pages jobdocs watch serves
  fi
fi
if [ -n "$packages" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else sudo="none"; fi
  if [ "$sudo" = none ]; then
    echo "note: not root, so not installing:$packages (jobdocs works without them)" >&2
  else
    echo "installing Debian packages:$packages" >&2
    if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive \
        $sudo apt-get install -y -q --no-install-recommends $packages; }; then
      echo "note: could not install$packages; carrying on without them" >&2
    fi
  fi
fi

if [ "${1:-}" = "--test" ]; then
  python3 -m pip install -q -e '.[test]'
  if command -v npm >/dev/null 2>&1; then
    # axe-core checks the careers site's accessibility in Chromium (tests/build).
    npm install --silent --no-save --no-audit --no-fund --prefix .test-tools axe-core@4 ||
      echo "note: could not install axe-core; the accessibility tests will say so" >&2
  else
    echo "note: npm not found; the accessibility tests need axe-core from npm" >&2
  fi
else
  python3 -m pip install -q .
fi
