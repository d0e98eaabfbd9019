import CloudClient
import Foundation

/// One resource kind, declared once: its columns, detail fields, what "in motion" means, how
/// its statuses read, which outcomes of a job are announced, and what an operator watches.
/// Panes, the sorter, the detail view, status colours and the CLI records read it (as k9s's
/// `internal/render/<resource>.go` renderers are read); one file per kind declares it.
public final class ResourceDescriptor: Sendable {
  public let kind: PaneKind
  /// "Backup", "Snapshot": messages and dialogs.
  public let noun: String
  /// Left to right; `s` cycles the sort through them in this order.
  public let columns: [ColumnSpec]
  /// The order a fresh pane sorts in.
  public let defaultSort: SortOrder
  /// True while a job on the item has not settled (fast refresh while any row is).
  let inMotion: @Sendable (Resource) -> Bool
  /// How the status reads (colour role).
  let statusRole: @Sendable (Resource) -> StatusRole
  /// Since when a moving item has been moving: the status cell shows the elapsed time.
  let movingSince: @Sendable (Resource) -> Date?
  /// The outcome of a change an operator should hear about (a job finished or failed).
  let outcome: @Sendable (StatusChange) -> JobOutcome?
  /// Words a filter matches besides the name and status (the instance of a backup, …).
  let searchWords: @Sendable (Resource) -> [String]
  /// Columns whose change marks a row as changed (status and name always do).
  let watched: [Column]
  /// Fields of the detail view after name, ID, status and region.
  let details: @Sendable (Resource, DetailContext) -> [DetailField]
  /// The scriptable record: key and value, in order (`list --format json|csv`, `show`).
  public let record: [RecordField]
  /// The record keys `list --format table` shows.
  public let tableKeys: [String]

  /// Where sorting finds each column's key in a row (filled from `columns`).
  let sortSlots: [Column: SortSlot]
  /// The cached sort keys, in slot order.
  let numberKeys: [@Sendable (Resource) -> Double?]
  let textKeys: [@Sendable (Resource) -> String]

  init(
    kind: PaneKind, noun: String, columns: [ColumnSpec], defaultSort: SortOrder,
    inMotion: @escaping @Sendable (Resource) -> Bool,
    statusRole: @escaping @Sendable (Resource) -> StatusRole,
    movingSince: @escaping @Sendable (Resource) -> Date? = { _ in nil },
    outcome: @escaping @Sendable (StatusChange) -> JobOutcome? = { _ in nil },
    searchWords: @escaping @Sendable (Resource) -> [String] = { _ in [] },
    watched: [Column] = [],
    details: @escaping @Sendable (Resource, DetailContext) -> [DetailField],
    record: [RecordField], tableKeys: [String]
  ) {
    self.kind = kind
    self.noun = noun
    self.columns = columns
    self.defaultSort = defaultSort
    self.inMotion = inMotion
    self.statusRole = statusRole
    self.movingSince = movingSince
    self.outcome = outcome
    self.searchWords = searchWords
    self.watched = watched
    self.details = details
    self.record = record
    self.tableKeys = tableKeys
    var slots: [Column: SortSlot] = [:]
    var numbers: [@Sendable (Resource) -> Double?] = []
    var texts: [@Sendable (Resource) -> String] = []
    for spec in columns {
      switch spec.sort {
      case .name: slots[spec.column] = .name
      case .id: slots[spec.column] = .id
      case .status: slots[spec.column] = .status
      case .region: slots[spec.column] = .region
      case .number(let key):
        slots[spec.column] = .number(numbers.count)
        numbers.append(key)
      case .text(let key):
        slots[spec.column] = .text(texts.count)
        texts.append(key)
      case .sameAs: break
      }
    }
    for spec in columns {
      if case .sameAs(let other) = spec.sort { slots[spec.column] = slots[other] }
    }
    precondition(numbers.count <= SortNumbers.capacity, "\(kind): too many number columns")
    precondition(texts.count <= SortTexts.capacity, "\(kind): too many text columns")
    self.sortSlots = slots
    self.numberKeys = numbers
    self.textKeys = texts
  }

