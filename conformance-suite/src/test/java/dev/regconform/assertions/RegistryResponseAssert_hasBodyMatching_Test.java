package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RegistryResponseAssert_hasBodyMatching_Test {
  private static final byte[] BLOB = "layer content".getBytes(UTF_8);

  @Test
  void should_pass_when_digest_and_size_match_the_descriptor() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.BLOB_URL).body(BLOB).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasBodyMatching(Digest.sha256(BLOB), BLOB.length))
        .doesNotThrowAnyException();
  }

  @Test
  void should_pass_with_a_sha512_digest_computed_with_that_algorithm() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.BLOB_URL).body(BLOB).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasBodyMatching(Digest.of(DigestAlgorithm.SHA512, BLOB), BLOB.length))
        .doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_both_digests_and_both_sizes() {
    // GIVEN
    byte[] corrupted = BLOB.clone();
    corrupted[3] ^= 0x01;
    RegistryResponse response = Exchange.get(Exchange.BLOB_URL).body(corrupted).response();
    Digest expected = Digest.sha256(BLOB);
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(response).hasBodyMatching(expected, BLOB.length));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.BLOB_URL + ">",
        "to have digest:", "<" + expected + ">", "and size:", "<" + BLOB.length + ">",
        "but the bytes received have digest:", "<" + Digest.sha256(corrupted) + ">");
    then(error.getExpected().getStringRepresentation()).isEqualTo(expected.toString());
    then(error.getActual().getStringRepresentation()).isEqualTo(Digest.sha256(corrupted).toString());
  }

  @Test
  void should_fail_when_only_the_size_differs() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.BLOB_URL).body(BLOB).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasBodyMatching(Digest.sha256(BLOB), BLOB.length + 1));
    // THEN
    then(error).hasMessageContainingAll("and size:%n  <%d>".formatted(BLOB.length + 1),
        "and size:%n  <%d>".formatted(BLOB.length));
  }
}
