#!/usr/bin/env bash
# Sourced by scripts/test.sh before anything runs: finds what the test suite needs outside npm,
# installs it where the user may, and otherwise stops with one line naming the command to run.
#  - Chromium for the end-to-end tests (Playwright cannot download its own browser on these
#    machines): CHROMIUM_PATH, else Debian's /usr/bin/chromium, else `chromium` on the PATH; when
#    none is there, `apt-get install chromium fonts-noto-cjk` as root or with password-less sudo.
#  - Says plainly when the PostgreSQL pass will be skipped, and how to run it.

as_root() {
  if [[ "$(id -u)" == "0" ]]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"; else return 97; fi
}

may_install() { [[ "$(id -u)" == "0" ]] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; }

find_chromium() {
  local candidate
  # A CHROMIUM_PATH that is set is the one to use, or an error; never silently another browser.
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" && ! -d "$CHROMIUM_PATH" ]] && echo "$CHROMIUM_PATH"
    return
  fi
  for candidate in /usr/bin/chromium "$(command -v chromium 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

has_cjk_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }

apt_install() {
  echo "npm test: installing $* with apt-get (needed by the end-to-end tests)"
  # Through env, so that the setting survives sudo's environment reset.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! CHROMIUM="$(find_chromium)"; then
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    echo "npm test: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; point it at Chromium or unset it" >&2
    exit 1
  fi
  if ! may_install; then
    echo "npm test: the end-to-end tests need Chromium; run: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH to a Chromium)" >&2
    exit 1
  fi
  apt_install chromium fonts-noto-cjk || { echo "npm test: apt-get could not install chromium fonts-noto-cjk; install them and run npm test again" >&2; exit 1; }
  CHROMIUM="$(find_chromium)" || { echo "npm test: Chromium is still missing after apt-get install chromium" >&2; exit 1; }
elif ! has_cjk_fonts; then
  if may_install; then
    apt_install fonts-noto-cjk || echo "npm test: could not install fonts-noto-cjk: Chinese text in screenshots will show as boxes"
  else
    echo "npm test: fonts-noto-cjk is missing (sudo apt-get install -y fonts-noto-cjk): Chinese text in screenshots will show as boxes"
  fi
fi
export CHROMIUM_PATH="$CHROMIUM"
echo "== end-to-end browser: $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null | head -1 || echo 'version unknown'))"

if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    PG_SKIP_NOTE="skipped: TEST_DATABASE_URL is not set, although a PostgreSQL server answers on 127.0.0.1:5432. To run it: createdb -h 127.0.0.1 -U postgres kpd_test && TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kpd_test npm test"
  else
    PG_SKIP_NOTE="skipped: TEST_DATABASE_URL is not set (point it at a scratch PostgreSQL database whose name contains \"test\" to run it)"
  fi
  export PG_SKIP_NOTE
fi
