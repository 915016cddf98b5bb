package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistryResponseTest {
  private static final String URL = "http://127.0.0.1:5000/v2/acme/app/manifests/1.3";

  static RegistryResponse response(int status, List<Map.Entry<String, String>> headers, String body) {
    return new RegistryResponse("GET", URL, status, headers, body == null ? null : body.getBytes(UTF_8));
  }

  @Nested
  class Headers_ {
    private final RegistryResponse response = response(200, List.of(
        Map.entry("Link", "</v2/a/tags/list?n=1&last=a>; rel=\"next\""),
        Map.entry("Content-Type", "application/json"),
        Map.entry("link", "</v2/a/tags/list?n=1&last=b>; rel=\"next\""),
        Map.entry("LINK", "</v2/a/tags/list?n=1&last=c>; rel=\"next\"")), "{}");

    @Test
    void repeated_headers_are_all_kept_in_the_order_received() {
      assertThat(response.headers("Link")).containsExactly(
          "</v2/a/tags/list?n=1&last=a>; rel=\"next\"",
          "</v2/a/tags/list?n=1&last=b>; rel=\"next\"",
          "</v2/a/tags/list?n=1&last=c>; rel=\"next\"");
      assertThat(response.headers()).hasSize(4);
    }

    @Test
    void header_lookup_ignores_case_and_gives_the_first_value() {
      assertThat(response.header("content-type")).contains("application/json");
      assertThat(response.header("CONTENT-TYPE")).contains("application/json");
      assertThat(response.header("LiNk")).contains("</v2/a/tags/list?n=1&last=a>; rel=\"next\"");
    }

    @Test
    void a_missing_header_is_empty() {
      assertThat(response.header("Docker-Content-Digest")).isEmpty();
      assertThat(response.headers("Docker-Content-Digest")).isEmpty();
      assertThat(response.contentDigest()).isEmpty();
    }

    @Test
    void the_header_list_is_a_copy_that_cannot_change() {
      List<Map.Entry<String, String>> source = new ArrayList<>(List.of(Map.entry("A", "1")));
      RegistryResponse r = response(200, source, null);

      source.add(Map.entry("B", "2"));

      assertThat(r.headers()).hasSize(1).isUnmodifiable();
    }

    @Test
    void the_content_digest_is_parsed_when_it_is_a_digest() {
      Digest digest = Digest.sha256("x".getBytes(UTF_8));

      assertThat(response(200, List.of(Map.entry("docker-content-digest", digest.toString())), null).contentDigest())
          .contains(digest);
      assertThat(response(200, List.of(Map.entry("Docker-Content-Digest", "not-a-digest")), null).contentDigest())
          .isEmpty();
    }
  }

  @Nested
  class Body {
    @Test
    void a_null_body_is_empty() {
      RegistryResponse r = response(204, List.of(), null);

      assertThat(r.body()).isEmpty();
      assertThat(r.bodyText()).isEmpty();
      assertThat(r.describeBody()).isEqualTo("<empty body>");
    }

    @Test
    void the_body_digest_is_computed_over_the_bytes_with_the_given_algorithm() {
      RegistryResponse r = response(200, List.of(), "foo");

      assertThat(r.bodyDigest(DigestAlgorithm.SHA256)).isEqualTo(Digest.sha256("foo".getBytes(UTF_8)));
      assertThat(r.bodyDigest(DigestAlgorithm.SHA512)).isEqualTo(Digest.sha512("foo".getBytes(UTF_8)));
    }
  }

  @Nested
  class Errors {
    @Test
    void a_spec_error_body_gives_every_entry_with_code_and_message() {
      RegistryResponse r = response(404, List.of(), "{\"errors\":["
          + "{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"1.3\"}},"
          + "{\"code\":\"NAME_UNKNOWN\"}]}");

      assertThat(r.errors()).containsExactly(
          new RegistryError("MANIFEST_UNKNOWN", "manifest unknown"),
          new RegistryError("NAME_UNKNOWN", ""));
      assertThat(r.errors().get(0)).hasToString("MANIFEST_UNKNOWN: manifest unknown");
      assertThat(r.errors().get(1)).hasToString("NAME_UNKNOWN");
    }

    @Test
    void a_body_that_is_not_json_gives_no_errors() {
      assertThat(response(404, List.of(), "<html><body>404 page not found</body></html>").errors()).isEmpty();
      assertThat(response(404, List.of(), "404 page not found\n").errors()).isEmpty();
    }

    @Test
    void an_empty_body_or_json_without_errors_gives_no_errors() {
      assertThat(response(404, List.of(), null).errors()).isEmpty();
      assertThat(response(200, List.of(), "{\"name\":\"a\",\"tags\":[]}").errors()).isEmpty();
      assertThat(response(404, List.of(), "{\"errors\":\"MANIFEST_UNKNOWN\"}").errors()).isEmpty();
    }
  }

  @Nested
  class Describe {
    @Test
    void shows_the_request_line_status_headers_and_body() {
      RegistryResponse r = response(404, List.of(Map.entry("Content-Type", "application/json")),
          "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");

      assertThat(r.describe())
          .startsWith("GET " + URL + "\n  -> 404")
          .contains("Content-Type: application/json")
          .contains("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
      assertThat(r).hasToString("GET " + URL + " -> 404");
    }

    @Test
    void masks_credential_headers_tokens_in_the_body_and_upload_state() {
      RegistryResponse r = new RegistryResponse("PATCH",
          "http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=SECRETSTATE", 401,
          List.of(
              Map.entry("Set-Cookie", "session=SECRETCOOKIE"),
              Map.entry("Authorization", "Basic U0VDUkVUQkFTSUM="),
              Map.entry("Location", "/v2/a/blobs/uploads/1?_state=SECRETSTATE2"),
              Map.entry("X-Echo", "Bearer SECRETBEARER"),
              Map.entry("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:1/token\",service=\"s\"")),
          "{\"token\":\"SECRETTOKEN\",\"password\":\"SECRETPASSWORD\",\"note\":\"Bearer SECRETINTEXT\"}".getBytes(UTF_8));

      String description = r.describe();

      assertThat(description)
          .doesNotContain("SECRET")
          .contains("PATCH http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=***")
          .contains("Set-Cookie: ***")
          .contains("Authorization: ***")
          .contains("Location: /v2/a/blobs/uploads/1?_state=***")
          .contains("X-Echo: Bearer ***")
          .contains("WWW-Authenticate: Bearer realm=\"http://127.0.0.1:1/token\",service=\"s\"")
          .contains("\"token\":\"***\"")
          .contains("\"password\":\"***\"");
      assertThat(r.requestLine()).isEqualTo("PATCH http://127.0.0.1:5000/v2/a/blobs/uploads/1?_state=***");
    }

    @Test
    void truncates_a_text_body_over_1_kib_with_a_note() {
      String body = "a".repeat(1024) + "z".repeat(976);
      RegistryResponse r = response(200, List.of(), body);

      assertThat(r.describeBody())
          .isEqualTo("a".repeat(1024) + "… (2000 bytes, truncated to 1024)")
          .doesNotContain("z");
      assertThat(r.describe()).endsWith("… (2000 bytes, truncated to 1024)");
    }

    @Test
    void shows_a_text_body_of_exactly_1_kib_whole() {
      String body = "x".repeat(1024);

      assertThat(response(200, List.of(), body).describeBody()).isEqualTo(body);
    }

    @Test
    void masks_a_token_that_the_truncation_cuts_in_half() {
      String prefix = "{\"padding\":\"" + "p".repeat(990) + "\",\"token\":\"";
      String body = prefix + "SECRET".repeat(10) + "\"}";
      RegistryResponse r = response(200, List.of(), body);

      assertThat(r.describeBody()).doesNotContain("SECRET").contains("\"token\":\"***").contains("truncated to 1024");
    }

    @Test
    void summarises_a_binary_body_by_size_and_sha256() {
      byte[] binary = new byte[3000];
      Arrays.fill(binary, (byte) 0x00);
      binary[0] = 0x1f;
      binary[1] = (byte) 0x8b;
      RegistryResponse r = new RegistryResponse("GET", URL, 200, List.of(), binary);

      assertThat(r.describeBody()).isEqualTo("<3000 bytes of binary content, " + Digest.sha256(binary) + ">");
      assertThat(r.describe()).endsWith("<3000 bytes of binary content, " + Digest.sha256(binary) + ">");
    }
  }
}
