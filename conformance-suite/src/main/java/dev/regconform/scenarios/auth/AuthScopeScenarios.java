package dev.regconform.scenarios.auth;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.auth.Realm.repositoryScope;

import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Least privilege with tokens of exactly one scope, fetched from the realm with the run's credentials: pull does not
 * push, push does not delete, repository A does not open repository B, and the catalog needs its own scope. Every
 * refused push is followed by a look that nothing was stored.
 */
@Tag("auth")
@DisplayName("Authorization: token scopes")
public class AuthScopeScenarios extends AuthSupport {
  private static final String BASIC = "Basic credentials carry no scopes";

  private TestImage image;
  private String repoA;
  private String repoB;

  @BeforeAll
  void pushIntoTwoRepositories() {
    repoA = scenario.repository("a");
    repoB = scenario.repository("b");
    if (canPushWithTokens()) {
      image = scenario.newImage(512);
      scenario.pusher().pushImage(repoA, image, "v1");
      scenario.pusher().pushImage(repoB, image, "v1");
    }
  }

  private String token(String scope) {
    return realm().get(credentials, scope).require("a token for " + scope);
  }

  private String mediaType() {
    return image.manifest().mediaType();
  }

  @Test
  @CheckId("auth.scope.pull-token-cannot-push")
  @Covers({"R82"})
  void a_pull_token_pulls_but_its_pushes_are_refused_and_store_nothing() {
    probe.requireBearer(credentials, BASIC);
    AuthorizedRequests pull = AuthorizedRequests.bearer(registry, token(repositoryScope(repoA, "pull")));
    assertThat(pull.getManifest(repoA, "v1", mediaType())).as("GET with a pull token").hasStatus(200);

    assertRefused(pull.startUpload(repoA), "POST of an upload with a pull-only token");
    byte[] bytes = freshBytes();
    Digest digest = Digest.sha256(bytes);
    assertRefused(pull.postBlob(repoA, digest, bytes), "single-POST blob upload with a pull-only token");
    assertThat(pull.headBlob(repoA, digest)).as("HEAD of the blob whose push was refused").hasStatus(404);
  }

  @Test
  @CheckId(value = "auth.scope.refusal-says-insufficient-scope", level = Level.SHOULD)
  @Covers({"R82", "R84", "R72"})
  void a_refused_push_says_insufficient_scope_or_denied() {
    probe.requireBearer(credentials, BASIC);
    RegistryResponse refused = AuthorizedRequests.bearer(registry, token(repositoryScope(repoA, "pull")))
        .startUpload(repoA);
    assertRefused(refused, "POST of an upload with a pull-only token");

    boolean says = refused.status() == 401
        ? challengeOf(refused).flatMap(c -> c.param("error")).filter("insufficient_scope"::equals).isPresent()
        : refused.errors().stream().anyMatch(e -> e.code().equals("DENIED") || e.code().equals("UNAUTHORIZED"));
    if (!says) {
      throw new AssertionError("Expecting the refusal of\n  <" + refused.requestLine() + ">\nto say why: "
          + (refused.status() == 401 ? "error=\"insufficient_scope\" in its Bearer challenge (RFC 6750 3.1)"
              : "DENIED or UNAUTHORIZED in its error body")
          + "\nExchange:\n  " + refused.describe().replace("\n", "\n  "));
    }
  }

  @Test
  @CheckId("auth.scope.push-token-pushes")
  @Covers({"R82"})
  void a_pull_push_token_pushes_blobs_and_a_manifest() {
    probe.requireBearer(credentials, BASIC);
    String repository = scenario.repository("push");
    TestImage pushed = scenario.newImage(256);
    AuthorizedRequests push = AuthorizedRequests.bearer(registry, token(repositoryScope(repository, "pull,push")));

    for (TestBlob blob : pushed.blobs()) {
      RegistryResponse put = push.pushBlob(repository, blob);
      scenario.cleanup().recordBlob(repository, blob.digest());
      assertThat(put).as("blob upload with a pull,push token").hasStatus(201);
    }
    RegistryResponse manifest = push.putManifest(repository, "v1", pushed.manifest());
    scenario.cleanup().recordManifest(repository, pushed.digest());
    assertThat(manifest).as("manifest PUT with a pull,push token").hasStatus(201);
    assertThat(push.getManifest(repository, "v1", pushed.manifest().mediaType())).hasStatus(200)
        .hasContentDigestIfPresent(pushed.digest());
  }

