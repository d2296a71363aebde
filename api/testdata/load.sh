#!/usr/bin/env bash
# load.sh: load-test a real `vncite serve` on loopback with hey.
#
# Builds vncite, starts `vncite serve` on 127.0.0.1:0 over a fresh data
# directory (so it ingests the bundled sample corpus), then runs one hey per
# endpoint of a mix of search, lineage and show requests AT THE SAME TIME,
# (lineage-cascade walks the synthetic cascade serve adds: 03-NQ/TW, 253
# documents),
# splitting CLIENTS concurrent clients between them, for DURATION. Prints, per
# endpoint and in total: requests, requests/s, p50, p99, non-2xx responses and
# transport errors. Only loopback is used.
#
# Usage: api/testdata/load.sh [DURATION [CLIENTS]]    (defaults: 30s 50)
# Needs: go, hey (Debian package "hey"), curl.
set -euo pipefail

DURATION=${1:-30s}
CLIENTS=${2:-50}

cd "$(dirname "$0")/../.."
command -v hey >/dev/null || { echo "load.sh: hey not installed (apt-get install -y hey)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
	if [[ -n "$server_pid" ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/vncite" ./cmd/vncite
"$work/vncite" serve --data "$work/data" --addr 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!

base=""
for _ in $(seq 1 300); do
	base=$(sed -n 's|^vncite: serving \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' "$work/serve.out" | head -1)
	[[ -n "$base" ]] && curl -fsS "$base/healthz" >/dev/null 2>&1 && break
	kill -0 "$server_pid" 2>/dev/null || { echo "load.sh: server exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
	sleep 0.1
done
[[ -n "$base" ]] || { echo "load.sh: server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
docs=$(curl -fsS "$base/api/v1/stats")
echo "server: $base  stats: $docs"

# The mix: name and path. Numbers are percent-encoded where they hold "/"
# in a query; in paths the "/" stays as it is.
mix=(
	"search-number|/api/v1/search?q=ngh%E1%BB%8B+quy%E1%BA%BFt+25&limit=10"
	"search-words|/api/v1/search?q=dan+van+chinh+quyen&limit=10"
	"lineage-down|/api/v1/lineage/114-KL/TW?direction=down&depth=3"
	"lineage-up|/api/v1/lineage/307-CV/HU?direction=up&depth=3"
	"lineage-cascade|/api/v1/lineage/03-NQ/TW?direction=down&depth=3"
	"show|/api/v1/documents/25-NQ/TW"
	"show-state|/api/v1/documents/16/CT-TTg"
)
n=${#mix[@]}
for i in "${!mix[@]}"; do
	name=${mix[$i]%%|*}
	path=${mix[$i]#*|}
	code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
	[[ "$code" == 2* ]] || echo "warning: $name answers $code before the run: $base$path" >&2
done

pids=()
for i in "${!mix[@]}"; do
	name=${mix[$i]%%|*}
	path=${mix[$i]#*|}
	c=$((CLIENTS / n + (i < CLIENTS % n ? 1 : 0)))
	hey -z "$DURATION" -c "$c" -t 10 "$base$path" >"$work/$name.txt" 2>&1 &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

printf '\n%-16s %8s %9s %9s %9s %9s %9s %7s %7s\n' endpoint clients requests req/s p50_ms p99_ms max_ms non2xx errors
total_req=0 total_rps=0 total_bad=0 total_err=0
for i in "${!mix[@]}"; do
	name=${mix[$i]%%|*}
	f="$work/$name.txt"
	c=$((CLIENTS / n + (i < CLIENTS % n ? 1 : 0)))
	rps=$(awk '/Requests\/sec:/ {print $2}' "$f")
	p50=$(awk '/ 50%+ in / {printf "%.2f", $3*1000}' "$f")
	# hey prints "0% in 0.0000" for p99 when it has too few samples.
	p99=$(awk '/ 99%+ in / {if ($3 > 0) printf "%.2f", $3*1000; else printf "n/a"}' "$f")
	max=$(awk '/Slowest:/ {printf "%.2f", $2*1000}' "$f")
	ok=$(awk '/^  \[2[0-9][0-9]\]/ {s+=$2} END {print s+0}' "$f")
	bad=$(awk '/^  \[[013-9][0-9][0-9]\]/ {s+=$2} END {print s+0}' "$f")
	err=$(awk '/^Error distribution:/ {e=1; next} e && /^  \[[0-9]+\]/ {gsub(/[\[\]]/,"",$1); s+=$1} END {print s+0}' "$f")
	req=$((ok + bad))
	printf '%-16s %8d %9d %9.1f %9s %9s %9s %7d %7d\n' "$name" "$c" "$req" "$rps" "$p50" "$p99" "$max" "$bad" "$err"
	total_req=$((total_req + req))
	total_bad=$((total_bad + bad))
	total_err=$((total_err + err))
	total_rps=$(awk -v a="$total_rps" -v b="$rps" 'BEGIN {printf "%.1f", a+b}')
done
printf '%-16s %8d %9d %9.1f %9s %9s %9s %7d %7d\n' total "$CLIENTS" "$total_req" "$total_rps" - - - "$total_bad" "$total_err"
echo
echo "server log lines: $(wc -l <"$work/serve.log")"
if ((total_bad + total_err > 0)); then
	for i in "${!mix[@]}"; do
		name=${mix[$i]%%|*}
		sed -n '/Status code distribution/,$p' "$work/$name.txt"
	done
	exit 1
fi
