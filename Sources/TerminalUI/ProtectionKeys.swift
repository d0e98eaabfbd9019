import BrowserModel

/// Keys of the Protection view; the others (`/`? no: `:`, `?`, `r`, `t`, `q`) keep their
/// meaning from the panes.
enum ProtectionKeys {
  static func action(for key: Key) -> Action? {
    switch key {
    case .up, .char("k"): .protection(.move(by: -1))
    case .down, .char("j"): .protection(.move(by: 1))
    case .pageUp, .ctrl("b"): .protection(.move(by: -10))
    case .pageDown, .ctrl("f"), .char(" "): .protection(.move(by: 10))
    case .home, .char("g"): .protection(.first)
    case .end, .char("G"): .protection(.last)
    case .enter: .protection(.openResource)
    case .escape: .protection(.close(then: nil))
    case .char("a"): .protection(.beginSchedule)
    case .char("C"): .protection(.beginCopy)
    case .char("1"): .protection(.close(then: .backups))
    case .char("2"): .protection(.close(then: .snapshots))
    case .char("3"): .protection(.close(then: .instances))
    case .char("4"): .protection(.close(then: .volumes))
    case .tab, .right, .char("l"): .protection(.close(then: .backups))
    case .backTab, .left, .char("h"): .protection(.close(then: .volumes))
    case .char("5"), .char("/"), .char("s"), .char("S"), .char("c"), .char("e"), .char("d"),
      .char("y"):
      .protection(.move(by: 0))
    default: nil
    }
  }
}
