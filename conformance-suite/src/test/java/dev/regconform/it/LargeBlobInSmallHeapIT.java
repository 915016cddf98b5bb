package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.scenarios.LargeBlobScenarios;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@code push.blob.large-streamed} with its default 300 MiB blob, run in a JVM of its own with a 64 MiB heap against
 * Distribution: it passes only if neither the upload nor the download holds the blob in memory.
 */
class LargeBlobInSmallHeapIT {
  private static final String HEAP = "-Xmx64m";

  @Test
  void the_large_blob_check_passes_in_a_64_MiB_heap() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      Process check = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
          LargeBlobInSmallHeapIT.class.getName(), registry.baseUri().toString()))
          .redirectErrorStream(true).start();
      long started = System.nanoTime();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(5, TimeUnit.MINUTES)).as("the forked check ended").isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.println("push.blob.large-streamed in " + HEAP + ": " + took.toMillis() + " ms (JVM start included)");

      assertThat(check.exitValue()).as("exit status of the check in %s; its output:%n%s", HEAP, output).isZero();
      assertThat(output).contains("1 tests successful").doesNotContain("OutOfMemoryError");
    }
  }

  /** Runs {@link LargeBlobScenarios} against the registry at {@code args[0]}; exits 0 when its check passed. */
  public static void main(String[] args) throws IOException {
    RegistryTarget target = new RegistryTarget(URI.create(args[0]), null, "regconform-it/small-heap", false,
        "small heap");
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(LargeBlobScenarios.class))
        .configurationParameters(target.toConfigurationParameters())
        .configurationParameters(RunOptions.defaults().toConfigurationParameters())
        .enableImplicitConfigurationParameters(false)
        .build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    summary.printTo(out);
    summary.printFailuresTo(out, 50);
    out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    System.exit(summary.getTestsSucceededCount() == 1 && summary.getTotalFailureCount() == 0 ? 0 : 1);
  }
}
