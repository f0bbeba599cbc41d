#!/usr/bin/env bash
# Issue 16: the cluster (three `barys node` + `barys gateway`) side by side with the single-node engine, in one run,
# measured through the same TCP gateway by `barys load` (the gateway benchmark's client, benchmarks/gateway.md):
#   1. commands per second, pipelined (--rate 0);
#   2. latency at a fixed rate both can hold (HdrHistogram, from when each order was due: corrected for coordinated
#      omission), p50/p99/p99.9;
#   3. failover: `barys demo --cluster` kills the leader with kill -9 half-way and prints the time from the kill to
#      the first answer from the new leader.
# Prints a summary to paste into benchmarks/README.md. Usage, from the repository root, after
# `./mvnw -B -q -Dmaven.test.skip=true package`:
#   benchmarks/cluster-vs-single.sh [OUTDIR] [SECONDS] [RATE]      (defaults /tmp/barys-cluster-bench 30 5000)
# WARMUP=seconds (default 10), FAILOVER_SECONDS=demo length (default 30), HOST=address the nodes use (default localhost;
# on three real hosts run `barys node` on each with one shared configuration and point this script's load at the gateway).
set -u
cd "$(dirname "$0")/.."
O=${1:-/tmp/barys-cluster-bench}; S=${2:-30}; R=${3:-5000}; W=${WARMUP:-10}; FS=${FAILOVER_SECONDS:-30}; H=${HOST:-localhost}
JAR=tools/target/barys.jar
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q -Dmaven.test.skip=true package)" >&2; exit 2; }
F=$(grep -v '^#' config/jvm.options | tr '\n' ' ')
rm -rf "$O"; mkdir -p "$O"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; }
trap cleanup EXIT
barys() { local heap=$1; shift; java $F "$heap" -jar "$JAR" "$@"; }
# A background process: `exec`, so that $! is the JVM itself and the kills below reach it (not only a subshell).
barys_bg() { local heap=$1; shift; exec java $F "$heap" -jar "$JAR" "$@"; }
load() { # NAME PORT RATE -> the summary lines of barys load, kept in $O/NAME.txt
  barys -Xmx512m load --connect 127.0.0.1:$2 --rate $3 --duration $S --warmup $W --hgrm "$O/$1.hgrm" > "$O/$1.txt" 2> "$O/$1.err"
  echo "--- $1 ($(cut -d' ' -f1 /proc/loadavg) load)"; cat "$O/$1.txt"
}
wait_for() { # FILE TEXT SECONDS
  for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for '$2' in $1" >&2; exit 1
}
orders_per_s() { grep -o '[0-9,]* orders/s' "$O/$1.txt" | tail -1 | tr -d ', orders/s'; }
pct() { grep -o "$2 [0-9.,]* [mu]s" "$O/$1.txt" | head -1 | cut -d' ' -f2-; }

BASE=$(( 31000 + RANDOM % 400 * 10 ))
echo "=== single-node engine $(date +%T)"
barys_bg -Xmx1g engine --data "$O/single" --port $((BASE + 40)) > "$O/engine.log" 2>&1 & PIDS+=($!)
ENGINE=$!
wait_for "$O/engine.log" "trading port" 60
load single-max $((BASE + 40)) 0
load single-rate $((BASE + 40)) $R
kill $ENGINE; wait $ENGINE 2>/dev/null

echo "=== cluster: three nodes and the gateway $(date +%T)"
C="$O/cluster.properties"
grep -v '^gateway.trading_port\|^engine.data_dir' engine/src/main/resources/barys-default.properties > "$C"
cat >> "$C" <<PROPS
cluster.node.0=$H:$BASE
cluster.node.1=$H:$((BASE + 10))
cluster.node.2=$H:$((BASE + 20))
cluster.aeron_dir=$O/aeron
engine.data_dir=$O/cluster
gateway.trading_port=$((BASE + 50))
gateway.operator_port=$((BASE + 51))
PROPS
for n in 0 1 2; do barys_bg -Xmx384m node --config "$C" --node $n > "$O/node-$n.log" 2>&1 & PIDS+=($!); done
START=$(date +%s%N)
until barys -Xmx64m cluster-status --config "$C" > "$O/status.txt" 2>/dev/null; do
  [ $(( ($(date +%s%N) - START) / 1000000000 )) -gt 180 ] && { echo "no leader in 180 s" >&2; exit 1; }
  sleep 0.5
done
echo "leader elected after $(( ($(date +%s%N) - START) / 1000000 )) ms:"; cat "$O/status.txt"
barys_bg -Xmx512m gateway --config "$C" > "$O/gateway.log" 2>&1 & PIDS+=($!)
wait_for "$O/gateway.log" "barys gateway: gateway id" 60
load cluster-max $((BASE + 50)) 0
load cluster-rate $((BASE + 50)) $R
cleanup; PIDS=()

echo "=== failover: barys demo --cluster, the leader killed with kill -9 after $((FS / 2)) s $(date +%T)"
barys -Xmx512m demo --cluster --duration $FS --rate $R --accounts 100 --no-http --data "$O/demo" > "$O/demo.txt" 2>&1
grep -E "leader|failover|acknowledged" "$O/demo.txt"
FAILOVER=$(grep -o 'first answer from the new leader [0-9,]* ms' "$O/demo.txt" | head -1 | grep -o '[0-9,]* ms')
[ -z "$FAILOVER" ] && FAILOVER=$(grep -o '[0-9,]* ms from the kill' "$O/demo.txt" | grep -o '[0-9,]* ms')

echo
echo "=== summary (paste into benchmarks/README.md) $(date -u +'%F %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| through the gateway | single-node engine | 3-node cluster (one host) |"
echo "|---|---|---|"
echo "| orders/s pipelined (\`load --rate 0\`, ${S} s) | $(orders_per_s single-max) | $(orders_per_s cluster-max) |"
for p in p50 p99 p99.9; do
  echo "| $p at $R orders/s (CO-corrected) | $(pct single-rate $p) | $(pct cluster-rate $p) |"
done
echo "| failover, kill -9 of the leader -> first answer from the new leader | - | ${FAILOVER:-not seen} |"
echo "Files: $O (load outputs *.txt, histograms *.hgrm, node and gateway logs, demo.txt)."
