#!/usr/bin/env bash
# Fuzzes one file reader, or all of them, with libFuzzer (docs/reliability.md).
#
#   tools/fuzz.sh NAME SECONDS    run harness NAME for SECONDS (hours are fine: the corpus grows in
#                                 build-fuzz/corpus/NAME and is kept between runs)
#   tools/fuzz.sh all SECONDS     every harness, SECONDS in all (split evenly)
#   tools/fuzz.sh replay          only replay the regression inputs (tests/fuzz/regressions/NAME/*)
#   tools/fuzz.sh list            the harness names
#
# Builds the harnesses first when needed (clang, -DVENAVIZ_FUZZ=ON, in $VENAVIZ_FUZZ_BUILD_DIR,
# default build-fuzz). Seeds and dictionaries are made from the repository's files at each run
# (tools/fuzz_seeds.py). Every run first replays the regression inputs; each input may take at
# most $FUZZ_TIMEOUT s (default 10: longer is a hang) and the process $FUZZ_RSS_MB MB (default
# 2048: more is unbounded allocation). A finding stops the run, is written to
# build-fuzz/artifacts/NAME/ and makes the script exit 1: minimize it (libFuzzer's -minimize_crash=1),
# fix the reader, and keep the input as tests/fuzz/regressions/NAME/SHORT_NAME.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
build="${VENAVIZ_FUZZ_BUILD_DIR:-build-fuzz}"
timeout_s="${FUZZ_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
harnesses=(scene scenario protocol lesson settings strings baked model png)

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
what="${1:-}"
case "$what" in
  -h|--help|"") usage; [ -n "$what" ]; exit $? ;;
  list) printf '%s\n' "${harnesses[@]}"; exit 0 ;;
  all|replay) names=("${harnesses[@]}") ;;
  *)
    if ! printf '%s\n' "${harnesses[@]}" | grep -qx -- "$what"; then
      echo "fuzz.sh: unknown harness \"$what\"; expected one of: ${harnesses[*]}, all, replay" >&2
      exit 2
    fi
    names=("$what") ;;
esac
seconds=0
if [ "$what" != replay ]; then
  seconds="${2:-}"
  if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "fuzz.sh: expected a whole number of seconds after $what, got \"$seconds\"" >&2
    exit 2
  fi
fi

# --- build (incremental; only the GL-free libraries and the harnesses) ---------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DVENAVIZ_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" -j"${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$repo/tests/fuzz/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# --- the regression inputs: each found problem, fixed, must stay fixed ----------------------------
status=0
for n in "${names[@]}"; do
  dir="tests/fuzz/regressions/$n"
  [ -d "$dir" ] || continue
  files=("$dir"/*)
  [ -e "${files[0]}" ] || continue
  if "$build/tests/fuzz/fuzz_$n" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" "${files[@]}" >"$build/replay_$n.log" 2>&1; then
    echo "fuzz $n: ${#files[@]} regression inputs replayed, ok"
  else
    echo "fuzz $n: a regression input fails again (log: $build/replay_$n.log)" >&2
    tail -30 "$build/replay_$n.log" >&2
    status=1
  fi
done
[ "$what" = replay ] && exit "$status"

# --- fuzz -------------------------------------------------------------------------------------------
per=$seconds
[ "$what" = all ] && per=$(( seconds / ${#names[@]} > 0 ? seconds / ${#names[@]} : 1 ))
for n in "${names[@]}"; do
  seeds="$build/seeds/$n" corpus="$build/corpus/$n" artifacts="$build/artifacts/$n"
  rm -rf "$seeds"
  mkdir -p "$corpus" "$artifacts"
  python3 tools/fuzz_seeds.py "$repo" "$n" "$seeds" "$build/seeds/$n.dict"
  case "$n" in
    scene) max_len=262144 ;;
    model) max_len=16384 ;;
    png|baked) max_len=8192 ;;
    *) max_len=32768 ;;
  esac
  log="$build/fuzz_$n.log"
  set +e
  "$build/tests/fuzz/fuzz_$n" -max_total_time="$per" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
    -max_len="$max_len" -dict="$build/seeds/$n.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $n: ${execs:-?} inputs in ${per} s, corpus $(find "$corpus" -type f | wc -l) files, no crash, hang or leak"
  else
    echo "fuzz $n: FOUND A PROBLEM after ${execs:-?} inputs (exit $rc); input in $artifacts/, log $log" >&2
    grep -E "ERROR|SUMMARY|runtime error|bad rejection|Test unit written" "$log" | head -20 >&2
    status=1
  fi
done
exit "$status"
