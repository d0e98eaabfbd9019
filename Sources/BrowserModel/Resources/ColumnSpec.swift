import Foundation

/// Everything about one column of one resource kind, declared once in its descriptor: title,
/// cell text and colour role, sort key, width, priority and alignment.
public struct ColumnSpec: Sendable {
  public let column: Column
  /// Widest the column usefully gets.
  public let width: Int
  /// How willingly it gives way on a narrow screen (lower goes first; the name never does).
  public let priority: Int
  public let alignment: Alignment
  /// An ID column: shown as its first 8 characters when the screen is tight (the detail
  /// view, the filter and `y` keep the whole ID).
  public let isIdentifier: Bool
  /// The title while times are shown as ages (`t`), e.g. AGE for CREATED.
  public let ageTitle: String?
  let sort: SortKey
  let cell: @Sendable (Row, CellContext) -> CellText

  public enum Alignment: Sendable { case left, right }

  init(
    _ column: Column, width: Int, priority: Int, alignment: Alignment = .left,
    isIdentifier: Bool = false, ageTitle: String? = nil, sort: SortKey,
    cell: @escaping @Sendable (Row, CellContext) -> CellText
  ) {
    self.column = column
    self.width = width
    self.priority = priority
    self.alignment = alignment
    self.isIdentifier = isIdentifier
    self.ageTitle = ageTitle
    self.sort = sort
    self.cell = cell
  }

  /// The header text in `context` (AGE instead of CREATED while times are ages).
  public func title(_ context: CellContext) -> String {
    context.timesAsAges ? ageTitle ?? column.title : column.title
  }

  /// The cell of `row`: text, already sanitised, and the role that colours it.
  public func text(_ row: Row, _ context: CellContext) -> CellText { cell(row, context) }
}

/// How a column sorts. Number and text keys are read once per value into the row
/// (`Row.recomputeKeys`), so a sort over 100,000 rows never looks into the resources.
public enum SortKey: Sendable {
  /// The row's own name, ID, status or region.
  case name, id, status, region
  /// A number (nil sorts last whatever the direction).
  case number(@Sendable (Resource) -> Double?)
  /// Text, compared lower-cased byte by byte.
  case text(@Sendable (Resource) -> String)
  /// The same key as another column of the kind (AGE sorts as CREATED does).
  case sameAs(Column)
}

/// A cell's text and the role that colours it (nil: the row's own style).
public struct CellText: Sendable, Equatable {
  public var text: String
  public var role: CellRole?

  public init(_ text: String, _ role: CellRole? = nil) {
    self.text = text
    self.role = role
  }

  public static let empty = CellText("")
}

/// What colours a cell, in the model's words; the UI maps these to theme roles.
public enum CellRole: Sendable, Hashable {
  case muted
  case status(StatusRole)
  case progress
  case pending
}

/// The meaning of a status: settled and good, moving, failed, going away, or unknown.
public enum StatusRole: Sendable, Hashable {
  case ok, progress, error, deleting, neutral
}

/// What a cell may need besides its row: the time, the time style, the spinner and the names
/// of rows in other panes (the instance of a backup, the volume of a snapshot).
public struct CellContext {
  public var now: Date
  /// Times as ages ("3h", "2d") instead of UTC dates; `t` switches.
  public var timesAsAges: Bool
  public var spinner: Character?
  /// The name of a row of another pane, nil when that pane has not loaded it.
  public var name: (PaneKind, RowID) -> String?
  /// The ETA ("eta 4m") or "stalled?" of a row in motion, from the learned durations.
  public var motionNote: (RowID) -> String? = { _ in nil }
  /// The gutter mark of a row from the history: `*` unseen, `◊` notify when finished.
  public var watchMark: (RowID) -> Character? = { _ in nil }

  public init(
    now: Date, timesAsAges: Bool = false, spinner: Character? = nil,
    name: @escaping (PaneKind, RowID) -> String? = { _, _ in nil }
  ) {
    self.now = now
    self.timesAsAges = timesAsAges
    self.spinner = spinner
    self.name = name
  }

  /// Reads names from the panes of `state`.
  public init(_ state: BrowserState, spinner: Character?) {
    self.init(now: state.now, timesAsAges: state.timesAsAges, spinner: spinner) { kind, id in
      guard let name = state.pane(kind).row(id)?.resource.name, !name.isEmpty else { return nil }
      return name
    }
    let watch = state.watch
    let now = state.now
    if !watch.motion.isEmpty {
      motionNote = { id in watch.motion[id].flatMap { $0.note(now: now) } }
    }
    if !watch.unseen.isEmpty || !watch.notifyOnFinish.isEmpty {
      watchMark = { id in
        watch.notifyOnFinish.contains(id) ? "◊" : watch.unseen.contains(id) ? "*" : nil
      }
    }
  }

  /// A date as the time style says: `2026-11-23 17:45` (UTC) or `3h`.
  public func time(_ date: Date?) -> String {
    guard let date else { return "" }
    return timesAsAges ? Formatting.age(date, now: now) : Formatting.date(date)
  }
}
