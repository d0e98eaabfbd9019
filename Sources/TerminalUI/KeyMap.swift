import BrowserModel

/// Turns a key into an action, depending on what has the keyboard: a dialog, the help
/// overlay, the filter prompt, the command line, or the panes. Keys with no meaning in the
/// current mode give nil and are ignored.
public enum KeyMap {
  public static func action(for key: Key, in state: BrowserState) -> Action? {
    if key == .ctrl("c") { return .quit }
    if key == .resize { return nil }
    if let dialog = state.dialog { return dialogAction(key, dialog) }
    if state.helpVisible {
      switch key {
      case .escape, .char("?"), .char("q"), .enter: return .toggleHelp
      case .up, .char("k"): return .scrollHelp(by: -1)
      case .down, .char("j"): return .scrollHelp(by: 1)
      case .pageUp, .ctrl("b"): return .scrollHelp(by: -max(1, state.helpExtent.visible - 1))
      case .pageDown, .ctrl("f"), .char(" "):
        return .scrollHelp(by: max(1, state.helpExtent.visible - 1))
      case .home, .char("g"): return .scrollHelp(by: Int.min)
      case .end, .char("G"): return .scrollHelp(by: Int.max)
      default: return nil
      }
    }
    if state.watch.eventsView != nil, state.inputMode == .normal {
      return EventsKeys.action(for: key, in: state)
    }
    switch state.inputMode {
    case .filter:
      switch key {
      case .escape: return .cancelFilter
      case .enter: return .commitFilter
      default: return edit(key).map { .editFilter($0) }
      }
    case .command:
      switch key {
      case .escape: return .cancelCommand
      case .enter: return .submitCommand
      case .up: return .historyUp
      case .down: return .historyDown
      default: return edit(key).map { .editCommand($0) }
      }
    case .normal:
      if state.protection.isOpen, let action = ProtectionKeys.action(for: key) { return action }
      return normalAction(key, state)
    }
  }

  /// Editing keys shared by every text field: typing, Backspace, Delete, Ctrl-U, Ctrl-W,
  /// cursor moves (arrows, Home/End, Ctrl-A/Ctrl-E).
  public static func edit(_ key: Key) -> TextEdit? {
    switch key {
    case .char(let c): return .insert(String(c))
    case .backspace, .ctrl("h"): return .backspace
    case .delete, .ctrl("d"): return .delete
    case .ctrl("u"): return .clearLine
    case .ctrl("w"): return .deleteWordBackward
    case .left, .ctrl("b"): return .moveLeft
    case .right, .ctrl("f"): return .moveRight
    case .home, .ctrl("a"): return .home
    case .end, .ctrl("e"): return .end
    default: return nil
    }
  }

  static func normalAction(_ key: Key, _ state: BrowserState) -> Action? {
    if state.detailOpen, let scroll = detailScroll(key, state) { return scroll }
    switch key {
    case .up, .char("k"): return .moveSelection(by: -1)
    case .down, .char("j"): return .moveSelection(by: 1)
    case .pageUp, .ctrl("b"): return .pageUp
    case .pageDown, .ctrl("f"): return .pageDown
    case .char(" "): return .toggleMark
    case .home, .char("g"): return .selectFirst
    case .end, .char("G"): return .selectLast
    case .tab, .right, .char("l"): return .nextPane
    case .backTab, .left, .char("h"): return .previousPane
    case .char("1"): return .focusPane(.backups)
    case .char("2"): return .focusPane(.snapshots)
    case .char("3"): return .focusPane(.instances)
    case .char("4"): return .focusPane(.volumes)
    case .char("5"): return .protection(.open)
    case .enter:
      if state.detailOpen { return .back }
      // An instance's backups, a volume's snapshots: what an operator opens one for.
      return state.focusedPane.isActionable ? .openDetail : .jumpToRelated
    case .char("i"): return state.detailOpen ? .back : .openDetail
    case .char("o"): return .jumpToRelated
    case .char("R"): return .beginRestore
    case .char("V"): return .beginVolumeFromSnapshot
    case .char("C"): return .beginCopyBackup
    case .char("m"): return .beginMetadata
    case .char("A"): return .beginAdmin
    case .char("Y"): return .copySelectedRecord
    case .escape:
      if state.watch.digest?.visible == true { return .watch(.dismissDigest) }
      return .back
    case .char("n"): return .watch(.toggleNotify)
    case .char("E"): return .watch(.toggleEvents)
    case .char("/"): return .beginFilter
    case .char(":"): return .beginCommand
    case .char("?"), .function(1): return .toggleHelp
    case .char("r"), .ctrl("r"), .function(5): return .refreshNow
    case .char("s"): return .sortNextColumn
    case .char("S"): return .reverseSort
    case .char("c"): return .beginCreate
    case .char("e"): return .beginRename
    case .char("d"): return .beginDelete
    case .char("y"): return .copySelectedID
    case .char("t"): return .toggleTimes
    case .char("q"): return .quit
    default: return nil
    }
  }

  /// While the detail view is open, the moving keys scroll it.
  static func detailScroll(_ key: Key, _ state: BrowserState) -> Action? {
    let page = max(1, state.detailExtent.visible - 1)
    switch key {
    case .up, .char("k"): return .scrollDetail(by: -1)
    case .down, .char("j"): return .scrollDetail(by: 1)
    case .pageUp, .ctrl("b"): return .scrollDetail(by: -page)
    case .pageDown, .ctrl("f"), .char(" "): return .scrollDetail(by: page)
    case .home, .char("g"): return .scrollDetail(by: Int.min)
    case .end, .char("G"): return .scrollDetail(by: Int.max)
    default: return nil
    }
  }

  static func dialogAction(_ key: Key, _ dialog: Dialog) -> Action? {
    switch dialog {
    case .confirmDelete(let confirm):
      switch key {
      case .escape, .char("n"), .char("q"): return .cancelDialog
      case .enter: return .submitDialog
      case .left, .char("h"): return .focusCancel
      case .right, .char("l"): return .focusConfirm
      case .tab, .backTab: return confirm.focus == .cancel ? .focusConfirm : .focusCancel
      default: return nil
      }
    case .form(let form):
      switch key {
      case .escape: return .cancelDialog
      case .enter: return .submitDialog
      case .tab: return .nextField
      case .backTab: return .previousField
      default: break
      }
      let field = form.fields.indices.contains(form.focus) ? form.fields[form.focus] : nil
      switch field?.value {
      case .picker:
        switch key {
        case .up, .char("k"): return .pickerMove(by: -1)
        case .down, .char("j"): return .pickerMove(by: 1)
        case .pageUp: return .pickerMove(by: -DialogView.pickerRows)
        case .pageDown: return .pickerMove(by: DialogView.pickerRows)
        default: return nil
        }
      case .toggle:
        switch key {
        case .char(" "), .char("x"): return .toggleField
        case .up: return .previousField
        case .down: return .nextField
        default: return nil
        }
      case .text:
        switch key {
        case .up: return .previousField
        case .down: return .nextField
        default: return edit(key).map { .editField($0) }
        }
      case .note:
        switch key {
        case .up: return .previousField
        case .down: return .nextField
        default: return nil
        }
      case nil:
        return nil
      }
    }
  }
}
