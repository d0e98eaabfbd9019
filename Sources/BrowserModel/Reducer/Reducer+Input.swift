import CloudClient
import Foundation

/// `/` filter and `:` command line.
extension Reducer {
  static func filterAction(_ state: inout BrowserState, _ action: Action) -> [Effect] {
    let height = state.viewportRows
    switch action {
    case .beginFilter:
      state.inputMode = .filter
      state.filterBeforeEdit = state.focused.filter.text
    case .editFilter(let edit):
      if state.inputMode != .filter {
        state.inputMode = .filter
        state.filterBeforeEdit = state.focused.filter.text
      }
      var field = state.focused.filter
      field.apply(edit)
      let changed = field.text != state.focused.filter.text
      let lookup = changed ? relatedLookup(state, state.focusedPane, text: field.text) : [:]
      state.withPane(state.focusedPane) { pane in
        pane.filter = field
        if changed {
          pane.relatedIDs = lookup
          pane.refilter()
        }
        pane.keepSelectionOnScreen(height: height)
      }
    case .commitFilter:
      state.inputMode = .normal
    case .cancelFilter:
      state.inputMode = .normal
      let previous = state.filterBeforeEdit
      let lookup = relatedLookup(state, state.focusedPane, text: previous)
      state.withPane(state.focusedPane) { pane in
        pane.filter = TextField(previous)
        pane.relatedIDs = lookup
        pane.refilter()
        pane.keepSelectionOnScreen(height: height)
      }
    default: break
    }
    return []
  }

  static func commandAction(_ state: inout BrowserState, _ action: Action) -> [Effect] {
    switch action {
    case .beginCommand:
      state.inputMode = .command
      state.command.field = TextField()
      state.command.historyIndex = nil
    case .editCommand(let edit):
      state.inputMode = .command
      state.command.field.apply(edit)
    case .historyUp:
      let history = state.command.history
      guard !history.isEmpty else { return [] }
      let index = max(0, (state.command.historyIndex ?? history.count) - 1)
      state.command.historyIndex = index
      state.command.field = TextField(history[index])
    case .historyDown:
      let history = state.command.history
      guard let current = state.command.historyIndex else { return [] }
      if current + 1 < history.count {
        state.command.historyIndex = current + 1
        state.command.field = TextField(history[current + 1])
      } else {
        state.command.historyIndex = nil
        state.command.field = TextField()
      }
    case .cancelCommand:
      state.inputMode = .normal
      state.command.field = TextField()
      state.command.historyIndex = nil
    case .submitCommand:
      let text = state.command.field.text.trimmingCharacters(in: .whitespaces)
      state.inputMode = .normal
      state.command.field = TextField()
      state.command.historyIndex = nil
      guard !text.isEmpty else { return [] }
      if state.command.history.last != text {
        state.command.history.append(text)
        if state.command.history.count > 100 { state.command.history.removeFirst() }
      }
      return run(&state, command: text)
    default: break
    }
    return []
  }

  /// `:backups :snapshots :instances :volumes :region NAME|all :theme NAME :refresh :help
  /// :readonly :q`. Unknown commands leave the state as it was and say so.
  static func run(_ state: inout BrowserState, command text: String) -> [Effect] {
    let words =
      text.hasPrefix(":") ? text.dropFirst().split(separator: " ") : text.split(separator: " ")
    guard let verb = words.first?.lowercased() else { return [] }
    let argument = words.dropFirst().joined(separator: " ")
    switch verb {
    case "backups", "backup", "b": return focusPane(&state, .backups)
    case "snapshots", "snapshot", "snap", "s": return focusPane(&state, .snapshots)
    case "instances", "instance", "i": return focusPane(&state, .instances)
    case "volumes", "volume", "v": return focusPane(&state, .volumes)
    case "protection", "protect", "p": return ProtectionReducer.open(&state)
    case "region", "regions":
      return switchRegion(&state, to: argument)
    case "theme":
      guard !argument.isEmpty else {
        post(&state, .error, "Usage: :theme NAME")
        return []
      }
      state.themeName = argument
      post(&state, .info, "Theme \(argument)")
      return [.loadTheme(argument)]
    case "refresh", "r":
      return argument.isEmpty ? refreshNow(&state) : watchCommand(&state, "refresh", argument)
    case "events", "ev", "pause", "resume", "notify":
      return watchCommand(&state, verb, argument)
    case "help", "h", "?":
      state.helpVisible = true
      return []
    case "readonly", "ro":
      // One way only: a session started read-only cannot be unlocked from inside.
      state.profile.readOnly = true
      post(&state, .info, "Read-only: create, rename and delete are disabled")
      return []
    case "q", "q!", "quit", "exit":
      state.shouldQuit = true
      return [.quit]
    default:
      post(&state, .error, "Unknown command: \(TerminalSafe.stripControls(text))")
      return []
    }
  }

  static func switchRegion(_ state: inout BrowserState, to argument: String) -> [Effect] {
    let name = argument.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      post(
        &state, .error, "Usage: :region NAME|all (\(state.availableRegions.joined(separator: " ")))"
      )
      return []
    }
    let selection: RegionSelection
    if name.lowercased() == "all" {
      selection = .all
    } else if let match = state.availableRegions.first(where: {
      $0.lowercased() == name.lowercased()
    }) {
      selection = .one(match)
    } else if state.availableRegions.isEmpty {
      selection = .one(name.uppercased())
    } else {
      post(
        &state, .error,
        "Unknown region \(TerminalSafe.stripControls(name)) (available: \(state.availableRegions.joined(separator: " ")))"
      )
      return []
    }
    state.region = selection
    let watched = Set(state.watchedRegions)
    for kind in PaneKind.allCases {
      state.withPane(kind) { pane in
        pane.removeRows { !watched.contains($0.region) }
        pane.lists = pane.lists.filter { watched.contains($0.key) }
        pane.merging = pane.merging.filter { watched.contains($0.key) }
      }
    }
    post(&state, .info, "Region \(selection.title)")
    return loadAll(&state, kinds: PaneKind.allCases, onlyNeverLoaded: true)
  }
}
