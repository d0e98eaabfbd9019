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
