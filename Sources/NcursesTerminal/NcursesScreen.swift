import CNcurses
import Foundation
import TerminalUI

/// The terminal, through ncursesw: the only place rackwatch touches ncurses.
///
/// An actor whose executor is one dedicated thread (`CursesThread`), so the compiler keeps
/// every ncurses call on that thread. It draws `Frame`s by diffing them against the last
/// one (only changed cells reach ncurses) and delivers keys, resizes included, on `keys`.
/// The terminal is restored by `close()`, and by the signal handlers on SIGINT, SIGTERM,
/// SIGHUP and crashes; Ctrl-Z suspends and the screen repaints on resume.
///
/// ```swift
/// let screen = try await NcursesScreen.open(theme: theme)
/// await screen.draw(render(state, size: await screen.size(), theme: theme))
/// for await key in screen.keys {          // .resize arrives here too
///   if let action = KeyMap.action(for: key, in: state) { /* reduce, run effects */ }
///   await screen.draw(render(state, size: await screen.size(), theme: theme))
/// }
/// await screen.close()                    // also when `keys` ends (terminal gone)
/// ```
/// Ctrl-C arrives as `.ctrl("c")` (the terminal is in raw mode), which `KeyMap` maps to quit.
public actor NcursesScreen {
  /// Why the screen could not open.
  public enum OpenError: Error, CustomStringConvertible {
    case notATerminal
    public var description: String {
      "rackwatch needs a terminal (stdin and stdout must be a TTY with a known TERM)"
    }
  }

  private nonisolated let thread: CursesThread
  /// Key presses and resizes, in order. Ends when the screen closes or the terminal goes.
  public nonisolated let keys: AsyncStream<Key>

  public nonisolated var unownedExecutor: UnownedSerialExecutor {
    thread.asUnownedSerialExecutor()
  }

  private var open = false
  private var theme: Theme
  private var colors = 0
  private var previous: Frame?
  private var pairs: [PairKey: Int32] = [:]
  private var styles: [Style: (attrs: Int32, pair: Int32)] = [:]

  private struct PairKey: Hashable {
    var foreground: Int
    var background: Int
  }

  private init(theme: Theme) {
    thread = CursesThread()
    keys = thread.keys
    self.theme = theme
  }

  /// Enters curses mode (alternate screen, raw keys) and returns the screen.
  public static func open(theme: Theme) async throws -> NcursesScreen {
    let screen = NcursesScreen(theme: theme)
    try await screen.start()
    return screen
  }

  private func start() throws {
    guard cn_start() == 0 else { throw OpenError.notATerminal }
    open = true
    colors = Int(cn_colors())
    thread.startInput()
  }

  /// The terminal size in cells.
  public func size() -> (cols: Int, rows: Int) {
    (Int(cn_cols()), Int(cn_lines()))
  }

  /// Colours the terminal offers (0, 8, 16, 256...).
  public var colorCount: Int { colors }

  /// Switches theme; the next `draw` repaints every cell.
  public func setTheme(_ theme: Theme) {
    self.theme = theme
    styles.removeAll()
    previous = nil
  }

  /// Shows `frame`, sending only the cells that differ from the last frame drawn.
  public func draw(_ frame: Frame) {
    guard open else { return }
    let (cols, rows) = size()
    let width = min(frame.width, cols)
    let height = min(frame.height, rows)
    // A frame of another size (or none yet) means the screen holds nothing we know of.
    let old = previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
    if old == nil { cn_clear() }
    for change in frame.changes(since: old, cols: cols, rows: rows) {
      put(change.cell, x: change.x, y: change.y)
    }
    if let cursor = frame.cursor, cursor.x < width, cursor.y < height {
      cn_cursor(Int32(cursor.y), Int32(cursor.x))
    } else {
      cn_cursor(-1, -1)
    }
    cn_flush()
    previous = frame
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    let look = resolve(cell.style)
    cell.withScalars { scalars in
      cn_put_cell(
        Int32(y), Int32(x), scalars.baseAddress, Int32(scalars.count), look.attrs, look.pair)
    }
  }

  private func resolve(_ style: Style) -> (attrs: Int32, pair: Int32) {
    if let known = styles[style] { return known }
    let appearance = theme.appearance(of: style)
    var attrs: Int32 = 0
    if appearance.bold { attrs |= Int32(CN_ATTR_BOLD) }
    if appearance.underline { attrs |= Int32(CN_ATTR_UNDERLINE) }
    if appearance.reverse { attrs |= Int32(CN_ATTR_REVERSE) }
    if appearance.dim { attrs |= Int32(CN_ATTR_DIM) }
    var pair: Int32 = 0
    if colors >= 8 {
      let key = PairKey(
        foreground: appearance.foreground.index(forColors: colors),
        background: appearance.background.index(forColors: colors))
      if key.foreground == -1 && key.background == -1 {
        pair = 0
      } else if let known = pairs[key] {
        pair = known
      } else if pairs.count + 1 < Int(cn_color_pairs()) {
        pair = Int32(pairs.count + 1)
        if cn_init_pair(pair, Int32(key.foreground), Int32(key.background)) == 0 {
          pairs[key] = pair
        } else {
          pair = 0
        }
      }
    }
    let result = (attrs, pair)
    styles[style] = result
    return result
  }

  /// Forgets the last frame so the next `draw` repaints everything (after a resize).
  public func invalidate() {
    previous = nil
  }

  /// Copies `text` to the clipboard with OSC 52 (works over SSH and in tmux with
  /// `set-clipboard on`).
  public func copyToClipboard(_ text: String) {
    guard open else { return }
    let encoded = Data(text.utf8).base64EncodedString()
    let sequence = "\u{1B}]52;c;\(encoded)\u{07}"
    let bytes = Array(sequence.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cn_write_raw(chars.baseAddress, Int32(chars.count))
      }
    }
  }

  /// Shows a desktop notification: the OSC sequence `TerminalNotification.sequence` built,
  /// written past ncurses (it draws nothing on the screen), on the terminal's thread.
  public func writeNotification(_ bytes: [UInt8]) {
    guard open, !bytes.isEmpty else { return }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cn_write_raw(chars.baseAddress, Int32(chars.count))
      }
    }
  }

  /// Rings the terminal bell.
  public func bell() {
    guard open else { return }
    cn_beep()
  }

  /// Leaves curses mode and restores the terminal as it was. Ends `keys`.
  public func close() {
    guard open else { return }
    open = false
    thread.stopInput()
    cn_stop()
  }
}
