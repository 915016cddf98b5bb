package dev.regconform.scenarios.clients;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import dev.regconform.client.Credentials;
import dev.regconform.client.RequestGate;
import dev.regconform.clients.ClientHome;
import dev.regconform.junit.Scenario;

/** Running Jib core in the JVM against the loopback registry: plain HTTP allowed, the target's credentials, caches in the client home. */
final class JibRuns {
  /** Jib's switch for sending credentials over plain HTTP, read when it authenticates. */
  private static final String SEND_CREDENTIALS_OVER_HTTP = "sendCredentialsOverHttp";

  private JibRuns() {}

  /** A registry image with the target's credentials, if any. */
  static RegistryImage registryImage(Scenario scenario, String reference) throws InvalidImageReferenceException {
    RegistryImage image = RegistryImage.named(reference);
    Credentials credentials = scenario.target().credentials();
    return credentials == null ? image : image.addCredential(credentials.username(), credentials.password());
  }

  /** Builds and writes the image; Jib is told it may send credentials over HTTP (loopback only) for this call. */
  static JibContainer containerize(Scenario scenario, ClientHome home, JibContainerBuilder builder,
      Containerizer containerizer) throws Exception {
    try {
      return run(scenario, home, builder, containerizer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (Exception e) {
      // Jib's refusal is the registry failing the client, not a harness error: show Jib's own words, causes included.
      StringBuilder why = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        why.append("\n  ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      }
      throw new AssertionError("Jib could not pull or push the image; Jib reported:" + home.redact(why.toString()), e);
    }
  }

  private static JibContainer run(Scenario scenario, ClientHome home, JibContainerBuilder builder,
      Containerizer containerizer) throws Exception {
    containerizer.setAllowInsecureRegistries(true).setToolName("regconform")
        .setBaseImageLayersCache(home.dir().resolve("cache/jib-base"))
        .setApplicationLayersCache(home.dir().resolve("cache/jib-app"));
    // Always: without credentials, Jib would otherwise blame HTTP instead of showing the registry's 401.
    synchronized (JibRuns.class) {
      // Jib refuses to send credentials over HTTP unless told; the registry is a loopback one (ClientAvailability).
      String before = System.getProperty(SEND_CREDENTIALS_OVER_HTTP);
      System.setProperty(SEND_CREDENTIALS_OVER_HTTP, "true");
      try {
        if (RequestGate.isClosed()) {
          // Jib has an HTTP client of its own, which the gate does not stop: an interrupted run starts no Jib push.
          throw new IllegalStateException("Jib not started: the run is stopping");
        }
        return builder.containerize(containerizer);
      } finally {
        if (before == null) {
          System.clearProperty(SEND_CREDENTIALS_OVER_HTTP);
        } else {
          System.setProperty(SEND_CREDENTIALS_OVER_HTTP, before);
        }
      }
    }
  }
}
