#!/usr/bin/env bash
# Side by side, alternating: the core (JMH), the journaled pipeline and market-data decode of two builds, then the
# price ladder of the second. Usage: benchmarks/side-by-side.sh BEFORE_JAR AFTER_JAR OUTDIR (from the repository
# root; build a jar with ./mvnw -B -q -Dmaven.test.skip=true package in a worktree of each commit).
set -u
B=$1; A=$2; O=$3; mkdir -p $O
F=$(grep -v '^#' config/jvm.options | tr '\n' ' ')
for i in 1 2; do
  for side in before after; do
    J=$B; [ $side = after ] && J=$A
    echo "=== core $side $i $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    java -jar $J MatchingCoreBenchmark.processCommand -prof gc -rf json -rff $O/core-$side-$i.json 2>&1 | grep -E "^MatchingCoreBenchmark|gc.alloc.rate.norm|Score" | tail -4
  done
done
for i in 1 2; do
  for side in before after; do
    J=$B; [ $side = after ] && J=$A
    echo "=== pipeline $side $i $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    rm -rf /tmp/pb-$side; java $F -Xms3g -Xmx3g -Dbarys.waitStrategy=yielding -Djava.io.tmpdir=/tmp -cp $J kz.barys.benchmarks.pipeline.PipelineBenchmark throughput 10000000 2>&1 | tail -6
  done
done
for i in 1 2; do
  for side in before after; do
    J=$B; [ $side = after ] && J=$A
    echo "=== md-decode $side $i $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    java $F -Xms2g -Xmx2g -cp $J kz.barys.benchmarks.marketdata.MarketDataBenchmark decode 5000000 2>&1 | tail -4
  done
done
echo "=== ladder $(date +%T)"
java -jar $A PriceLadderBenchmark -rf json -rff $O/ladder.json 2>&1 | grep -E "^PriceLadderBenchmark|Benchmark " | tail -5
echo "=== done $(date +%T)"
