import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// Column widths serve the operator: names whole first, IDs short (first 8) when space is
/// tight and whole when not, and the full ID always in the detail view, the filter and `y`.
@Suite("column widths")
struct ColumnWidthTests {
  static let fullID = "b1000000-0000-4000-8000-000000000001"

  /// The list area's lines (left of the detail view on a wide screen).
  static func listLines(_ frame: Frame, cols: Int) -> [String] {
    let layout = ScreenLayout(cols: cols, rows: frame.height, detailOpen: false)
    return frame.lines.map { String($0.prefix(layout.list.width)) }
  }

  @Test("names are whole and IDs short at 80, 120 and 160 columns", arguments: [80, 120, 160])
  func namesFirst(cols: Int) throws {
    let frame = Fixtures.render(Fixtures.state(), cols, 30)
    let list = Self.listLines(frame, cols: cols)
    for name in ["orders-incremental", "nightly-orders", "evil␛[31mred␇🚀"] {
      #expect(list.contains { $0.contains(name) }, "\(name) at \(cols)")
    }
    let header = try #require(list.first { $0.contains("NAME") })
    #expect(header.contains("ID"))
    #expect(list.contains { $0.contains("nightly-orders") && $0.contains("b1000000 ") })
    #expect(!list.contains { $0.contains("b1000000-0000") })
    if cols >= ScreenLayout.sideBySideColumns {
      // The detail view beside the list keeps the whole ID.
      #expect(frame.lines.contains { $0.contains("b1000000-0000-4000-8000-") })
    }
  }

  @Test("an ID is whole when the row has room for it", arguments: [80, 120, 160])
  func wholeWhenRoom(cols: Int) {
    var state = Fixtures.state()
    state.withPane(.backups) {
      $0.setRows([
        Row(
          region: "ORD",
          resource: .backup(
            Backup(id: Self.fullID, name: "solo", status: .completed, created: Fixtures.now)))
      ])
    }
    let list = Self.listLines(Fixtures.render(state, cols, 30), cols: cols)
    #expect(list.contains { $0.contains("solo") && $0.contains(Self.fullID) })
  }

  @Test("the filter matches the whole ID and y copies it, whatever the table shows")
  func fullIDElsewhere() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginFilter)
    for c in Self.fullID { _ = reduce(&state, .editFilter(.insert(String(c)))) }
    _ = reduce(&state, .commitFilter)
    #expect(state.focused.visibleCount == 1)
    #expect(reduce(&state, .copySelectedID).contains(.copyToClipboard(Self.fullID)))
  }
}
