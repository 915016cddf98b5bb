package dev.regconform.scenarios.management;

import dev.regconform.model.Digest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** What the checks of this package send: Accept headers, and digests of content that is never pushed. */
final class ManagementRequests {
  /** What docker and skopeo send when pulling: every manifest type they understand. */

  private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime());

  private ManagementRequests() {}

  /** The sha256 digest of content nobody pushed: unique per call, so it is unknown to every registry. */
  static Digest neverPushed() {
    return Digest.sha256(("regconform: never pushed " + COUNTER.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a status is 2xx. */
  static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }
}
