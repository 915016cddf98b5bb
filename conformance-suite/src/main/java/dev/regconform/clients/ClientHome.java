package dev.regconform.clients;

import dev.regconform.client.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private home for external clients: a temp directory that is their {@code HOME}, {@code DOCKER_CONFIG}, XDG
 * directories, containers {@code auth.json}, {@code registries.conf} and signature policy, so no run reads or writes
 * the user's {@code ~/.docker} or containers configuration. Clients run with a minimal environment (PATH, the Docker
 * engine's address, this home), bounded by a time limit, their output captured and redacted.
 *
 * <pre>{@code
 * try (ClientHome home = ClientHome.create()) {
 *   ClientRun r = home.run(Duration.ofSeconds(60), "skopeo", "list-tags", "docker://127.0.0.1:5000/ns/app");
 * }
 * }</pre>
 */
public final class ClientHome implements AutoCloseable {
  /** The client processes running now, in every home ({@link #stopAll()}). */
  private static final Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static volatile boolean stopped;
  /** Variables of the caller's environment that are passed on: how to find programs and the Docker engine. */
  private static final Set<String> INHERITED = Set.of("PATH", "DOCKER_HOST", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY",
      "TMPDIR", "LANG");

  private final Path dir;
  private final List<String> secrets = new ArrayList<>();

  private ClientHome(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the directories and the containers configuration (an empty {@code registries.conf}, a policy that
   * accepts any image: the clients copy test images, which carry no signatures).
   */
  public static ClientHome create() {
    try {
      Path dir = Files.createTempDirectory("regconform-clients-");
      for (String sub : List.of("docker", "run/containers", "config/containers/registries.d", "data", "cache", "tmp")) {
        Files.createDirectories(dir.resolve(sub));
      }
      Files.writeString(dir.resolve("config/containers/registries.conf"), "# regconform: no registries configured\n");
      Files.writeString(dir.resolve("config/containers/policy.json"),
          "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}\n");
      return new ClientHome(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a private client home in the temp directory", e);
    }
  }

  /** The directory; everything in it is removed by {@link #close()}. */
  public Path dir() {
    return dir;
  }

  /** The containers auth file ({@code skopeo --authfile}, also {@code REGISTRY_AUTH_FILE}). */
  public Path authFile() {
    return dir.resolve("run/containers/auth.json");
  }

  /** The signature policy for {@code skopeo --policy}. */
  public Path policy() {
    return dir.resolve("config/containers/policy.json");
  }

  /** The docker client's configuration directory ({@code DOCKER_CONFIG}). */
  public Path dockerConfig() {
    return dir.resolve("docker");
  }

  /** A scratch directory inside this home. */
  public Path newDirectory(String prefix) {
    try {
      return Files.createTempDirectory(dir.resolve("tmp"), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory in " + dir, e);
    }
  }

  /** A value masked wherever a command line or output is shown (a password, a token). */
  public synchronized ClientHome secret(String value) {
    if (value != null && !value.isEmpty()) {
      secrets.add(value);
    }
    return this;
  }

  /** The environment clients get. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    System.getenv().forEach((k, v) -> {
      if (INHERITED.contains(k)) {
        env.put(k, v);
      }
    });
    env.putIfAbsent("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOME", dir.toString());
    env.put("DOCKER_CONFIG", dockerConfig().toString());
    env.put("DOCKER_BUILDKIT", "0");
    env.put("DOCKER_CLI_HINTS", "false");
    env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    env.put("XDG_DATA_HOME", dir.resolve("data").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put("REGISTRY_AUTH_FILE", authFile().toString());
    env.put("CONTAINERS_REGISTRIES_CONF", dir.resolve("config/containers/registries.conf").toString());
    return env;
  }

  /** Runs a client without input. */
  public ClientRun run(Duration limit, String... command) {
    return run(limit, null, List.of(command));
  }

  /**
   * Runs a client in this home and waits for it, at most {@code limit}; a client still running then is killed.
   *
   * @param limit how long the client may take
   * @param stdin what to write to its standard input (e.g. a password for {@code --password-stdin}), or null
   * @param command the program and its arguments
   * @return the exit code and the redacted output; exit code -1 when the program could not be started
   */
  public ClientRun run(Duration limit, String stdin, List<String> command) {
    long start = System.nanoTime();
    if (stopped) {
      return new ClientRun(shown(command), -1, "not started: the run is stopping", elapsed(start), false);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new ClientRun(shown(command), -1, "cannot start: " + e.getMessage(), elapsed(start), false);
    }
    RUNNING.add(process);
    try {
      return awaitClient(process, command, limit, stdin, start);
    } finally {
      RUNNING.remove(process);
    }
  }

  /**
   * Kills every client process running now, with what it started, and starts none from now on (an interrupted run
   * must push nothing more); they end as if their time limit had passed.
   *
   * @return how many were running
   */
  public static int stopAll() {
    stopped = true;
    List<Process> running = List.copyOf(RUNNING);
    for (Process process : running) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    return running.size();
  }

  private ClientRun awaitClient(Process process, List<String> command, Duration limit, String stdin, long start) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "client-output");
    reader.setDaemon(true);
    reader.start();
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The client closed its input early; its exit code and output tell why.
    }
    boolean finished;
    try {
      finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      finished = false;
    }
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.UTF_8);
    }
    return new ClientRun(shown(command), finished ? process.exitValue() : -1, redact(tail(text)), elapsed(start),
        !finished);
  }

  /** Masks the registered secrets, then credentials and tokens as everywhere else ({@link Redaction#text}). */
  public synchronized String redact(String text) {
    String t = text;
    for (String secret : secrets) {
      t = t.replace(secret, Redaction.MASK);
    }
    return Redaction.text(t);
  }

  private List<String> shown(List<String> command) {
    return command.stream().map(this::redact).toList();
  }

  private static String tail(String text) {
    return text.length() <= ClientRun.MAX_OUTPUT ? text
        : "[… " + (text.length() - ClientRun.MAX_OUTPUT) + " chars cut]\n" + text.substring(text.length()
            - ClientRun.MAX_OUTPUT);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended; what was read is kept.
    }
  }

  @Override
  public void close() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the client home " + dir, e);
    }
  }
}
