import Foundation

/// Load state of one list (one pane in one region): what the refresh scheduler needs.
public struct ListStatus: Sendable, Hashable {
  /// A request for this list is running: no second one is sent.
  public var inFlight = false
  /// Consecutive failures, for back-off.
  public var failures = 0
  /// When the next refresh of this list is due; nil = as soon as possible.
  public var nextDue: Date?
  public var lastLoaded: Date?
  /// The last error (sanitised), cleared by a success.
  public var error: String?

  public init() {}
}

/// One pane: all rows, the visible ones (filtered and sorted), selection and view options.
public struct PaneState: Sendable {
  public let kind: PaneKind
  /// Every row, in arrival order. Index with `visible`.
  public internal(set) var rows: [Row] = []
  /// Indices into `rows` of the rows to draw, filtered and sorted. Precomputed by the
  /// reducer so rendering only indexes.
  public internal(set) var visible: [Int] = []
  /// The selected row, kept by ID through refreshes, sorts and filters.
  public var selectedID: RowID?
  /// First visible row the UI should draw (kept so the selection stays on screen).
  public var scrollOffset = 0
  public var sort: SortOrder
  /// The committed filter, or the one being typed while editing.
  public var filter = TextField()
  /// Per-region list state: loading, error, last loaded.
  public var lists: [String: ListStatus] = [:]

  var indexByID: [RowID: Int] = [:]
  /// `rows` indices in sort order; recomputed only when rows or the sort change.
  var sortedOrder: [Int] = []
  var parsedFilter = FilterQuery(text: "")
  /// The oldest change mark, so the reducer knows when to wake up to fade it.
  var oldestMark: Date?

  public init(kind: PaneKind) {
    self.kind = kind
    self.sort = kind.defaultSort
  }

  /// True while any region's list request is running.
  public var isLoading: Bool { lists.values.contains { $0.inFlight } }

  /// Errors by region (sanitised server messages).
  public var regionErrors: [String: String] {
    lists.compactMapValues { $0.error }
  }

  /// The most recent successful load in any region.
  public var lastLoaded: Date? { lists.values.compactMap(\.lastLoaded).max() }

  /// The number of rows on screen (after the filter).
  public var visibleCount: Int { visible.count }

  /// The visible row at a screen position.
  public func visibleRow(at position: Int) -> Row? {
    visible.indices.contains(position) ? rows[visible[position]] : nil
  }

  /// The row with this ID, visible or not.
  public func row(_ id: RowID) -> Row? {
    indexByID[id].map { rows[$0] }
  }

  /// The selected row if it is visible.
  public var selectedRow: Row? {
    guard let selectedPosition else { return nil }
    return rows[visible[selectedPosition]]
  }

  /// Position of the selected row in `visible`.
  public var selectedPosition: Int? {
    guard let selectedID, let index = indexByID[selectedID] else { return nil }
    return visible.firstIndex(of: index)
  }

  /// True when any row is in motion (job running or pending operation).
  public var anyInMotion: Bool { rows.contains { $0.isInMotion && $0.change?.kind != .gone } }

  // MARK: - Mutation (reducer only)

  /// Replaces all rows; re-sorts and re-filters, keeping the selection by ID.
  mutating func setRows(_ newRows: [Row]) {
    rows = newRows
    recomputeOldestMark()
    indexByID = Dictionary(
      newRows.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { _, last in last }
    )
    resort()
  }

  /// Changes one row in place; re-sorts (its keys may have changed).
  mutating func updateRow(_ id: RowID, _ change: (inout Row) -> Void) {
    guard let index = indexByID[id] else { return }
    change(&rows[index])
    rows[index].recomputeKeys()
    recomputeOldestMark()
    resort()
  }

  mutating func appendRow(_ row: Row) {
    if let index = indexByID[row.id] {
      rows[index] = row
    } else {
      indexByID[row.id] = rows.count
      rows.append(row)
    }
    recomputeOldestMark()
    resort()
  }

  mutating func removeRows(where predicate: (Row) -> Bool) {
    let kept = rows.filter { !predicate($0) }
    if kept.count != rows.count { setRows(kept) }
  }

  mutating func resort() {
    sortedOrder = RowSorter.order(rows, by: sort)
    refilter()
  }

  mutating func refilter() {
    parsedFilter = FilterQuery(text: filter.text)
    if parsedFilter.isEmpty {
      visible = sortedOrder
    } else {
      let query = parsedFilter
      visible = sortedOrder.filter { query.matches(rows[$0]) }
    }
    fixSelection()
  }

  /// Keeps the selection on its row if visible, else the nearest row on screen.
  mutating func fixSelection() {
    if let selectedID, let index = indexByID[selectedID], visible.contains(index) { return }
    selectedID = visible.first.map { rows[$0].id }
  }

  mutating func select(position: Int) {
    guard !visible.isEmpty else {
      selectedID = nil
      return
    }
    let clamped = min(max(position, 0), visible.count - 1)
    selectedID = rows[visible[clamped]].id
  }
}
