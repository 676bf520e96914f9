#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium and a CJK font for e2e, redis-server for the
# shared-store tests, nginx and postgresql for the several-instances test) when they are missing. Browsers cannot be downloaded by Playwright here, so we use Debian's.
set -euo pipefail
need=()
command -v /usr/bin/chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# openssl makes the throw-away CA and certificate of the OpenID provider the OIDC tests run.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# A CJK font, so the Simplified Chinese screens render (and screenshot) as text, not boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
# nginx in front of two BFF instances and PostgreSQL for the audit trail: the HA test (apps/bff/test/ha).
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing system packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root (or sudo) to apt-get install ${need[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
