package dev.regconform.scenarios.robustness;

import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the bad-input classes for blob uploads ({@code robustness.bad-upload.*}) share: each check sends one upload
 * request the registry must refuse (or, where the spec allows, handle otherwise), then verifies with
 * {@link BadRequestAnswer} that it was refused with a 4xx, that nothing it named became visible — under the digest it
 * claimed, nor under the digest of the bytes it sent — and that the {@link Sentinel} pushed first still comes back
 * unchanged; the status and code of the spec's error table are a SHOULD. Where the request leaves a session behind,
 * the session must still be honest: continuing from the Range it reports stores exactly the blob, or it is gone.
 * Existing {@code push.*} checks judge some of these answers' status; these add the aftermath and the cases they lack.
 *
 * <p>Each subclass pushes a sentinel of its own, to its own repository, before its first check.
 */
abstract class BadUploadSupport extends ScenarioSupport {
  /** Pushed to this class's repository before its first check, read back after each one. */
  protected Sentinel sentinel;
  /** The honest upload steps the cases are built from. */
  protected UploadSteps steps;

  @BeforeAll
  void pushSentinel() {
    sentinel = Sentinel.push(scenario, repo);
    steps = new UploadSteps(scenario);
  }

  /** The last blob of the sentinel image: a layer this class's repository serves. */
  protected TestBlob sentinelLayer() {
    return sentinel.image().blobs().get(sentinel.image().blobs().size() - 1);
  }

  /** Records blobs a case may make the registry store in this class's repository, for cleanup. */
  protected void record(Digest... digests) {
    for (Digest digest : digests) {
      scenario.cleanup().recordBlob(repo, digest);
    }
  }

  /** Records a blob a case may make the registry store in {@code repository}, for cleanup. */
  protected void record(String repository, Digest digest) {
    scenario.cleanup().recordBlob(repository, digest);
  }

  /** Fails with every line of {@code wrong} (a session or earlier content harmed) and the request that did it. */
  protected void assertNoHarm(List<String> wrong, RegistryResponse request) {
    if (!wrong.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting the session"
          + " and earlier content unharmed, but:%n  - %s", request.requestLine(),
          request.describe().replace("\n", "\n    "), String.join("\n  - ", wrong).replace("\n", "\n    ")));
    }
  }
}
