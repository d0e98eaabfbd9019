import BrowserModel

/// The theme role of a cell role the model's descriptors declare.
enum ColumnText {
  static func role(_ role: CellRole?) -> StyleRole? {
    switch role {
    case nil: nil
    case .muted: .muted
    case .pending: .pending
    case .progress: .progressFill
    case .status(let status): StatusStyle.role(status)
    }
  }

  /// A cell's text and theme role.
  static func text(_ spec: ColumnSpec, _ row: Row, _ context: CellContext) -> (String, StyleRole?) {
    let cell = spec.text(row, context)
    return (cell.text, role(cell.role))
  }
}
