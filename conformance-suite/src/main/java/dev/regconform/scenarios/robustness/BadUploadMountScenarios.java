package dev.regconform.scenarios.robustness;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.scenarios.UploadSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, mounts: a mount request with a malformed digest or source name must be refused,
 * or answered as the spec's fallback with a plain upload session, and mount nothing (see {@link BadUploadSupport} for
 * what every case verifies).
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
 * <tr><td>mount.malformed-digest</td><td>POST ?mount=sha256:&lt;64 'z'&gt;&amp;from=&lt;sentinel repo&gt;</td>
 *     <td>400 DIGEST_INVALID, or 202 (a session: the spec's fallback)</td><td>R19, R38</td></tr>
 * <tr><td>mount.malformed-from</td><td>POST ?mount=&lt;sentinel layer&gt;&amp;from=&lt;its repo in upper
 *     case&gt;</td><td>400 NAME_INVALID, or 202</td><td>R38; names are lower case</td></tr>
 * <tr><td>mount.from-path-traversal</td><td>POST ?mount=&lt;sentinel layer&gt;&amp;from=&lt;a/b/x/../c for the
 *     sentinel repo a/b/c&gt;</td><td>400 NAME_INVALID, or 202; never mounted</td><td>R38, R87</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: mounts")
@LongRunning
public class BadUploadMountScenarios extends BadUploadSupport {
  private static final String PLAIN_SESSION =
      "the spec's answer to a mount the registry cannot perform: a plain upload session (R38)";

  @Test
  @CheckId("robustness.bad-upload.mount.malformed-digest")
  @Covers({"R87", "R19", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_of_a_malformed_digest_is_refused_or_opens_a_plain_session() {
    String digest = "sha256:" + "z".repeat(64);
    String target = scenario.repository("mount");
    RegistryResponse mount = mount(target, digest, repo);
    BadRequestAnswer.to(mount, registry)
        .leavesNoBlob(target, digest).leaves(sentinel)
        .allowing(202, PLAIN_SESSION)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.mount.malformed-from")
  @Covers({"R87", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_from_an_upper_case_repository_name_is_refused_or_opens_a_plain_session() {
    malformedFromCase(repo.toUpperCase(Locale.ROOT));
  }

  /** A registry that resolved the name as a path would find the sentinel's repository and mount its layer. */
  @Test
  @CheckId("robustness.bad-upload.mount.from-path-traversal")
  @Covers({"R87", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_from_a_name_with_dot_dot_is_refused_or_opens_a_plain_session_and_mounts_nothing() {
    int slash = repo.lastIndexOf('/');
    String traversal = slash < 0 ? "x/../" + repo : repo.substring(0, slash) + "/x/.." + repo.substring(slash);
    malformedFromCase(traversal);
  }

  /** A mount of the sentinel's layer from {@code from}, a malformed name for the sentinel's repository. */
  private void malformedFromCase(String from) {
    String target = scenario.repository("mount");
    TestBlob layer = sentinelLayer();
    RegistryResponse mount = mount(target, layer.digest().toString(), from);
    record(target, layer.digest());
    BadRequestAnswer.to(mount, registry)
        .leavesNoBlob(target, layer.digest()).leaves(sentinel)
        .allowing(202, PLAIN_SESSION)
        .shouldBe(400, ErrorCode.NAME_INVALID)
        .verify();
  }

  /** POST ?mount=&from= with both values as given; a 202's session is abandoned. */
  private RegistryResponse mount(String target, String digest, String from) {
    RegistryResponse mount = registry.exchange("POST", "/v2/" + target + "/blobs/uploads/?mount="
        + URLEncoder.encode(digest, StandardCharsets.UTF_8) + "&from="
        + URLEncoder.encode(from, StandardCharsets.UTF_8), Map.of(), new byte[0], UploadSteps.pushScope(target));
    if (mount.status() == 202) {
      UploadSessions.abandon(registry, mount);
    }
    return mount;
  }
}
