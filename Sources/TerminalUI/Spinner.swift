import Foundation

/// The motion indicator. Its frame is derived from `state.now`, so it only advances when the
/// model's clock does (the runner ticks at most 4 times a second, and only while something
/// moves); nothing here asks for a redraw.
public enum Spinner {
  public static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// The frame for a moment: one step per quarter second.
  public static func frame(at now: Date) -> Character {
    let quarter = Int((now.timeIntervalSince1970 * 4).rounded(.down))
    let index = ((quarter % frames.count) + frames.count) % frames.count
    return frames[index]
  }
}
