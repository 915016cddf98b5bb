package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.auth.TokenRequest;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.target.TokenAuthReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's own client against the token-auth reference, as the token server saw it: each request's token is asked
 * for with the narrowest scope that request needs (the one the registry's challenge names), and fetched once per scope.
 */
class TokenAuthClientIT {

  @Test
  void the_client_asks_for_the_narrowest_scope_of_each_request_and_caches_tokens_per_scope() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (TokenAuthReference reference = TokenAuthReference.start(binary.get(), "owner", null);
        TestImage image = TestImage.builder().build()) {
      RegistryClient client = RegistryClient.builder(reference.started().url())
          .credentials(reference.started().credentials()).build();
      String repository = "owner/app";

      for (var blob : image.blobs()) {
        String location = client.startUpload(repository).header("Location").orElseThrow();
        assertThat(client.completeUpload(location, blob.digest(), blob.readAllBytes()).status()).isEqualTo(201);
      }
      assertThat(client.putManifest(repository, "v1", image.manifest().mediaType(), image.manifest().raw()).status())
          .isEqualTo(201);
      for (int i = 0; i < 3; i++) {
        assertThat(client.getManifest(repository, "v1", List.of(image.manifest().mediaType())).status()).isEqualTo(200);
        assertThat(client.headBlob(repository, image.config().digest()).status()).isEqualTo(200);
      }
      assertThat(client.deleteManifest(repository, image.digest().toString()).status()).isEqualTo(202);

      List<TokenRequest> requests = reference.tokenServer().requests();
      // Distribution writes the actions of a scope in no fixed order: compare them as sets.
      assertThat(requests).extracting(r -> r.requested().stream()
              .map(s -> s.type() + ":" + s.name() + ":" + new TreeSet<>(s.actions())).toList())
          .containsExactly(
              List.of("repository:owner/app:[pull, push]"),
              List.of("repository:owner/app:[pull]"),
              List.of("repository:owner/app:[delete]"));
      assertThat(requests).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.account()).isEqualTo("owner");
        assertThat(r.granted()).hasSameSizeAs(r.requested());
      });
    }
  }
}
