package dev.regconform.scenarios.upload;

import dev.regconform.junit.LongRunning;
import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.ShortBodyExchange;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A monolithic upload whose body is shorter than its {@code Content-Length} (R25: "The Content-Length header MUST
 * match the blob's actual content length"; the error table's SIZE_INVALID, "provided length did not match content
 * length"). The request is sent over a plain socket: 1000 of 2048 declared bytes, then a wait, a half-close (no more
 * bytes will come) and another wait, each bounded. RFC 9112 §8 lets a server answer such an incomplete message with
 * an error or close the connection without one, so no answer is needed; what is needed is that nothing is stored
 * and that no answer claims success.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Uploads with a body shorter than its Content-Length")
@LongRunning
public class ShortBodyUploadScenarios extends ScenarioSupport {
  private static final int DECLARED = 2048;
  private static final int SENT = 1000;

  /** The blob the client claims to send; only its first {@value #SENT} bytes go on the wire. */
  private static byte[] blob() {
    return Content.newContent(DECLARED);
  }

  private static byte[] shortBody(byte[] content) {
    return Arrays.copyOf(content, SENT);
  }

  /** POST, then the closing PUT ?digest= with the short body; records the digest for cleanup. */
  private ShortBodyExchange shortPut(Digest digest, byte[] content) {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    ShortBodyExchange put = registry.completeUploadWithShortBody(location(post), digest, shortBody(content), DECLARED);
    scenario.cleanup().recordBlob(repo, digest);
    scenario.cleanup().recordBlob(repo, Digest.sha256(shortBody(content)));
    return put;
  }

  /**
   * R25: whatever the registry answers to a PUT whose body stopped short, it must not be a 2xx, and the blob must not
   * be stored, neither under the digest the PUT named nor under the digest of the bytes that arrived. A registry that
   * waits for the missing bytes until the client gives up passes (the message says so when it fails otherwise).
   */
  @Test
  @CheckId("push.size.short-body-put")
  @Covers({"R25", "R19"})
  void a_PUT_whose_body_is_shorter_than_its_Content_Length_is_not_answered_with_success_and_stores_nothing() {
    byte[] content = blob();
    Digest digest = Digest.sha256(content);
    ShortBodyExchange put = shortPut(digest, content);
    assertNotSuccess(put);
    assertNothingStored(put, digest, content);
  }

  /**
   * R25, R24: the same body in a single POST {@code ?digest=}. A 202 is the spec's answer of a registry without
   * single POST (an upload session; the body is not read): then nothing may be stored either, and the check ends
   * unsupported.
   */
  @Test
  @CheckId("push.size.short-body-single-post")
  @Covers({"R25", "R24"})
  @RequiresFeature(Feature.MONOLITHIC_POST)
  void a_single_POST_whose_body_is_shorter_than_its_Content_Length_is_not_answered_201_and_stores_nothing() {
    byte[] content = blob();
    Digest digest = Digest.sha256(content);
    ShortBodyExchange post = registry.uploadMonolithicWithShortBody(repo, digest, shortBody(content), DECLARED);
    scenario.cleanup().recordBlob(repo, digest);
    scenario.cleanup().recordBlob(repo, Digest.sha256(shortBody(content)));
    RegistryResponse answer = post.response().orElse(null);
    if (answer != null && answer.status() == 202) {
      assertNothingStored(post, digest, content);
      answer.header(Headers.LOCATION).ifPresent(l -> UploadSessions.abandon(registry, l));
      Unsupported.because("single-POST upload is not offered: " + post.requestLine() + " with Content-Length: "
          + DECLARED + " and " + SENT + " bytes of body answered 202 (an upload session), and nothing was stored");
    }
    assertNotSuccess(post);
    assertNothingStored(post, digest, content);
  }

  /**
   * The error table's SIZE_INVALID, "provided length did not match content length", is the code for this case; the
   * spec binds no keyword to it (R25 binds the client), so a SHOULD check: a registry that answers does so with 400
   * and SIZE_INVALID. One that closes the connection without an answer, as RFC 9112 §8 allows, has no code to check:
   * unsupported.
   */
  @Test
  @CheckId(value = "push.size.short-body-size-invalid", level = Level.SHOULD)
  @Covers({"R25", "R72"})
  void a_PUT_whose_body_is_shorter_than_its_Content_Length_is_answered_400_SIZE_INVALID() {
    byte[] content = blob();
    ShortBodyExchange put = shortPut(Digest.sha256(content), content);
    if (put.response().isEmpty()) {
      Unsupported.because("no answer to check for SIZE_INVALID: " + put.describe() + " (RFC 9112 §8 allows closing"
          + " the connection on an incomplete request)");
    }
    RegistryResponse answer = put.response().get();
    Assertions.assertThat(answer.status()).as("status of the answer (400 with SIZE_INVALID expected) to%n  %s",
        put.describe()).isEqualTo(400);
    Uploads.hasErrorCodeIn(answer, ErrorCode.SIZE_INVALID);
  }

  private static void assertNotSuccess(ShortBodyExchange exchange) {
    exchange.response().ifPresent(answer -> Assertions.assertThat(answer.status())
        .as("status of the answer (anything but 2xx: the body never arrived whole) to%n  %s", exchange.describe())
        .matches(s -> s < 200 || s >= 300, "not a 2xx"));
  }

  private void assertNothingStored(ShortBodyExchange exchange, Digest claimed, byte[] content) {
    assertThat(registry.headBlob(repo, claimed))
        .as("HEAD by the digest the request named, after%n  %s%n", exchange.describe()).hasStatus(404);
    assertThat(registry.headBlob(repo, Digest.sha256(shortBody(content))))
        .as("HEAD by the digest of the %d bytes that arrived, after%n  %s%n", SENT, exchange.describe()).hasStatus(404);
  }
}
