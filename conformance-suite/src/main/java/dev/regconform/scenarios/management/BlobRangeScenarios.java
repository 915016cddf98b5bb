package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Range requests on blob downloads (spec "Pulling blobs": a registry SHOULD support them per RFC 9110 §14), which
 * clients use to resume an interrupted pull, on a layer of about 3000 bytes: the first bytes, a suffix, an open-ended
 * range, one ending past the blob (the forms of the official suite's H16), one starting after it, and a reversed one.
 * A 200 with the whole blob is the RFC's way of not supporting them: unsupported.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Range requests on blobs")
@RequiresFeature(Feature.RANGE_REQUESTS)
public class BlobRangeScenarios {
  private static final int LAYER_SIZE = 3000;

  private RegistryClient registry;
  private String repo;
  private TestBlob layer;
  private byte[] content;

  @BeforeAll
  void pushImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    var image = scenario.newImage(LAYER_SIZE);
    scenario.pusher().pushImage(repo, image, "ranges");
    layer = image.layers().get(0);
    content = layer.readAllBytes();
  }

  @Test
  @CheckId(value = "blobs.range.first-bytes", level = Level.SHOULD)
  @Covers({"R12"})
  void a_Range_of_the_first_ten_bytes_answers_206_with_those_bytes() {
    assertPartial("bytes=0-9", 0, 9);
  }

  @Test
  @CheckId(value = "blobs.range.suffix", level = Level.SHOULD)
  @Covers({"R12"})
  void a_suffix_Range_of_the_last_ten_bytes_answers_206_with_those_bytes() {
    assertPartial("bytes=-10", content.length - 10, content.length - 1);
  }

  @Test
  @CheckId(value = "blobs.range.unsatisfiable-416", level = Level.SHOULD)
  @Covers({"R12"})
  void a_Range_that_starts_after_the_end_of_the_blob_answers_416() {
    RegistryResponse get = registry.getBlobRange(repo, layer.digest(), "bytes=" + (content.length + 100) + "-");
    unsupportedIfWholeBlob(get);
    assertThat(get).hasStatus(416);
    get.header(Headers.CONTENT_RANGE).ifPresent(range ->
        assertThat(range).as("Content-Range of%n  %s", get.describe()).isEqualTo("bytes */" + content.length));
  }

  /** RFC 9110 §14.1.2: {@code 500-} asks for every byte from offset 500 to the end. */
  @Test
  @CheckId(value = "blobs.range.open-ended", level = Level.SHOULD)
  @Covers({"R12"})
  void an_open_ended_Range_answers_206_with_the_rest_of_the_blob() {
    assertPartial("bytes=500-", 500, content.length - 1);
  }

  /**
   * RFC 9110 §14.1.2: a last-pos at or past the end of the representation means its last byte, so {@code 2000-5000} on
   * a layer of about 3000 bytes is satisfiable and answers the bytes from 2000 to the last one.
   */
  @Test
  @CheckId(value = "blobs.range.end-past-size", level = Level.SHOULD)
  @Covers({"R12"})
  void a_Range_that_ends_past_the_end_of_the_blob_answers_206_with_the_bytes_up_to_the_end() {
    if (content.length <= 2000 || content.length > 5000) {
      throw new IllegalStateException("the test layer has " + content.length + " bytes; this check needs 2001 to 5000");
    }
    assertPartial("bytes=2000-5000", 2000, content.length - 1);
  }

  /**
   * RFC 9110 §14.1.1: a range whose last-pos is below its first-pos is invalid, and §14.2 lets a server that supports
   * ranges ignore such a Range header (200 with the whole blob) or reject it (416); the official suite's H16 requires
   * 416. What it must not do is serve part of the blob as if the range meant something.
   */
  @Test
  @CheckId(value = "blobs.range.reversed", level = Level.SHOULD)
  @Covers({"R12"})
  void a_reversed_Range_is_ignored_with_the_whole_blob_or_answered_416() {
    RegistryResponse get = registry.getBlobRange(repo, layer.digest(), "bytes=500-0");
    assertThat(get).hasStatusIn("RFC 9110 §14.2: an invalid range is ignored (200, the whole blob) or rejected (416)",
        200, 416);
    if (get.status() == 200) {
      assertThat(get).hasBodyMatching(layer.digest(), content.length);
      return;
    }
    get.header(Headers.CONTENT_RANGE).ifPresent(range ->
        assertThat(range).as("Content-Range of%n  %s", get.describe()).isEqualTo("bytes */" + content.length));
  }

  private void assertPartial(String range, int first, int last) {
    RegistryResponse get = registry.getBlobRange(repo, layer.digest(), range);
    unsupportedIfWholeBlob(get);
    byte[] expected = Arrays.copyOfRange(content, first, last + 1);
    assertThat(get)
        .hasStatus(206)
        .hasHeader(Headers.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + content.length)
        .hasBodyMatching(Digest.sha256(expected), expected.length);
  }

  private void unsupportedIfWholeBlob(RegistryResponse get) {
    if (get.status() == 200) {
      Unsupported.because("Range requests on blobs are not offered: " + get.requestLine() + " with Range answered 200"
          + " with " + get.body().length + " bytes (the whole blob is " + content.length + ")");
    }
  }
}
