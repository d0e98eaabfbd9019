import CloudClient
import Foundation

/// One page of `list --format json`'s snapshots as text, written while the page is read
/// (issue 17: `snapshotPages(into:)` hands most snapshots over as the page's bytes, so no
/// `Snapshot` and no strings are made for them). Every object is written as `,\n  {…}`;
/// `JSONArrayText.append(objects:count:)` turns the list's first into `[\n  {…}`.
struct SnapshotJSONPage: SnapshotPageSink {
  let region: String
  /// The page's objects.
  private(set) var text = JSONText(capacity: 1 << 20)
  /// How many objects `text` holds.
  private(set) var count = 0

  init(region: String) { self.region = region }

  mutating func add(_ snapshot: SnapshotBytes) {
    text.raw(",\n  {")
    SnapshotJSON.write(snapshot, region: region, into: &text)
    text.raw("}")
    count += 1
  }

  mutating func add(_ snapshot: Snapshot) {
    text.raw(",\n  {")
    SnapshotJSON.write(snapshot, region: region, into: &text)
    text.raw("}")
    count += 1
  }
}
