/// The one place state changes. Pure: no clock, no I/O; time comes from actions.
public func reduce(_ state: inout BrowserState, _ action: Action) -> [Effect] {
  []
}
