import Testing

@testable import TerminalUI

@Suite("display width table")
struct DisplayWidthTests {
  @Test("ASCII and Latin letters take one column")
  func narrow() {
    #expect(DisplayWidth.of("a" as Character) == 1)
    #expect(DisplayWidth.of("é" as Character) == 1)
    #expect(DisplayWidth.of("e\u{301}" as Character) == 1)  // combining accent
    #expect(DisplayWidth.of("orders-db") == 9)
  }

  @Test("CJK, Hangul and fullwidth forms take two columns")
  func wide() {
    #expect(DisplayWidth.of("数" as Character) == 2)
    #expect(DisplayWidth.of("한" as Character) == 2)
    #expect(DisplayWidth.of("Ａ" as Character) == 2)
    #expect(DisplayWidth.of("数据库备份") == 10)
  }

  @Test("emoji take two columns, VS16 and ZWJ sequences included")
  func emoji() {
    #expect(DisplayWidth.of("🚀" as Character) == 2)
    #expect(DisplayWidth.of("❤\u{FE0F}" as Character) == 2)
    #expect(DisplayWidth.of("👩‍💻" as Character) == 2)
    #expect(DisplayWidth.of("🇺🇸" as Character) == 2)
    #expect(DisplayWidth.of("👍🏽" as Character) == 2)
  }

  @Test("zero-width and bidi characters take nothing")
  func zero() {
    #expect(DisplayWidth.of("\u{200B}" as Character) == 0)
    #expect(DisplayWidth.of("\u{202E}" as Character) == 0)
  }

  @Test("box drawing and symbols used by the UI are narrow")
  func uiSymbols() {
    for symbol in ["─", "│", "┌", "▶", "•", "…", "█", "░", "⠋", "✕", "✎", "⚠", "▲", "▼"] {
      #expect(DisplayWidth.of(symbol) == 1, "\(symbol)")
    }
  }
}
