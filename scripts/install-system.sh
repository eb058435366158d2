#!/usr/bin/env bash
# Install the Debian packages vnplan needs (OCR, .doc conversion, the review-page browser test).
# As root it installs what is missing; otherwise it says what to install and goes on.
set -u
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install failed for: ${missing[*]}" >&2; exit 1; }
else
  echo "vnplan: missing system packages: ${missing[*]}" >&2
  echo "vnplan: run as root: apt-get install ${missing[*]}  (OCR, .doc, the review-page test and the format renderer need them)" >&2
fi
