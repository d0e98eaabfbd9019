import Testing

@testable import BrowserModel
@testable import TerminalUI

/// Whole-screen snapshots: if one of these changes, look at the new frame and decide.
@Suite("screen snapshots")
struct SnapshotTests {
  @Test("backups pane at 40x12: text and style map")
  func backups40x12() {
    let frame = Fixtures.render(Fixtures.state(), 40, 12)
    let expected = [
      " rackwatch  rackspace/prod  ORD   DEMO",
      " 1 Backups 4   2 Snap   3 Inst   4 Volu",
      "┌─ Backups · ORD · 1.75 GB ────────────┐",
      "│ NAME                 STATUS          │",
      "│▶evil␛[31mred␇🚀      ⠋ NEW 5s        │",
      "│ orders-incremental   ⠋ BUILDING 2m05s│",
      "│ nightly-orders       COMPLETED       │",
      "│ 数据库备份           FAILED          │",
      "│                                      │",
      "└──────────────────────────────────────┘",
      "",
      " ↑↓ move  Enter detail  1-4 pane",
    ]
    #expect(frame.text.components(separatedBy: "\n") == expected.map { trimmed($0) })
    let styles = [
      "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhggggggh",
      "AAAAAAAAAAAAAaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "BBTTTTTTTTTTTTTTTTTTTTTTTTTBBBBBBBBBBBBB",
      "BccccccccccccccccccccccccccccccccccccccB",
      "BSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSB",
      "BttttttttttttttttttttttppppppppppppppppB",
      "BttttttttttttttttttttttooooooooooooooooB",
      "BtttttttttttttttttttttteeeeeeeeeeeeeeeeB",
      "B......................................B",
      "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      "........................................",
      "mkkmmmmmmmkkkkkmmmmmmmmmkkkmmmmmmmmmmmmm",
    ]
    #expect(frame.styleMap == styles)
  }

  @Test("backups pane at 80x24: text and style map")
  func backups80x24() {
    let frame = Fixtures.render(Fixtures.state(), 80, 24)
    let expected = [
      " rackwatch  rackspace/prod  ORD   DEMO                         ⠋ updated 3s ago",
      " 1 Backups 4   2 Snapshots 3   3 Instances 2   4 Volumes 2   5 Protection",
      "┌─ Backups · ORD · 1.75 GB ────────────────────────────────────────────────────┐",
      "│ NAME                       ID       STATUS              SIZE CREATED▼        │",
      "│▶evil␛[31mred␇🚀            b1000000 ⠋ NEW 5s                 2026-11-18 12:06│",
      "│ orders-incremental         b1000000 ⠋ BUILDING 2m05s         2026-11-18 12:04│",
      "│ nightly-orders             b1000000 COMPLETED        1.25 GB 2026-11-18 11:06│",
      "│ 数据库备份                 b1000000 FAILED           0.50 GB 2026-11-17 11:06│",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "│                                                                              │",
      "└──────────────────────────────────────────────────────────────────────────────┘",
      "",
      " ↑↓ move  Enter detail  1-4 pane  / filter  : command  ? help  s/S sort",
    ]
    #expect(frame.text.components(separatedBy: "\n") == expected.map { trimmed($0) })
    let styles = [
      "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhgggggghhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh",
      "AAAAAAAAAAAAAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "BBTTTTTTTTTTTTTTTTTTTTTTTTTBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      "BccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccB",
      "BSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSB",
      "BtttttttttttttttttttttttttttttttttttttpppppppppppppppptttttttttttttttttttttttttB",
      "BtttttttttttttttttttttttttttttttttttttooooooooooooooootttttttttttttttttttttttttB",
      "BttttttttttttttttttttttttttttttttttttteeeeeeeeeeeeeeeetttttttttttttttttttttttttB",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "B..............................................................................B",
      "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      "................................................................................",
      "mkkmmmmmmmkkkkkmmmmmmmmmkkkmmmmmmmkmmmmmmmmmkmmmmmmmmmmkmmmmmmmkkkmmmmmmmmmmmmmm",
    ]
    #expect(frame.styleMap == styles)
  }

  func trimmed(_ line: String) -> String {
    var l = Substring(line)
    while l.last == " " { l = l.dropLast() }
    return String(l)
  }
}
