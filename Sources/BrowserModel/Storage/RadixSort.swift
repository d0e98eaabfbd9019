/// A stable LSD radix sort on 64-bit keys and a store of variable-length byte keys sorted
/// 8 bytes at a time. Knows nothing of rows or columns: callers give each item an `Int32`
/// (its index in their own storage) and a key.
enum RadixSort {
  /// An item and the part of its key being sorted on.
  struct Item {
    var key: UInt64
    var row: Int32
  }

  /// Stable sort of `items[low..<high]` by key: insertion sort for short ranges, else LSD
  /// radix on bytes, skipping the bytes all keys share (dates share their high bytes).
  static func sort(
    _ items: UnsafeMutableBufferPointer<Item>, _ scratch: UnsafeMutableBufferPointer<Item>,
    _ low: Int, _ high: Int
  ) {
    let count = high - low
    guard count > 1 else { return }
    if count <= 48 {
      for i in (low + 1)..<high {
        let item = items[i]
        var j = i
        while j > low, items[j - 1].key > item.key {
          items[j] = items[j - 1]
          j -= 1
        }
        items[j] = item
      }
      return
    }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 8 * 256) { counts in
      counts.initialize(repeating: 0)
      for i in low..<high {
        let key = items[i].key
        for byte in 0..<8 {
          counts[byte &* 256 &+ Int(truncatingIfNeeded: key >> (byte &* 8)) & 0xff] += 1
        }
      }
      var source = items
      var target = scratch
      let first = items[low].key
      for byte in 0..<8 {
        let base = byte * 256
        let shift = UInt64(byte * 8)
        if counts[base + Int(truncatingIfNeeded: first >> shift) & 0xff] == count { continue }
        var offset = low
        for digit in 0..<256 {
          let c = counts[base + digit]
          counts[base + digit] = offset
          offset += c
        }
        for i in low..<high {
          let item = source[i]
          let digit = Int(truncatingIfNeeded: item.key >> shift) & 0xff
          target[counts[base + digit]] = item
          counts[base + digit] += 1
        }
        swap(&source, &target)
      }
      if source.baseAddress != items.baseAddress {
        for i in low..<high { items[i] = source[i] }
      }
    }
  }

  /// A double as an unsigned integer with the same order (negative numbers included).
  static func orderedBits(_ value: Double) -> UInt64 {
    let bits = (value == 0 ? 0.0 : value).bitPattern  // -0 and +0 are one key
    return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
  }

  /// Every item's text key, back to back: item `i` is `bytes[starts[i]..<starts[i + 1]]`.
  struct TextKeys {
    var bytes: [UInt8] = []
    var starts: [Int] = []

    init(capacity: Int) {
      bytes.reserveCapacity(capacity * 24)
      starts.reserveCapacity(capacity + 1)
    }

    mutating func begin() { starts.append(bytes.count) }
    mutating func end() { starts.append(bytes.count) }

    /// Appends the UTF-8 bytes with ASCII lower-cased (other bytes order as they are, which
    /// is good enough for a sort): one copy, then a pass over the new bytes.
    mutating func appendLowered(_ string: String) {
      var string = string
      string.withUTF8 { appendLowered($0) }
    }

    mutating func appendLowered(_ utf8: UnsafeBufferPointer<UInt8>) {
      let start = bytes.count
      bytes.append(contentsOf: utf8)
      bytes.withUnsafeMutableBufferPointer { bytes in
        for index in start..<bytes.count where bytes[index] >= 65 && bytes[index] <= 90 {
          bytes[index] += 32
        }
      }
    }

    /// Sorts `items[low..<high]` by text from byte `depth` on, stably: 8 bytes as one
    /// big-endian integer per pass, recursing only into runs that tie and go on.
    func sort(
      _ items: UnsafeMutableBufferPointer<Item>, _ scratch: UnsafeMutableBufferPointer<Item>,
      _ low: Int, _ high: Int, depth: Int
    ) {
      guard high - low > 1 else { return }
      bytes.withUnsafeBufferPointer { bytes in
        starts.withUnsafeBufferPointer { starts in
          sort(items, scratch, low, high, depth: depth, bytes, starts)
        }
      }
    }

    private func sort(
      _ items: UnsafeMutableBufferPointer<Item>, _ scratch: UnsafeMutableBufferPointer<Item>,
      _ low: Int, _ high: Int, depth: Int,
      _ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>
    ) {
      var longer = false
      for i in low..<high {
        let row = Int(items[i].row)
        let start = starts[row] + depth
        let end = starts[row + 1]
        var key: UInt64 = 0
        var position = start
        while position < start + 8 {
          key <<= 8
          if position < end { key |= UInt64(bytes[position]) }
          position += 1
        }
        if end > start + 8 { longer = true }
        items[i].key = key
      }
      RadixSort.sort(items, scratch, low, high)
      guard longer else { return }
      var runStart = low
      while runStart < high {
        var runEnd = runStart + 1
        while runEnd < high, items[runEnd].key == items[runStart].key { runEnd += 1 }
        if runEnd - runStart > 1 {
          sort(items, scratch, runStart, runEnd, depth: depth + 8, bytes, starts)
        }
        runStart = runEnd
      }
    }
  }
}
