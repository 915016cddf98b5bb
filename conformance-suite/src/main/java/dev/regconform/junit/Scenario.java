package dev.regconform.junit;

import dev.regconform.cleanup.LedgerItem;
import dev.regconform.cleanup.RunLedger;
import dev.regconform.client.ContentPusher;
import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.target.RegistryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What one scenario class works with: the client for the registry under test, repositories of its own
 * under the run's namespace, test images, and the cleanup of everything it pushed. Closed (and cleaned up)
 * when the class's checks are done.
 *
 * <p>A check gets it as a parameter ({@link RegistryTargetExtension} resolves it, one per test class):
 *
 * <pre>{@code
 * @Test @CheckId("example.pushed-blob.pull")
 * void a_pushed_blob_can_be_pulled(Scenario scenario) {
 *   byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
 *   scenario.pusher().pushBytes(scenario.repository(), content);      // deleted again when the class is done
 *   assertThat(scenario.client().getBlob(scenario.repository(), Digest.sha256(content))).hasStatus(200);
 * }
 * }</pre>
 *
 * <p>The checks of one class run one after another; classes may run in parallel, each with its own scenario and
 * repositories.
 */
public final class Scenario implements AutoCloseable {
  /** Configuration parameter: delete manifests before blobs when cleaning up (default true). */
  public static final String MANIFESTS_FIRST = "regconform.cleanup.manifests-first";
  /** Configuration parameter (OCI_CROSSMOUNT_NAMESPACE): the repository mount checks mount into. */
  public static final String CROSSMOUNT_NAMESPACE = "regconform.crossmount.namespace";
  /** Configuration parameter (OCI_AUTOMATIC_CROSSMOUNT): 201 or 202, the answer expected to a mount without from. */
  public static final String AUTOMATIC_MOUNT_EXPECT = "regconform.automatic-mount.expect";
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private final RegistryTarget target;
  private final RegistryClient client;
  private final String baseName;
  private final ImageFormat format;
  private final Function<String, Optional<String>> configuration;
  private final Optional<RunLedger> ledger;
  private final Cleanup cleanup;
  private final List<TestImage> images = new ArrayList<>();
  /** The repositories this scenario handed out. */
  private final Set<String> repositories = ConcurrentHashMap.newKeySet();

  Scenario(RegistryTarget target, RegistryClient client, Class<?> testClass,
      Function<String, Optional<String>> configuration) {
    this.target = target;
    this.client = client;
    this.configuration = configuration;
    // The run's ledger (when a run keeps one) hears what the scenario records by hand, e.g. what docker pushed.
    this.ledger = RunLedger.of(target.url());
    this.cleanup = new Cleanup(ledger);
    ForImageFormat f = testClass.getAnnotation(ForImageFormat.class);
    // Each class gets a repository of its own under the run's namespace, so classes never share content.
    this.format = f == null ? ImageFormat.OCI : f.value();
    this.baseName = slug(testClass) + (f == null ? "" : "-" + format.label());
  }

  /**
   * The registry under test: URL, the run's namespace, credentials, description and parameters.
   *
   * @return the target
   */
  public RegistryTarget target() {
    return target;
  }

  /**
   * The client for the registry under test, with the run's credentials, TLS setting and request timeout; shared by
   * every scenario of the run (it is thread-safe).
   *
   * @return the client
   */
  public RegistryClient client() {
    return client;
  }

  /**
   * The format this scenario class pushes.
   *
   * @return the class's {@link ForImageFormat}; {@link ImageFormat#OCI} when it has none
   */
  public ImageFormat format() {
    return format;
  }

  /**
   * What this scenario deletes when it closes. {@link #pusher()} records into it; record here what a check pushed
   * by other means.
   *
   * @return the scenario's cleanup
   */
  public Cleanup cleanup() {
    return cleanup;
  }

  /**
   * How long one request may take ({@code --request-timeout}), for a client a check builds of its own.
   *
   * @return the run's {@link dev.regconform.target.RunOptions#REQUEST_TIMEOUT}; 2 minutes when not set
   */
  public java.time.Duration requestTimeout() {
    return configuration(dev.regconform.target.RunOptions.REQUEST_TIMEOUT)
        .map(t -> dev.regconform.client.RequestTimeout.parse("request timeout", t))
        .orElse(dev.regconform.client.RequestTimeout.DEFAULT);
  }

