#!/bin/sh
# Fuzzes the list-page, get and error-body decoders with libFuzzer (swiftc -sanitize=fuzzer),
# starting from the real captured bodies. Usage: scripts/fuzz-decoders.sh [seconds] (default 60).
# `swift test` runs a seeded mutation test of the same decoders (MutationFuzzTests); this goes
# further when there is time.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out="${TMPDIR:-/tmp}/rackwatch-fuzz"
mkdir -p "$out/corpus"
for file in Tests/Fixtures/real/*/*.json; do
  cp "$file" "$out/corpus/$(basename "$(dirname "$file")")-$(basename "$file")"
done
src=Sources/CloudClient
# URLParts (for PageLinks) lives beside the catalog, which needs the whole client: take it alone.
awk '/^struct URLParts/,/^}/' $src/Session/ServiceCatalog.swift > "$out/URLParts.swift"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name CloudClient \
  -o "$out/fuzz-decoders" scripts/fuzz/FuzzListPages.swift \
  $src/Wire/JSONReader.swift $src/Wire/ListPageDecoder.swift $src/Wire/Lenient.swift \
  $src/Wire/WireText.swift $src/Wire/WireDate.swift $src/Wire/SnapshotWire.swift \
  $src/Wire/BackupWire.swift $src/Wire/DatastoreWire.swift $src/Wire/ErrorBody.swift \
  $src/Resources/*.swift $src/Session/PageLinks.swift $src/TerminalSafe.swift \
  "$out/URLParts.swift"
"$out/fuzz-decoders" -max_total_time="$seconds" -max_len=65536 -timeout=5 "$out/corpus"
