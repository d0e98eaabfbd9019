import Dispatch
import Foundation

/// Suspends until SIGINT or SIGTERM arrives (for long-running commands such as `simulator`).
enum SignalWaiter {
  static func waitForInterrupt() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let once = Once(continuation)
      for signalNumber in [SIGINT, SIGTERM] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler { once.fire() }
        source.resume()
        Sources.keep(source)
      }
    }
  }

  /// Keeps signal sources alive for the life of the process.
  private enum Sources {
    nonisolated(unsafe) static var all: [any DispatchSourceSignal] = []
    static func keep(_ source: any DispatchSourceSignal) { all.append(source) }
  }

  private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
    func fire() {
      lock.withLock {
        continuation?.resume()
        continuation = nil
      }
    }
  }
}
