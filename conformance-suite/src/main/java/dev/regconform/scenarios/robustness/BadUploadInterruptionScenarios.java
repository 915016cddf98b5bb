package dev.regconform.scenarios.robustness;

import static dev.regconform.scenarios.robustness.UploadSteps.range;

import dev.regconform.client.Headers;
import dev.regconform.client.InterruptedExchange;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, interrupted connections: an upload request whose connection closes mid-body
 * gets no answer to judge, so only the aftermath counts: the session must continue honestly from its Range, or be
 * gone, and the bytes as they stood must never be a blob (see {@link BadUploadSupport}).
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
 * <tr><td>interrupted.mid-chunk</td><td>first PATCH declaring 2048 bytes, 1024 sent, connection closed</td>
 *     <td>(no answer read) the session continues from its Range to exactly the blob, or is gone; a further
 *     PATCH answered 405: unsupported</td><td>R32, R87</td></tr>
 * <tr><td>interrupted.mid-put</td><td>monolithic PUT ?digest= of 2048 bytes, 1024 sent, connection closed</td>
 *     <td>as interrupted.mid-chunk; the digest not stored</td><td>R23, R87</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: interrupted connections")
@LongRunning
public class BadUploadInterruptionScenarios extends BadUploadSupport {

  @Test
  @CheckId("robustness.bad-upload.interrupted.mid-chunk")
  @Covers({"R87", "R32", "R28"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void after_a_PATCH_cut_off_mid_body_the_session_continues_from_its_Range_to_exactly_the_blob_or_is_gone() {
    UploadSteps.Chunked s = steps.opened(repo, 2);
    InterruptedExchange cut = registry.sendInterrupted("PATCH", s.location(),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream", Headers.CONTENT_RANGE, range(0, s.content().length)),
        s.chunk(0), s.content().length);
    assertHonestAfterInterruption(s, cut);
  }

  /** The monolithic PUT ?digest= of the whole blob, cut off after half of it. */
  @Test
  @CheckId("robustness.bad-upload.interrupted.mid-put")
  @Covers({"R87", "R23", "R32"})
  void after_a_monolithic_PUT_cut_off_mid_body_the_blob_is_not_stored_and_the_session_is_honest() {
    UploadSteps.Chunked s = steps.opened(repo, 2);
    InterruptedExchange cut = registry.sendInterrupted("PUT",
        UploadSteps.withQuery(s.location(), "digest", s.digest().toString()),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), s.chunk(0), s.content().length);
    assertHonestAfterInterruption(s, cut);
  }

  /**
   * After an interrupted request the session either is gone (404), or reports in its Range at most what was sent,
   * and continuing from there stores exactly the blob; the bytes as they stood when the connection closed are never
   * a blob.
   */
  private void assertHonestAfterInterruption(UploadSteps.Chunked s, InterruptedExchange cut) {
    byte[] asCut = s.chunk(0);
    record(Digest.sha256(asCut));
    List<String> wrong = new ArrayList<>();
    String unsupported = null;
    Optional<Long> received = steps.receivedOnceSettled(s.location(), cut.describe());
    if (received.isPresent()) {
      if (received.get() > asCut.length) {
        wrong.add("the session reports " + received.get() + " bytes received, but only " + asCut.length
            + " ever arrived");
      } else {
        RegistryResponse put = steps.finishFrom(s.location(), received.get(), s.content()).orElseThrow();
        if (put.status() == 405) {
          unsupported = "continuing the session from its Range needs a further PATCH, which the registry does not"
              + " offer: " + put.requestLine() + " answered 405";
        } else if (put.status() != 201) {
          wrong.add("the session reported " + received.get() + " bytes received, but continuing from there did not"
              + " store the blob: the Range did not say what the session held:\n" + put.describe());
        }
      }
    }
    steps.notExactlyOrAbsent(repo, s.digest(), s.content()).ifPresent(wrong::add);
    if (registry.headBlob(repo, Digest.sha256(asCut)).status() == 200) {
      wrong.add("the bytes as they stood when the connection closed became the blob " + Digest.sha256(asCut));
    }
    wrong.addAll(sentinel.harm());
    if (!wrong.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the interrupted request%n  <%s>%nexpecting the session to"
          + " continue honestly from its Range, or be gone, and nothing else to change, but:%n  - %s", cut.describe(),
          String.join("\n  - ", wrong).replace("\n", "\n    ")));
    }
    if (unsupported != null) {
      Unsupported.because(unsupported + " (nothing of the interrupted request became visible)");
    }
  }
}