  /// The detail view's fields of `row` after its name, ID, status and region.
  public func detailFields(of row: Row, _ context: CellContext) -> [DetailField] {
    details(row.resource, DetailContext(cell: context, region: row.region))
  }

  /// The scriptable record of an item.
  public func record(_ resource: Resource, region: String) -> [(key: String, value: RecordValue)] {
    record.map { ($0.key, $0.value(resource, region)) }
  }

  /// The column spec of `column`, if the kind has it.
  public func spec(_ column: Column) -> ColumnSpec? { columns.first { $0.column == column } }
}

/// Where a row keeps a column's sort key.
enum SortSlot: Sendable, Hashable {
  case name, id, status, region
  case number(Int)
  case text(Int)
}

/// A job's end an operator is told about.
public enum JobOutcome: Sendable, Hashable {
  /// Finished well; `as` is how the kind says it ("completed", "available").
  case completed(as: String)
  /// Ended in error; `as` is how the kind says it ("failed", "failed (error)").
  case failed(as: String)
  /// The server no longer lists it after a delete.
  case gone

  /// The words after the row's name in a message.
  public var words: String {
    switch self {
    case .completed(let words), .failed(let words): words
    case .gone: "deleted"
    }
  }

  var level: Message.Level {
    switch self {
    case .completed, .gone: .success
    case .failed: .error
    }
  }
}

/// A row's status before and after a refresh (lower-cased), for `outcome`.
public struct StatusChange: Sendable {
  public var from: String
  public var to: String
  /// The job was running before.
  public var wasMoving: Bool
  /// This app created the item and the server has not listed it settled yet.
  public var wasCreated: Bool
}

/// One line of the detail view.
public struct DetailField: Sendable, Equatable {
  public var label: String
  public var value: String
  public var role: CellRole?

  public init(_ label: String, _ value: String, role: CellRole? = nil) {
    self.label = label
    self.value = value
    self.role = role
  }
}

/// What detail fields may need besides the resource.
public struct DetailContext {
  public var cell: CellContext
  public var region: String

  /// `name (id)` when the other pane knows the row, else the ID (or "" for none).
  public func named(_ kind: PaneKind, _ id: String?) -> String {
    guard let id else { return "" }
    guard let name = cell.name(kind, RowID(region: region, id: id)) else { return id }
    return "\(name) (\(id))"
  }
}

/// One key of a scriptable record and how its value is read.
public struct RecordField: Sendable {
  public let key: String
  public let value: @Sendable (Resource, _ region: String) -> RecordValue

  init(_ key: String, _ value: @escaping @Sendable (Resource, String) -> RecordValue) {
    self.key = key
    self.value = value
  }

  /// The keys every record starts with: `id name status region`.
  static let identity = [
    RecordField("id") { r, _ in .string(r.id) },
    RecordField("name") { r, _ in .string(r.name) },
    RecordField("status") { r, _ in .string(r.statusText) },
    RecordField("region") { _, region in .string(region) },
  ]
}

/// A value of a scriptable record, before it is written as JSON, CSV or a table.
public enum RecordValue: Sendable, Equatable {
  case string(String?)
  case number(Double?)
  case integer(Int?)
  case bool(Bool?)
  case date(Date?)
  case strings([String])
  case object([(String, String)])

  public static func == (lhs: RecordValue, rhs: RecordValue) -> Bool {
    switch (lhs, rhs) {
    case (.string(let a), .string(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.date(let a), .date(let b)): a == b
    case (.strings(let a), .strings(let b)): a == b
    case (.object(let a), .object(let b)): a.elementsEqual(b) { $0 == $1 }
    default: false
    }
  }
}

extension PaneKind {
  /// The descriptor of the kind this pane lists.
  public var descriptor: ResourceDescriptor {
    switch self {
    case .backups: .backups
    case .snapshots: .snapshots
    case .instances: .instances
    case .volumes: .volumes
    }
  }
}

extension Resource {
  public var descriptor: ResourceDescriptor { pane.descriptor }
}
