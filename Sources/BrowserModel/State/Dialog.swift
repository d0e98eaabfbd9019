/// A modal dialog over the panes.
public enum Dialog: Sendable, Hashable {
  case form(Form)
  case confirmDelete(DeleteConfirmation)
}

/// A list of choices with one selected (instance, volume, incremental parent).
public struct Picker: Sendable, Hashable {
  public struct Option: Sendable, Hashable {
    /// The resource ID sent to the server (empty for "none").
    public var value: String
    public var label: String
    /// Region the option lives in (a create goes to the region of the picked item).
    public var region: String

    public init(value: String, label: String, region: String) {
      self.value = value
      self.label = label
      self.region = region
    }
  }

  public var options: [Option]
  public var selected: Int

  public init(options: [Option], selected: Int = 0) {
    self.options = options
    self.selected = options.isEmpty ? 0 : min(max(selected, 0), options.count - 1)
  }

  public var selectedOption: Option? {
    options.indices.contains(selected) ? options[selected] : nil
  }

  mutating func move(by delta: Int) {
    guard !options.isEmpty else { return }
    selected = min(max(selected + delta, 0), options.count - 1)
  }
}

/// What a form is for.
public enum FormPurpose: Sendable, Hashable {
  case createBackup
  case createSnapshot
  case renameSnapshot(RowID)
  /// A new database instance from this backup.
  case restoreBackup(RowID)
  /// A new volume from this snapshot.
  case volumeFromSnapshot(RowID)
  /// The metadata of this snapshot (every key a field; a cleared value removes its key).
  case snapshotMetadata(RowID)
  /// Cinder's admin actions on this snapshot.
  case snapshotAdmin(RowID)
  /// A backup schedule of the instance; with an ID, the existing one is changed or deleted.
  case schedule(instance: RowID, scheduleID: String?)
  /// A copy of this backup in another region (Rackspace `copy-backup`).
  case copyBackup(RowID)
}

/// Which value a form field holds.
public enum FieldID: Sendable, Hashable {
  case name, description, instance, parent, volume, force
  case flavor, size, volumeType, adminAction
  /// An existing metadata key's value.
  case metadataValue(key: String)
  /// A metadata key and value to add.
  case newKey, newValue
  case dayOfWeek, hour, minute, retention, copyTo, deleteSchedule, targetRegion
}

/// The value of one form field.
public enum FieldValue: Sendable, Hashable {
  case text(TextField)
  case picker(Picker)
  case toggle(Bool)
  /// Read-only information (the backup's datastore); focus skips it.
  case note(String)
}

/// One labelled field of a form.
public struct FormField: Sendable, Hashable {
  public var id: FieldID
  public var label: String
  public var value: FieldValue

  public init(id: FieldID, label: String, value: FieldValue) {
    self.id = id
    self.label = label
    self.value = value
  }
}

/// A create or rename form. Rendered generically: title, fields top to bottom, the focused
/// one highlighted, the error line under them.
public struct Form: Sendable, Hashable {
  public var purpose: FormPurpose
  public var title: String
  public var fields: [FormField]
  public var focus: Int
  /// Validation or server message; the typed values stay so they can be fixed.
  public var error: String?
  /// True between submit and the server's answer.
  public var submitting: Bool

  public init(purpose: FormPurpose, title: String, fields: [FormField]) {
    self.purpose = purpose
    self.title = title
    self.fields = fields
    self.focus = 0
    self.error = nil
    self.submitting = false
  }

  /// The text of a text field (empty when absent).
  public func text(_ id: FieldID) -> String {
    for field in fields where field.id == id {
      if case .text(let value) = field.value { return value.text }
    }
    return ""
  }

  public func picker(_ id: FieldID) -> Picker? {
    for field in fields where field.id == id {
      if case .picker(let value) = field.value { return value }
    }
    return nil
  }

  public func toggle(_ id: FieldID) -> Bool {
    for field in fields where field.id == id {
      if case .toggle(let value) = field.value { return value }
    }
    return false
  }

  /// The index of the next field that takes input after `index` (`step` 1 or -1), wrapping.
  func nextFocusable(after index: Int, step: Int) -> Int {
    guard !fields.isEmpty else { return 0 }
    var candidate = index
    for _ in fields.indices {
      candidate = (candidate + step + fields.count) % fields.count
      if case .note = fields[candidate].value { continue }
      return candidate
    }
    return index
  }

  mutating func setPicker(_ id: FieldID, _ picker: Picker) {
    for index in fields.indices where fields[index].id == id {
      fields[index].value = .picker(picker)
    }
  }
}

/// "Delete X?" with Cancel focused by default; for marked rows, "Delete 3 snapshots?" with
/// their names and total size.
public struct DeleteConfirmation: Sendable, Hashable {
  public enum Button: Sendable, Hashable { case cancel, confirm }
  public var pane: PaneKind
  /// Every row to delete (one, or the marked rows).
  public var rows: [RowID]
  /// The row's name, or the first few names of marked rows.
  public var name: String
  /// Extra warning, e.g. that incremental children go with a parent backup.
  public var warning: String?
  /// GB the deletion frees (marked rows), when the sizes are known.
  public var totalSize: Double?
  /// Cinder's `os-force_delete` (admin): whatever the snapshot's status.
  public var force: Bool
  public var focus: Button

  public init(
    pane: PaneKind, rows: [RowID], name: String, warning: String? = nil,
    totalSize: Double? = nil, force: Bool = false
  ) {
    self.pane = pane
    self.rows = rows
    self.name = name
    self.warning = warning
    self.totalSize = totalSize
    self.force = force
    self.focus = .cancel
  }

  public init(pane: PaneKind, row: RowID, name: String, warning: String? = nil) {
    self.init(pane: pane, rows: [row], name: name, warning: warning)
  }

  /// The single row (the first of several).
  public var row: RowID { rows[0] }

  /// True when the marked rows, not just the selected one, are being deleted.
  public var isBulk: Bool { rows.count > 1 }
}
