import CloudClient
import Foundation

/// The one place state changes. Pure: no clock, no I/O; time comes from actions
/// (`tick(now:)` and the `now` of every result).
///
/// After each action it asks the runner for one wake-up (`scheduleTick`) at the earliest of:
/// the next due list refresh, the next message expiry, the next change mark to fade.
public func reduce(_ state: inout BrowserState, _ action: Action) -> [Effect] {
  var effects = Reducer.apply(&state, action)
  if state.shouldQuit { return effects }
  Reducer.markSeen(&state, after: action)
  effects += ProtectionReducer.follow(&state, action)
  if let wake = Reducer.wakeup(&state) { effects.append(wake) }
  return effects
}

/// The reducer's parts, one file per concern (navigation, input, refresh, dialogs, results).
enum Reducer {
  static func apply(_ state: inout BrowserState, _ action: Action) -> [Effect] {
    switch action {
    case .start(let now): return start(&state, now: now)
    case .tick(let now): return tick(&state, now: now)
    case .regionsLoaded(let result): return regionsLoaded(&state, result)
    case .setViewport(let rows):
      state.viewportRows = max(1, rows)
      return []
    case .moveSelection(let delta): return moveSelection(&state, by: delta)
    case .pageUp: return page(&state, by: -state.viewportRows)
    case .pageDown: return page(&state, by: state.viewportRows)
    case .selectFirst: return moveSelection(&state, to: 0)
    case .selectLast: return moveSelection(&state, to: Int.max)
    case .focusPane(let kind): return focusPane(&state, kind)
    case .nextPane: return cyclePane(&state, by: 1)
    case .previousPane: return cyclePane(&state, by: -1)
    case .openDetail: return openDetail(&state)
    case .back: return back(&state)
    case .toggleHelp:
      state.helpVisible.toggle()
      state.helpScroll = 0
      return []
    case .scrollHelp(let delta):
      state.helpScroll = scrolled(state.helpScroll, by: delta, within: state.helpExtent)
      return []
    case .setHelpExtent(let extent):
      state.helpExtent = extent
      state.helpScroll = min(state.helpScroll, extent.maxScroll)
      return []
    case .toggleTimes:
      state.timesAsAges.toggle()
      return []
    case .refreshNow: return refreshNow(&state)
    case .sortNextColumn: return sortNextColumn(&state)
    case .reverseSort:
      state.withPane(state.focusedPane) { pane in
        pane.setSort(SortOrder(column: pane.sort.column, ascending: !pane.sort.ascending))
      }
      return []
    case .sortBy(let column): return sortBy(&state, column)
    case .copySelectedID: return copySelectedID(&state)
    case .quit:
      state.shouldQuit = true
      return [.quit]
    case .beginFilter, .editFilter, .commitFilter, .cancelFilter:
      return filterAction(&state, action)
    case .beginCommand, .editCommand, .historyUp, .historyDown, .submitCommand, .cancelCommand:
      return commandAction(&state, action)
    case .beginCreate: return beginCreate(&state)
    case .beginRename: return beginRename(&state)
    case .beginDelete: return beginDelete(&state)
    case .beginRestore: return beginRestore(&state)
    case .beginVolumeFromSnapshot: return beginVolumeFromSnapshot(&state)
    case .beginCopyBackup: return beginCopyBackup(&state)
    case .beginMetadata: return beginMetadata(&state)
    case .beginAdmin: return beginAdmin(&state)
    case .toggleMark: return toggleMark(&state)
    case .clearMarks: return clearMarks(&state)
    case .jumpToRelated: return jumpToRelated(&state)
    case .scrollDetail(let delta): return scrollDetail(&state, by: delta)
    case .setDetailExtent(let extent): return setDetailExtent(&state, extent)
    case .copySelectedRecord: return copySelectedRecord(&state)
    case .editField, .nextField, .previousField, .pickerMove, .toggleField, .submitDialog,
      .cancelDialog, .focusCancel, .focusConfirm:
      return dialogAction(&state, action)
    case .notify(let level, let text):
      post(&state, level, TerminalSafe.sanitize(text))
      return []
    case .listLoaded(let kind, let region, let result, let now):
      return listLoaded(&state, kind, region: region, result, now: now)
    case .listUpdated(let kind, let region, let update, let now):
      return listUpdated(&state, kind, region: region, update, now: now)
    case .continueMerge(let kind, let region):
      return continueMerge(&state, kind, region: region)
    case .backupCreated(let placeholder, let result, let now):
      return backupCreated(&state, placeholder: placeholder, result, now: now)
    case .snapshotCreated(let placeholder, let result, let now):
      return snapshotCreated(&state, placeholder: placeholder, result, now: now)
    case .snapshotUpdated(let id, let result, let now):
      return snapshotUpdated(&state, id, result, now: now)
    case .deleted(let kind, let id, let result, let now):
      return deleted(&state, kind, id, result, now: now)
    case .flavorsLoaded(let region, let result):
      return flavorsLoaded(&state, region: region, result)
    case .instanceRestored(let placeholder, let result, let now):
      return instanceRestored(&state, placeholder: placeholder, result, now: now)
    case .volumeCreated(let placeholder, let result, let now):
      return volumeCreated(&state, placeholder: placeholder, result, now: now)
    case .metadataSaved(let id, let result, let now):
      return metadataSaved(&state, id, result, now: now)
    case .statusReset(let id, let status, let result, let now):
      return statusReset(&state, id, to: status, result, now: now)
    case .watch(let action): return watchAction(&state, action)
    case .protection(let action): return ProtectionReducer.apply(&state, action)
    }
  }

  // MARK: - Shared helpers

  /// Adds a message that expires after the policy's message lifetime.
  static func post(_ state: inout BrowserState, _ level: Message.Level, _ text: String) {
    let expires = state.now.addingTimeInterval(state.refresh.messageLifetime.seconds)
    state.messages.append(
      Message(id: state.nextMessageID, level: level, text: text, expires: expires))
    state.nextMessageID += 1
    if state.messages.count > 20 { state.messages.removeFirst(state.messages.count - 20) }
  }

  /// One line for an error, with the server's own message when it sent one. Sanitised: it
  /// came from the network.
  static func describe(_ error: CloudError) -> String {
    var text = error.summary
    if let server = error.serverMessage, !server.isEmpty, !text.contains(server) {
      text += ": \(server)"
    }
    return TerminalSafe.sanitize(text)
  }

  static func advance(_ state: inout BrowserState, to now: Date) {
    if now > state.now { state.now = now }
  }

  /// Display name for messages: the name, or the ID when the name is empty.
  static func label(_ resource: Resource) -> String {
    resource.name.isEmpty ? resource.id : resource.name
  }
}
