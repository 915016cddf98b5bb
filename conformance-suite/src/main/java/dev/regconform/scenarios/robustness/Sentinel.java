package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Content pushed before bad requests are sent, and read back after each one: the registry must still answer, and
 * what it held before must come back byte for byte, under the same digests and tags. A bad request that corrupts,
 * loses or moves earlier content is caught here, whatever the registry answered to it.
 *
 * <pre>{@code
 * Sentinel sentinel = Sentinel.push(scenario, repo);            // in @BeforeAll
 * …send a bad request…
 * List<String> harm = sentinel.harm();                          // empty when nothing changed
 * }</pre>
 */
public final class Sentinel {
  /** The tag the sentinel image is pushed under. */
  public static final String TAG = "sentinel";

  private final RegistryClient registry;
  private final String repository;
  private final TestImage image;

  private Sentinel(RegistryClient registry, String repository, TestImage image) {
    this.registry = registry;
    this.repository = repository;
    this.image = image;
  }

  /** Pushes a new two-layer image of the scenario's format to {@code repository} under {@value #TAG}. */
  public static Sentinel push(Scenario scenario, String repository) {
    TestImage image = scenario.newImage(1024, 2048);
    scenario.pusher().pushImage(repository, image, TAG);
    return new Sentinel(scenario.client(), repository, image);
  }

  public String repository() {
    return repository;
  }

  public TestImage image() {
    return image;
  }

  /**
   * What differs from before, one line each with the exchange that shows it; empty when the registry still answers
   * {@code GET /v2/} and serves the sentinel's manifest (by tag and by digest) and every blob unchanged, and its tag
   * list still holds the tag.
   */
  public List<String> harm() {
    List<String> harm = new ArrayList<>();
    RegistryResponse base = registry.checkVersion();
    if (base.status() != 200) {
      harm.add("the registry no longer answers GET /v2/ with 200:\n" + base.describe());
      return harm;
    }
    byte[] raw = image.manifest().raw();
    for (String reference : List.of(TAG, image.manifest().digest().toString())) {
      RegistryResponse get = registry.getManifest(repository, reference, ANY_MANIFEST);
      unlessItHolds(harm, "the sentinel manifest " + repository + (reference.equals(TAG) ? ":" : "@") + reference,
          () -> assertThat(get).hasStatus(200).hasBody(raw));
    }
    for (TestBlob blob : image.blobs()) {
      RegistryResponse get = registry.getBlob(repository, blob.digest());
      unlessItHolds(harm, "the sentinel blob " + blob.digest(),
          () -> assertThat(get).hasStatus(200).hasBodyMatching(blob.digest(), blob.size()));
    }
    RegistryResponse tags = registry.listTags(repository);
    if (!RegistryClient.tagsOf(tags).orElse(List.of()).contains(TAG)) {
      harm.add("the tag list of " + repository + " no longer holds " + TAG + ":\n" + tags.describe());
    }
    return harm;
  }

  /** Adds "{@code what} no longer comes back as pushed" with the assertion's message when {@code check} fails. */
  private static void unlessItHolds(List<String> harm, String what, Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      harm.add(what + " no longer comes back as pushed:" + e.getMessage().replace("\n", "\n  "));
    }
  }
}
