package dev.regconform.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.regconform.allure.InMemoryAllureResults;
import dev.regconform.client.FakeRegistry.Reply;
import dev.regconform.fixtures.support.FreePort;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exchange of the client, through each of its senders, becomes an Allure step of the check running on the
 * thread: {@code METHOD URL -> STATUS} with a Request and a Response attachment, secrets masked, streamed bodies summed
 * up without being held.
 */
class ExchangeStepsTest {
  private static final Credentials CREDENTIALS = new Credentials("octocat", "s3cr3t-password");

  private final InMemoryAllureResults results = new InMemoryAllureResults();
  private final AllureLifecycle lifecycle = new AllureLifecycle(results);
  private AllureLifecycle previous;
  private FakeRegistry fake;
  private RegistryClient client;

  @BeforeEach
  void start() {
    previous = Allure.getLifecycle();
    Allure.setLifecycle(lifecycle);
    fake = FakeRegistry.start();
    client = RegistryClient.builder(fake.baseUri()).connectTimeoutMillis(2_000).readTimeoutMillis(10_000)
        .shortBodyWaitMillis(300).shortBodyAnswerMillis(300).build();
  }

  @AfterEach
  void stop() {
    fake.close();
    Allure.setLifecycle(previous);
  }

  /** Runs {@code check} as an Allure test case on this thread and returns the result written. */
  private TestResult asCheck(Runnable check) {
    String uuid = UUID.randomUUID().toString();
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("check"));
    lifecycle.startTestCase(uuid);
    try {
      check.run();
    } finally {
      lifecycle.stopTestCase(uuid);
      lifecycle.writeTestCase(uuid);
    }
    return results.tests().stream().filter(t -> t.getUuid().equals(uuid)).findFirst().orElseThrow();
  }

  private List<String> stepNames(TestResult result) {
    return result.getSteps().stream().map(StepResult::getName).toList();
  }

  @Test
  void each_exchange_is_a_step_named_method_url_and_status_with_the_request_and_the_response() {
    fake.handle(r -> Reply.status(202).header("Location", "/v2/acme/app/blobs/uploads/1?_state=c2VjcmV0")
        .header("Docker-Upload-UUID", "1"));

    TestResult check = asCheck(() -> client.startUpload("acme/app"));

    assertThat(stepNames(check)).containsExactly("POST " + fake.baseUri() + "/v2/acme/app/blobs/uploads/ -> 202");
    StepResult step = check.getSteps().get(0);
    assertThat(step.getStatus()).isEqualTo(Status.PASSED);
    assertThat(results.attachmentText(step, "Request"))
        .startsWith("POST " + fake.baseUri() + "/v2/acme/app/blobs/uploads/\n")
        .as("headers as sent, the client's own included").contains("Content-Length: 0\n", "Host: 127.0.0.1:")
        .as("no Accept was asked for, and the client's marker for that is not on the wire")
        .doesNotContainIgnoringCase("Accept:").doesNotContain("X-Regconform");
    assertThat(results.attachmentText(step, "Response")).startsWith("HTTP 202\n")
        .contains("Location: /v2/acme/app/blobs/uploads/1?_state=***\n").doesNotContain("c2VjcmV0")
        .containsIgnoringCase("Docker-Upload-UUID: 1\n").endsWith("\n\n(no body)\n");
  }

  @Test
  void a_token_exchange_is_three_steps_and_no_credential_or_token_reaches_an_attachment() {
    String token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJvY3RvY2F0In0.c2lnbmF0dXJl";
    fake.handle(r -> {
      if (r.path().equals("/token")) {
        return Reply.status(200).json("{\"token\":\"" + token + "\",\"expires_in\":300}");
      }
      return r.header("Authorization").filter(("Bearer " + token)::equals).isPresent()
          ? Reply.status(200).json("{\"name\":\"a/b\",\"tags\":[\"1.0\"]}")
          : Reply.status(401).header("WWW-Authenticate", "Bearer realm=\"" + fake.baseUri() + "/token\",service=\"fake\"")
              .json("{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
    });
    RegistryClient withCredentials = RegistryClient.builder(fake.baseUri()).credentials(CREDENTIALS).build();

    TestResult check = asCheck(() -> withCredentials.listTags("a/b"));

    assertThat(stepNames(check)).hasSize(3).satisfiesExactly(
        first -> assertThat(first).endsWith("/v2/a/b/tags/list -> 401"),
        second -> assertThat(second).startsWith("GET " + fake.baseUri() + "/token?").endsWith(" -> 200"),
        third -> assertThat(third).endsWith("/v2/a/b/tags/list -> 200"));
    String basic = Base64.getEncoder().encodeToString("octocat:s3cr3t-password".getBytes(UTF_8));
    assertThat(results.attachments()).hasSize(6).allSatisfy((source, bytes) -> assertThat(new String(bytes, UTF_8))
        .as("attachment %s", source).doesNotContain("s3cr3t-password").doesNotContain(basic).doesNotContain(token)
        .doesNotContain("eyJ"));
    assertThat(results.attachmentText(check.getSteps().get(1), "Request")).contains("Authorization: ***\n");
    assertThat(results.attachmentText(check.getSteps().get(1), "Response")).contains("{\"token\":\"***\",\"expires_in\":300}");
    assertThat(results.attachmentText(check.getSteps().get(2), "Request")).contains("Authorization: ***\n");
  }

  @Test
  void a_streamed_download_shows_size_and_digest_and_is_not_held_in_memory() {
    byte[] blob = new byte[32 << 20];
    new Random(11).nextBytes(blob);
    Digest digest = Digest.sha256(blob);
    fake.handle(r -> Reply.status(200).header("Content-Type", "application/octet-stream").body(blob));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    long[] allocated = new long[1];
    TestResult check = asCheck(() -> {
      long before = threads.getCurrentThreadAllocatedBytes();
      client.getBlobTo("acme/app", digest, OutputStream.nullOutputStream());
      allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
    });

    assertThat(stepNames(check)).containsExactly("GET " + fake.baseUri() + "/v2/acme/app/blobs/" + digest + " -> 200");
    assertThat(results.attachmentText(check.getSteps().get(0), "Response"))
        .endsWith("\n<body streamed through, not kept: 33,554,432 bytes, " + digest + ">\n");
    assertThat(allocated[0]).as("bytes allocated on the check's thread to download and report a %d-byte blob",
        blob.length).isLessThan(blob.length / 8);
  }

  @Test
  void a_file_upload_shows_size_and_digest_and_is_not_read_into_memory(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("layer");
    byte[] chunk = new byte[1 << 20];
    new Random(5).nextBytes(chunk);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 32; i++) {
        out.write(chunk);
      }
    }
    Digest digest;
    try (var in = Files.newInputStream(file)) {
      digest = Digest.of(DigestAlgorithm.SHA256, in);
    }
    fake.handle(r -> Reply.status(202).header("Range", "0-" + (r.body().length - 1)));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    long[] allocated = new long[1];
    TestResult check = asCheck(() -> {
      long before = threads.getCurrentThreadAllocatedBytes();
      client.patchUpload("/v2/acme/app/blobs/uploads/1", file);
      allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
    });

    String request = results.attachmentText(check.getSteps().get(0), "Request");
    assertThat(request).contains("Content-Length: 33554432\n")
        .endsWith("\n<body streamed from a file, not attached: 33,554,432 bytes, " + digest + ">\n");
    assertThat(allocated[0]).as("bytes allocated on the check's thread to upload and report a %d-byte file",
        32 << 20).isLessThan((32 << 20) / 8);
  }

  @Test
  void a_body_shorter_than_its_content_length_is_a_step_that_says_what_was_sent() throws IOException {
    String sizeInvalid = "{\"errors\":[{\"code\":\"SIZE_INVALID\"}]}";
    byte[] sent = new byte[100];
    try (ShortBodyExchangeTest.RawServer raw = ShortBodyExchangeTest.RawServer.start((request, socket) ->
        socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
            + sizeInvalid.length() + "\r\n\r\n" + sizeInvalid).getBytes(UTF_8)))) {
      RegistryClient rawClient = RegistryClient.builder(raw.baseUri()).connectTimeoutMillis(2_000)
          .shortBodyWaitMillis(300).shortBodyAnswerMillis(300).build();

      TestResult check = asCheck(() -> rawClient.completeUploadWithShortBody("/v2/a/blobs/uploads/1?_state=abc",
          Digest.sha256(new byte[200]), sent, 200));

      // First GET /v2/: a short body cannot be repeated after a 401, so the client settles authentication first.
      assertThat(stepNames(check)).hasSize(2).last().asString()
          .startsWith("PUT " + raw.baseUri() + "/v2/a/blobs/uploads/1?_state=***&digest=sha256").endsWith(" -> 400");
      StepResult step = check.getSteps().get(1);
      assertThat(results.attachmentText(step, "Request")).contains("Content-Length: 200\n")
          .contains("<binary body, not attached: 100 bytes, " + Digest.sha256(sent) + ">");
      assertThat(results.attachmentText(step, "Response")).startsWith("HTTP 400\n").contains("SIZE_INVALID")
          .contains("Note: Content-Length: 200 declared, 100 bytes of body sent; the registry answered");
    }
  }

  @Test
  void an_exchange_that_gets_no_answer_is_a_broken_step_saying_why() {
    RegistryClient unreachable = RegistryClient.builder(URI.create("http://127.0.0.1:" + FreePort.pick()))
        .connectTimeoutMillis(1_000).build();

    TestResult check = asCheck(() -> assertThatThrownBy(unreachable::checkVersion)
        .isInstanceOf(RegistryUnreachableException.class));

    assertThat(stepNames(check)).singleElement().asString().endsWith("/v2/ -> no response");
    assertThat(check.getSteps().get(0).getStatus()).isEqualTo(Status.BROKEN);
    assertThat(results.attachmentText(check.getSteps().get(0), "Response")).startsWith("No response: GET http://127.0.0.1:")
        .contains("failed:");
  }

  @Test
  void outside_a_check_nothing_is_recorded() {
    client.checkVersion();

    assertThat(results.attachments()).isEmpty();
    assertThat(lifecycle.getCurrentTestCaseOrStep()).isEmpty();
  }

  @Test
  void checks_on_two_threads_each_get_only_their_own_exchanges() {
    List<CompletableFuture<TestResult>> checks = new ArrayList<>();
    for (String repository : List.of("left", "right")) {
      checks.add(CompletableFuture.supplyAsync(() -> asCheck(() -> {
        for (int i = 0; i < 20; i++) {
          client.listTags(repository + "/r" + i);
        }
      }), runnable -> new Thread(runnable).start()));
    }

    for (int c = 0; c < 2; c++) {
      String repository = c == 0 ? "left" : "right";
      assertThat(stepNames(checks.get(c).join())).as("steps of the check on %s", repository).hasSize(20)
          .allSatisfy(name -> assertThat(name).contains("/v2/" + repository + "/r"));
    }
  }
}
