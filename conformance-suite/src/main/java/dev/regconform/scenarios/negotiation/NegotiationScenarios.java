package dev.regconform.scenarios.negotiation;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.model.Manifest;
import dev.regconform.scenarios.ScenarioSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Content negotiation (spec "Pulling manifests", end-3): GET and HEAD of a stored manifest, by tag and by digest,
 * with each Accept header clients send. The answer is the manifest exactly as pushed, with its media type as
 * Content-Type; or, when that type is not acceptable, 404 MANIFEST_UNKNOWN or 406. Never a converted or re-serialised
 * document. Failing to answer a listed type is a MUST failure; failing one admitted only by {@code *}{@code /*} or
 * by no Accept header, a SHOULD (the spec leaves wildcards open); Content-Type, a SHOULD (R5).
 */
@Tag("pull")
abstract class NegotiationScenarios extends ScenarioSupport {
  static final String TAG = "negotiated";

  private Manifest stored;

  @BeforeAll
  void pushManifest() {
    stored = push();
  }

  /** Pushes the manifest under test, tagged {@link #TAG}, with everything it references. */
  abstract Manifest push();

  @Test
  @CheckId("negotiation.{data-set}.accept-oci")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R5"})
  void GET_and_HEAD_accepting_only_OCI_types_answer_the_stored_manifest_unchanged_or_not_acceptable() {
    assertServedUnchanged(AcceptVariant.OCI);
  }

  @Test
  @CheckId("negotiation.{data-set}.accept-docker")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R5"})
  void GET_and_HEAD_accepting_only_Docker_types_answer_the_stored_manifest_unchanged_or_not_acceptable() {
    assertServedUnchanged(AcceptVariant.DOCKER);
  }

  @Test
  @CheckId("negotiation.{data-set}.accept-both")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R5"})
  void GET_and_HEAD_accepting_OCI_and_Docker_types_answer_the_stored_manifest_unchanged() {
    assertServedUnchanged(AcceptVariant.BOTH);
  }

  @Test
  @CheckId("negotiation.{data-set}.accept-any")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R5"})
  void GET_and_HEAD_accepting_any_type_answer_the_stored_manifest_unchanged() {
    assertServedUnchanged(AcceptVariant.ANY);
  }

  @Test
  @CheckId("negotiation.{data-set}.accept-none")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R5"})
  void GET_and_HEAD_without_Accept_answer_the_stored_manifest_unchanged() {
    assertServedUnchanged(AcceptVariant.NONE);
  }

  private void assertServedUnchanged(AcceptVariant accept) {
    ServedManifest.assertServedUnchanged(registry, repo, stored, accept, TAG, stored.digest().toString());
  }
}
