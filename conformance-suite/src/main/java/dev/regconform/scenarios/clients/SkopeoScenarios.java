package dev.regconform.scenarios.clients;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.clients.ClientChecks.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.clients.ClientAvailability;
import dev.regconform.clients.ClientHome;
import dev.regconform.clients.ClientRun;
import dev.regconform.clients.OciLayout;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.fixtures.images.TestImageIndex;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.LongRunning;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.Manifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.ScenarioSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * skopeo (containers/image) against the registry: copies from an OCI image layout written by the toolkit, with and
 * without conversion to Docker schema 2, between repositories by digest, of a whole multi-platform index; then
 * {@code inspect --raw}, {@code list-tags} and {@code delete}. Every result is compared with the toolkit's own GETs.
 * skopeo runs with a private auth file, {@code registries.conf} and signature policy.
 */
@Tag("clients")
@LongRunning
public class SkopeoScenarios extends ScenarioSupport {
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Duration TRANSFER = Duration.ofMinutes(3);
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private ClientHome home;
  private String host;
  private TestImage image;
  private Path layout;

  @BeforeAll
  void writeLayout() {
    if (ClientAvailability.skopeoUnavailable().or(() -> ClientAvailability.registryUnsuitable(scenario.target().url()))
        .isPresent()) {
      return;
    }
    home = ClientHome.create();
    host = ClientAvailability.hostPort(scenario.target().url());
    image = scenario.newImage(512, 2048);
    layout = home.newDirectory("oci-");
    OciLayout.write(layout, image, "v1");
    Credentials credentials = scenario.target().credentials();
    if (credentials != null) {
      home.secret(credentials.password());
      ClientRun login = home.run(QUICK, credentials.password() + "\n", List.of("skopeo", "login", "--tls-verify=false",
          "--authfile", home.authFile().toString(), "-u", credentials.username(), "--password-stdin", host));
      if (!login.succeeded()) {
        throw new IllegalStateException("skopeo login with the configured credentials failed:\n" + login.describe());
      }
    }
  }

  @AfterAll
  void removeHome() {
    if (home != null) {
      home.close();
    }
  }

  @Test
  @CheckId("clients.skopeo.copy-oci-layout")
  @Covers({"R40", "R41", "R42", "R6", "R7"})
  void an_image_copied_from_an_oci_layout_keeps_its_digest_and_bytes() {
    requireSkopeo();
    String target = scenario.repository("layout");
    copyLayout(target, "v1");
    assertThat(registry.getManifest(target, "v1", Accept.ANY_MANIFEST)).hasStatus(200)
        .hasContentDigest(image.digest()).hasBody(image.manifest().raw());
    image.blobs().forEach(blob -> assertThat(registry.getBlob(target, blob.digest())).hasStatus(200)
        .hasBodyMatching(blob.digest(), blob.size()));
  }

  @Test
  @CheckId("clients.skopeo.copy-v2s2")
  @Covers({"R41", "R42", "R6", "R7"})
  void an_image_converted_to_docker_schema_2_is_served_with_the_digest_skopeo_computed() throws IOException {
    requireSkopeo();
    String target = scenario.repository("v2s2");
    Path digestFile = home.dir().resolve("v2s2.digest");
    assertSucceeded(skopeo(TRANSFER, "copy", "--dest-tls-verify=false", "--format", "v2s2", "--digestfile",
        digestFile.toString(), "oci:" + layout + ":v1", ref(target, ":v1")), "skopeo copy --format v2s2");
    Digest digest = Digest.parse(Files.readString(digestFile).strip());
    ClientChecks.recordForCleanup(scenario, target, digest);
    RegistryResponse get = registry.getManifest(target, "v1", Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200).hasContentDigest(digest).hasContentType(MediaTypes.DOCKER_MANIFEST);
    assertThat(get.bodyDigest(digest.algorithm())).as("digest of the bytes %s serves", get.requestLine())
        .isEqualTo(digest);
  }

  @Test
  @CheckId("clients.skopeo.copy-by-digest")
  @Covers({"R6", "R7", "R40", "R41", "R42"})
  void an_image_copied_by_digest_into_another_repository_is_the_same_image() {
    requireSkopeo();
    String from = scenario.repository("from");
    String to = scenario.repository("to");
    copyLayout(from, "v1");
    assertSucceeded(skopeo(TRANSFER, "copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--preserve-digests",
        ref(from, "@" + image.digest()), ref(to, ":copied")), "skopeo copy by digest between repositories");
    ClientChecks.recordForCleanup(scenario, to, image.digest());
    assertThat(registry.getManifest(to, "copied", Accept.ANY_MANIFEST)).hasStatus(200)
        .hasContentDigest(image.digest()).hasBody(image.manifest().raw());
  }

