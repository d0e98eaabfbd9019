import CloudClient
import Testing

@testable import BrowserModel

@Suite("Terminal-safe strings")
struct TerminalSafeTests {
  @Test("plain names pass unchanged, long ones are kept whole")
  func plain() {
    #expect(TerminalSafe.sanitize("backup-2026-11-23 nightly") == "backup-2026-11-23 nightly")
    let long = String(repeating: "x", count: 5000)
    #expect(TerminalSafe.sanitize(long) == long)
    #expect(TerminalSafe.sanitize("Sauvegarde été ✓ 数据库 👍🏽") == "Sauvegarde été ✓ 数据库 👍🏽")
  }

  @Test(
    "hostile strings become visible placeholders",
    arguments: [
      ("\u{1B}[2J\u{1B}[31mred", "\u{241B}[2J\u{241B}[31mred"),
      ("title\u{1B}]0;pwned\u{07}", "title\u{241B}]0;pwned\u{2407}"),
      ("osc52\u{1B}]52;c;ZXZpbA==\u{1B}\\", "osc52\u{241B}]52;c;ZXZpbA==\u{241B}\\"),
      ("line1\r\nline2", "line1\u{240D}\u{240A}line2"),
      ("tab\there", "tab\u{2409}here"),
      ("nul\u{0}byte", "nul\u{2400}byte"),
      ("del\u{7F}", "del\u{2421}"),
      ("csi\u{9B}31m", "csi\u{FFFD}31m"),
      ("doc\u{202E}fdp.exe", "doc\u{FFFD}fdp.exe"),
      ("\u{2066}iso\u{2069}", "\u{FFFD}iso\u{FFFD}"),
      ("zero\u{200B}width\u{FEFF}", "zero\u{FFFD}width\u{FFFD}"),
      ("para\u{2028}sep", "para\u{FFFD}sep"),
    ])
  func hostile(input: String, expected: String) {
    let output = TerminalSafe.sanitize(input)
    #expect(output == expected)
    for scalar in output.unicodeScalars {
      #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
    }
  }

  @Test("sanitising twice changes nothing more")
  func idempotent() {
    let once = TerminalSafe.sanitize("a\u{1B}b\u{202E}c\r")
    #expect(TerminalSafe.sanitize(once) == once)
  }

  @Test("typed text loses control characters instead")
  func strip() {
    #expect(TerminalSafe.stripControls("na\u{1B}me\u{202E}\n") == "name")
  }
}
