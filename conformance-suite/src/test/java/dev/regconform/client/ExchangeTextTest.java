package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.regconform.client.RecordedExchange.Answer;
import dev.regconform.client.RecordedExchange.Body;
import dev.regconform.model.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an exchange reads in the report: step name, request and response text, masked, cut, summarised. */
class ExchangeTextTest {
  private static final String UPLOAD = "http://127.0.0.1:5000/v2/acme/app/blobs/uploads/1?_state=c2VjcmV0Cg%3D%3D";

  private static RecordedExchange exchange(String method, String url, List<Map.Entry<String, String>> headers, Body body,
      Answer answer) {
    return new RecordedExchange(0L, method, url, headers, body, Optional.ofNullable(answer), "");
  }

  @Nested
  class Step_name {
    @Test
    void is_method_url_and_status_with_the_state_masked() {
      RecordedExchange put = exchange("PUT", UPLOAD + "&digest=sha256:ab", List.of(), Body.NONE,
          new Answer(201, List.of(), Body.NONE));

      assertThat(ExchangeText.stepName(put))
          .isEqualTo("PUT http://127.0.0.1:5000/v2/acme/app/blobs/uploads/1?_state=***&digest=sha256:ab -> 201");
    }

    @Test
    void says_no_response_when_none_came() {
      RecordedExchange get = exchange("GET", "http://127.0.0.1:1/v2/", List.of(), Body.NONE, null);

      assertThat(ExchangeText.stepName(get)).isEqualTo("GET http://127.0.0.1:1/v2/ -> no response");
    }
  }

  @Nested
  class Headers_and_secrets {
    @Test
    void credentials_cookies_and_states_in_headers_are_masked_and_repeated_headers_kept() {
      RecordedExchange get = exchange("GET", "http://127.0.0.1:5000/v2/", List.of(
              Map.entry("Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.secret-part"), Map.entry("Cookie", "session=s3cret")),
          Body.NONE, new Answer(202, List.of(Map.entry("Location", UPLOAD), Map.entry("Link", "<a>; rel=\"next\""),
              Map.entry("Link", "<b>; rel=\"prev\""), Map.entry("Set-Cookie", "session=s3cret")), Body.NONE));

      String request = ExchangeText.request(get);
      String response = ExchangeText.response(get);

      assertThat(request).contains("Authorization: ***\n", "Cookie: ***\n").doesNotContain("eyJ").doesNotContain("s3cret");
      assertThat(response).startsWith("HTTP 202\n")
          .contains("Location: http://127.0.0.1:5000/v2/acme/app/blobs/uploads/1?_state=***\n")
          .contains("Link: <a>; rel=\"next\"\nLink: <b>; rel=\"prev\"\n")
          .contains("Set-Cookie: ***\n")
          .doesNotContain("c2VjcmV0").doesNotContain("s3cret");
    }

    @Test
    void the_password_of_a_token_form_and_the_token_of_its_answer_are_masked() {
      byte[] form = "grant_type=password&username=octocat&password=s3cr3t&scope=repository%3Aa%3Apull".getBytes(UTF_8);
      RecordedExchange post = exchange("POST", "http://127.0.0.1:5001/token",
          List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded")), new Body.Bytes(form),
          new Answer(200, List.of(Map.entry("Content-Type", "application/json")),
              new Body.Bytes("{\"token\":\"eyJhbGciOi.abc\",\"access_token\":\"eyJhbGciOi.abc\",\"expires_in\":300}"
                  .getBytes(UTF_8))));

      assertThat(ExchangeText.request(post)).contains("username=octocat&password=***&scope=").doesNotContain("s3cr3t");
      assertThat(ExchangeText.response(post)).contains("{\"token\":\"***\",\"access_token\":\"***\",\"expires_in\":300}")
          .doesNotContain("eyJ");
    }
  }

  @Nested
  class Text_bodies {
    @Test
    void a_body_up_to_4_KiB_is_shown_whole() {
      String json = "{\"schemaVersion\":2,\"layers\":[" + "x".repeat(4000) + "]}";
      byte[] bytes = json.getBytes(UTF_8);

      assertThat(ExchangeText.body(new Body.Bytes(bytes), "application/vnd.oci.image.manifest.v1+json")).isEqualTo(json);
    }

    @Test
    void a_longer_body_shows_its_first_4_KiB_and_says_how_much_was_cut() {
      byte[] bytes = "a".repeat(10_000).getBytes(UTF_8);

      String shown = ExchangeText.body(new Body.Bytes(bytes), "text/plain; charset=utf-8");

      assertThat(shown).startsWith("a".repeat(4096) + "\n")
          .endsWith("[truncated: the first 4,096 bytes of 10,000 bytes shown, 5,904 bytes cut]")
          .hasSize(4096 + "\n[truncated: the first 4,096 bytes of 10,000 bytes shown, 5,904 bytes cut]".length());
    }

    @Test
    void a_token_the_cut_leaves_without_its_closing_quote_is_still_masked() {
      String json = "{\"padding\":\"" + "p".repeat(4060) + "\",\"token\":\"eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ0b2tlbi1zZXJ2ZXIifQ.sig\"}";

      String shown = ExchangeText.body(new Body.Bytes(json.getBytes(UTF_8)), "application/json");

      assertThat(shown).contains("\"token\":\"***").doesNotContain("eyJ").contains("[truncated:");
    }

