import Foundation

/// The events view: moving, filtering, and Enter to jump to the event's row.
extension Reducer {
  static func eventsViewAction(_ state: inout BrowserState, _ action: WatchAction) -> [Effect] {
    guard var view = state.watch.eventsView else { return [] }
    let count = view.rows(of: state.watch.events).count
    switch action {
    case .eventsMove(let delta):
      view.selected = min(max(0, view.selected + delta), max(0, count - 1))
    case .eventsFirst: view.selected = 0
    case .eventsLast: view.selected = max(0, count - 1)
    case .eventsBeginFilter: view.editing = true
    case .eventsEditFilter(let edit):
      view.editing = true
      view.filter.apply(edit)
      view.selected = 0
      view.scroll = 0
    case .eventsCommitFilter: view.editing = false
    case .eventsCancelFilter:
      view.editing = false
      view.filter = TextField()
      view.selected = 0
    case .eventsJump:
      let rows = view.rows(of: state.watch.events)
      guard rows.indices.contains(view.selected) else { return [] }
      return jump(&state, to: state.watch.events[rows[view.selected]])
    default: break
    }
    let height = max(1, state.viewportRows)
    if view.selected < view.scroll { view.scroll = view.selected }
    if view.selected >= view.scroll + height { view.scroll = view.selected - height + 1 }
    state.watch.eventsView = view
    return []
  }

  /// Focuses the event's pane and selects its row (clearing a filter that hides it); says
  /// so when the row is no longer listed or its region is not watched.
  static func jump(_ state: inout BrowserState, to event: HistoryEvent) -> [Effect] {
    guard let kind = event.kind else { return [] }
    let name = event.name.isEmpty ? event.id : event.name
    guard state.watchedRegions.contains(event.region) else {
      post(&state, .error, "\(name) is in \(event.region): :region \(event.region) to see it")
      return []
    }
    guard let index = state.pane(kind).position(of: event.row) else {
      post(&state, .info, "\(kind.descriptor.noun) \(name) is no longer listed")
      return []
    }
    state.watch.eventsView = nil
    let effects = focusPane(&state, kind)
    let height = state.viewportRows
    state.withPane(kind) { pane in
      if !pane.visible.contains(Int32(index)) {
        pane.filter = TextField()
        pane.refilter()
      }
      if let position = pane.visible.firstIndex(of: Int32(index)) {
        pane.select(position: position)
        pane.keepSelectionOnScreen(height: height)
      }
    }
    return effects
  }
}
