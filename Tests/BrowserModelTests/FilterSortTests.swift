import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Filter, sort and selection stability")
struct FilterSortTests {
  func sample() -> BrowserState {
    Fixtures.loaded(backups: [
      Fixtures.backup(
        "id-1", name: "Orders-Nightly", status: .completed, instance: "inst-A", created: 1),
      Fixtures.backup("id-2", name: "users", status: .building, instance: "inst-B", created: 2),
      Fixtures.backup(
        "id-3", name: "orders-weekly", status: .failed, instance: "inst-A", created: 3,
        datastore: "postgresql"),
    ])
  }

  func filter(_ state: inout BrowserState, _ text: String) {
    _ = reduce(&state, .beginFilter)
    _ = reduce(&state, .editFilter(.clearLine))
    _ = reduce(&state, .editFilter(.insert(text)))
    _ = reduce(&state, .commitFilter)
  }

  @Test("filter matches name, ID, status and instance, case-insensitively")
  func substring() {
    var state = sample()
    filter(&state, "ORDERS")
    #expect(Set(Fixtures.visibleIDs(state, .backups)) == ["id-1", "id-3"])
    filter(&state, "id-2")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-2"])
    filter(&state, "building")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-2"])
    filter(&state, "inst-b")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-2"])
  }

  @Test("status:, datastore: and region: qualifiers combine with words")
  func qualifiers() {
    var state = sample()
    filter(&state, "status:failed")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-3"])
    filter(&state, "datastore:mysql orders")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-1"])
    filter(&state, "region:ord status:completed")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-1"])
    filter(&state, "region:lon")
    #expect(Fixtures.visibleIDs(state, .backups).isEmpty)
  }

  @Test("filter applies as you type and Esc restores the previous filter")
  func cancel() {
    var state = sample()
    filter(&state, "users")
    _ = reduce(&state, .beginFilter)
    _ = reduce(&state, .editFilter(.clearLine))
    _ = reduce(&state, .editFilter(.insert("orders")))
    #expect(Fixtures.visibleIDs(state, .backups).count == 2)
    _ = reduce(&state, .cancelFilter)
    #expect(state.inputMode == .normal)
    #expect(state.focused.filter.text == "users")
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-2"])
  }

  @Test("s cycles the sort column, S reverses it")
  func sorting() {
    var state = sample()
    #expect(state.focused.sort == SortOrder(column: .created, ascending: false))
    _ = reduce(&state, .sortBy(.name))
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-1", "id-3", "id-2"])
    _ = reduce(&state, .reverseSort)
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-2", "id-3", "id-1"])
    _ = reduce(&state, .sortNextColumn)
    #expect(state.focused.sort.column == .id)
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-1", "id-2", "id-3"])
    _ = reduce(&state, .sortNextColumn)
    #expect(state.focused.sort.column == .status)
  }

  @Test("every column of every pane can be sorted by")
  func everyColumn() {
    var state = Fixtures.loaded(
      backups: [Fixtures.backup("b1"), Fixtures.backup("b2", size: nil)],
      snapshots: [Fixtures.snapshot("s1"), Fixtures.snapshot("s2", progress: nil)],
      instances: [Fixtures.instance("i1")], volumes: [Fixtures.volume("v1")])
    for kind in PaneKind.allCases {
      _ = reduce(&state, .focusPane(kind))
      for column in kind.columns {
        _ = reduce(&state, .sortBy(column))
        #expect(state.focused.sort.column == column)
        #expect(state.focused.visibleCount == state.focused.rows.count)
      }
    }
  }

  @Test("missing sizes sort last")
  func missingLast() {
    var state = Fixtures.loaded(backups: [
      Fixtures.backup("x", size: nil), Fixtures.backup("y", size: 5), Fixtures.backup("z", size: 1),
    ])
    _ = reduce(&state, .sortBy(.size))
    #expect(Fixtures.visibleIDs(state, .backups) == ["z", "y", "x"])
  }

  @Test("the selection follows its row through sort, filter and refresh")
  func selectionStable() {
    var state = sample()
    _ = reduce(&state, .moveSelection(by: 1))
    let chosen = state.focused.selectedID
    #expect(chosen?.id == "id-2")
    _ = reduce(&state, .sortBy(.name))
    #expect(state.focused.selectedID == chosen)
    #expect(state.focused.selectedRow?.id == chosen)
    filter(&state, "u")
    #expect(state.focused.selectedID == chosen)
    // A refresh that reorders and adds rows keeps it too.
    Fixtures.load(
      &state, .backups,
      [
        .backup(Fixtures.backup("id-0", name: "aaa-users")),
        .backup(
          Fixtures.backup("id-3", name: "orders-weekly", status: .failed, instance: "inst-A")),
        .backup(Fixtures.backup("id-2", name: "users", status: .completed, instance: "inst-B")),
        .backup(Fixtures.backup("id-1", name: "Orders-Nightly", instance: "inst-A")),
      ], at: 5)
    #expect(state.focused.selectedID == chosen)
    #expect(state.focused.filter.text == "u")
    #expect(state.focused.sort.column == .name)
    #expect(Fixtures.visibleIDs(state, .backups) == ["id-0", "id-2"])
  }

  @Test("when the selected row is filtered out the first visible row is selected")
  func selectionFallback() {
    var state = sample()
    filter(&state, "status:failed")
    #expect(state.focused.selectedID?.id == "id-3")
  }

  @Test("text editing: word delete, clear, cursor moves, delete under cursor")
  func textEditing() {
    var field = TextField("hello big world")
    field.apply(.deleteWordBackward)
    #expect(field.text == "hello big ")
    field.apply(.home)
    field.apply(.delete)
    #expect(field.text == "ello big ")
    field.apply(.moveRight)
    field.apply(.insert("X"))
    #expect(field.text == "eXllo big ")
    field.apply(.moveLeft)
    field.apply(.backspace)
    #expect(field.text == "Xllo big ")
    field.apply(.end)
    field.apply(.insert("\u{1B}[31mz"))
    #expect(field.text == "Xllo big [31mz")
    field.apply(.clearLine)
    #expect(field.text.isEmpty && field.cursor == 0)
  }
}
