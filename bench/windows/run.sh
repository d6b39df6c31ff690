#!/usr/bin/env bash
# Throughput benchmark on Windows event corpora: atwatch with the reference rule against ripgrep
# and jq doing a comparable (cruder) selection on the same files, in the same run.
#
#   bench/windows/run.sh                # 1024 MB corpora (built on first run into bench/work/)
#   SIZE_MB=200 bench/windows/run.sh    # smaller corpora (rebuilt when the size differs)
#
# Prints, per corpus and tool: wall time, MB/s, events/s, peak RSS and the number of output
# lines (matches). Each file is read once before timing so that every tool sees a warm cache.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/bench/work"
size_mb=${SIZE_MB:-1024}
manifest="$work/windows-corpus.json"
corpora=(windows-nxlog.json windows-xml.xml)

need_tools() {
    local missing=()
    command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
    command -v jq >/dev/null 2>&1 || missing+=(jq)
    [ -x /usr/bin/time ] || missing+=(time)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "run.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq "${missing[@]}" >&2
}

corpus_ok() {
    [ -f "$manifest" ] || return 1
    for name in "${corpora[@]}"; do [ -f "$work/$name" ] || return 1; done
    python3 - "$manifest" "$size_mb" <<'EOF'
import json, os, sys
m = json.load(open(sys.argv[1]))
target = int(sys.argv[2]) * 1_000_000
folder = os.path.dirname(sys.argv[1])
# A file whose size differs from the manifest is left over from an interrupted build.
if any(os.path.getsize(os.path.join(folder, name)) != size for name, size in m["files"].items()):
    sys.exit(1)
smallest = min(m["files"].values())
# Generation stops when the smaller file reaches the target: a different SIZE_MB means rebuild.
sys.exit(0 if target <= smallest < target * 1.01 else 1)
EOF
}

build_corpus() {
    if corpus_ok; then
        echo "run.sh: corpus present in $work" >&2
        return
    fi
    echo "run.sh: building ${size_mb} MB corpora in $work" >&2
    rm -f "$manifest"
    python3 "$here/make-corpus.py" --size-mb "$size_mb" --out "$work"
}

# time_tool LABEL CORPUS COMMAND...: runs COMMAND under /usr/bin/time -v, prints one table row.
time_tool() {
    local label=$1 corpus=$2
    shift 2
    local out="$work/out.$label.$corpus" stats="$work/time.$label.$corpus"
    local status=0
    /usr/bin/time -v -o "$stats" "$@" >"$out" 2>"$out.stderr" || status=$?
    python3 - "$stats" "$work/$corpus" "$manifest" "$out" "$label" "$corpus" "$status" <<'EOF'
import json, os, re, sys
stats, path, manifest, out, label, corpus, status = sys.argv[1:]
text = open(stats, encoding="utf-8", errors="replace").read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
size = os.path.getsize(path)
events = json.load(open(manifest))["events"]
with open(out, "rb") as f:
    lines = [line for line in f if line.strip()]
# rg -c prints a count; the other tools print one line per match.
matches = int(lines[0]) if label == "rg" and lines else len(lines)
ok = status == "0" or (label == "rg" and status == "1")  # rg exits 1 when nothing matched
note = "" if ok else "  exit %s, see %s.stderr" % (status, out)
expected = json.load(open(manifest))["reference_query_rows_legacy_profile"]
if ok and label == "atwatch" and matches != expected:
    note = "  expected %d alerts (manifest), got %d" % (expected, matches)
print("%-20s %-10s %9.2f %9.1f %12.0f %9.1f %8d%s"
      % (corpus, label, seconds, size / 1e6 / max(seconds, 1e-9), events / max(seconds, 1e-9),
         rss_mb, matches, note))
EOF
}

need_tools
build_corpus

atwatch="$root/atwatch"
rule="$root/rules/windows/reference.yaml"
jq_filter='select(.EventID==1 or .EventID==4688) | select((.Image // .NewProcessName // "") | test("\\\\at\\.exe$";"i"))'

# Build the CLI before timing, so the first timed run does not include a Maven build.
"$atwatch" --version >/dev/null 2>&1 || echo "run.sh: atwatch --version failed; timing it anyway" >&2

echo
printf '%-20s %-10s %9s %9s %12s %9s %8s\n' corpus tool seconds "MB/s" "events/s" "RSS MB" matches
for corpus in "${corpora[@]}"; do
    file="$work/$corpus"
    cat "$file" >/dev/null
    time_tool atwatch "$corpus" "$atwatch" hunt --semantics splunk --rules "$rule" --format jsonl "$file"
    time_tool rg "$corpus" rg -c -i -e at.exe -e wmic.exe -e scheduledjob "$file"
    if [[ $corpus == *.json ]]; then
        time_tool jq "$corpus" jq -c "$jq_filter" "$file"
    else
        printf '%-20s %-10s %9s\n' "$corpus" jq "n/a (input is not JSON)"
    fi
done
echo
echo "events per corpus: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["events"])' "$manifest");" \
    "at-related: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["at_related"])' "$manifest");" \
    "reference-query rows expected (legacy profile): $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reference_query_rows_legacy_profile"])' "$manifest")"
echo "matches: alerts (atwatch), matching lines (rg -c), selected events (jq); outputs in $work/out.*"
