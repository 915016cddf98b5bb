package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.client.FakeRegistry.Reply;
import dev.regconform.client.FakeRegistry.Request;
import dev.regconform.model.Digest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a fake registry: what goes on the wire for each endpoint, and what comes back. */
class RegistryClientTest {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final byte[] BYTES = "{\"schemaVersion\":2}".getBytes(UTF_8);
  private static final Digest DIGEST = Digest.sha256(BYTES);

  private FakeRegistry fake;
  private RegistryClient client;

  @BeforeEach
  void start() {
    fake = FakeRegistry.start();
    client = clientFor(fake.baseUri(), null);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static RegistryClient clientFor(URI base, Credentials credentials) {
    return RegistryClient.builder(base).credentials(credentials).connectTimeoutMillis(2_000).readTimeoutMillis(5_000)
        .build();
  }

  @Nested
  class Endpoints {
    @Test
    void checkVersion_gets_v2() {
      RegistryResponse response = client.checkVersion();

      assertThat(fake.lastRequest().method()).isEqualTo("GET");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.method()).isEqualTo("GET");
      assertThat(response.url()).isEqualTo(fake.baseUri() + "/v2/");
    }

    @Test
    void a_base_uri_with_a_trailing_slash_gives_no_double_slash() {
      clientFor(URI.create(fake.baseUri() + "/"), null).checkVersion();

      assertThat(fake.lastRequest().path()).isEqualTo("/v2/");
    }

    @Test
    void getManifest_gets_the_reference_with_the_accept_types_joined() {
      fake.handle(r -> Reply.status(200).header("Content-Type", OCI_MANIFEST).body(BYTES));

      RegistryResponse response = client.getManifest("acme/app", "1.3", List.of(OCI_MANIFEST, DOCKER_MANIFEST));

      Request request = fake.lastRequest();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/v2/acme/app/manifests/1.3");
      assertThat(request.header("Accept")).contains(OCI_MANIFEST + ", " + DOCKER_MANIFEST);
      assertThat(response.body()).isEqualTo(BYTES);
      assertThat(response.header("content-type")).contains(OCI_MANIFEST);
    }

    @Test
    void getManifest_by_digest_puts_the_digest_in_the_path() {
      client.getManifest("acme/app", DIGEST.toString(), List.of(OCI_MANIFEST));

      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/manifests/" + DIGEST);
    }

    @Test
    void headManifest_sends_head_with_the_accept_types_and_returns_no_body() {
      fake.handle(r -> Reply.status(200).header("Content-Length", String.valueOf(BYTES.length))
          .header("Docker-Content-Digest", DIGEST.toString()));

      RegistryResponse response = client.headManifest("acme/app", "1.3", List.of(OCI_MANIFEST));

      assertThat(fake.lastRequest().method()).isEqualTo("HEAD");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/manifests/1.3");
      assertThat(fake.lastRequest().header("Accept")).contains(OCI_MANIFEST);
      assertThat(response.body()).isEmpty();
      assertThat(response.header("Content-Length")).contains(String.valueOf(BYTES.length));
      assertThat(response.contentDigest()).contains(DIGEST);
    }

    @Test
    void getBlob_gets_the_digest_and_returns_the_bytes() {
      fake.handle(r -> Reply.status(200).body(BYTES));

      RegistryResponse response = client.getBlob("acme/app", DIGEST);

      assertThat(fake.lastRequest().method()).isEqualTo("GET");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/blobs/" + DIGEST);
      assertThat(response.body()).isEqualTo(BYTES);
    }

    @Test
    void getBlob_follows_a_redirect_to_storage() {
      fake.handle(r -> r.path().startsWith("/storage/")
          ? Reply.status(200).body(BYTES)
          : Reply.status(307).header("Location", "/storage/blob-1"));

      RegistryResponse response = client.getBlob("acme/app", DIGEST);

      assertThat(fake.requests()).extracting(Request::path)
          .containsExactly("/v2/acme/app/blobs/" + DIGEST, "/storage/blob-1");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(BYTES);
    }

    @Test
    void headBlob_sends_head_and_returns_an_empty_body() {
      fake.handle(r -> Reply.status(200).header("Content-Length", "4096"));

      RegistryResponse response = client.headBlob("acme/app", DIGEST);

      assertThat(fake.lastRequest().method()).isEqualTo("HEAD");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/blobs/" + DIGEST);
      assertThat(response.body()).isEmpty();
      assertThat(response.header("Content-Length")).contains("4096");
    }

    @Test
    void startUpload_posts_to_the_uploads_collection_with_an_empty_body() {
      fake.handle(r -> Reply.status(202).header("Location", "/v2/acme/app/blobs/uploads/u-1"));

      RegistryResponse response = client.startUpload("acme/app");

      assertThat(fake.lastRequest().method()).isEqualTo("POST");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/blobs/uploads/");
      assertThat(fake.lastRequest().body()).isEmpty();
      assertThat(response.status()).isEqualTo(202);
      assertThat(response.header("Location")).contains("/v2/acme/app/blobs/uploads/u-1");
    }

    @Test
    void patchUpload_sends_the_chunk_with_its_range_to_the_location() {
      client.patchUpload("/v2/acme/app/blobs/uploads/u-1?_state=abc", BYTES, "0-" + (BYTES.length - 1));

      Request request = fake.lastRequest();
      assertThat(request.method()).isEqualTo("PATCH");
      assertThat(request.path()).isEqualTo("/v2/acme/app/blobs/uploads/u-1");
      assertThat(request.rawQuery()).isEqualTo("_state=abc");
      assertThat(request.header("Content-Type")).contains("application/octet-stream");
      assertThat(request.header("Content-Range")).contains("0-" + (BYTES.length - 1));
      assertThat(request.body()).isEqualTo(BYTES);
    }

    @Test
    void patchUpload_without_a_range_sends_no_content_range() {
      client.patchUpload("/v2/acme/app/blobs/uploads/u-1", BYTES, null);

      assertThat(fake.lastRequest().header("Content-Range")).isEmpty();
      assertThat(fake.lastRequest().body()).isEqualTo(BYTES);
    }

    @Test
    void patchUpload_of_a_file_streams_its_exact_content(@TempDir Path dir) throws IOException {
      byte[] content = new byte[70_000];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) (i * 31);
      }
      Path file = Files.write(dir.resolve("layer.tar.gz"), content);

