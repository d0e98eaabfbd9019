import Foundation

/// Every theme rackwatch knows: the four embedded ones, then `*.yaml` files from a bundled
/// directory (optional) and the user's `~/.config/rackwatch/themes/`, later ones replacing
/// earlier ones of the same name. Broken files are skipped and reported in `problems`.
public struct ThemeCatalog: Sendable {
  /// Themes by name.
  public private(set) var themes: [String: Theme] = [:]
  /// One message per rejected file (file, line, key, problem).
  public private(set) var problems: [ThemeError] = []

  /// Loads the embedded themes, then the directories given (missing directories are fine).
  public init(directories: [URL] = []) {
    for (name, yaml) in BundledThemes.all {
      if let theme = try? ThemeParser.parse(yaml, file: "\(name).yaml", fallbackName: name) {
        themes[theme.name] = theme
      }
    }
    for directory in directories { load(directory: directory) }
  }

  /// The user's theme folder: `$XDG_CONFIG_HOME/rackwatch/themes` or
  /// `~/.config/rackwatch/themes`.
  public static func userDirectory(environment: [String: String]) -> URL? {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("rackwatch/themes")
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(".config/rackwatch/themes")
  }

  /// Reads every `*.yaml`/`*.yml` in `directory`, in name order.
  public mutating func load(directory: URL) {
    let files =
      (try? FileManager.default.contentsOfDirectory(
        at: directory, includingPropertiesForKeys: nil)) ?? []
    for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent })
    where ["yaml", "yml"].contains(file.pathExtension.lowercased()) {
      load(file: file)
    }
  }

  /// Reads one theme file; on failure records the problem and keeps what was there.
  @discardableResult
  public mutating func load(file: URL) -> Theme? {
    let name = file.deletingPathExtension().lastPathComponent
    guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8)
    else {
      problems.append(
        ThemeError(file: file.path, line: nil, key: nil, problem: "cannot read the file as UTF-8"))
      return nil
    }
    do {
      let theme = try ThemeParser.parse(text, file: file.path, fallbackName: name)
      themes[theme.name] = theme
      return theme
    } catch {
      problems.append(error)
      return nil
    }
  }

  /// Theme names, sorted.
  public var names: [String] { themes.keys.sorted() }

  /// The theme called `name`, if known.
  public func theme(named name: String) -> Theme? { themes[name] }

  /// The default dark theme (always present: it is embedded).
  public var defaultTheme: Theme { themes["default"] ?? Self.embeddedDefault }

  /// The theme to start with: `monochrome` when `NO_COLOR` is set (any value, per
  /// no-color.org), else `requested` if known, else the default.
  public func initialTheme(requested: String?, environment: [String: String]) -> Theme {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty,
      let mono = themes["monochrome"]
    {
      return mono
    }
    if let requested, let theme = themes[requested] { return theme }
    return defaultTheme
  }

  /// The default theme parsed from its embedded text.
  public static let embeddedDefault: Theme =
    (try? ThemeParser.parse(
      BundledThemes.defaultDark, file: "default.yaml", fallbackName: "default"))
    ?? Theme(name: "default", specs: [:])
}
