package dev.regconform.scenarios.auth;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.auth.Realm.repositoryScope;

import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.model.Digest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who may do what beyond the run's own credentials: read-only credentials (a ghcr.io PAT with only
 * {@code read:packages}) cannot push, anyone may pull a public repository, and nobody anonymous a private one. Each
 * needs its setting; without it the check is disabled and names the option.
 */
@Tag("auth")
@DisplayName("Authorization: read-only credentials, public and private repositories")
public class AuthAccessScenarios extends AuthSupport {
  /** The tag each pushed image got: unique, since public and private repositories outlive the run. */
  private final Map<TestImage, String> tags = new ConcurrentHashMap<>();

  @Test
  @CheckId("auth.read-only.cannot-push")
  @Covers({"R70", "R82"})
  void read_only_credentials_get_no_push_and_their_pushes_are_refused() {
    probe.requireAuthenticationWith(credentials);
    Credentials readOnly = settings.requireReadOnly();
    String repository = scenario.repository("read-only");

    AuthorizedRequests requests;
    if (probe.mode() == AuthProbe.Mode.BASIC) {
      requests = new AuthorizedRequests(registry, readOnly.basicHeaderValue());
      assertThat(requests.base()).as("GET /v2/ with the read-only credentials").hasStatus(200);
    } else {
      String scope = repositoryScope(repository, "pull,push");
      String token = realm().get(readOnly, scope).require("a token for the read-only credentials (asked: " + scope + ")");
      if (Jwt.parse(token).flatMap(j -> j.grants("repository", repository, "push")).orElse(false)) {
        throw new AssertionError("Expecting the token server to grant read-only credentials no push on " + repository
            + ",\nbut the token it issued for " + scope + " grants push (its access claim)");
      }
      requests = AuthorizedRequests.bearer(registry, token);
    }
    assertRefused(requests.startUpload(repository), "POST of an upload with read-only credentials");
    byte[] bytes = freshBytes();
    Digest digest = Digest.sha256(bytes);
    assertRefused(requests.postBlob(repository, digest, bytes), "single-POST blob upload with read-only credentials");
    assertThat(registry.headBlob(repository, digest)).as("HEAD (with the run's credentials) of the refused blob")
        .hasStatus(404);
  }

  @Test
  @CheckId("auth.public.anonymous-pull")
  @Covers({"R70", "R81"})
  void anyone_may_pull_from_a_public_repository() {
    probe.requireAuthenticationWith(credentials);
    NotConfiguredException.unless(settings.publicRepository().isPresent(), "--public-repository NAME");
    String repository = settings.publicRepository().get();
    TestImage image = pushInto(repository);

    RegistryResponse pulled = anonymousClient().getManifest(repository, tagOf(image), List.of(mediaType(image)));
    assertThat(pulled).as("anonymous pull (token flow without credentials) from public %s", repository)
        .hasStatus(200).hasBody(image.manifest().raw());
  }

  @Test
  @CheckId("auth.private.anonymous-refused")
  @Covers({"R70", "R81"})
  void nobody_anonymous_may_pull_from_a_private_repository() {
    probe.requireAuthenticationWith(credentials);
    NotConfiguredException.unless(settings.privateRepository().isPresent(), "--private-repository NAME");
    String repository = settings.privateRepository().get();
    TestImage image = pushInto(repository);

    assertThat(registry.getManifest(repository, tagOf(image), List.of(mediaType(image))))
        .as("pull with the run's credentials from private %s", repository).hasStatus(200);
    RegistryResponse anonymous = anonymousClient().getManifest(repository, tagOf(image), List.of(mediaType(image)));
    assertRefused(anonymous, "anonymous pull (token flow without credentials) from private " + repository);
  }

  private TestImage pushInto(String repository) {
    TestImage image = scenario.newImage(128);
    tags.put(image, "auth-" + randomSuffix());
    scenario.pusher().pushImage(repository, image, tagOf(image));
    return image;
  }

  private String tagOf(TestImage image) {
    return tags.get(image);
  }

  private static String mediaType(TestImage image) {
    return image.manifest().mediaType();
  }

  /** A client without credentials: it answers challenges with anonymous tokens, as docker pull does logged out. */
  private RegistryClient anonymousClient() {
    return RegistryClient.builder(scenario.target().url()).insecure(scenario.target().insecure())
        .requestTimeout(scenario.requestTimeout()).build();
  }
}