      client.patchUpload("/v2/acme/app/blobs/uploads/u-1", file);

      assertThat(fake.lastRequest().method()).isEqualTo("PATCH");
      assertThat(fake.lastRequest().header("Content-Type")).contains("application/octet-stream");
      assertThat(fake.lastRequest().body()).isEqualTo(content);
    }

    @Test
    void completeUpload_appends_the_digest_as_the_query_of_a_location_without_one() {
      client.completeUpload("/v2/acme/app/blobs/uploads/u-1", DIGEST, BYTES);

      Request request = fake.lastRequest();
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo("/v2/acme/app/blobs/uploads/u-1");
      assertThat(request.rawQuery()).isEqualTo("digest=sha256%3A" + DIGEST.hex());
      assertThat(request.body()).isEqualTo(BYTES);
      assertThat(request.header("Content-Type")).contains("application/octet-stream");
    }

    @Test
    void completeUpload_appends_the_digest_with_an_ampersand_to_a_location_with_a_query() {
      client.completeUpload(fake.baseUri() + "/v2/acme/app/blobs/uploads/u-1?_state=c3RhdGU%3D", DIGEST, null);

      Request request = fake.lastRequest();
      assertThat(request.rawQuery()).isEqualTo("_state=c3RhdGU%3D&digest=sha256%3A" + DIGEST.hex());
      assertThat(request.queryParams()).containsEntry("_state", List.of("c3RhdGU="))
          .containsEntry("digest", List.of(DIGEST.toString()));
      assertThat(request.body()).isEmpty();
    }

    @Test
    void uploadStatus_gets_the_location_and_cancelUpload_deletes_it() {
      client.uploadStatus("/v2/acme/app/blobs/uploads/u-1?_state=s");
      Request status = fake.lastRequest();
      client.cancelUpload("/v2/acme/app/blobs/uploads/u-1?_state=s");
      Request cancel = fake.lastRequest();

      assertThat(status.method()).isEqualTo("GET");
      assertThat(status.uri()).hasToString("/v2/acme/app/blobs/uploads/u-1?_state=s");
      assertThat(cancel.method()).isEqualTo("DELETE");
      assertThat(cancel.uri()).hasToString("/v2/acme/app/blobs/uploads/u-1?_state=s");
    }

    @Test
    void putManifest_sends_the_exact_content_type_and_bytes() {
      fake.handle(r -> Reply.status(201).header("Docker-Content-Digest", DIGEST.toString()));

      RegistryResponse response = client.putManifest("acme/app", "1.3", OCI_MANIFEST, BYTES);

      Request request = fake.lastRequest();
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo("/v2/acme/app/manifests/1.3");
      assertThat(request.headers()).filteredOn(h -> h.getKey().equalsIgnoreCase("Content-Type"))
          .extracting(Map.Entry::getValue).containsExactly(OCI_MANIFEST);
      assertThat(request.body()).isEqualTo(BYTES);
      assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void putManifestWithTags_puts_by_digest_with_one_tag_parameter_per_tag() {
      fake.handle(r -> Reply.status(201).header("OCI-Tag", "1.3, latest"));

      RegistryResponse response = client.putManifestWithTags("acme/app", DIGEST, List.of("1.3", "latest"),
          OCI_MANIFEST, BYTES);

      Request request = fake.lastRequest();
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo("/v2/acme/app/manifests/" + DIGEST);
      assertThat(request.rawQuery()).isEqualTo("tag=1.3&tag=latest");
      assertThat(request.queryParams()).containsEntry("tag", List.of("1.3", "latest"));
      assertThat(request.header("Content-Type")).contains(OCI_MANIFEST);
      assertThat(request.body()).isEqualTo(BYTES);
      assertThat(response.headers("OCI-Tag")).containsExactly("1.3, latest");
    }

    @Test
    void ociTags_reads_every_OCI_Tag_header_as_a_comma_list() {
      fake.handle(r -> Reply.status(201).header("OCI-Tag", "1.2.3, 1.2,1").header("OCI-Tag", " latest ,"));

      RegistryResponse response = client.putManifestWithTags("acme/app", DIGEST, List.of("1.2.3"), OCI_MANIFEST, BYTES);

      assertThat(RegistryClient.ociTags(response)).containsExactly("1.2.3", "1.2", "1", "latest");
    }

    @Test
    void putManifestWithTags_without_tags_is_a_plain_put_by_digest() {
      client.putManifestWithTags("acme/app", DIGEST, List.of(), OCI_MANIFEST, BYTES);

      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/manifests/" + DIGEST);
      assertThat(fake.lastRequest().rawQuery()).isNull();
    }

    @Test
    void putManifest_never_appends_a_charset_even_to_a_plain_json_type() {
      client.putManifest("acme/app", "1.3", DOCKER_MANIFEST, BYTES);
      String docker = fake.lastRequest().header("Content-Type").orElseThrow();
      client.putManifest("acme/app", "1.3", "application/json", BYTES);
      String json = fake.lastRequest().header("Content-Type").orElseThrow();

      assertThat(docker).isEqualTo(DOCKER_MANIFEST);
      assertThat(json).isEqualTo("application/json");
    }

    @Test
    void listTags_gets_the_tag_list_and_tagsOf_reads_it() {
      fake.handle(r -> Reply.status(200).json("{\"name\":\"acme/app\",\"tags\":[\"1.3\",\"latest\"]}"));

      RegistryResponse response = client.listTags("acme/app");

      assertThat(fake.lastRequest().method()).isEqualTo("GET");
      assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/tags/list");
      assertThat(RegistryClient.tagsOf(response)).contains(List.of("1.3", "latest"));
    }

    @Test
    void tagsOf_is_empty_for_a_body_that_is_not_a_tag_list() {
      fake.handle(r -> Reply.status(404).body("404 page not found"));

      assertThat(RegistryClient.tagsOf(client.listTags("acme/app"))).isEmpty();
    }

    @Test
    void deleteManifest_and_deleteBlob_send_delete_to_their_paths() {
      client.deleteManifest("acme/app", DIGEST.toString());
      Request manifest = fake.lastRequest();
      client.deleteBlob("acme/app", DIGEST);
      Request blob = fake.lastRequest();

      assertThat(manifest.method()).isEqualTo("DELETE");
      assertThat(manifest.path()).isEqualTo("/v2/acme/app/manifests/" + DIGEST);
      assertThat(blob.method()).isEqualTo("DELETE");
      assertThat(blob.path()).isEqualTo("/v2/acme/app/blobs/" + DIGEST);
    }

    @Test
    void an_error_status_is_returned_not_thrown() {
      fake.handle(r -> Reply.status(404).json("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"));

      RegistryResponse response = client.getManifest("acme/app", "nope", List.of(OCI_MANIFEST));

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.errors()).containsExactly(new RegistryError("MANIFEST_UNKNOWN", "manifest unknown"));
    }

    @Test
    void repeated_response_headers_are_kept_in_order() {
      fake.handle(r -> Reply.status(200).header("Link", "<a>; rel=\"next\"").header("Link", "<b>; rel=\"next\""));

      RegistryResponse response = client.listTags("acme/app");

      assertThat(response.headers("link")).containsExactly("<a>; rel=\"next\"", "<b>; rel=\"next\"");
    }
  }

  @Nested
  class Locations {
    @Test
    void a_relative_location_is_resolved_against_the_base_uri() {
      assertThat(client.resolve("/v2/acme/app/blobs/uploads/u-1?_state=x"))
          .isEqualTo(fake.baseUri() + "/v2/acme/app/blobs/uploads/u-1?_state=x");
    }

    @Test
    void an_absolute_location_is_kept() {
      assertThat(client.resolve("https://storage.example/uploads/u-1?sig=abc"))
          .isEqualTo("https://storage.example/uploads/u-1?sig=abc");
    }

    @Test
    void a_relative_location_from_startUpload_is_followed_by_patch_and_put() {
      fake.handle(r -> r.method().equals("POST")
          ? Reply.status(202).header("Location", "/v2/acme/app/blobs/uploads/u-1?_state=one")
          : Reply.status(202).header("Location", "/v2/acme/app/blobs/uploads/u-1?_state=two"));

      RegistryResponse start = client.startUpload("acme/app");
      RegistryResponse patch = client.patchUpload(start.header("Location").orElseThrow(), BYTES, null);
      client.completeUpload(patch.header("Location").orElseThrow(), DIGEST, null);

      assertThat(fake.requests()).extracting(r -> r.method() + " " + r.uri()).containsExactly(
          "POST /v2/acme/app/blobs/uploads/",
          "PATCH /v2/acme/app/blobs/uploads/u-1?_state=one",
          "PUT /v2/acme/app/blobs/uploads/u-1?_state=two&digest=sha256%3A" + DIGEST.hex());
    }
  }

  @Nested
  class Unreachable {
    @Test
    void a_closed_port_throws_registry_unreachable_quickly() throws IOException {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }
      RegistryClient unreachable = clientFor(URI.create("http://127.0.0.1:" + closedPort), null);
      long start = System.nanoTime();

      assertThatThrownBy(unreachable::checkVersion)
          .isInstanceOf(RegistryUnreachableException.class)
          .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/v2/ failed: ")
          .hasMessageContaining("Connect");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void the_message_masks_the_upload_state() throws IOException {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }
      RegistryClient unreachable = clientFor(URI.create("http://127.0.0.1:" + closedPort), null);

      assertThatThrownBy(() -> unreachable.uploadStatus("/v2/a/blobs/uploads/1?_state=SECRETSTATE"))
          .isInstanceOf(RegistryUnreachableException.class)
          .hasMessageContaining("_state=***")
          .hasMessageNotContaining("SECRETSTATE");
    }
  }
}
