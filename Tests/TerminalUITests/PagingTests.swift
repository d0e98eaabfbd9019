import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// Page Down moves exactly one screenful: the rows after the last one on screen come into
/// view, none skipped and none repeated, at every size and with the detail open or closed.
@Suite("paging")
struct PagingTests {
  static let sizes: [(Int, Int)] = [(200, 60), (160, 45), (120, 30), (100, 40), (80, 24), (60, 16)]

  /// The backups drawn in the list area, top to bottom, by the number their name and ID share
  /// (whichever of the two the width leaves whole).
  static func namesInList(_ frame: Frame, _ layout: ScreenLayout) -> [String] {
    (layout.list.y..<layout.list.maxY).compactMap { y -> String? in
      let line = String(frame.lines[y].prefix(layout.list.width))
      guard let range = line.range(of: #"\d{6}"#, options: .regularExpression) else {
        return nil
      }
      return String(line[range])
    }
  }

  static func number(_ row: Row?) -> String { String(row?.resource.name.suffix(6) ?? "") }

  @Test("Page Down shows the next screenful and Page Up the one before", arguments: sizes)
  func pageDown(size: (Int, Int)) {
    let (cols, rows) = size
    for detailOpen in [false, true] {
      var state = Fixtures.state()
      state.withPane(.backups) { $0.setRows(Fixtures.rows(500)) }
      if detailOpen { _ = reduce(&state, .openDetail) }
      let layout = ScreenLayout(cols: cols, rows: rows, detailOpen: detailOpen)
      guard layout.list.height > 3 else { continue }  // a short stacked detail hides the list
      _ = reduce(
        &state, .setViewport(rows: ScreenLayout.viewportRows(for: state, cols: cols, rows: rows)))
      _ = reduce(&state, .moveSelection(by: 3))

      let first = Self.namesInList(Fixtures.render(state, cols, rows), layout)
      #expect(first.count == layout.listRows, "\(cols)x\(rows) detail \(detailOpen)")
      let selectedLine = first.firstIndex(of: Self.number(state.focused.selectedRow))
      _ = reduce(&state, .pageDown)
      let second = Self.namesInList(Fixtures.render(state, cols, rows), layout)
      let all = Fixtures.rows(500).map { Self.number($0) }.sorted(by: >)
      guard let last = first.last, let next = all.firstIndex(of: last).map({ all[$0 + 1] }) else {
        Issue.record("no rows drawn at \(cols)x\(rows)")
        continue
      }
      #expect(second.first == next, "\(cols)x\(rows) detail \(detailOpen): \(first) -> \(second)")
      #expect(second.count == first.count)
      // The selection keeps its line on screen.
      #expect(
        second.firstIndex(of: Self.number(state.focused.selectedRow)) == selectedLine)
      _ = reduce(&state, .pageUp)
      #expect(Self.namesInList(Fixtures.render(state, cols, rows), layout) == first)
    }
  }

  @Test("the viewport the UI reports follows the detail view on a stacked layout")
  func viewportFollowsLayout() {
    var state = Fixtures.state()
    let closed = ScreenLayout.viewportRows(for: state, cols: 80, rows: 40)
    _ = reduce(&state, .openDetail)
    let open = ScreenLayout.viewportRows(for: state, cols: 80, rows: 40)
    #expect(closed == 40 - 7)
    #expect(open < closed)
    #expect(open == ScreenLayout(cols: 80, rows: 40, detailOpen: true).list.height - 3)
  }
}
