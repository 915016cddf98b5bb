package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.FakeRegistry.Reply;
import dev.regconform.client.FakeRegistry.Request;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RegistryClient#getBlobTo}: a blob download streamed into a sink, and requests without an Accept header. */
class RegistryClientStreamingTest {
  private static final byte[] BLOB = randomBytes(300_000);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  private FakeRegistry fake;
  private RegistryClient client;

  @BeforeEach
  void start() {
    fake = FakeRegistry.start();
    client = RegistryClient.builder(fake.baseUri()).credentials(new Credentials("octocat", "s3cr3t"))
        .connectTimeoutMillis(2_000).readTimeoutMillis(5_000).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void getBlobTo_writes_the_body_to_the_sink_and_digests_it_on_the_way() {
    fake.handle(r -> Reply.status(200).header("Docker-Content-Digest", DIGEST.toString()).body(BLOB));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    StreamedBlob pulled = client.getBlobTo("acme/app", DIGEST, sink);

    assertThat(fake.lastRequest().path()).isEqualTo("/v2/acme/app/blobs/" + DIGEST);
    assertThat(sink.toByteArray()).isEqualTo(BLOB);
    assertThat(pulled.size()).isEqualTo(BLOB.length);
    assertThat(pulled.digest()).isEqualTo(DIGEST);
    assertThat(pulled.response().status()).isEqualTo(200);
    assertThat(pulled.response().body()).as("the body is in the sink, not in memory").isEmpty();
    assertThat(pulled.response().contentDigest()).contains(DIGEST);
    assertThat(pulled.response().header("Content-Length")).contains(String.valueOf(BLOB.length));
  }

  @Test
  void getBlobTo_digests_with_the_algorithm_of_the_digest_asked_for() {
    fake.handle(r -> Reply.status(200).body(BLOB));

    StreamedBlob pulled = client.getBlobTo("acme/app", Digest.sha512(BLOB), OutputStream.nullOutputStream());

    assertThat(pulled.digest()).isEqualTo(Digest.of(DigestAlgorithm.SHA512, BLOB));
  }

  @Test
  void getBlobTo_follows_a_redirect_to_storage_without_the_registry_credentials_on_another_origin() {
    fake.handle(r -> r.path().startsWith("/storage/") ? Reply.status(200).body(BLOB)
        : r.header("Authorization").isEmpty() ? Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"")
        : Reply.status(307).header("Location", "/storage/blob-1"));

    StreamedBlob pulled = client.getBlobTo("acme/app", DIGEST, OutputStream.nullOutputStream());

    assertThat(fake.requests()).extracting(Request::path)
        .containsExactly("/v2/acme/app/blobs/" + DIGEST, "/v2/acme/app/blobs/" + DIGEST, "/storage/blob-1");
    assertThat(fake.requests().get(1).header("Authorization"))
        .contains("Basic " + Base64.getEncoder().encodeToString("octocat:s3cr3t".getBytes(UTF_8)));
    assertThat(fake.requests().get(2).header("Authorization")).as("same origin: kept").isPresent();
    assertThat(pulled.digest()).isEqualTo(DIGEST);
    assertThat(pulled.size()).isEqualTo(BLOB.length);
  }

  @Test
  void getBlobTo_keeps_an_error_body_and_writes_nothing_to_the_sink() {
    String error = "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown\"}]}";
    fake.handle(r -> Reply.status(404).json(error));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();

    StreamedBlob pulled = client.getBlobTo("acme/app", DIGEST, sink);

    assertThat(sink.size()).isZero();
    assertThat(pulled.size()).isZero();
    assertThat(pulled.response().status()).isEqualTo(404);
    assertThat(pulled.response().bodyText()).isEqualTo(error);
    assertThat(pulled.response().errors()).extracting(RegistryError::code).containsExactly("BLOB_UNKNOWN");
  }

  @Test
  void a_request_without_accept_types_goes_out_without_an_Accept_header() {
    client.getManifest("acme/app", "1.3", List.of());
    assertThat(fake.lastRequest().header("Accept")).isEmpty();
    assertThat(fake.lastRequest().header("X-Regconform-No-Accept")).isEmpty();

    client.headManifest("acme/app", "1.3", List.of("*/*"));
    assertThat(fake.lastRequest().header("Accept")).contains("*/*");
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