  @Test
  @CheckId("clients.skopeo.inspect-raw")
  @Covers({"R6", "R40"})
  void skopeo_inspect_raw_prints_the_bytes_the_registry_serves() {
    requireSkopeo();
    String target = scenario.repository("inspect");
    copyLayout(target, "v1");
    ClientRun inspect = assertSucceeded(skopeo(QUICK, "inspect", "--tls-verify=false", "--raw", ref(target, ":v1")),
        "skopeo inspect --raw");
    RegistryResponse get = registry.getManifest(target, "v1", Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200);
    assertThat(inspect.output().strip()).as("skopeo inspect --raw compared with %s", get.requestLine())
        .isEqualTo(new String(get.body(), StandardCharsets.UTF_8).strip());
  }

  @Test
  @CheckId("clients.skopeo.list-tags")
  @Covers({"R48"})
  void skopeo_list_tags_shows_the_tags_the_registry_lists() {
    requireSkopeo();
    String target = scenario.repository("tags");
    copyLayout(target, "v1");
    copyLayout(target, "v2");
    ClientRun list = assertSucceeded(skopeo(QUICK, "list-tags", "--tls-verify=false", ref(target, "")),
        "skopeo list-tags");
    RegistryResponse tags = registry.listTags(target);
    assertThat(RegistryClient.tagsOf(tags)).as("tags of %s:%n%s", target, tags.describe())
        .hasValueSatisfying(list1 -> assertThat(list1).contains("v1", "v2"));
    assertThat(list.output()).as("skopeo list-tags%n%s", list.describe()).contains("\"v1\"", "\"v2\"");
  }

  @Test
  @CheckId("clients.skopeo.delete")
  @Covers({"R66"})
  void after_skopeo_delete_the_manifest_is_gone() {
    requireSkopeo();
    String target = scenario.repository("delete");
    copyLayout(target, "v1");
    assertSucceeded(skopeo(QUICK, "delete", "--tls-verify=false", ref(target, ":v1")), "skopeo delete (resolves the "
        + "tag, then DELETE /v2/<name>/manifests/<digest>)");
    assertThat(registry.getManifest(target, image.digest().toString(), Accept.ANY_MANIFEST)).hasStatus(404);
  }

  @Test
  @CheckId("clients.skopeo.copy-all")
  @Covers({"R6", "R7", "R40", "R41", "R42"})
  void a_multi_platform_index_copied_with_all_keeps_every_digest() {
    requireSkopeo();
    String target = scenario.repository("multi");
    try (TestImageIndex multi = TestImageIndex.builder().format(ImageFormat.OCI).layerSizes(256)
        .seed(SEEDS.incrementAndGet()).build()) {
      Path dir = home.newDirectory("oci-index-");
      OciLayout.write(dir, multi, "multi");
      ClientRun copy = skopeo(TRANSFER, "copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
          "oci:" + dir + ":multi", ref(target, ":multi"));
      multi.manifests().forEach(m -> scenario.cleanup().recordManifest(target, m.digest()));
      multi.images().forEach(i -> i.blobs().forEach(b -> scenario.cleanup().recordBlob(target, b.digest())));
      assertSucceeded(copy, "skopeo copy --all of a " + multi.images().size() + "-platform OCI index");
      assertThat(registry.getManifest(target, "multi", Accept.ANY_MANIFEST)).hasStatus(200)
          .hasContentDigest(multi.digest()).hasBody(multi.index().raw());
      for (Manifest child : multi.manifests()) {
        assertThat(registry.headManifest(target, child.digest().toString(), Accept.ANY_MANIFEST)).hasStatus(200)
            .hasContentDigest(child.digest());
      }
    }
  }

  private void requireSkopeo() {
    ClientChecks.requireClient(ClientAvailability.skopeoUnavailable(), scenario);
  }

  /** Copies the layout's image to {@code repository:tag}, asserting skopeo succeeded; records it for cleanup. */
  private void copyLayout(String repository, String tag) {
    // Recorded before the copy: an interrupted run then deletes the blobs skopeo pushed before its manifest.
    scenario.cleanup().recordManifest(repository, image.digest());
    image.blobs().forEach(b -> scenario.cleanup().recordBlob(repository, b.digest()));
    ClientRun copy = skopeo(TRANSFER, "copy", "--dest-tls-verify=false", "--preserve-digests", "oci:" + layout + ":v1",
        ref(repository, ":" + tag));
    assertSucceeded(copy, "skopeo copy from an OCI layout to " + repository + ":" + tag);
  }

  private String ref(String repository, String suffix) {
    return "docker://" + host + "/" + repository + suffix;
  }

  private ClientRun skopeo(Duration limit, String... args) {
    List<String> command = new ArrayList<>(List.of("skopeo", "--policy", home.policy().toString(),
        "--registries.d", home.dir().resolve("config/containers/registries.d").toString()));
    command.addAll(List.of(args));
    return home.run(limit, null, command);
  }
}
