/// The size of a scrolling view's content (the detail view, the help) against its window,
/// measured by the UI (which wraps the text): the reducer needs it to stop scrolling at the
/// last line.
public struct ScrollExtent: Sendable, Hashable {
  /// Lines of content after wrapping.
  public var lines: Int
  /// Lines the window shows.
  public var visible: Int

  public init(lines: Int = 0, visible: Int = 0) {
    self.lines = lines
    self.visible = visible
  }

  /// The furthest the view can scroll.
  public var maxScroll: Int { max(0, lines - visible) }
}
