import CloudClient
import Foundation
import PropertyBased
import Testing

@testable import BrowserModel

/// The radix sort must give exactly the order of the reference comparison (`RowSorter.less`):
/// keys, then ID bytes, then region.
@Suite("Row sorter")
struct RowSorterTests {
  /// Rows built to stress the sort: shared long prefixes (more than 8 bytes, so the text sort
  /// goes deeper), equal keys, missing and negative numbers, -0, upper case, non-ASCII, two
  /// regions with the same IDs, more than the insertion-sort cut-off.
  func rows(_ kind: PaneKind, count: Int = 300) -> [Row] {
    // Knuth's multiplicative hash: spread, repeatable.
    rows(kind, values: (0..<count).map { ($0 &* 2_654_435_761) % 1000 })
  }

  /// One row per value; the value picks the row's name, sizes, statuses and dates.
  func rows(_ kind: PaneKind, values: [Int]) -> [Row] {
    let count = max(values.count, 1)
    var rows: [Row] = []
    for (i, r) in values.enumerated() {
      let prefix = ["backup-nightly-very-long-prefix-", "Backup-", "b", "", "ÄÖ-", "日本-"][r % 6]
      let name = prefix + String(r % 37)
      let id = "id-\(String(format: "%04d", (i * 7919) % count))"
      let region = i % 5 == 0 ? "DFW" : "ORD"
      let created = Fixtures.t0.addingTimeInterval(Double(r % 11) * (r % 2 == 0 ? 1 : -1))
      let resource: Resource
      switch kind {
      case .snapshots:
        resource = .snapshot(
          Snapshot(
            id: id, name: name, volumeID: "vol-\(r % 9)",
            status: [.available, .creating, .error, .other("Weird")][r % 4], size: r % 13,
            created: r % 17 == 0 ? nil : created, progress: r % 3 == 0 ? nil : Double(r % 101)))
      default:
        resource = .backup(
          Backup(
            id: id, name: name, description: nil, instanceID: r % 10 == 0 ? nil : "Inst-\(r % 7)",
            size: r % 4 == 0 ? nil : (r % 8 == 1 ? -0.0 : Double(r % 50) - 10),
            status: [.completed, .building, .failed, .new][r % 4],
            created: r % 19 == 0 ? nil : created,
            datastore: r % 6 == 0 ? nil : Datastore(type: r % 2 == 0 ? "MySQL" : "postgresql"),
            type: r % 5 == 0 ? nil : (r % 2 == 0 ? "full" : "incremental")))
      }
      rows.append(Row(region: region, resource: resource.sanitized()))
    }
    return rows
  }

  @Test(
    "radix order equals the reference comparison for every column",
    arguments: [
      PaneKind.backups, .snapshots,
    ])
  func matchesReference(kind: PaneKind) {
    let rows = rows(kind)
    let tie = RowSorter.tieOrder(rows)
    #expect(
      tie.map(Int.init)
        == Array(rows.indices).sorted { RowSorter.tieLess(rows[$0].id, rows[$1].id) })
    for column in PaneKind.allCases.flatMap(\.columns) {
      let fast = RowSorter.order(rows, by: column, tie: tie).map(Int.init)
      let reference = Array(rows.indices).sorted { RowSorter.less(rows, $0, $1, column: column) }
      #expect(fast == reference, "column \(column)")
    }
  }

  @Test(
    "for any rows, radix order equals the reference comparison on every column",
    arguments: [PaneKind.backups, .snapshots])
  func matchesReferenceForAnyRows(kind: PaneKind) async {
    await propertyCheck(count: 40, input: Gen.int(in: 0...999).array(of: 0...100)) { values in
      let rows = rows(kind, values: values)
      let tie = RowSorter.tieOrder(rows)
      for column in kind.columns {
        let fast = RowSorter.order(rows, by: column, tie: tie).map(Int.init)
        let reference = Array(rows.indices).sorted {
          RowSorter.less(rows, $0, $1, column: column)
        }
        #expect(fast == reference, "column \(column), values \(values)")
      }
    }
  }

  @Test(
    "the in-place comparison that places changed rows agrees with the reference on every column",
    arguments: [PaneKind.backups, .snapshots])
  func inPlaceLessMatchesReference(kind: PaneKind) async {
    await propertyCheck(count: 40, input: Gen.int(in: 0...999).array(of: 0...60)) { values in
      let rows = rows(kind, values: values)
      rows.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        for column in kind.columns {
          let slots = RowSorter.Slots(column)
          for a in rows.indices {
            for b in rows.indices {
              #expect(
                RowSorter.less(base + a, base + b, slots)
                  == RowSorter.less(rows, a, b, column: column),
                "column \(column), rows \(a) \(b)")
            }
          }
        }
      }
    }
  }

  @Test("a kept tie order survives appends and removals")
  func tieOrderKept() {
    var state = Fixtures.loaded(
      backups: (0..<80).map { Fixtures.backup("b\($0)", name: "n\($0 % 9)") })
    _ = reduce(&state, .sortBy(.name))
    Fixtures.load(
      &state, .backups,
      (0..<80).filter { $0 % 7 != 0 }.map { .backup(Fixtures.backup("b\($0)", name: "n\($0 % 9)")) }
        + [
          .backup(Fixtures.backup("a-new", name: "n3")),
          .backup(Fixtures.backup("z-new", name: "n3")),
        ],
      at: 1)
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(100)))  // gone rows fade out
    let pane = state.pane(.backups)
    #expect(
      pane.tieOrder == nil
        || pane.tieOrder?.map(Int.init)
          == Array(pane.rows.indices).sorted {
            RowSorter.tieLess(pane.rows[$0].id, pane.rows[$1].id)
          }
    )
    _ = reduce(&state, .sortBy(.status))
    _ = reduce(&state, .sortBy(.name))
    let expected = Array(pane.rows.indices).sorted {
      RowSorter.less(pane.rows, $0, $1, column: .name)
    }
    .map { pane.rows[$0].id.id }
    #expect(Fixtures.visibleIDs(state, .backups) == expected)
  }
}
