package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.FakeRegistry.Reply;
import dev.regconform.client.FakeRegistry.Request;
import dev.regconform.model.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Authentication as the registry's challenge asks: Basic, or a Bearer token from the realm
 * (https://distribution.github.io/distribution/spec/auth/token/).
 */
class RegistryClientAuthTest {
  private static final Credentials CREDENTIALS = new Credentials("octocat", "s3cr3t");
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString("octocat:s3cr3t".getBytes(StandardCharsets.UTF_8));
  private static final List<String> ACCEPT = List.of("application/vnd.oci.image.manifest.v1+json");
  private static final Digest DIGEST = Digest.sha256(new byte[] {1, 2, 3});
  private static final String UNAUTHORIZED =
      "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";

  private FakeRegistry fake;

  @BeforeEach
  void start() {
    fake = FakeRegistry.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private RegistryClient client(Credentials credentials) {
    return RegistryClient.builder(fake.baseUri()).credentials(credentials).readTimeoutMillis(5_000).build();
  }

  @Nested
  class Basic {
    @BeforeEach
    void registry_asks_for_basic() {
      fake.handle(r -> r.header("Authorization").filter(BASIC::equals).isPresent()
          ? Reply.status(200)
          : Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"").json(UNAUTHORIZED));
    }

    @Test
    void a_basic_challenge_is_answered_with_the_credentials() {
      RegistryResponse response = client(CREDENTIALS).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(200);
      assertThat(fake.requests()).extracting(r -> r.header("Authorization").orElse("<none>"))
          .containsExactly("<none>", BASIC);
    }

    @Test
    void after_a_basic_challenge_the_credentials_are_sent_right_away() {
      RegistryClient client = client(CREDENTIALS);
      client.checkVersion();

      RegistryResponse response = client.listTags("a/b");

      assertThat(response.status()).isEqualTo(200);
      assertThat(fake.requests()).hasSize(3);
      assertThat(fake.lastRequest().header("Authorization")).contains(BASIC);
    }

    @Test
    void without_credentials_the_401_is_returned_after_one_request() {
      RegistryResponse response = client(null).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(401);
      assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void wrong_credentials_get_the_401_after_exactly_one_retry() {
      RegistryResponse response = client(new Credentials("octocat", "wrong")).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(401);
      assertThat(fake.requests()).hasSize(2);
    }
  }

  @Nested
  class Bearer {
    private TokenAuthRegistry registry;

    @BeforeEach
    void registry_asks_for_a_token() {
      registry = new TokenAuthRegistry(fake);
      fake.handle(registry::answer);
    }

    @Test
    void a_bearer_challenge_gets_a_token_with_basic_credentials_service_and_scope_then_retries_with_it() {
      RegistryResponse response = client(CREDENTIALS).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(200);
      List<Request> requests = fake.requests();
      assertThat(requests).extracting(Request::path)
          .containsExactly("/v2/a/b/manifests/1.3", "/token", "/v2/a/b/manifests/1.3");
      Request tokenRequest = requests.get(1);
      assertThat(tokenRequest.method()).isEqualTo("GET");
      assertThat(tokenRequest.header("Authorization")).contains(BASIC);
      assertThat(tokenRequest.queryParams())
          .containsEntry("service", List.of("s"))
          .containsEntry("scope", List.of("repository:a/b:pull"));
      assertThat(requests.get(0).header("Authorization")).isEmpty();
      assertThat(requests.get(2).header("Authorization")).contains("Bearer " + registry.tokenFor("repository:a/b:pull"));
    }

    @Test
    void the_cached_token_is_reused_for_the_next_request_with_the_same_scope() {
      RegistryClient client = client(CREDENTIALS);
      client.getManifest("a/b", "1.3", ACCEPT);
      int before = fake.requests().size();

      RegistryResponse head = client.headManifest("a/b", "latest", ACCEPT);
      RegistryResponse blob = client.getBlob("a/b", DIGEST);

      assertThat(head.status()).isEqualTo(200);
      assertThat(blob.status()).isEqualTo(200);
      assertThat(fake.requests().subList(before, fake.requests().size())).extracting(Request::path)
          .containsExactly("/v2/a/b/manifests/latest", "/v2/a/b/blobs/" + DIGEST);
      assertThat(fake.requestsTo("/token")).hasSize(1);
    }

    @Test
    void a_request_needing_another_scope_gets_a_token_for_that_scope() {
      RegistryClient client = client(CREDENTIALS);
      client.getManifest("a/b", "1.3", ACCEPT);

      RegistryResponse start = client.startUpload("a/b");

      assertThat(start.status()).isEqualTo(202);
      assertThat(fake.requestsTo("/token")).extracting(r -> r.queryParams().get("scope"))
          .containsExactly(List.of("repository:a/b:pull"), List.of("repository:a/b:pull,push"));
    }

    @Test
    void without_credentials_the_token_is_requested_anonymously() {
      RegistryResponse response = client(null).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(200);
      Request tokenRequest = fake.requestsTo("/token").get(0);
      assertThat(tokenRequest.header("Authorization")).isEmpty();
      assertThat(tokenRequest.queryParams())
          .containsEntry("service", List.of("s"))
          .containsEntry("scope", List.of("repository:a/b:pull"))
          .doesNotContainKey("account");
    }

    @Test
    void a_token_sent_as_access_token_is_used_too() {
      registry.answerWithAccessTokenField();

      RegistryResponse response = client(CREDENTIALS).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(200);
      assertThat(fake.lastRequest().header("Authorization")).contains("Bearer " + registry.tokenFor("repository:a/b:pull"));
    }

    @Test
    void a_refused_token_request_returns_the_registry_401_without_looping() {
      registry.refuseTokens();

      RegistryResponse response = client(CREDENTIALS).getManifest("a/b", "1.3", ACCEPT);

      assertThat(response.status()).isEqualTo(401);
      assertThat(fake.requests()).extracting(Request::path).containsExactly("/v2/a/b/manifests/1.3", "/token");
    }

    @Test
    void requests_to_an_upload_location_reuse_the_push_token_of_its_repository() {
      RegistryClient client = client(CREDENTIALS);
      RegistryResponse start = client.startUpload("a/b");
      int before = fake.requests().size();

      RegistryResponse patch = client.patchUpload(start.header("Location").orElseThrow(), new byte[] {1, 2, 3}, null);
      RegistryResponse put = client.completeUpload(patch.header("Location").orElseThrow(), DIGEST, null);

      assertThat(patch.status()).isEqualTo(202);
      assertThat(put.status()).isEqualTo(201);
      assertThat(fake.requests().subList(before, fake.requests().size()))
          .extracting(r -> r.method() + " " + r.path())
          .containsExactly("PATCH /v2/a/b/blobs/uploads/u-1", "PUT /v2/a/b/blobs/uploads/u-1");
      assertThat(fake.requestsTo("/token")).hasSize(1);
    }

    @Test
    void several_scopes_in_one_challenge_are_requested_as_repeated_scope_parameters() {
      fake.handle(r -> {
        if (r.path().equals("/token")) {
          return Reply.status(200).json("{\"token\":\"multi\"}");
        }
        return r.header("Authorization").filter("Bearer multi"::equals).isPresent()
            ? Reply.status(201)
            : Reply.status(401).header("WWW-Authenticate", "Bearer realm=\"" + fake.baseUri() + "/token\",service=\"s\","
                + "scope=\"repository:c/d:pull repository:a/b:pull,push\"");
      });

      RegistryResponse response = client(CREDENTIALS).putManifest("a/b", "1.3", "application/json", new byte[] {'{', '}'});

      assertThat(response.status()).isEqualTo(201);
      assertThat(fake.requestsTo("/token").get(0).queryParams().get("scope"))
          .containsExactly("repository:c/d:pull", "repository:a/b:pull,push");
    }
  }

  @Nested
  class Token_lifetime {
    private final MutableClock clock = new MutableClock();
    private TokenAuthRegistry registry;
    private RegistryClient client;

    @BeforeEach
    void registry_asks_for_a_token() {
      registry = new TokenAuthRegistry(fake);
      fake.handle(registry::answer);
      client = RegistryClient.builder(fake.baseUri()).credentials(CREDENTIALS).readTimeoutMillis(5_000)
          .clock(clock).build();
    }

    @Test
    void a_token_is_reused_while_its_expires_in_lasts_and_fetched_anew_after() {
      registry.answerWithExpiresIn(",\"expires_in\":300");
      client.listTags("a/b");

      clock.advance(java.time.Duration.ofSeconds(280));
      client.listTags("a/b");
      assertThat(fake.requestsTo("/token")).as("token requests 280 s into a 300 s token").hasSize(1);

      clock.advance(java.time.Duration.ofSeconds(15));
      client.listTags("a/b");
      assertThat(fake.requestsTo("/token")).as("token requests within 10 s of its expiry").hasSize(2);
      assertThat(fake.lastRequest().header("Authorization")).contains("Bearer tok2");
    }

    @Test
    void without_expires_in_a_token_lasts_the_spec_default_of_60_seconds() {
      registry.answerWithExpiresIn("");
      client.listTags("a/b");

      clock.advance(java.time.Duration.ofSeconds(45));
      client.listTags("a/b");
      assertThat(fake.requestsTo("/token")).hasSize(1);

      clock.advance(java.time.Duration.ofSeconds(10));
      client.listTags("a/b");
      assertThat(fake.requestsTo("/token")).hasSize(2);
    }

    @Test
    void an_expires_in_below_60_seconds_counts_as_60_as_docker_does() {
      registry.answerWithExpiresIn(",\"expires_in\":5");
      client.listTags("a/b");

      clock.advance(java.time.Duration.ofSeconds(30));
      client.listTags("a/b");

      assertThat(fake.requestsTo("/token")).hasSize(1);
    }

    @Test
    void each_scope_keeps_its_own_token_and_expiry() {
      client.listTags("a/b");
      clock.advance(java.time.Duration.ofSeconds(200));
      client.listTags("c/d");
      clock.advance(java.time.Duration.ofSeconds(100));

      client.listTags("c/d");
      client.listTags("a/b");

      assertThat(fake.requestsTo("/token")).extracting(r -> r.queryParams().get("scope"))
          .containsExactly(List.of("repository:a/b:pull"), List.of("repository:c/d:pull"),
              List.of("repository:a/b:pull"));
    }
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends java.time.Clock {
    private volatile java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

    void advance(java.time.Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Nested
  class Redirects {
    private FakeRegistry storage;

    @BeforeEach
    void start_storage() {
      storage = FakeRegistry.start();
      storage.handle(r -> Reply.status(200).body("blob bytes"));
    }

    @AfterEach
    void stop_storage() {
      storage.close();
    }

    @Test
    void the_token_is_not_sent_on_to_the_storage_host_a_blob_download_redirects_to() {
      TokenAuthRegistry registry = new TokenAuthRegistry(fake);
      fake.handle(r -> {
        Reply answer = registry.answer(r);
        return answer.status() == 200 && r.path().contains("/blobs/")
            ? Reply.status(307).header("Location", storage.baseUri() + "/signed/blob?sig=abc")
            : answer;
      });

      RegistryResponse response = client(CREDENTIALS).getBlob("a/b", DIGEST);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("blob bytes");
      assertThat(fake.lastRequest().header("Authorization")).hasValueSatisfying(a -> assertThat(a).startsWith("Bearer "));
      assertThat(storage.requests()).singleElement().satisfies(r -> {
        assertThat(r.uri()).hasToString("/signed/blob?sig=abc");
        assertThat(r.header("Authorization")).isEmpty();
      });
    }

    @Test
    void basic_credentials_are_not_sent_on_to_another_host_either() {
      fake.handle(r -> r.header("Authorization").filter(BASIC::equals).isEmpty()
          ? Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"")
          : Reply.status(302).header("Location", storage.baseUri() + "/blob"));

      RegistryResponse response = client(CREDENTIALS).headBlob("a/b", DIGEST);

      assertThat(response.status()).isEqualTo(200);
      assertThat(storage.lastRequest().method()).isEqualTo("HEAD");
      assertThat(storage.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void a_redirect_on_the_same_host_keeps_the_credentials() {
      fake.handle(r -> {
        if (r.header("Authorization").filter(BASIC::equals).isEmpty()) {
          return Reply.status(401).header("WWW-Authenticate", "Basic realm=\"x\"");
        }
        return r.path().startsWith("/moved/") ? Reply.status(200).body("moved") : Reply.status(301)
            .header("Location", "/moved/blob");
      });

      RegistryResponse response = client(CREDENTIALS).getBlob("a/b", DIGEST);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("moved");
      assertThat(response.url()).isEqualTo(fake.baseUri() + "/v2/a/b/blobs/" + DIGEST);
      assertThat(fake.lastRequest().path()).isEqualTo("/moved/blob");
      assertThat(fake.lastRequest().header("Authorization")).contains(BASIC);
    }

    @Test
    void a_put_is_not_redirected() {
      fake.handle(r -> Reply.status(307).header("Location", storage.baseUri() + "/elsewhere"));

      RegistryResponse response = client(null).putManifest("a/b", "1.3", "application/json", new byte[] {'{', '}'});

      assertThat(response.status()).isEqualTo(307);
      assertThat(storage.requests()).isEmpty();
    }

    @Test
    void an_endless_redirect_loop_ends_with_the_last_redirect() {
      fake.handle(r -> Reply.status(302).header("Location", "/loop/" + r.path().length()));

      RegistryResponse response = client(null).getBlob("a/b", DIGEST);

      assertThat(response.status()).isEqualTo(302);
      assertThat(fake.requests()).hasSize(6);
    }
  }

  /**
   * A token-auth registry and its token server on one fake: each request needs a token granting the scope
   * its method and path require; the token server grants whatever scopes are asked for.
   */
  static final class TokenAuthRegistry {
    private static final Pattern REPOSITORY_PATH = Pattern.compile("^/v2/(.+)/(manifests|blobs|tags)/.*$");

    private final FakeRegistry fake;
    private final Map<String, Set<String>> grants = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean accessTokenField;
    private volatile boolean refuse;
    private volatile String expiresIn = ",\"expires_in\":300";

    TokenAuthRegistry(FakeRegistry fake) {
      this.fake = fake;
    }

    void answerWithAccessTokenField() {
      accessTokenField = true;
    }

    void refuseTokens() {
      refuse = true;
    }

    /** The JSON fragment after the token, e.g. {@code ,"expires_in":90}, or "" for none. */
    void answerWithExpiresIn(String fragment) {
      expiresIn = fragment;
    }

    /** The token issued for exactly this scope. */
    String tokenFor(String scope) {
      return grants.entrySet().stream().filter(e -> e.getValue().equals(Set.of(scope))).map(Map.Entry::getKey)
          .findFirst().orElseThrow(() -> new AssertionError("no token was issued for " + scope));
    }

    Reply answer(Request request) {
      if (request.path().equals("/token")) {
        return issueToken(request);
      }
      String required = requiredScope(request);
      String token = request.header("Authorization").filter(a -> a.startsWith("Bearer ")).map(a -> a.substring(7))
          .orElse("");
      Set<String> granted = grants.getOrDefault(token, Set.of());
      if (!granted.contains(required)) {
        String scope = required.isEmpty() ? "" : ",scope=\"" + required + "\"";
        return Reply.status(401)
            .header("WWW-Authenticate", "Bearer realm=\"" + fake.baseUri() + "/token\",service=\"s\"" + scope)
            .json(UNAUTHORIZED);
      }
      if (request.method().equals("POST") || request.method().equals("PATCH")) {
        return Reply.status(202).header("Location", "/v2/a/b/blobs/uploads/u-1?_state=st");
      }
      return Reply.status(request.method().equals("PUT") ? 201 : 200);
    }

    private Reply issueToken(Request request) {
      if (refuse) {
        return Reply.status(401).json(UNAUTHORIZED);
      }
      String token = "tok" + issued.incrementAndGet();
      grants.put(token, Set.copyOf(request.queryParams().getOrDefault("scope", List.of(""))));
      return Reply.status(200).json("{\"" + (accessTokenField ? "access_token" : "token") + "\":\"" + token
          + "\"" + expiresIn + "}");
    }

    private static String requiredScope(Request request) {
      Matcher m = REPOSITORY_PATH.matcher(request.path());
      if (!m.matches()) {
        return "";
      }
      String actions = switch (request.method()) {
        case "GET", "HEAD" -> request.path().contains("/blobs/uploads/") ? "pull,push" : "pull";
        case "DELETE" -> request.path().contains("/blobs/uploads/") ? "pull,push" : "delete";
        default -> "pull,push";
      };
      return "repository:" + m.group(1) + ":" + actions;
    }
  }
}
