import Foundation

/// The detail view: opening it, scrolling it, copying its record.
extension Reducer {
  static func openDetail(_ state: inout BrowserState) -> [Effect] {
    guard state.focused.selectedRow != nil else { return [] }
    state.detailOpen = true
    state.detailScroll = 0
    return []
  }

  /// Scrolls within what the UI last measured; `Int.min` / `Int.max` go to the top / bottom.
  static func scrollDetail(_ state: inout BrowserState, by delta: Int) -> [Effect] {
    guard state.detailOpen else { return [] }
    state.detailScroll = scrolled(state.detailScroll, by: delta, within: state.detailExtent)
    return []
  }

  /// `offset` moved by `delta`, kept between the top and the last screenful.
  static func scrolled(_ offset: Int, by delta: Int, within extent: ScrollExtent) -> Int {
    let target = offset.addingReportingOverflow(delta)
    let wanted = target.overflow ? (delta > 0 ? Int.max : 0) : target.partialValue
    return min(max(0, wanted), extent.maxScroll)
  }

  static func setDetailExtent(_ state: inout BrowserState, _ extent: ScrollExtent) -> [Effect] {
    state.detailExtent = extent
    state.detailScroll = min(state.detailScroll, extent.maxScroll)
    return []
  }

  static func copySelectedRecord(_ state: inout BrowserState) -> [Effect] {
    guard let row = state.focused.selectedRow else {
      post(&state, .info, "Nothing selected to copy")
      return [.bell]
    }
    post(&state, .info, "Copied \(label(row.resource)) as JSON")
    return [.copyToClipboard(RecordJSON.object(row.resource, region: row.id.region))]
  }
}
