import BrowserModel

/// Where everything goes for a terminal size: header, tabs, body (list and detail side by
/// side when wide, stacked when narrow), prompt line and footer.
public struct ScreenLayout: Sendable, Equatable {
  /// Smallest terminal the full UI is drawn in; below it a calm message asks for more room.
  public static let minimumColumns = 40
  public static let minimumRows = 10
  /// From this width on, list and detail sit side by side.
  public static let sideBySideColumns = 120

  public var header: Rect
  public var tabs: Rect
  public var list: Rect
  /// The detail area, nil when the detail is not shown.
  public var detail: Rect?
  public var prompt: Rect
  public var footer: Rect
  /// True when the terminal is too small for the UI.
  public var tooSmall: Bool

  public init(cols: Int, rows: Int, detailOpen: Bool) {
    let screen = Rect(x: 0, y: 0, width: cols, height: rows)
    tooSmall = cols < Self.minimumColumns || rows < Self.minimumRows
    let (header, afterHeader) = screen.splitTop(1)
    let (tabs, afterTabs) = afterHeader.splitTop(1)
    let (aboveFooter, footer) = afterTabs.splitBottom(1)
    let (body, prompt) = aboveFooter.splitBottom(1)
    self.header = header
    self.tabs = tabs
    self.prompt = prompt
    self.footer = footer
    if cols >= Self.sideBySideColumns {
      let (list, detail) = body.splitLeft(body.width * 3 / 5)
      self.list = list
      self.detail = detail
    } else if detailOpen {
      if body.height < 16 {
        self.list = Rect(x: body.x, y: body.y, width: body.width, height: 0)
        self.detail = body
      } else {
        let (list, detail) = body.splitTop(body.height * 2 / 5)
        self.list = list
        self.detail = detail
      }
    } else {
      self.list = body
      self.detail = nil
    }
  }

  /// Table rows that fit in the list: its box (top and bottom border) and the column titles
  /// take 3 lines. The one source for the table's height, what `setViewport` reports (Page
  /// Down moves this many) and which rows count as on screen.
  public var listRows: Int { max(1, list.height - 3) }

  /// The table rows Page Up/Down should move for `state` on a `cols`×`rows` screen: the list
  /// height depends on the size and on whether the detail view is open.
  public static func viewportRows(for state: BrowserState, cols: Int, rows: Int) -> Int {
    ScreenLayout(cols: cols, rows: rows, detailOpen: state.detailOpen).listRows
  }
}
