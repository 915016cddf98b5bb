package dev.regconform.it;

import dev.regconform.fixtures.distribution.DistributionProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A native Distribution 2.8.2 ({@code registry} or {@code docker-registry} on PATH) for one test class: started before
 * its tests on a free 127.0.0.1 port, stopped after them; the class is skipped, saying why, where no binary is
 * installed.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NativeDistribution REGISTRY = new NativeDistribution();
 * … FaultInjectingProxy.start(REGISTRY.baseUri(), fault) …
 * }</pre>
 */
public final class NativeDistribution implements BeforeAllCallback, AfterAllCallback {
  private DistributionProcess process;

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    process = DistributionProcess.start(binary.get());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /** The registry's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    if (process == null) {
      throw new IllegalStateException("the registry runs only while the test class runs");
    }
    return process.baseUri();
  }
}
