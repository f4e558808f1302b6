#!/usr/bin/env bash
# `npm test`: everything a fresh checkout can check, in order, with a summary at the end.
# Unit tests run twice, under time zones on both sides of UTC, so a date→instant slip shows.
set -u
cd "$(dirname "$0")/.."

CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
passed=0
failed=0
failures=()

step() {
  local name="$1"
  shift
  printf '\n\033[1m▶ %s\033[0m\n' "$name"
  local started=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '✔ %s (%ss)\n' "$name" "$((SECONDS - started))"
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf '✘ %s (%ss)\n' "$name" "$((SECONDS - started))"
  fi
}

step "lint" npx eslint . --max-warnings 0
step "format" npx prettier --check . --log-level warn
step "typecheck" npx tsc -p tsconfig.json --noEmit
step "unit + component tests (TZ=America/Los_Angeles)" env TZ=America/Los_Angeles npx vitest run
# Calendar arithmetic and formatting again from UTC−11 to UTC+14: a day slip shows in at least one zone.
DATE_SENSITIVE=(tests/model tests/compiler/time tests/compiler/events tests/compiler/merge tests/compiler/reference.test.ts
  tests/compiler/read.test.ts tests/app/formatWhen.test.ts tests/app/timelineWindow.test.ts tests/app/toTimelineItems.test.ts
  tests/app/filterEvents.test.ts tests/app/urlState.test.ts)
for tz in UTC Asia/Seoul Pacific/Kiritimati Pacific/Pago_Pago; do
  step "date-sensitive unit tests (TZ=$tz)" env TZ="$tz" npx vitest run "${DATE_SENSITIVE[@]}"
done
step "compile:check (public/data is up to date)" node scripts/compile.mjs --check
step "build" npx vite build --logLevel warn
if [ -x "$CHROME_BIN" ]; then
  step "e2e (Chromium)" env CHROME_BIN="$CHROME_BIN" npx playwright test
else
  failed=$((failed + 1))
  failures+=("e2e (Chromium)")
  printf '\n✘ e2e: Chromium not found at %s.\n  Install it with: apt-get update && apt-get install -y chromium\n  (or set CHROME_BIN to a Chromium binary)\n' "$CHROME_BIN"
fi

printf '\n──────── summary ────────\n'
for name in "${failures[@]}"; do printf '  failed: %s\n' "$name"; done
printf 'steps: %s passed, %s failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
