import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

@Suite("detail view")
struct DetailTests {
  @Test(
    "a backup detail shows every field, with names for instance and parent",
    arguments: Fixtures.sizes)
  func backup(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .moveSelection(by: 1))  // orders-incremental
    _ = reduce(&state, .openDetail)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.isFreeOfControls)
    let text = frame.text
    #expect(text.contains("000000000002"))  // the ID, maybe wrapped
    if size.1 >= 24 {
      #expect(text.contains("Datastore"))
      #expect(text.contains("mysql 8.0"))
      #expect(text.contains("Parent backup"))
      #expect(text.contains("nightly-orders"))
    }
  }

  @Test("long values wrap instead of being cut", arguments: [(200, 60), (80, 40)])
  func wrapping(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .selectFirst)
    _ = reduce(&state, .moveSelection(by: 2))  // nightly-orders
    _ = reduce(&state, .openDetail)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.text.contains("Location"))
    #expect(frame.text.contains("b1.xbstream.gz") || frame.text.contains("xbstream"))
    for word in "Nightly full backup of the orders database before the batch run".split(
      separator: " ")
    {
      #expect(frame.text.contains(word))  // every word of the long description
    }
    #expect(frame.text.contains("mysql 8.0 (version v-80)"))
  }

  @Test("a snapshot detail shows progress, volume name and metadata")
  func snapshot() {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .selectFirst)
    let first = state.focused.selectedRow?.resource.name
    if first != "pre-upgrade" {
      for _ in 0..<3 where state.focused.selectedRow?.resource.name != "pre-upgrade" {
        _ = reduce(&state, .moveSelection(by: 1))
      }
    }
    _ = reduce(&state, .openDetail)
    let frame = Fixtures.render(state, 200, 60)
    #expect(frame.text.contains("data-vol (v4000000-0000-4000-8000-000000000001)"))
    #expect(frame.text.contains("owner=ops"))
    #expect(frame.text.contains("ticket=INC-42"))
    #expect(frame.text.contains("42%"))
  }
}

@Suite("text layout with hostile lengths (issue 13.4)")
struct LongTextTests {
  @Test("wrap with a line limit gives the first lines of the full wrap")
  func limitedWrapIsAPrefix() {
    let samples = [
      "Nightly full backup of the orders database before the batch run",
      String(repeating: "x", count: 95) + " short " + String(repeating: "数", count: 30),
      "a\nb  c\n\nd " + String(repeating: "🚀", count: 12), "", "   ",
    ]
    for text in samples {
      for width in [1, 7, 20] {
        let full = TextLayout.wrap(text, width: width)
        for limit in [1, 2, 5] {
          #expect(TextLayout.wrap(text, width: width, maxLines: limit) == Array(full.prefix(limit)))
        }
      }
    }
  }

  @Test("a long word is broken into full lines, a wide glyph never split")
  func longWord() {
    #expect(
      TextLayout.wrap("ab " + String(repeating: "x", count: 25), width: 10) == [
        "ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx",
      ])
    #expect(TextLayout.wrap("数数数", width: 3) == ["数", "数", "数"])
  }

  @Test("an 8 MB word: only the lines drawn are made, the cut shows where the text goes on")
  func hugeWord() {
    let word = String(repeating: "N", count: 8 << 20)
    let lines = TextLayout.wrap(word, width: 40, maxLines: 3)
    #expect(lines == Array(repeating: String(repeating: "N", count: 40), count: 3))
    #expect(TextLayout.truncate(word, to: 12) == String(repeating: "N", count: 11) + "…")
  }

  @Test("an unknown snapshot size shows as — in the table and the detail")
  func unknownSize() throws {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .selectFirst)
    let row = try #require(state.focused.selectedRow)
    guard case .snapshot(var snapshot) = row.resource else {
      Issue.record("not a snapshot")
      return
    }
    snapshot.size = nil
    let unknown = Row(region: row.region, resource: .snapshot(snapshot))
    let size = try #require(PaneKind.snapshots.descriptor.spec(.size))
    let shown = ColumnText.text(size, unknown, CellContext(now: Fixtures.now)).0
    #expect(shown == "—")
    let detail = DetailView.fields(unknown, state: state, spinner: nil)
    #expect(detail.first { $0.label == "Size" }?.value == "")  // drawn as "—"
  }
}
