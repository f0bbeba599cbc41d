#!/usr/bin/env bash
# Our core against exchange-core's order book on the same command stream, in alternating JMH forks (benchmarks/peer,
# SideBySideBenchmark). Usage, from anywhere in a checkout:
#   benchmarks/side-by-side-peer.sh [STREAM] [FORKS]
# STREAM: peer (default; ~1,000 live orders), deep100k or deep1m (100,000 / 1,000,000 live orders over a wide price
# range, fees on our side). FORKS: forks per side, alternating barys/peer (default 3). Then one fork of the peer's
# naive book for reference (NAIVE=0 skips it). Environment: MVN_FLAGS (e.g. -o), JMH_OPTS (JMH options instead of
# the benchmark's own iterations, e.g. "-wi 1 -i 1 -w 1s -r 1s -p cycle=40000" for a smoke run; deep1m defaults to
# 10 s iterations so that each covers whole 4,000,000-command cycles), OUT (result directory). The last line is
#   core/peer: RATIO (barys N commands/s, peer M commands/s)
# with the medians of the forks (peer = OrderBookDirectImpl).
set -euo pipefail
cd "$(dirname "$0")/.."
STREAM=${1:-peer}
FORKS=${2:-3}
OUT=${OUT:-benchmarks/peer/target/side-by-side-$STREAM}
JAR=benchmarks/peer/target/peer-benchmarks.jar
mkdir -p "$OUT"
DEFAULT_JMH=""
[ "$STREAM" = deep1m ] && DEFAULT_JMH="-wi 2 -w 10s -i 3 -r 10s"
JMH=${JMH_OPTS-$DEFAULT_JMH}

echo "=== build $(date +%T)"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS:-} -Dmaven.test.skip=true -pl benchmarks/peer -am package

score() { grep -m1 '"score"' "$1" | sed 's/[^0-9.]//g' | awk '{ printf "%.0f\n", $1 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.0f\n", v[int((NR + 1) / 2)] }'; }

run() { # SIDE FORK
  echo "=== $1 fork $2 of $STREAM $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  # shellcheck disable=SC2086
  java -jar "$JAR" "SideBySideBenchmark\.$1\$" -p stream="$STREAM" -f 1 $JMH \
       -rf json -rff "$OUT/$1-$2.json" > "$OUT/$1-$2.txt" 2>&1 \
    || { tail -30 "$OUT/$1-$2.txt"; exit 1; }
  grep -E "same work over one cycle|^SideBySideBenchmark" "$OUT/$1-$2.txt" | tail -2 | cut -c1-300
}

for i in $(seq 1 "$FORKS"); do
  run barys "$i"
  run peerDirect "$i"
done
if [ "${NAIVE:-1}" != 0 ]; then
  run peerNaive 1
fi

BARYS=$(for i in $(seq 1 "$FORKS"); do score "$OUT/barys-$i.json"; done | median)
PEER=$(for i in $(seq 1 "$FORKS"); do score "$OUT/peerDirect-$i.json"; done | median)
echo "=== done $(date +%T); results in $OUT"
[ "${NAIVE:-1}" != 0 ] && echo "peer naive book (reference): $(score "$OUT/peerNaive-1.json") commands/s"
echo "barys forks: $(for i in $(seq 1 "$FORKS"); do score "$OUT/barys-$i.json"; done | tr '\n' ' ')"
echo "peer forks:  $(for i in $(seq 1 "$FORKS"); do score "$OUT/peerDirect-$i.json"; done | tr '\n' ' ')"
awk -v b="$BARYS" -v p="$PEER" 'BEGIN { printf "core/peer: %.2f (barys %d commands/s, peer %d commands/s)\n", b / p, b, p }'
