#!/usr/bin/env bash
# Runs the AWS-recorded conformance cases (../shared/conformance) against this Step Functions engine:
# generates the mock config into a temporary folder, starts the standalone endpoint in fast mode with it,
# runs check.py, prints the tables (and with --update-docs writes them into docs/conformance.md), and stops
# the endpoint again.
#
#   local/conformance.sh [--update-docs] [check.py run options, e.g. --category base --verbose]
#
# Environment: CONFORMANCE_DIR (default ../shared/conformance next to the repository), SFN_PORT (default: a
# free port), JOBS (check.py --jobs, default 2), MVN_OFFLINE (default -o; set to empty to allow downloads),
# RESULTS_OUT (a file to keep check.py's per-case results in).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cases_dir="${CONFORMANCE_DIR:-$root/../shared/conformance}"
cases="$cases_dir/aws-recorded-cases.jsonl"
checker="$cases_dir/check.py"
update_docs=false
if [[ "${1:-}" == "--update-docs" ]]; then
  update_docs=true
  shift
fi
[[ -f "$cases" && -f "$checker" ]] || { echo "conformance: no cases at $cases_dir (set CONFORMANCE_DIR)" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    # The server runs in its own session (setsid): stop Maven and the java it started, nothing else.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

port="${SFN_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
endpoint="http://127.0.0.1:$port"

python3 "$checker" mock-config "$cases" -o "$work/mock.json" >/dev/null

echo "conformance: starting the Step Functions endpoint on $endpoint (fast mode) ..." >&2
cd "$root"
setsid ./mvnw -B -q ${MVN_OFFLINE--o} -pl local compile exec:exec@sfn \
  -Dsfn.args="--port $port --fast --mock-config $work/mock.json" >"$work/server.log" 2>&1 &
server_pid=$!

python3 - "$endpoint" "$server_pid" <<'EOF' || { echo "conformance: the endpoint did not come up:" >&2; cat "$work/server.log" >&2; exit 2; }
import json, os, sys, time, urllib.request
endpoint, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 180
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)
    try:
        req = urllib.request.Request(endpoint + "/", data=b"{}", method="POST", headers={
            "X-Amz-Target": "AWSStepFunctions.ListStateMachines", "Content-Type": "application/x-amz-json-1.0"})
        urllib.request.urlopen(req, timeout=2).read()
        sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit(1)
EOF

set +e
python3 "$checker" run "$cases" --endpoint "$endpoint" --jobs "${JOBS:-2}" --json-out "$work/results.jsonl" "$@" \
  | tee "$work/report.txt"
status=${PIPESTATUS[0]}
set -e

# The categories the project reports (a case can count in several), and failures grouped by their first problem.
python3 - "$work/results.jsonl" >"$work/summary.txt" <<'EOF'
import collections, json, re, sys
results = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
groups = [
    ("JSONPath", lambda r: "ql:jsonpath" in r["features"]),
    ("JSONata", lambda r: "ql:jsonata" in r["features"] or "ql:mixed" in r["features"]),
    ("variables", lambda r: "variables" in r["features"] or r["category"] in ("assign", "states_variables")),
    ("intrinsics", lambda r: "intrinsics" in r["features"] or r["category"] == "intrinsic_functions"),
    ("Map", lambda r: "state:Map" in r["features"]),
    ("error handling", lambda r: bool({"catch", "retry"} & set(r["features"])) or r["category"] == "error_handling"),
    ("all cases", lambda r: True),
]
print(f"| area | cases | pass (with history) | results only | fail | error | pass % |")
print(f"|---|---:|---:|---:|---:|---:|---:|")
for label, keep in groups:
    sel = [r for r in results if keep(r)]
    n = len(sel)
    c = collections.Counter(r["grade"] for r in sel)
    pct = f"{100.0 * c['pass'] / n:.1f}" if n else "-"
    print(f"| {label} | {n} | {c['pass']} | {c['result-only']} | {c['fail']} | {c['error']} | {pct} |")
print()
causes = collections.Counter()
examples = {}
for r in results:
    if r["grade"] == "pass":
        continue
    first = (r.get("problems") or ["(no detail)"])[0]
    key = re.sub(r"#\d+", "#…", re.sub(r"'[^']{24,}'|\"[^\"]{24,}\"", "…", first))[:160]
    causes[key] += 1
    examples.setdefault(key, r["id"])
print("Cases that do not pass, grouped by their first problem:")
print()
for key, n in causes.most_common():
    print(f"- {n} × {key}  (e.g. `{examples[key]}`)")
EOF
cat "$work/summary.txt"
if [[ -n "${RESULTS_OUT:-}" ]]; then
  cp "$work/results.jsonl" "$RESULTS_OUT"
fi

if $update_docs; then
  python3 - "$root/docs/conformance.md" "$work/report.txt" "$work/summary.txt" <<'EOF'
import datetime, sys
doc, report, summary = sys.argv[1:4]
text = open(doc, encoding="utf-8").read()
begin, end = "<!-- conformance-results:begin -->", "<!-- conformance-results:end -->"
block = (begin + "\n\nLast run: " + datetime.date.today().isoformat() + " (`local/conformance.sh --update-docs`).\n\n"
         + open(summary, encoding="utf-8").read().strip() + "\n\nThe checker's own tables:\n\n```\n"
         + open(report, encoding="utf-8").read().strip() + "\n```\n\n" + end)
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(doc, "w", encoding="utf-8").write(text)
EOF
  echo "conformance: results written to docs/conformance.md" >&2
fi
exit "$status"