  /**
   * A configuration parameter of the run as the checks see it: the registry's own setting of that name when it has one
   * ({@link RegistryTarget#parameters()}), else the run's JUnit configuration parameter.
   *
   * @param key the parameter, e.g. {@link #CROSSMOUNT_NAMESPACE}
   * @return its value; empty when the run does not set it
   */
  public Optional<String> configuration(String key) {
    return configuration.apply(key);
  }

  /**
   * This scenario's repository, the same on every call: {@code <namespace>/<scenario>}, where {@code <scenario>} is the
   * top-level class's name without {@code Scenarios}, in lower case words joined by dashes, followed by
   * {@code -<format>} when the class has a {@link ForImageFormat}; e.g.
   * {@code regconform/run-20261127-031500-ab12/push} for {@code PushScenarios}.
   *
   * @return the repository name; it need not exist yet (a push creates it)
   */
  public String repository() {
    return own(target.namespace() + "/" + baseName);
  }

  /**
   * A repository of its own for one check, next to {@link #repository()}: {@code <repository()>-<suffix>}.
   *
   * @param suffix what makes it the check's own, lower case letters, digits and dashes, e.g. {@code mount-source}
   * @return the repository name
   */
  public String repository(String suffix) {
    return own(repository() + "-" + suffix);
  }

  /** Tells the run's ledger about a repository of the run's own: its tags are listed when the run ends. */
  private String own(String repository) {
    ledger.ifPresent(l -> l.repository(repository));
    repositories.add(repository);
    return repository;
  }

  /**
   * What the run's ledger says is stored in this scenario's repositories and not deleted yet, recorded for the
   * cleanup: pushes inside checks nobody recorded by hand, and the sha256 name a registry gives a blob pushed as sha512.
   */
  private void recordWhatTheLedgerHolds() {
    for (LedgerItem item : ledger.map(RunLedger::pending).orElse(List.of())) {
      if (!repositories.contains(item.repository()) || !Digest.isDigest(item.reference())) {
        continue;
      }
      switch (item.kind()) {
        case MANIFEST -> cleanup.recordManifest(item.repository(), Digest.parse(item.reference()));
        case BLOB -> cleanup.recordBlob(item.repository(), Digest.parse(item.reference()));
        case TAG -> { } // goes with its manifest
      }
    }
  }

  /**
   * A pusher for content a check needs in place; what it pushes is recorded in {@link #cleanup()}.
   *
   * @return a new pusher over {@link #client()}
   */
  public ContentPusher pusher() {
    return new ContentPusher(client, cleanup::recordBlob, cleanup::recordManifest);
  }

  /**
   * A new image of this scenario's format with content no other image of the run has (each gets its own seed), its
   * blobs in temp files deleted when the scenario closes. Not pushed: use {@link #pusher()}.
   *
   * @param layerSizes for each layer, the size in bytes of the file inside it; none for an image without layers
   * @return the image
   * @throws IllegalArgumentException when a size is negative
   */
  public TestImage newImage(long... layerSizes) {
    TestImage image = TestImage.builder().format(format).layerSizes(layerSizes).seed(SEEDS.incrementAndGet()).build();
    images.add(image);
    return image;
  }

  /**
   * Deletes everything the scenario recorded, and what the run's ledger (when the run keeps one) says this scenario's
   * repositories still hold, manifests first unless {@link #MANIFESTS_FIRST} is {@code false}; then its images' temp
   * files.
   *
   * @throws IllegalStateException when a DELETE got an answer other than 202, 404 or 405, listing every such answer
   */
  @Override
  public void close() {
    // OCI_DELETE_MANIFEST_BEFORE_BLOBS=false asks for blobs first (some registries need one order or the other).
    boolean manifestsFirst = configuration(MANIFESTS_FIRST).map(Boolean::parseBoolean).orElse(true);
    recordWhatTheLedgerHolds();
    List<String> problems = cleanup.run(client, manifestsFirst);
    images.forEach(TestImage::close);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Cleanup of " + repository() + " got unexpected answers:\n  "
          + String.join("\n  ", problems));
    }
  }

  /** {@code PullScenarios.OciImage} becomes {@code pull}: the top-level class name without "Scenarios". */
  private static String slug(Class<?> testClass) {
    Class<?> top = testClass;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String name = top.getSimpleName().replaceFirst("Scenarios$", "");
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
  }
}