    @Test
    void a_character_the_cut_splits_is_left_out_rather_than_shown_broken() {
      byte[] bytes = ("a".repeat(4095) + "é" + "b".repeat(10)).getBytes(UTF_8); // é is 2 bytes: bytes 4095 and 4096

      String shown = ExchangeText.body(new Body.Bytes(bytes), "text/plain");

      assertThat(shown).startsWith("a".repeat(4095) + "\n[truncated: the first 4,096 bytes of 4,107 bytes shown")
          .doesNotContain("\uFFFD");
    }

    @Test
    void a_docker_schema_1_manifest_is_text_though_its_type_does_not_say_json() {
      byte[] signed = "{\"schemaVersion\":1,\"name\":\"acme/app\",\"signatures\":[]}".getBytes(UTF_8);

      assertThat(ExchangeText.body(new Body.Bytes(signed), "application/vnd.docker.distribution.manifest.v1+prettyjws"))
          .isEqualTo("{\"schemaVersion\":1,\"name\":\"acme/app\",\"signatures\":[]}");
    }

    @Test
    void an_empty_body_says_so() {
      assertThat(ExchangeText.body(Body.NONE, null)).isEqualTo("(no body)");
    }
  }

  @Nested
  class Binary_bodies {
    @Test
    void a_blob_is_summarised_by_size_and_sha256_digest_never_shown() {
      byte[] blob = "{\"architecture\":\"amd64\"}".getBytes(UTF_8); // text, but sent as a blob

      String shown = ExchangeText.body(new Body.Bytes(blob), "application/octet-stream");

      assertThat(shown).isEqualTo("<binary body, not attached: 24 bytes, " + Digest.sha256(blob) + ">")
          .doesNotContain("amd64");
    }

    @Test
    void bytes_without_a_content_type_are_told_apart_by_their_content() {
      byte[] random = new byte[2048];
      new Random(7).nextBytes(random);
      byte[] json = "{\"errors\":[]}".getBytes(UTF_8);

      assertThat(ExchangeText.body(new Body.Bytes(random), null))
          .isEqualTo("<binary body, not attached: 2,048 bytes, " + Digest.sha256(random) + ">");
      assertThat(ExchangeText.body(new Body.Bytes(json), null)).isEqualTo("{\"errors\":[]}");
    }

    @Test
    void a_gzip_layer_is_binary_whatever_its_bytes() {
      byte[] ascii = "not really gzip".getBytes(UTF_8);

      assertThat(ExchangeText.body(new Body.Bytes(ascii), "application/vnd.oci.image.layer.v1.tar+gzip"))
          .startsWith("<binary body, not attached: 15 bytes, sha256:");
    }

    @Test
    void a_streamed_download_shows_the_size_and_digest_taken_on_the_way() {
      Digest digest = Digest.sha256("x".getBytes(UTF_8));

      assertThat(ExchangeText.body(new Body.Streamed(314_572_800L, digest), "application/octet-stream"))
          .isEqualTo("<body streamed through, not kept: 314,572,800 bytes, " + digest + ">");
    }
  }

  @Nested
  class Bodies_streamed_from_a_file {
    @Test
    void are_summarised_by_size_and_digest(@TempDir Path dir) throws IOException {
      byte[] content = new byte[100_000];
      new Random(3).nextBytes(content);
      Path file = Files.write(dir.resolve("layer"), content);

      assertThat(ExchangeText.body(new Body.FromFile(file), "application/octet-stream"))
          .isEqualTo("<body streamed from a file, not attached: 100,000 bytes, " + Digest.sha256(content) + ">");
    }

    @Test
    void are_digested_without_being_read_into_memory(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("large-layer");
      long size = 64L << 20;
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 64; i++) {
          chunk[0] = (byte) i;
          out.write(chunk);
        }
      }
      ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();

      String shown = ExchangeText.body(new Body.FromFile(file), "application/octet-stream");

      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(shown).startsWith("<body streamed from a file, not attached: 67,108,864 bytes, sha256:");
      assertThat(allocated).as("bytes allocated to summarise a %d-byte file", size).isLessThan(size / 16);
    }

    @Test
    void that_cannot_be_read_again_say_so(@TempDir Path dir) {
      assertThat(ExchangeText.body(new Body.FromFile(dir.resolve("gone")), null))
          .startsWith("<body streamed from a file, not attached; it could not be read again for its digest: ");
    }
  }

  @Nested
  class Responses {
    @Test
    void show_status_headers_body_and_the_exchange_note() {
      RecordedExchange put = new RecordedExchange(0L, "PUT", UPLOAD, List.of(), new Body.Bytes(new byte[50]),
          Optional.of(new Answer(400, List.of(Map.entry("Content-Type", "application/json")),
              new Body.Bytes("{\"errors\":[{\"code\":\"SIZE_INVALID\"}]}".getBytes(UTF_8)))),
          "Content-Length: 100 declared, 50 bytes of body sent");

      assertThat(ExchangeText.response(put)).isEqualTo("HTTP 400\nContent-Type: application/json\n\n"
          + "{\"errors\":[{\"code\":\"SIZE_INVALID\"}]}\n\nNote: Content-Length: 100 declared, 50 bytes of body sent\n");
    }

    @Test
    void without_an_answer_say_why() {
      RecordedExchange get = new RecordedExchange(0L, "GET", "http://127.0.0.1:1/v2/", List.of(), Body.NONE,
          Optional.empty(), "GET http://127.0.0.1:1/v2/ failed: ConnectException: Connection refused");

      assertThat(ExchangeText.response(get))
          .isEqualTo("No response: GET http://127.0.0.1:1/v2/ failed: ConnectException: Connection refused\n");
    }
  }
}
