package dev.regconform.scenarios.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryResponse;
import dev.regconform.clients.ClientAvailability;
import dev.regconform.clients.ClientHome;
import dev.regconform.clients.ClientRun;
import dev.regconform.clients.OciLayout;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.LongRunning;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.reports.InteropMatrix;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.ScenarioSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.TestAbortedException;

/**
 * The interop matrix: each client pushes an image, and every other client and the toolkit pull it by digest and
 * compare it with what was pushed (docker: the image id, that is the config; skopeo: the manifest digest kept in an OCI
 * layout; Jib: every layer written to a tarball; the toolkit: manifest bytes and every blob). One check per pushing
 * client; its message is that client's row of the matrix (puller → outcome), and each cell is recorded as a fact
 * ({@link InteropMatrix}) from which the run writes {@code interop-matrix.md} and {@code .json}.
 */
@Tag("clients")
@LongRunning
public class InteropScenarios extends ScenarioSupport {
  private static final Duration QUICK = Duration.ofSeconds(60);
  private static final Duration TRANSFER = Duration.ofMinutes(3);

  private ClientHome home;
  private String host;
  private final List<String> localImages = new ArrayList<>();
  private TestReporter reporter;

  /** What a pusher leaves in the registry: where, its manifest digest, and its config digest (docker's image id). */
  private record Pushed(String repository, Digest digest, ImageManifest manifest) {}

  @BeforeAll
  void createHome() {
    if (ClientAvailability.registryUnsuitable(scenario.target().url()).isEmpty()) {
      home = ClientHome.create();
      host = ClientAvailability.hostPort(scenario.target().url());
      Credentials credentials = scenario.target().credentials();
      if (credentials != null) {
        home.secret(credentials.password());
        if (ClientAvailability.dockerUnavailable().isEmpty()) {
          home.run(QUICK, credentials.password() + "\n", List.of("docker", "login", host, "-u",
              credentials.username(), "--password-stdin"));
        }
        if (ClientAvailability.skopeoUnavailable().isEmpty()) {
          home.run(QUICK, credentials.password() + "\n", List.of("skopeo", "login", "--tls-verify=false", "--authfile",
              home.authFile().toString(), "-u", credentials.username(), "--password-stdin", host));
        }
      }
    }
  }

  @BeforeEach
  void keepReporter(TestReporter testReporter) {
    reporter = testReporter;
  }

  @AfterAll
  void removeHome() {
    if (home == null) {
      return;
    }
    try {
      localImages.forEach(ref -> home.run(QUICK, "docker", "rmi", "-f", ref));
    } finally {
      home.close();
    }
  }

  @Test
  @CheckId("clients.interop.from-docker")
  @Covers({"R6", "R7", "R9", "R10", "R40"})
  void an_image_docker_pushes_pulls_identically_with_skopeo_jib_and_the_toolkit() {
    reporter.publishEntry(InteropMatrix.PUSHER, "docker");
    ClientChecks.requireClient(ClientAvailability.dockerUnavailable(), scenario);
    String repository = scenario.repository("docker");
    String reference = host + "/" + repository + ":interop";
    ClientChecks.buildFromScratch(home, reference);
    localImages.add(reference);
    ClientRun push = ClientChecks.assertSucceeded(home.run(TRANSFER, "docker", "push", reference), "docker push");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("interop: digest: (sha256:[0-9a-f]{64})")
        .matcher(push.output());
    assertThat(m.find()).as("docker push prints the digest:%n%s", push.describe()).isTrue();
    assertRow("docker", pushed(repository, Digest.parse(m.group(1))));
  }

  @Test
  @CheckId("clients.interop.from-skopeo")
  @Covers({"R6", "R7", "R9", "R10", "R40"})
  void an_image_skopeo_pushes_pulls_identically_with_docker_jib_and_the_toolkit() {
    reporter.publishEntry(InteropMatrix.PUSHER, "skopeo");
    ClientChecks.requireClient(ClientAvailability.skopeoUnavailable(), scenario);
    String repository = scenario.repository("skopeo");
    TestImage image = scenario.newImage(1024);
    Path layout = home.newDirectory("oci-");
    OciLayout.write(layout, image, "interop");
    ClientChecks.assertSucceeded(skopeo(TRANSFER, "copy", "--dest-tls-verify=false", "--preserve-digests",
        "oci:" + layout + ":interop", "docker://" + host + "/" + repository + ":interop"), "skopeo copy");
    assertRow("skopeo", pushed(repository, image.digest()));
  }

  @Test
  @CheckId("clients.interop.from-jib")
  @Covers({"R6", "R7", "R9", "R10", "R40"})
  void an_image_jib_pushes_pulls_identically_with_docker_skopeo_and_the_toolkit() throws Exception {
    reporter.publishEntry(InteropMatrix.PUSHER, "jib");
    ClientChecks.requireClient(Optional.empty(), scenario);
    String repository = scenario.repository("jib");
    Path file = home.newDirectory("jib-").resolve("hello.txt");
    Files.writeString(file, "regconform interop " + UUID.randomUUID() + "\n");
    JibContainer container = JibRuns.containerize(scenario, home, Jib.fromScratch()
        .addLayer(List.of(file), AbsoluteUnixPath.get("/")).setEntrypoint("/hello.txt"),
        Containerizer.to(JibRuns.registryImage(scenario, host + "/" + repository + ":interop")));
    assertRow("jib", pushed(repository, Digest.parse(container.getDigest().toString())));
  }

