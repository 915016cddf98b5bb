package dev.regconform.scenarios.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, manifests: each check PUTs one manifest the registry must refuse, then verifies the refusal
 * with {@link BadRequestAnswer} — a 4xx, nothing of it visible, the {@link Sentinel} pushed first unharmed — and,
 * as a recommendation, the status and error code of the spec's error table.
 */
@Tag("robustness")
@DisplayName("Bad input: manifests")
public class BadManifestScenarios extends ScenarioSupport {
  private Sentinel sentinel;

  @BeforeAll
  void pushSentinel() {
    sentinel = Sentinel.push(scenario, repo);
  }

  @Test
  @CheckId("robustness.bad-manifest.malformed-json")
  @Covers({"R87", "R72"})
  void a_manifest_that_is_not_json_is_refused_and_leaves_no_trace() {
    byte[] body = "{\"schemaVersion\": 2, \"config\": ".getBytes(UTF_8);
    RegistryResponse put = registry.putManifest(repo, "malformed", MediaTypes.OCI_MANIFEST, body);

    BadRequestAnswer.to(put, registry)
        .leavesNoTag(repo, "malformed").leavesNoManifest(repo, Digest.sha256(body)).leaves(sentinel)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.body-not-the-digest-in-the-url")
  @Covers({"R87", "R72"})
  void a_manifest_put_under_a_digest_that_is_not_its_own_is_refused_and_leaves_no_trace() {
    byte[] body = sentinel.image().manifest().raw();
    Digest other = Digest.sha256("not the manifest".getBytes(UTF_8));
    RegistryResponse put = registry.putManifest(repo, other.toString(), sentinel.image().manifest().mediaType(), body);

    BadRequestAnswer.to(put, registry)
        .leavesNoManifest(repo, other).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }
}
