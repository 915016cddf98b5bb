package dev.regconform.target;

import dev.regconform.client.Credentials;
import dev.regconform.embedded.EmbeddedArtipieRegistry;
import dev.regconform.fixtures.distribution.DistributionContainer;
import dev.regconform.fixtures.distribution.DistributionProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.utility.DockerImageName;

/**
 * The reference registries a run uses when no target is given: every one that can start here, and for the
 * others one line saying why not (no Docker engine, no binary, no image).
 *
 * <ul>
 *   <li>{@code distribution-container}: Distribution 2.8.2 in a container (Testcontainers, host network);
 *   <li>{@code distribution-process}: the {@code registry} / {@code docker-registry} binary as a process;
 *   <li>{@code distribution-token}: that binary with token auth against a ghcr.io-shaped token server
 *       ({@link TokenAuthReference});
 *   <li>{@code distribution-htpasswd}: that binary with htpasswd (Basic) auth;
 *   <li>{@code artipie-embedded}: the Artipie docker adapter in this JVM (always available).
 * </ul>
 */
public final class ReferenceRegistries implements AutoCloseable {

  /**
   * A reference registry that started.
   *
   * @param id stable short name, e.g. {@code distribution-process}
   * @param description what it is, for reports
   * @param url its base URL on 127.0.0.1
   * @param credentials what to log in with, null when it needs none
   * @param parameters configuration parameters the checks need for it (the auth settings), may hold secrets
   */
  public record Started(String id, String description, URI url, Credentials credentials, Map<String, String> parameters) {
    /**
     * A reference registry.
     *
     * @param id stable short name
     * @param description what it is
     * @param url its base URL
     * @param credentials what to log in with, or null
     * @param parameters its configuration parameters; null: none. Copied
     */
    public Started {
      parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * A reference anyone may use without credentials, with no parameters.
     *
     * @param id stable short name, e.g. {@code distribution-process}
     * @param description what it is, for reports
     * @param url its base URL
     */
    public Started(String id, String description, URI url) {
      this(id, description, url, null, Map.of());
    }

    /**
     * The target a run checks: this reference under {@code namespace}, with its credentials and parameters.
     *
     * @param namespace the run's namespace, e.g. from {@link RunNamespace#under}; for an authenticating reference,
     *     under the owner's namespace
     * @return the target
     */
    public RegistryTarget target(String namespace) {
      return new RegistryTarget(url, credentials, namespace, false, description, parameters);
    }
  }

  /** The user of the authenticating references, owner of the default namespace. */
  public static final String DEFAULT_OWNER = "regconform";

  private final List<Started> started = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<AutoCloseable> running = new ArrayList<>();

  private ReferenceRegistries() {}

  /**
   * Starts every reference registry that can start, with {@link #DEFAULT_OWNER} as the owner; never throws for one that
   * cannot. Close the result to stop them.
   *
   * @return the references started and the reasons of those that did not
   */
  public static ReferenceRegistries startAvailable() {
    return startAvailable(DEFAULT_OWNER);
  }

  /**
   * Starts every reference registry that can start; never throws for one that cannot.
   *
   * @param owner the user of the authenticating references, who owns the namespace of that name: the first path
   *     segment of the run's namespace
   * @return the references started and the reasons of those that did not; close it to stop them
   */
  public static ReferenceRegistries startAvailable(String owner) {
    return startSelected(owner, IDS);
  }

  /**
   * Starts the reference registries named by {@code ids} (those of them that can start), in the order of {@link #IDS};
   * never throws for one that cannot.
   *
   * @param owner the user of the authenticating references, as for {@link #startAvailable(String)}
   * @param ids which references to start, each one of {@link #IDS}
   * @return the references started and the reasons of those that did not; close it to stop them
   * @throws IllegalArgumentException when an id is not one of {@link #IDS}
   */
  public static ReferenceRegistries startSelected(String owner, java.util.Collection<String> ids) {
    List<String> unknown = ids.stream().filter(id -> !IDS.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no reference registry " + String.join(", ", unknown) + ": the references are "
          + String.join(", ", IDS));
    }
    ReferenceRegistries refs = new ReferenceRegistries();
    for (String id : IDS) {
      if (!ids.contains(id)) {
        continue;
      }
      switch (id) {
        case CONTAINER_ID -> refs.startContainer();
        case PROCESS_ID -> refs.startProcess();
        case TokenAuthReference.ID -> refs.startTokenAuthProcess(owner);
        case HTPASSWD_ID -> refs.startHtpasswdProcess(owner);
        case EMBEDDED_ID -> refs.startEmbedded();
        default -> throw new IllegalStateException("no way to start " + id);
      }
    }
    return refs;
  }

