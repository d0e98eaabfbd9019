/// A credential value (password, API key, token). Its description is always masked, so a
/// secret can be passed around, printed in `profiles` or logged by accident without leaking.
struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The real value: read it only where it is sent to the identity service.
  let revealed: String

  init(_ value: String) { revealed = value }

  /// Shows the last two characters of long secrets, which is enough to tell two keys apart.
  var masked: String {
    revealed.count >= 12 ? "****" + String(revealed.suffix(2)) : "****"
  }

  var description: String { masked }
  var debugDescription: String { masked }
}
