package dev.regconform.scenarios.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.clients.ClientAvailability;
import dev.regconform.clients.ClientRun;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.Descriptor;
import dev.regconform.scenarios.Accept;
import dev.regconform.clients.ClientHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.opentest4j.TestAbortedException;

/** What the client scenario classes share: skipping without a client, asserting a client run, cleanup records. */
final class ClientChecks {
  /** Held while {@code docker build} runs ({@link #buildFromScratch}). */
  private static final Object DOCKER_BUILD = new Object();

  private ClientChecks() {}

  /**
   * Skips the check (outcome skipped) when the client cannot run here or may not talk to this registry. Not
   * "unsupported": the registry said nothing; not "disabled": no setting of the run turned the check off.
   */
  static void requireClient(Optional<String> unavailable, Scenario scenario) {
    unavailable.ifPresent(reason -> {
      throw new TestAbortedException("Client not available, the check did not run: " + reason);
    });
    ClientAvailability.registryUnsuitable(scenario.target().url()).ifPresent(reason -> {
      throw new TestAbortedException("Client check not run: " + reason);
    });
  }

  /** Skips a step whose earlier step did not succeed, naming it. */
  static void requireStep(boolean done, String step) {
    if (!done) {
      throw new TestAbortedException("Not run: it needs the " + step + " step, which did not succeed (see that check)");
    }
  }

  /** Fails with the client's own command line and output unless it exited 0. */
  static ClientRun assertSucceeded(ClientRun run, String expectation) {
    assertThat(run.succeeded()).as("%s; the client reported:%n%s", expectation, run.describe()).isTrue();
    return run;
  }

  /** Fails with the client's own output if it exited 0. */
  static ClientRun assertRefused(ClientRun run, String expectation) {
    assertThat(run.succeeded()).as("%s; but the client succeeded:%n%s", expectation, run.describe()).isFalse();
    return run;
  }

  /**
   * Builds a one-file image FROM scratch with the legacy builder (nothing is pulled) and tags it {@code tag}. One
   * build at a time in this JVM: two legacy builds FROM scratch at once in one docker engine (scenario classes and
   * targets run concurrently) made one fail with "unable to find image sha256:…" at its COPY step here.
   *
   * @return the image id (the config's digest)
   * @throws IllegalStateException with docker's output when the build fails: a harness problem, not the registry's
   */
  static String buildFromScratch(ClientHome home, String tag) {
    Path context = home.newDirectory("build-");
    try {
      Files.writeString(context.resolve("hello.txt"), "regconform " + tag + " " + UUID.randomUUID() + "\n");
      Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\nCMD [\"/hello.txt\"]\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClientRun build;
    synchronized (DOCKER_BUILD) {
      // --no-cache: the content is new every time, so the cache never hits. Once, in ReferenceRegistriesIT with five
      // targets at once, a build failed at COPY with "unable to find image": most likely the legacy builder's cache
      // probe (it walks the FROM-scratch images) met an image another target's cleanup (docker rmi) was removing.
      build = home.run(Duration.ofMinutes(3), "docker", "build", "--no-cache", "--force-rm", "-t", tag,
          context.toString());
    }
    if (!build.succeeded()) {
      throw new IllegalStateException("Cannot build the test image FROM scratch:\n" + build.describe());
    }
    return home.run(Duration.ofSeconds(60), "docker", "inspect", "--format", "{{.Id}}", tag).output().strip();
  }

  /** Records a manifest the registry holds, and what it names, for the scenario's cleanup. */
  static void recordForCleanup(Scenario scenario, String repository, Digest digest) {
    RegistryResponse get = scenario.client().getManifest(repository, digest.toString(), Accept.ANY_MANIFEST);
    if (get.status() == 200) {
      try {
        Manifest manifest = Manifest.parse(get.body());
        if (manifest instanceof ImageManifest image) {
          image.blobs().forEach(b -> scenario.cleanup().recordBlob(repository, b.digest()));
        } else if (manifest instanceof ImageIndex index) {
          for (Descriptor child : index.manifests()) {
            recordForCleanup(scenario, repository, child.digest());
          }
        }
      } catch (RuntimeException e) {
        // Not a manifest the toolkit parses: only the manifest itself is deleted.
      }
    }
    scenario.cleanup().recordManifest(repository, digest);
  }
}
