import Foundation
import Testing

@testable import TerminalUI

@Suite("themes")
struct ThemeTests {
  static let repoThemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

  @Test("the four bundled themes parse and the catalog knows them")
  func bundled() {
    let catalog = ThemeCatalog()
    #expect(catalog.problems.isEmpty)
    #expect(Set(catalog.names).isSuperset(of: ["default", "light", "high-contrast", "monochrome"]))
    #expect(catalog.defaultTheme[.statusError].foreground == .rgb(0xff, 0x5f, 0x5f))
    #expect(catalog.theme(named: "monochrome")?.isMonochrome == true)
    #expect(catalog.theme(named: "default")?.isMonochrome == false)
  }

  @Test("every bundled theme tells apart what must be told apart, colour or not")
  func distinguishable() {
    let catalog = ThemeCatalog()
    let pairs: [(StyleRole, StyleRole)] = [
      (.selection, .text), (.buttonFocus, .button), (.tabActive, .tab), (.badgeWarning, .header),
      (.statusError, .text), (.highlightChange, .text), (.selectionUnfocused, .text),
    ]
    for name in ["default", "light", "high-contrast", "monochrome"] {
      guard let theme = catalog.theme(named: name) else {
        Issue.record("missing \(name)")
        continue
      }
      for (a, b) in pairs {
        #expect(theme[a] != theme[b], "\(name): \(a) looks like \(b)")
      }
    }
  }

  @Test("the profile colour paints the header, except under the monochrome theme")
  func profileColour() {
    let catalog = ThemeCatalog()
    let style = Style(.header, bold: true, foreground: .ansi(1))
    #expect(catalog.defaultTheme.appearance(of: style).foreground == .ansi(1))
    #expect(
      catalog.theme(named: "monochrome")?.appearance(of: style).foreground == .terminalDefault)
    #expect(catalog.theme(named: "monochrome")?.appearance(of: style).bold == true)
  }

  @Test("the embedded themes are the files in themes/")
  func embeddedMatchesFiles() throws {
    for (name, yaml) in BundledThemes.all {
      let file = Self.repoThemes.appendingPathComponent("\(name).yaml")
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text == yaml + "\n", "themes/\(name).yaml differs from BundledThemes")
    }
  }

  @Test("loading the repository's themes/ folder gives the same four themes, no problems")
  func repositoryFolder() {
    let catalog = ThemeCatalog(directories: [Self.repoThemes])
    #expect(catalog.problems.isEmpty)
    #expect(catalog.theme(named: "light") == ThemeCatalog().theme(named: "light"))
    #expect(catalog.names.count == 4)
  }

  @Test("roles a theme leaves out inherit from their parent role")
  func inheritance() throws {
    let theme = try ThemeParser.parse(
      "name: t\nstyles:\n  background: { bg: black }\n  text: { fg: white }\n  status-error: red\n",
      file: "t.yaml", fallbackName: "t")
    #expect(theme[.muted].foreground == .ansi(7))
    #expect(theme[.muted].background == .ansi(0))
    #expect(theme[.messageError].foreground == .ansi(1))
    #expect(theme[.statusDeleting].foreground == .ansi(1))
  }

  @Test("a YAML syntax error names the file and line")
  func syntaxError() {
    #expect {
      _ = try ThemeParser.parse(
        "name: x\nstyles:\n  text: { fg: red\n", file: "/u/themes/x.yaml", fallbackName: "x")
    } throws: { error in
      guard let error = error as? ThemeError else { return false }
      return error.file == "/u/themes/x.yaml" && error.line != nil
        && error.description.hasPrefix("/u/themes/x.yaml:")
    }
  }

  @Test("an unknown colour names file, line and key")
  func badColour() {
    let yaml = "name: x\nstyles:\n  text: { fg: white }\n  selection: { fg: blurple }\n"
    do {
      _ = try ThemeParser.parse(yaml, file: "x.yaml", fallbackName: "x")
      Issue.record("accepted a bad colour")
    } catch {
      #expect(error.line == 4)
      #expect(error.key == "styles.selection.fg")
      #expect(error.description.contains("x.yaml:4"))
      #expect(error.description.contains("blurple"))
    }
  }

  @Test("unknown roles, attributes and top-level keys are rejected with their line")
  func unknownKeys() {
    let cases: [(String, Int, String)] = [
      ("styles:\n  txet: red\n", 2, "styles.txet"),
      ("styles:\n  text: { fg: red, blink: true }\n", 2, "styles.text.blink"),
      ("name: a\ncolours: {}\n", 2, "colours"),
      ("styles:\n  text: { bold: maybe }\n", 2, "styles.text.bold"),
    ]
    for (yaml, line, key) in cases {
      do {
        _ = try ThemeParser.parse(yaml, file: "f.yaml", fallbackName: "f")
        Issue.record("accepted \(yaml)")
      } catch {
        #expect(error.line == line, "\(yaml)")
        #expect(error.key == key, "\(yaml)")
      }
    }
  }

  @Test("user themes load from a folder; a broken one is reported and the default kept")
  func userFolder() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rackwatch-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "name: ocean\nstyles:\n  text: { fg: \"#00afff\" }\n".write(
      to: folder.appendingPathComponent("ocean.yaml"), atomically: true, encoding: .utf8)
    try "name: default\nstyles:\n  text: { fg: nope }\n".write(
      to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let catalog = ThemeCatalog(directories: [folder])
    #expect(catalog.theme(named: "ocean")?[.text].foreground == .rgb(0, 0xaf, 0xff))
    #expect(catalog.problems.count == 1)
    #expect(catalog.problems.first?.file.hasSuffix("broken.yaml") == true)
    #expect(catalog.problems.first?.line == 3)
    // The broken file wanted to replace "default": the embedded default is still there.
    #expect(catalog.defaultTheme[.text].foreground == .indexed(252))
  }

  @Test("NO_COLOR selects monochrome; otherwise the requested theme or the default")
  func initialTheme() {
    let catalog = ThemeCatalog()
    #expect(
      catalog.initialTheme(requested: "light", environment: ["NO_COLOR": "1"]).name == "monochrome")
    #expect(catalog.initialTheme(requested: "light", environment: [:]).name == "light")
    #expect(catalog.initialTheme(requested: "nope", environment: [:]).name == "default")
  }

  @Test("the user theme folder follows XDG_CONFIG_HOME, else ~/.config")
  func userDirectory() {
    #expect(
      ThemeCatalog.userDirectory(environment: ["HOME": "/home/op"])?.path
        == "/home/op/.config/rackwatch/themes")
    #expect(
      ThemeCatalog.userDirectory(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"])?.path
        == "/x/rackwatch/themes")
  }
}