  /**
   * Distribution as a process with htpasswd (Basic) auth: user {@code owner} with a generated password.
   *
   * @param binary the Distribution binary, e.g. from {@code DistributionProcess.findBinary()}
   * @param owner the user to create
   * @return the reference and the process to close
   */
  public static Map.Entry<Started, DistributionProcess> startHtpasswd(Path binary, String owner) {
    byte[] random = new byte[16];
    new java.security.SecureRandom().nextBytes(random);
    String password = "regconform-" + java.util.HexFormat.of().formatHex(random);
    DistributionProcess process = DistributionProcess.builder(binary).htpasswd(owner, password).start();
    return Map.entry(new Started(HTPASSWD_ID, "Distribution " + process.version() + " (process " + binary
        + ", htpasswd)", process.baseUri(), new Credentials(owner, password), Map.of()), process);
  }

  /** The id of the htpasswd reference. */
  public static final String HTPASSWD_ID = "distribution-htpasswd";
  /** The id of Distribution in a container. */
  public static final String CONTAINER_ID = "distribution-container";
  /** The id of Distribution as a process, open. */
  public static final String PROCESS_ID = "distribution-process";
  /** The id of the embedded Artipie adapter. */
  public static final String EMBEDDED_ID = "artipie-embedded";
  /** Every reference registry's id, in the order they start. */
  public static final List<String> IDS = List.of(CONTAINER_ID, PROCESS_ID, TokenAuthReference.ID, HTPASSWD_ID,
      EMBEDDED_ID);

  /**
   * The references that started, in the order they started.
   *
   * @return an unmodifiable copy
   */
  public List<Started> started() {
    return List.copyOf(started);
  }

  /**
   * The references that did not start.
   *
   * @return one line per reference, {@code <id>: <why>}, e.g. {@code distribution-process: no 'registry' or
   *     'docker-registry' binary on PATH …}
   */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  private void startContainer() {
    DockerImageName image = DistributionContainer.configuredImage();
    Optional<String> reason = DistributionContainer.unavailableReason(image);
    if (reason.isPresent()) {
      skipped.add(CONTAINER_ID + ": " + reason.get());
      return;
    }
    try {
      DistributionContainer container = new DistributionContainer(image);
      container.start();
      running.add(container::stop);
      started.add(new Started(CONTAINER_ID, "Distribution " + image.getVersionPart()
          + " (container " + image.asCanonicalNameString() + ")", container.getRegistryUrl()));
    } catch (RuntimeException e) {
      skipped.add(CONTAINER_ID + ": did not start: " + e.getMessage());
    }
  }

  private void startProcess() {
    Optional<Path> binary = DistributionProcess.findBinary();
    if (binary.isEmpty()) {
      skipped.add(PROCESS_ID + ": no 'registry' or 'docker-registry' binary on PATH "
          + "(apt-get install docker-registry, or set REGCONFORM_DISTRIBUTION_BINARY)");
      return;
    }
    try {
      DistributionProcess process = DistributionProcess.start(binary.get());
      running.add(process);
      started.add(new Started(PROCESS_ID, "Distribution " + process.version() + " (process "
          + binary.get() + ")", process.baseUri()));
    } catch (RuntimeException e) {
      skipped.add(PROCESS_ID + ": " + binary.get() + " did not start: " + e.getMessage());
    }
  }

  private void startTokenAuthProcess(String owner) {
    Optional<Path> binary = DistributionProcess.findBinary();
    if (binary.isEmpty()) {
      skipped.add(TokenAuthReference.ID + ": no 'registry' or 'docker-registry' binary on PATH");
      return;
    }
    try {
      TokenAuthReference reference = TokenAuthReference.start(binary.get(), owner, null);
      running.add(reference);
      started.add(reference.started());
    } catch (RuntimeException e) {
      skipped.add(TokenAuthReference.ID + ": did not start: " + e.getMessage());
    }
  }

  private void startHtpasswdProcess(String owner) {
    Optional<Path> binary = DistributionProcess.findBinary();
    if (binary.isEmpty()) {
      skipped.add(HTPASSWD_ID + ": no 'registry' or 'docker-registry' binary on PATH");
      return;
    }
    try {
      Map.Entry<Started, DistributionProcess> reference = startHtpasswd(binary.get(), owner);
      running.add(reference.getValue());
      started.add(reference.getKey());
    } catch (RuntimeException e) {
      skipped.add(HTPASSWD_ID + ": did not start: " + e.getMessage());
    }
  }

  private void startEmbedded() {
    try {
      EmbeddedArtipieRegistry artipie = EmbeddedArtipieRegistry.start();
      running.add(artipie);
      // Not artipie.description(), which names the port: baselines and the diff with the previous run match a target
      // by its description, so it must be the same in every run.
      started.add(new Started(EMBEDDED_ID, "Artipie docker-adapter " + EmbeddedArtipieRegistry.VERSION
          + " (embedded)", artipie.baseUri()));
    } catch (RuntimeException e) {
      skipped.add(EMBEDDED_ID + ": did not start: " + e.getMessage());
    }
  }

  /** Stops every registry started, newest first. */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        System.err.println("warning: stopping a reference registry failed: " + e.getMessage());
      }
    }
    running.clear();
  }
}
