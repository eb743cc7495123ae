# Sourced by the benchmarks. The JIT of a 2-core machine needs far longer than a fixed 10 s to
# compile the database path (Hibernate, the JDBC driver, Jackson): an editor's article read by id
# climbed from ~1,100 to ~7,000 requests/s over its first 80 s of load, in steps, so a short fixed
# warm-up measured the compiler, not the path. steady_warmup runs unmeasured 5 s rounds of the same
# load until the last three rounds lie within STEADY_PCT (3) percent of each other, after at least
# MIN_WARMUP (default WARMUP, 10s) and at most STEADY_MAX_S (150) seconds in all, and says what it
# took. The JIT works in steps, with plateaus of 20-30 s between them, so the rows that reach the
# database set MIN_WARMUP to WARMUP_DB (120s): three equal rounds early on can be a plateau.
#
#   steady_warmup <connections> <wrk arguments...>
steady_warmup() {
  local connections=$1
  shift
  local min=${MIN_WARMUP:-${WARMUP:-10s}} pct=${STEADY_PCT:-3} max=${STEADY_MAX_S:-150}
  min=${min%s}
  local spent=0 rps a=0 b=0 c=0 hi lo
  while :; do
    rps=$(wrk -t2 -c"$connections" -d5s "$@" | awk '/Requests\/sec/ {print int($2)}')
    spent=$((spent + 5))
    a=$b b=$c c=${rps:-0}
    hi=$(printf '%s\n' $a $b $c | sort -n | tail -n 1)
    lo=$(printf '%s\n' $a $b $c | sort -n | head -n 1)
    if [ "$spent" -ge "$min" ] && [ "$lo" -gt 0 ] && [ $(( (hi - lo) * 100 )) -le $((hi * pct)) ]; then
      break
    fi
    [ "$spent" -ge "$max" ] && break
  done
  echo "  (warm-up: ${spent}s, last rounds $a $b $c requests/s)" >&2
}
