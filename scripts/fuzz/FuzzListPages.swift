import Foundation

/// libFuzzer entry: every input is fed to the list-page, get and error-body decoders. A crash,
/// a hang or a dishonest value (an uncapped string, a negative size, progress outside
/// 0...100) stops the fuzzer with the input that caused it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let body = Data(bytes: start, count: count)
  if let page = try? ListPageDecoder.snapshots(body) {
    for item in page.items {
      precondition(item.name.utf8.count <= WireText.maxStringBytes + 3)
      precondition((item.size ?? 0) >= 0)
      precondition(item.progress.map { (0...100).contains($0) } ?? true)
    }
  }
  if let page = try? ListPageDecoder.backups(body) {
    for item in page.items {
      precondition(item.name.utf8.count <= WireText.maxStringBytes + 3)
      precondition(item.size.map { $0.isFinite && $0 >= 0 } ?? true)
    }
  }
  _ = try? JSONDecoder().decode(SnapshotWire.One.self, from: WireText.repairingUTF8(body))
  _ = try? JSONDecoder().decode(BackupWire.One.self, from: WireText.repairingUTF8(body))
  if let error = ErrorBody(body) {
    precondition(!(error.message ?? "").unicodeScalars.contains(where: TerminalSafe.isUnsafe))
  }
  return 0
}