  @Test
  @CheckId("auth.scope.delete-needs-delete")
  @Covers({"R82"})
  void a_delete_is_refused_with_a_pull_push_token_and_done_with_a_delete_token() {
    probe.requireBearer(credentials, BASIC);
    String repository = scenario.repository("delete");
    TestImage deletable = scenario.newImage(128);
    scenario.pusher().pushImage(repository, deletable, "v1");
    AuthorizedRequests push = AuthorizedRequests.bearer(registry, token(repositoryScope(repository, "pull,push")));
    String digest = deletable.digest().toString();

    RegistryResponse refused = push.deleteManifest(repository, digest);
    Unsupported.ifRegistryAnswers(refused, "manifest deletion", 400, 405);
    assertRefused(refused, "DELETE with a pull,push token");
    assertThat(push.getManifest(repository, digest, deletable.manifest().mediaType()))
        .as("the manifest after the refused DELETE").hasStatus(200);

    String deleteToken = token(repositoryScope(repository, "delete"));
    RegistryResponse delete = AuthorizedRequests.bearer(registry, deleteToken).deleteManifest(repository, digest);
    Unsupported.ifRegistryAnswers(delete, "manifest deletion", 400, 405);
    if ((delete.status() == 401 || delete.status() == 403)
        && Jwt.parse(deleteToken).flatMap(j -> j.grants("repository", repository, "delete")).orElse(false).equals(false)) {
      Unsupported.because("the configured credentials may not delete in " + repository + ": the token server granted "
          + "no delete (" + delete.requestLine() + " answered " + delete.status() + ")");
    }
    assertThat(delete).as("DELETE with a delete token").hasStatus(202);
    assertThat(push.getManifest(repository, digest, deletable.manifest().mediaType()))
        .as("the manifest after the DELETE").hasStatus(404);
  }

  @Test
  @CheckId("auth.scope.other-repository-refused")
  @Covers({"R82"})
  void a_token_for_repository_a_opens_neither_pull_nor_push_in_repository_b() {
    probe.requireBearer(credentials, BASIC);
    AuthorizedRequests tokenA = AuthorizedRequests.bearer(registry, token(repositoryScope(repoA, "pull,push")));
    assertThat(tokenA.getManifest(repoA, "v1", mediaType())).as("GET in A with A's token").hasStatus(200);

    assertRefused(tokenA.getManifest(repoB, "v1", mediaType()), "GET in repository B with a token for A");
    assertRefused(tokenA.startUpload(repoB), "POST of an upload in B with a pull,push token for A");
    byte[] bytes = freshBytes();
    Digest digest = Digest.sha256(bytes);
    assertRefused(tokenA.postBlob(repoB, digest, bytes), "single-POST blob upload in B with a token for A");
    assertThat(AuthorizedRequests.bearer(registry, token(repositoryScope(repoB, "pull"))).headBlob(repoB, digest))
        .as("HEAD in B of the blob whose push was refused").hasStatus(404);
  }

  @Test
  @CheckId("auth.scope.catalog-needs-its-scope")
  @Covers({"R82"})
  void the_catalog_is_refused_with_a_repository_token_and_opens_with_registry_catalog() {
    probe.requireBearer(credentials, BASIC);
    RegistryResponse withRepositoryToken =
        AuthorizedRequests.bearer(registry, token(repositoryScope(repoA, "pull"))).catalog();
    Unsupported.ifRegistryAnswers(withRepositoryToken, "the catalog (GET /v2/_catalog)", 404, 405);
    assertRefused(withRepositoryToken, "GET /v2/_catalog with a token for one repository");

    String catalogToken = token("registry:catalog:*");
    Optional<Boolean> granted = Jwt.parse(catalogToken).flatMap(j -> j.grants("registry", "catalog", "*"));
    RegistryResponse catalog = AuthorizedRequests.bearer(registry, catalogToken).catalog();
    if (granted.orElse(false)) {
      assertThat(catalog).as("GET /v2/_catalog with a token granting registry:catalog:*").hasStatus(200);
    } else if (granted.isPresent()) {
      assertRefused(catalog, "GET /v2/_catalog with a token the token server granted no registry:catalog:*");
    }
  }
}