  @Test
  @CheckId("clients.interop.from-toolkit")
  @Covers({"R6", "R7", "R9", "R10", "R40"})
  void an_image_the_toolkit_pushes_pulls_identically_with_docker_skopeo_and_jib() {
    reporter.publishEntry(InteropMatrix.PUSHER, "toolkit");
    ClientChecks.requireClient(Optional.empty(), scenario);
    String repository = scenario.repository("toolkit");
    TestImage image = scenario.newImage(1024);
    image.blobs().forEach(blob -> scenario.pusher().pushBlob(repository, blob));
    RegistryResponse put = registry.putManifest(repository, "interop", image.manifest().mediaType(),
        image.manifest().raw());
    scenario.cleanup().recordManifest(repository, image.digest());
    assertThat(put.status()).as("the toolkit's push:%n%s", put.describe()).isEqualTo(201);
    assertRow("toolkit", pushed(repository, image.digest()));
  }

  /** Records the pushed image for cleanup and reads its manifest with the toolkit. */
  private Pushed pushed(String repository, Digest digest) {
    ClientChecks.recordForCleanup(scenario, repository, digest);
    RegistryResponse get = registry.getManifest(repository, digest.toString(), Accept.ANY_MANIFEST);
    assertThat(get.status()).as("the pushed manifest:%n%s", get.describe()).isEqualTo(200);
    return new Pushed(repository, digest, ImageManifest.parse(get.body()));
  }

  /**
   * Pulls with every client but the pusher, recording each cell; fails listing the whole row when any puller failed.
   */
  private void assertRow(String pusher, Pushed image) {
    reporter.publishEntry(InteropMatrix.PUSH, InteropMatrix.Cell.ok().fact());
    Map<String, InteropMatrix.Cell> row = new LinkedHashMap<>();
    for (String puller : List.of("toolkit", "docker", "skopeo", "jib")) {
      if (puller.equals(pusher)) {
        continue;
      }
      InteropMatrix.Cell cell;
      try {
        pull(puller, image);
        cell = InteropMatrix.Cell.ok();
      } catch (TestAbortedException e) {
        cell = InteropMatrix.Cell.skipped(e.getMessage());
      } catch (AssertionError | Exception e) {
        cell = InteropMatrix.Cell.failed(e.getMessage());
      }
      row.put(puller, cell);
      reporter.publishEntry(InteropMatrix.PULL_PREFIX + puller, cell.fact());
    }
    String shown = row.entrySet().stream().map(e -> "  " + pusher + " -> " + e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
    assertThat(row.values()).as("interop matrix row of %s (pushed %s@%s):%n%s", pusher, image.repository(),
        image.digest(), shown).noneMatch(c -> c.status() == InteropMatrix.Status.FAILED);
  }

  private void pull(String puller, Pushed image) throws Exception {
    String byDigest = host + "/" + image.repository() + "@" + image.digest();
    switch (puller) {
      case "toolkit" -> {
        RegistryResponse get = registry.getManifest(image.repository(), image.digest().toString(), Accept.ANY_MANIFEST);
        assertThat(get.bodyDigest(image.digest().algorithm())).as("%s", get.describe()).isEqualTo(image.digest());
        for (Descriptor blob : image.manifest().blobs()) {
          RegistryResponse b = registry.getBlob(image.repository(), blob.digest());
          assertThat(b.status() == 200 && b.bodyDigest(blob.digest().algorithm()).equals(blob.digest()))
              .as("blob %s: %s", blob.digest(), b.describe()).isTrue();
        }
      }
      case "docker" -> {
        ClientChecks.requireClient(ClientAvailability.dockerUnavailable(), scenario);
        localImages.add(byDigest);
        ClientChecks.assertSucceeded(home.run(TRANSFER, "docker", "pull", byDigest), "docker pull");
        ClientRun id = ClientChecks.assertSucceeded(home.run(QUICK, "docker", "inspect", "--format", "{{.Id}}",
            byDigest), "docker inspect");
        assertThat(id.output().strip()).as("docker's image id (the config digest)")
            .isEqualTo(image.manifest().config().digest().toString());
      }
      case "skopeo" -> {
        ClientChecks.requireClient(ClientAvailability.skopeoUnavailable(), scenario);
        Path dir = home.newDirectory("pulled-");
        ClientChecks.assertSucceeded(skopeo(TRANSFER, "copy", "--src-tls-verify=false", "--preserve-digests",
            "docker://" + byDigest, "oci:" + dir + ":pulled"), "skopeo copy to an OCI layout");
        assertThat(Files.readString(dir.resolve("index.json"))).as("index.json of the pulled OCI layout")
            .contains(image.digest().toString());
        for (Descriptor blob : image.manifest().blobs()) {
          Path file = dir.resolve("blobs").resolve(blob.digest().algorithm().label()).resolve(blob.digest().hex());
          assertThat(Digest.of(blob.digest().algorithm(), Files.readAllBytes(file))).as("blob %s", file)
              .isEqualTo(blob.digest());
        }
      }
      case "jib" -> {
        Path tar = home.newDirectory("jib-pull-").resolve("image.tar");
        JibRuns.containerize(scenario, home, Jib.from(JibRuns.registryImage(scenario, byDigest)),
            Containerizer.to(TarImage.at(tar).named("regconform/interop:pulled")));
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
          for (TarArchiveEntry e; (e = t.getNextEntry()) != null; ) {
            entries.add(e.getName());
          }
        }
        for (Descriptor layer : image.manifest().layers()) {
          assertThat(entries).as("entries of the tarball Jib wrote after pulling %s", byDigest)
              .anyMatch(name -> name.contains(layer.digest().hex()));
        }
      }
      default -> throw new IllegalArgumentException(puller);
    }
  }

  private ClientRun skopeo(Duration limit, String... args) {
    List<String> command = new ArrayList<>(List.of("skopeo", "--policy", home.policy().toString()));
    command.addAll(List.of(args));
    return home.run(limit, null, command);
  }
}
