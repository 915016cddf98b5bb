package dev.regconform.scenarios.clients;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import dev.regconform.client.RegistryResponse;
import dev.regconform.clients.ClientAvailability;
import dev.regconform.clients.ClientHome;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.LongRunning;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.ScenarioSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Jib core (Google's Java client) inside the JVM: pushes an image built FROM scratch in OCI and in Docker format,
 * and pulls an image the toolkit pushed (as the base of a new image pushed to another repository). The toolkit then
 * pulls what Jib pushed and compares digests and bytes. Plain HTTP is allowed for the loopback registry
 * ({@code Containerizer.setAllowInsecureRegistries}); with credentials Jib must be told to send them over HTTP.
 */
@Tag("clients")
@LongRunning
public class JibScenarios extends ScenarioSupport {
  private ClientHome home;
  private String host;

  @BeforeAll
  void createHome() {
    if (ClientAvailability.registryUnsuitable(scenario.target().url()).isEmpty()) {
      home = ClientHome.create();
      host = ClientAvailability.hostPort(scenario.target().url());
    }
  }

  @AfterAll
  void removeHome() {
    if (home != null) {
      home.close();
    }
  }

  @Test
  @CheckId("clients.jib.push-oci")
  @Covers({"R40", "R41", "R42", "R6", "R7", "R9", "R10"})
  void an_oci_image_jib_pushes_pulls_back_with_jibs_digest() throws Exception {
    pushFromScratch(com.google.cloud.tools.jib.api.buildplan.ImageFormat.OCI, "jib-oci", MediaTypes.OCI_MANIFEST);
  }

  @Test
  @CheckId("clients.jib.push-docker")
  @Covers({"R40", "R41", "R42", "R6", "R7", "R9", "R10"})
  void a_docker_image_jib_pushes_pulls_back_with_jibs_digest() throws Exception {
    pushFromScratch(com.google.cloud.tools.jib.api.buildplan.ImageFormat.Docker, "jib-docker",
        MediaTypes.DOCKER_MANIFEST);
  }

  @Test
  @CheckId("clients.jib.pull")
  @Covers({"R6", "R7", "R9", "R10", "R13", "R14"})
  void jib_pulls_an_image_the_toolkit_pushed_and_pushes_its_layers_unchanged() throws Exception {
    requireJib();
    TestImage image = scenario.newImage(1024);
    String base = scenario.repository("base");
    image.blobs().forEach(blob -> scenario.pusher().pushBlob(base, blob));
    RegistryResponse put = registry.putManifest(base, "base", image.manifest().mediaType(), image.manifest().raw());
    scenario.cleanup().recordManifest(base, image.digest());
    assertThat(put).hasStatusIn("the toolkit's own push of the base image", 201);
    String target = scenario.repository("derived");
    JibContainer container = containerize(Jib.from(registryImage(base + ":base")), target + ":derived");
    Digest digest = Digest.parse(container.getDigest().toString());
    ImageManifest manifest = assertServedAsJibSaid(target, "derived", digest);
    List<Digest> layers = manifest.layers().stream().map(Descriptor::digest).toList();
    assertThat(layers).as("layers of the image Jib built on %s:base (the base's are %s)", base,
        image.layers().stream().map(b -> b.digest().toString()).toList())
        .containsAll(image.layers().stream().map(b -> b.digest()).toList());
  }

  private void pushFromScratch(com.google.cloud.tools.jib.api.buildplan.ImageFormat format, String suffix,
      String mediaType) throws Exception {
    requireJib();
    Path file = home.newDirectory("jib-").resolve("hello.txt");
    Files.writeString(file, "regconform jib " + UUID.randomUUID() + "\n");
    String target = scenario.repository(suffix);
    JibContainerBuilder builder = Jib.fromScratch().setFormat(format)
        .addLayer(List.of(file), AbsoluteUnixPath.get("/")).setEntrypoint("/hello.txt");
    JibContainer container = containerize(builder, target + ":1.3");
    Digest digest = Digest.parse(container.getDigest().toString());
    ImageManifest manifest = assertServedAsJibSaid(target, "1.3", digest);
    assertThat(manifest.mediaType()).as("media type of the manifest Jib pushed").isEqualTo(mediaType);
  }

  /** The tag serves the digest Jib computed, the bytes hash to it, and every blob it names downloads intact. */
  private ImageManifest assertServedAsJibSaid(String repository, String tag, Digest digest) {
    RegistryResponse get = registry.getManifest(repository, tag, Accept.ANY_MANIFEST);
    ClientChecks.recordForCleanup(scenario, repository, digest);
    assertThat(get).hasStatus(200).hasContentDigest(digest);
    assertThat(get.bodyDigest(digest.algorithm())).as("digest of the bytes %s serves (Jib pushed %s)",
        get.requestLine(), digest).isEqualTo(digest);
    ImageManifest manifest = ImageManifest.parse(get.body());
    for (Descriptor blob : manifest.blobs()) {
      assertThat(registry.getBlob(repository, blob.digest())).hasStatus(200)
          .hasBodyMatching(blob.digest(), blob.size());
    }
    return manifest;
  }

  private JibContainer containerize(JibContainerBuilder builder, String reference) throws Exception {
    return JibRuns.containerize(scenario, home, builder, Containerizer.to(registryImage(reference)));
  }

  private RegistryImage registryImage(String repositoryAndTag) throws Exception {
    return JibRuns.registryImage(scenario, host + "/" + repositoryAndTag);
  }

  private void requireJib() {
    ClientChecks.requireClient(Optional.empty(), scenario);
  }
}
