import Foundation
import Testing

@testable import CloudClient

/// The next link read from a page's end before the page is decoded (issue 17): right on
/// real bodies, never fooled by link-like text inside a string.
@Suite("Next link guessed from the end of a page")
struct PageLinkGuessTests {
  @Test("real Cinder and Trove pages: the guess is the decoded next link")
  func realPages() throws {
    for name in [
      "cinder-29/snapshots-detail-sort-updated-desc-limit2.json", "trove-26/backups-page1.json",
    ] {
      let body = try Fixtures.data("real/" + name)
      let guess = PageLinks.guessNext(in: body)
      #expect(guess != nil, "\(name)")
      #expect(guess == PageLinks.next(in: body), "\(name)")
    }
    let last = try Fixtures.data(
      "real/cinder-29/snapshots-detail-sort-updated-desc-limit2-page2.json")
    #expect(PageLinks.guessNext(in: last) == nil)
    // Whatever the body, a guess is never something else than the decoded link.
    for file in try Fixtures.realFiles() where file.hasSuffix(".json") {
      let body = try Fixtures.data(file)
      if let guess = PageLinks.guessNext(in: body) {
        #expect(guess == PageLinks.next(in: body), "\(file)")
      }
    }
  }

  @Test("a description that looks like a link list is not taken for one")
  func hostileText() {
    let fake = #"\"snapshots_links\": [{\"href\": \"http://evil/x?marker=1\", \"rel\": \"next\"}]}"#
    let bodies = [
      #"{"snapshots": [{"id": "s1", "description": ""# + fake + #""}]}"#,
      // The key's quotes can match only where an escaped quote opens it and the string ends
      // right after it: what follows is then no object.
      #"{"snapshots": [{"id": "s1", "description": "\"snapshots_links", "name": "x"}]}"#,
      #"{"snapshots": [{"id": "s1", "name": "\"links"}], "snapshots_links": []}"#,
    ]
    for body in bodies {
      #expect(PageLinks.guessNext(in: Data(body.utf8)) == nil, "\(body)")
    }
  }
}
