#!/bin/sh
# The charts' benchmark: a 50,000-capability roadmap exported to SVG must
# take seconds, not minutes. Prints the time of each export.
#   sh tests/bench/svg.sh [CAPABILITIES [PROJECTS]]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
dir=build/bench
mkdir -p "$dir"
rm -f "$dir"/*.svg
caps=${1:-50000}
sh tests/bench/gen.sh "$@" >"$dir/roadmap.yaml"
echo "bench: $caps capabilities, $(wc -c <"$dir/roadmap.yaml") bytes of YAML"
run() {
	what=$1
	shift
	start=$(date +%s.%N)
	./ldr "$@" >/dev/null || { echo "bench: $what: FAILED"; exit 1; }
	end=$(date +%s.%N)
	echo "$what $start $end" | awk '{ printf "bench: %-26s %6.2f s\n", $1, $3 - $2 }'
}
run stat stat "$dir/roadmap.yaml"
run gantt-projects export gantt --as-of 2020-03 -o "$dir/gantt.svg" "$dir/roadmap.yaml"
run gantt-capabilities export gantt --capabilities --as-of 2020-03 -o "$dir/gantt-capabilities.svg" "$dir/roadmap.yaml"
run tubemap export tubemap --as-of 2020-03 -o "$dir/tubemap.svg" "$dir/roadmap.yaml"
run trajectory export trajectory --as-of 2020-03 -o "$dir/trajectory.svg" "$dir/roadmap.yaml"
# Many groups, so many lines: the track order and the spaces kept clear for
# diagonals must not grow with the square of the groups.
sh tests/bench/gen.sh 20000 4000 2000 >"$dir/groups.yaml"
echo "bench: 20000 capabilities in 2007 groups"
run tubemap-2007-lines export tubemap --as-of 2020-03 -o "$dir/groups-tubemap.svg" "$dir/groups.yaml"
run gantt-2007-lanes export gantt --capabilities --as-of 2020-03 -o "$dir/groups-gantt.svg" "$dir/groups.yaml"
ls -l "$dir"/*.svg | awk '{ printf "bench: %-40s %6.1f MB\n", $NF, $5 / 1e6 }'
