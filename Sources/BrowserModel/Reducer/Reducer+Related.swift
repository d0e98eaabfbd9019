import CloudClient
import Foundation

/// Moving between related rows: an instance's backups, a volume's snapshots, and back from a
/// backup or snapshot to its instance or volume. The `instance:` / `volume:` filter terms do
/// the first, so a jump is a filter the operator can read, edit and clear.
extension Reducer {
  static func jumpToRelated(_ state: inout BrowserState) -> [Effect] {
    guard let row = state.focused.selectedRow else {
      post(&state, .info, "Nothing selected")
      return []
    }
    switch row.resource {
    case .instance(let instance):
      return showFamily(&state, .backups, term: "instance", name: instance.name, id: instance.id)
    case .volume(let volume):
      return showFamily(&state, .snapshots, term: "volume", name: volume.name, id: volume.id)
    case .backup(let backup):
      guard let instanceID = backup.instanceID else {
        post(&state, .info, "Backup \(label(row.resource)) names no instance")
        return []
      }
      return showParent(&state, .instances, RowID(region: row.id.region, id: instanceID))
    case .snapshot(let snapshot):
      return showParent(&state, .volumes, RowID(region: row.id.region, id: snapshot.volumeID))
    }
  }

  /// Focuses the pane of backups (snapshots) filtered to one instance (volume): by its name
  /// when the name is one word and unique, else by its ID.
  static func showFamily(
    _ state: inout BrowserState, _ kind: PaneKind, term: String, name: String, id: String
  ) -> [Effect] {
    let other: PaneKind = kind == .backups ? .instances : .volumes
    let sameName = state.pane(other).rows.lazy.filter {
      $0.resource.name.lowercased() == name.lowercased()
    }.count
    let usable = !name.isEmpty && !name.contains(where: \.isWhitespace) && sameName == 1
    let text = "\(term):\(usable ? name : id)"
    let effects = focusPane(&state, kind)
    setFilter(&state, kind, text)
    return effects
  }

  /// Focuses the instance (volume) a backup (snapshot) was taken of; the filter is cleared
  /// when it would hide it.
  private static func showParent(_ state: inout BrowserState, _ kind: PaneKind, _ id: RowID)
    -> [Effect]
  {
    guard state.pane(kind).row(id) != nil else {
      let noun = kind.descriptor.noun
      post(
        &state, .info,
        "\(noun) \(id.id) is not listed in \(id.region): deleted, or still loading (an orphan keeps costing storage)"
      )
      return loadIfNeverLoaded(&state, kind)
    }
    let effects = focusPane(&state, kind)
    let height = state.viewportRows
    state.withPane(kind) { pane in
      pane.selectedID = id
      if pane.selectedPosition == nil {
        pane.filter = TextField()
        pane.refilter()
        pane.selectedID = id
      }
      pane.keepSelectionOnScreen(height: height)
    }
    return effects
  }

  /// Sets a pane's filter (resolving related terms) and shows the top.
  static func setFilter(_ state: inout BrowserState, _ kind: PaneKind, _ text: String) {
    let lookup = relatedLookup(state, kind, text: text)
    let height = state.viewportRows
    state.withPane(kind) { pane in
      pane.filter = TextField(text)
      pane.relatedIDs = lookup
      pane.refilter()
      pane.select(position: 0)
      pane.keepSelectionOnScreen(height: height)
    }
  }

  /// For each `instance:` / `volume:` term of `text`, the IDs of the items of the other pane
  /// it names: those whose name is the term (any case), else whose name contains it, plus
  /// any whose ID starts with it.
  static func relatedLookup(_ state: BrowserState, _ kind: PaneKind, text: String) -> [String:
    [[UInt8]]]
  {
    let terms = FilterQuery(text: text).related
    guard !terms.isEmpty else { return [:] }
    let other: PaneKind
    switch kind {
    case .backups: other = .instances
    case .snapshots: other = .volumes
    case .instances, .volumes: return [:]
    }
    let rows = state.pane(other).rows
    var lookup: [String: [[UInt8]]] = [:]
    for term in terms where lookup[term] == nil {
      var exact: [String] = []
      var partial: [String] = []
      for row in rows {
        let name = row.resource.name.lowercased()
        let id = row.id.id.lowercased()
        if name == term {
          exact.append(id)
        } else if name.contains(term) || id.hasPrefix(term) {
          partial.append(id)
        }
      }
      lookup[term] = (exact.isEmpty ? partial : exact).map { Array($0.utf8) }
    }
    return lookup
  }
}
