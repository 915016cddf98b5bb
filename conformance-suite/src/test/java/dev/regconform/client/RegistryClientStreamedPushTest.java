package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.client.FakeRegistry.Reply;
import dev.regconform.client.FakeRegistry.Request;
import dev.regconform.model.Digest;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RegistryClient#pushStreamed}: POST, one PATCH whose body is written as it goes out, PUT ?digest. */
class RegistryClientStreamedPushTest {
  private static final byte[] BLOB = randomBytes(200_000);
  private static final Digest DIGEST = Digest.sha256(BLOB);
  private static final String UPLOADS = "/v2/acme/app/blobs/uploads/";

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

  /** A registry that takes every upload: POST 202, PATCH 202, PUT 201, each with a Location. */
  private static Reply accepting(Request r) {
    return switch (r.method()) {
      case "POST" -> Reply.status(202).header("Location", UPLOADS + "u1");
      case "PATCH" -> Reply.status(202).header("Location", UPLOADS + "u1?_state=s2");
      case "PUT" -> Reply.status(201).header("Location", "/v2/acme/app/blobs/" + DIGEST);
      default -> Reply.status(404);
    };
  }

  @Test
  void posts_then_patches_the_written_bytes_with_their_Content_Length_then_puts_the_digest() {
    fake.handle(RegistryClientStreamedPushTest::accepting);

    StreamedPush push = client.pushStreamed("acme/app", BLOB.length, out -> {
      out.write(BLOB, 0, 1000);
      out.write(BLOB, 1000, BLOB.length - 1000);
    }, () -> DIGEST);

    assertThat(fake.requests()).extracting(Request::method).containsExactly("POST", "PATCH", "PUT");
    Request post = fake.requests().get(0);
    Request patch = fake.requests().get(1);
    Request put = fake.requests().get(2);
    assertThat(post.path()).isEqualTo(UPLOADS);
    assertThat(post.body()).isEmpty();
    assertThat(patch.path()).isEqualTo(UPLOADS + "u1");
    assertThat(patch.body()).as("PATCH body received").isEqualTo(BLOB);
    assertThat(patch.header("Content-Length")).contains(String.valueOf(BLOB.length));
    assertThat(patch.header("Transfer-Encoding")).as("Transfer-Encoding").isEmpty();
    assertThat(patch.header("Content-Range")).as("Content-Range").isEmpty();
    assertThat(patch.header("Content-Type")).contains("application/octet-stream");
    assertThat(put.path()).isEqualTo(UPLOADS + "u1");
    assertThat(put.queryParams()).containsEntry("_state", java.util.List.of("s2"))
        .containsEntry("digest", java.util.List.of(DIGEST.toString()));
    assertThat(put.body()).isEmpty();
    assertThat(push.succeeded()).isTrue();
    assertThat(push.digest()).isEqualTo(DIGEST);
    assertThat(push.last()).isSameAs(push.put());
    assertThat(push.put().method()).isEqualTo("PUT");
    assertThat(push.patch().method()).isEqualTo("PATCH");
  }

  @Test
  void asks_for_the_digest_only_once_the_body_is_written() {
    fake.handle(RegistryClientStreamedPushTest::accepting);
    AtomicBoolean written = new AtomicBoolean();
    AtomicBoolean writtenWhenAsked = new AtomicBoolean();

    client.pushStreamed("acme/app", BLOB.length, out -> {
      out.write(BLOB);
      written.set(true);
    }, () -> {
      writtenWhenAsked.set(written.get());
      return DIGEST;
    });

    assertThat(writtenWhenAsked).as("body written when the digest was asked for").isTrue();
  }

  @Test
  void answers_a_Basic_challenge_once_and_sends_every_step_with_the_credentials() {
    fake.handle(r -> r.header("Authorization").isEmpty()
        ? Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"") : accepting(r));
    AtomicInteger writes = new AtomicInteger();

    StreamedPush push = client.pushStreamed("acme/app", BLOB.length, out -> {
      writes.incrementAndGet();
      out.write(BLOB);
    }, () -> DIGEST);

    String basic = "Basic " + Base64.getEncoder().encodeToString("octocat:s3cr3t".getBytes(UTF_8));
    assertThat(fake.requests()).extracting(Request::method).containsExactly("POST", "POST", "PATCH", "PUT");
    assertThat(fake.requests().subList(1, 4)).allSatisfy(r -> assertThat(r.header("Authorization")).contains(basic));
    assertThat(writes).as("times the body was written").hasValue(1);
    assertThat(push.succeeded()).isTrue();
  }

  @Test
  void after_a_challenge_to_the_PATCH_the_body_is_written_again() {
    AtomicInteger patches = new AtomicInteger();
    fake.handle(r -> r.method().equals("PATCH") && patches.incrementAndGet() == 1
        ? Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"") : accepting(r));
    AtomicInteger writes = new AtomicInteger();

    client.pushStreamed("acme/app", BLOB.length, out -> {
      writes.incrementAndGet();
      out.write(BLOB);
    }, () -> DIGEST);

    assertThat(writes).as("times the body was written").hasValue(2);
    assertThat(fake.requestsTo(UPLOADS + "u1")).extracting(Request::method).containsExactly("PATCH", "PATCH", "PUT");
    assertThat(fake.requests().get(2).body()).isEqualTo(BLOB);
  }

  @Test
  void stops_at_a_PATCH_that_is_refused_without_asking_for_the_digest() {
    fake.handle(r -> r.method().equals("PATCH")
        ? Reply.status(400).json("{\"errors\":[{\"code\":\"BLOB_UPLOAD_INVALID\",\"message\":\"no\"}]}") : accepting(r));

    StreamedPush push = client.pushStreamed("acme/app", BLOB.length, out -> out.write(BLOB), () -> {
      throw new AssertionError("the digest was asked for after a refused PATCH");
    });

    assertThat(fake.requests()).extracting(Request::method).containsExactly("POST", "PATCH");
    assertThat(push.succeeded()).isFalse();
    assertThat(push.put()).isNull();
    assertThat(push.last()).isSameAs(push.patch());
    assertThat(push.last().status()).isEqualTo(400);
    assertThat(push.last().bodyText()).contains("BLOB_UPLOAD_INVALID");
  }

  @Test
  void stops_at_a_POST_without_a_Location() {
    fake.handle(r -> Reply.status(202));

    StreamedPush push = client.pushStreamed("acme/app", BLOB.length, out -> out.write(BLOB), () -> DIGEST);

    assertThat(fake.requests()).extracting(Request::method).containsExactly("POST");
    assertThat(push.succeeded()).isFalse();
    assertThat(push.last()).isSameAs(push.post());
  }

  @Test
  void a_writer_that_writes_fewer_bytes_than_declared_aborts_the_request_instead_of_leaving_the_registry_waiting() {
    fake.handle(RegistryClientStreamedPushTest::accepting);

    assertThatThrownBy(() -> client.pushStreamed("acme/app", BLOB.length, out -> out.write(BLOB, 0, 10), () -> DIGEST))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageContaining("PATCH")
        .hasMessageContaining("wrote 10 bytes")
        .hasMessageContaining("Content-Length " + BLOB.length);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
