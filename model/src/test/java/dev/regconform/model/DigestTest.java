package dev.regconform.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String SHA256_FOO = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
  static final String SHA512_EMPTY = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
      + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
  static final String SHA512_FOO = "f7fbba6e0636f890e56fbbf3283e524c6fa3204ae298382d624741d0dc663832"
      + "6e282c41be5e4254d8820772c5518a2c5a8c0c7f7eda19594a7eb539453e1ed7";

  @Nested
  class Known_vectors {
    @Test
    void sha256_of_nothing() {
      assertThat(Digest.sha256(new byte[0])).hasToString("sha256:" + SHA256_EMPTY);
    }

    @Test
    void sha256_of_foo() {
      assertThat(Digest.sha256("foo".getBytes(UTF_8))).hasToString("sha256:" + SHA256_FOO);
    }

    @Test
    void sha512_of_nothing() {
      assertThat(Digest.sha512(new byte[0])).hasToString("sha512:" + SHA512_EMPTY);
    }

    @Test
    void sha512_of_foo() {
      assertThat(Digest.of(DigestAlgorithm.SHA512, "foo".getBytes(UTF_8))).hasToString("sha512:" + SHA512_FOO);
    }

    @Test
    void matches_only_the_bytes_it_was_computed_from() {
      Digest foo = Digest.parse("sha256:" + SHA256_FOO);

      assertThat(foo.matches("foo".getBytes(UTF_8))).isTrue();
      assertThat(foo.matches("fooo".getBytes(UTF_8))).isFalse();
    }
  }

  @Nested
  class Parsing_and_formatting {
    @ParameterizedTest
    @ValueSource(strings = {"sha256:" + SHA256_FOO, "sha256:" + SHA256_EMPTY, "sha512:" + SHA512_FOO, "sha512:" + SHA512_EMPTY})
    void parse_then_toString_gives_back_the_same_text(String text) {
      assertThat(Digest.parse(text)).hasToString(text);
    }

    @Test
    void parse_splits_algorithm_and_hex() {
      Digest d = Digest.parse("sha512:" + SHA512_FOO);

      assertThat(d.algorithm()).isEqualTo(DigestAlgorithm.SHA512);
      assertThat(d.hex()).isEqualTo(SHA512_FOO).hasSize(DigestAlgorithm.SHA512.hexLength());
    }

    @Test
    void short_form_keeps_the_algorithm_and_12_hex_characters() {
      assertThat(Digest.parse("sha256:" + SHA256_FOO).shortForm()).isEqualTo("sha256:2c26b46b68ff");
    }

    @Test
    void isDigest_tells_valid_from_invalid_text_without_throwing() {
      assertThat(Digest.isDigest("sha256:" + SHA256_FOO)).isTrue();
      assertThat(Digest.isDigest("sha256:" + SHA256_FOO.substring(1))).isFalse();
      assertThat(Digest.isDigest(null)).isFalse();
    }

    @Test
    void fromHash_encodes_lower_case_hex() {
      byte[] hash = new byte[32];
      hash[0] = (byte) 0xAB;

      assertThat(Digest.fromHash(DigestAlgorithm.SHA256, hash).hex()).startsWith("ab00").hasSize(64);
    }

    @Test
    void serialises_to_json_as_its_canonical_string_and_back() throws Exception {
      Digest d = Digest.sha256("foo".getBytes(UTF_8));

      String json = ManifestJson.MAPPER.writeValueAsString(d);

      assertThat(json).isEqualTo("\"sha256:" + SHA256_FOO + "\"");
      assertThat(ManifestJson.MAPPER.readValue(json, Digest.class)).isEqualTo(d);
    }
  }

  @Nested
  class Streaming {
    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void stream_digest_equals_byte_digest_for_data_larger_than_the_64_KiB_buffer(DigestAlgorithm algorithm)
        throws IOException {
      byte[] data = new byte[3 * 64 * 1024 + 17];
      new SplittableRandom(42).nextBytes(data);

      Digest streamed = Digest.of(algorithm, new ByteArrayInputStream(data));

      assertThat(streamed).isEqualTo(Digest.of(algorithm, data));
    }

    @Test
    void an_empty_stream_has_the_digest_of_no_bytes() throws IOException {
      assertThat(Digest.of(DigestAlgorithm.SHA256, new ByteArrayInputStream(new byte[0])).hex()).isEqualTo(SHA256_EMPTY);
    }

    @Test
    void the_stream_is_left_open() throws IOException {
      AtomicBoolean closed = new AtomicBoolean();
      ByteArrayInputStream in = new ByteArrayInputStream("foo".getBytes(UTF_8)) {
        @Override
        public void close() {
          closed.set(true);
        }
      };

      Digest.of(DigestAlgorithm.SHA256, in);

      assertThat(closed).isFalse();
    }
  }

  @Nested
  class Malformed_input_is_rejected_with_a_message_that_says_why {
    @Test
    void no_colon() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha256" + SHA256_FOO))
          .withMessageContaining("expected algorithm:hex");
    }

    @Test
    void nothing_before_the_colon() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse(":" + SHA256_FOO))
          .withMessageContaining("expected algorithm:hex");
    }

    @Test
    void empty_text() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse(""))
          .withMessageContaining("expected algorithm:hex");
    }

    @Test
    void empty_hex() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha256:"))
          .withMessageStartingWith("Invalid digest 'sha256:'")
          .withMessageContaining("empty")
          .withMessageContaining("64 lower-case hex characters");
    }

    @Test
    void unknown_algorithm() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("md5:d3b07384d113edec49eaa6238ad5ff00"))
          .withMessageContaining("Unsupported digest algorithm 'md5'")
          .withMessageContaining("supported: sha256, sha512");
    }

    @Test
    void upper_case_algorithm() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("SHA256:" + SHA256_FOO))
          .withMessageContaining("Unsupported digest algorithm 'SHA256'")
          .withMessageContaining("algorithm names are lower case");
    }

    @Test
    void upper_case_hex() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha256:" + SHA256_FOO.toUpperCase()))
          .withMessageContaining("upper case")
          .withMessageNotContaining("got 64");
    }

    @Test
    void hex_too_short() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha256:" + SHA256_FOO.substring(1)))
          .withMessageContaining("expected 64 lower-case hex characters, got 63")
          .withMessageNotContaining("upper case");
    }

    @Test
    void hex_of_the_other_algorithms_length() {
      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha512:" + SHA256_FOO))
          .withMessageContaining("expected 128 lower-case hex characters, got 64");
    }

    @Test
    void non_hex_character_is_named_with_its_position() {
      String hex = SHA256_FOO.substring(0, 10) + "g" + SHA256_FOO.substring(11);

      assertThatIllegalArgumentException().isThrownBy(() -> Digest.parse("sha256:" + hex))
          .withMessageContaining("'g' at index 10 is not a hex character");
    }

    @Test
    void the_constructor_validates_too() {
      assertThatIllegalArgumentException().isThrownBy(() -> new Digest(DigestAlgorithm.SHA256, "abc"))
          .withMessageContaining("Invalid sha256 digest hex 'abc'");
    }
  }

  @Nested
  class Equality {
    @Test
    void digests_of_the_same_algorithm_and_hex_are_equal() {
      Digest parsed = Digest.parse("sha256:" + SHA256_FOO);
      Digest computed = Digest.sha256("foo".getBytes(UTF_8));
      Digest constructed = new Digest(DigestAlgorithm.SHA256, SHA256_FOO);

      assertThat(parsed).isEqualTo(computed).isEqualTo(constructed).hasSameHashCodeAs(computed);
    }

    @Test
    void different_content_gives_unequal_digests() {
      assertThat(Digest.sha256("foo".getBytes(UTF_8))).isNotEqualTo(Digest.sha256("bar".getBytes(UTF_8)));
    }

    @Test
    void different_algorithms_give_unequal_digests() {
      assertThat(Digest.sha256(new byte[0])).isNotEqualTo(Digest.sha512(new byte[0]));
    }
  }

  @Nested
  class Algorithms {
    @Test
    void are_looked_up_by_wire_name() {
      assertThat(DigestAlgorithm.fromLabel("sha256")).isEqualTo(DigestAlgorithm.SHA256);
      assertThat(DigestAlgorithm.fromLabel("sha512")).isEqualTo(DigestAlgorithm.SHA512);
    }

    @Test
    void know_their_hex_length() {
      assertThat(DigestAlgorithm.SHA256.hexLength()).isEqualTo(64);
      assertThat(DigestAlgorithm.SHA512.hexLength()).isEqualTo(128);
    }
  }
}
