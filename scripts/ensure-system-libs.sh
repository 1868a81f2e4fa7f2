#!/usr/bin/env bash
# Qt (PySide6) needs a few shared libraries that slim Debian images may lack.
# Install them with apt-get only when one is missing and we are root; otherwise say what to install.
set -euo pipefail
pkgs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "note: Qt may need these system libraries: ${missing[*]}" >&2; exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "note: Qt needs: sudo apt-get install ${missing[*]}" >&2
fi