@Suite("theme colours")
struct ThemeColorTests {
  @Test("names, indices, hex and default parse")
  func parsing() {
    #expect(ThemeColor(parsing: "default") == .terminalDefault)
    #expect(ThemeColor(parsing: "Red") == .ansi(1))
    #expect(ThemeColor(parsing: "bright-blue") == .ansi(12))
    #expect(ThemeColor(parsing: "grey") == .ansi(8))
    #expect(ThemeColor(parsing: "244") == .indexed(244))
    #expect(ThemeColor(parsing: "3") == .ansi(3))
    #expect(ThemeColor(parsing: "#5fafd7") == .rgb(0x5f, 0xaf, 0xd7))
    #expect(ThemeColor(parsing: "256") == nil)
    #expect(ThemeColor(parsing: "#12345") == nil)
    #expect(ThemeColor(parsing: "blurple") == nil)
  }

  @Test("colours come down to what the terminal has")
  func mapping() {
    #expect(ThemeColor.terminalDefault.index(forColors: 256) == -1)
    #expect(ThemeColor.rgb(0x5f, 0xaf, 0xd7).index(forColors: 256) == 74)
    #expect(ThemeColor.rgb(0xff, 0, 0).index(forColors: 256) == 196)
    #expect(ThemeColor.rgb(0xff, 0, 0).index(forColors: 8) == 1)
    #expect(ThemeColor.indexed(252).index(forColors: 8) == 7)
    #expect(ThemeColor.ansi(12).index(forColors: 8) == 4)
    #expect(ThemeColor.ansi(12).index(forColors: 16) == 12)
    #expect(ThemeColor.indexed(244).index(forColors: 256) == 244)
  }
}
