import Foundation

/// A colour as a theme file names it, and how it comes down to what a terminal offers.
///
/// Accepted spellings: `default` (the terminal's own colour), the 16 ANSI names (`red`,
/// `bright-blue`, `gray`...), a 256-colour index (`244`), or hex `#rrggbb`.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
  /// The terminal's own foreground or background (ncurses colour -1).
  case terminalDefault
  /// One of the 16 ANSI colours, 0...15.
  case ansi(Int)
  /// An xterm 256-colour index, 0...255.
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)

  static let names: [String: Int] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6,
    "white": 7, "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10,
    "bright-yellow": 11, "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14,
    "bright-white": 15,
  ]

  /// Parses a theme file's spelling; nil when it is none of the accepted forms.
  public init?(parsing raw: String) {
    let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
    if text == "default" || text == "none" {
      self = .terminalDefault
    } else if let index = Self.names[text]
      ?? Self.names[text.replacingOccurrences(of: "_", with: "-")]
    {
      self = .ansi(index)
    } else if let n = Int(text), (0...255).contains(n) {
      self = n < 16 ? .ansi(n) : .indexed(n)
    } else if text.hasPrefix("#"), text.count == 7, let v = UInt32(text.dropFirst(), radix: 16) {
      self = .rgb(UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .terminalDefault: "default"
    case .ansi(let n): Self.names.first { $0.value == n && !$0.key.hasPrefix("gr") }?.key ?? "\(n)"
    case .indexed(let n): "\(n)"
    case .rgb(let r, let g, let b):
      "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
  }

  /// The ncurses colour number for a terminal with `colors` colours: -1 for the terminal's
  /// own colour; 256-colour terminals get the nearest xterm index, 8/16-colour terminals the
  /// nearest ANSI colour.
  public func index(forColors colors: Int) -> Int {
    switch self {
    case .terminalDefault:
      return -1
    case .ansi(let n):
      return colors >= 16 ? n : n % 8
    case .indexed(let n):
      if colors >= 256 { return n }
      return Self.nearestANSI(Self.rgbOf(index: n), limit: colors >= 16 ? 16 : 8)
    case .rgb(let r, let g, let b):
      if colors >= 256 { return Self.nearest256((Int(r), Int(g), Int(b))) }
      return Self.nearestANSI((Int(r), Int(g), Int(b)), limit: colors >= 16 ? 16 : 8)
    }
  }

  static let ansiRGB: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]
  static let cubeLevels = [0, 95, 135, 175, 215, 255]

  static func rgbOf(index n: Int) -> (Int, Int, Int) {
    if n < 16 { return ansiRGB[max(0, n)] }
    if n >= 232 {
      let v = 8 + 10 * (n - 232)
      return (v, v, v)
    }
    let i = n - 16
    return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
  }

  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let dr = a.0 - b.0
    let dg = a.1 - b.1
    let db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }

  static func nearest256(_ c: (Int, Int, Int)) -> Int {
    var best = 16
    var bestDistance = Int.max
    for n in 16...255 {
      let d = distance(c, rgbOf(index: n))
      if d < bestDistance {
        best = n
        bestDistance = d
      }
    }
    return best
  }

  static func nearestANSI(_ c: (Int, Int, Int), limit: Int) -> Int {
    var best = 0
    var bestDistance = Int.max
    for n in 0..<limit {
      let d = distance(c, ansiRGB[n])
      if d < bestDistance {
        best = n
        bestDistance = d
      }
    }
    return best
  }
}
