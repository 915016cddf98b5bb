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

  public RegistryTarget target() {
    return target;
  }

  public RegistryClient client() {
    return client;
  }

  /** The format this scenario class pushes ({@link ForImageFormat}, OCI when not annotated). */
  public ImageFormat format() {
    return format;
  }

  public Cleanup cleanup() {
    return cleanup;
  }

  /** How long one request may take ({@code --request-timeout}), for a client a check builds of its own. */
  public java.time.Duration requestTimeout() {
    return configuration(dev.regconform.target.RunOptions.REQUEST_TIMEOUT)
        .map(t -> dev.regconform.client.RequestTimeout.parse("request timeout", t))
        .orElse(dev.regconform.client.RequestTimeout.DEFAULT);
  }

  /** A configuration parameter of the run, e.g. {@code regconform.crossmount.namespace}. */
  public Optional<String> configuration(String key) {
    return configuration.apply(key);
  }

  /** This scenario's repository: {@code <namespace>/<scenario>-<format>}. */
  public String repository() {
    return own(target.namespace() + "/" + baseName);
  }

  /** A repository of its own for one check: {@code <namespace>/<scenario>-<format>-<suffix>}. */
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

  /** A pusher that records what it pushes for cleanup. */
  public ContentPusher pusher() {
    return new ContentPusher(client, cleanup::recordBlob, cleanup::recordManifest);
  }

  /** A new image of this scenario's format with unique content, deleted from disk when the scenario closes. */
  public TestImage newImage(long... layerSizes) {
    TestImage image = TestImage.builder().format(format).layerSizes(layerSizes).seed(SEEDS.incrementAndGet()).build();
    images.add(image);
    return image;
  }

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
