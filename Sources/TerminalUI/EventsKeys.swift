import BrowserModel

/// Keys while the events view is open: move, filter with `/`, Enter jumps to the row, Esc
/// (or `E`, `q`) closes it. Typing in the filter uses the shared editing keys.
enum EventsKeys {
  static func action(for key: Key, in state: BrowserState) -> Action? {
    guard let view = state.watch.eventsView else { return nil }
    if view.editing {
      switch key {
      case .escape: return .watch(.eventsCancelFilter)
      case .enter: return .watch(.eventsCommitFilter)
      case .up: return .watch(.eventsMove(by: -1))
      case .down: return .watch(.eventsMove(by: 1))
      default: return KeyMap.edit(key).map { .watch(.eventsEditFilter($0)) }
      }
    }
    switch key {
    case .escape:
      return view.filter.text.isEmpty ? .watch(.closeEvents) : .watch(.eventsCancelFilter)
    case .char("E"), .char("q"): return .watch(.closeEvents)
    case .up, .char("k"): return .watch(.eventsMove(by: -1))
    case .down, .char("j"): return .watch(.eventsMove(by: 1))
    case .pageUp, .ctrl("b"): return .watch(.eventsMove(by: -state.viewportRows))
    case .pageDown, .ctrl("f"), .char(" "): return .watch(.eventsMove(by: state.viewportRows))
    case .home, .char("g"): return .watch(.eventsFirst)
    case .end, .char("G"): return .watch(.eventsLast)
    case .char("/"): return .watch(.eventsBeginFilter)
    case .enter: return .watch(.eventsJump)
    case .char(":"): return .beginCommand
    case .char("t"): return .toggleTimes
    case .char("?"), .function(1): return .toggleHelp
    default: return nil
    }
  }
}
