package dev.regconform.cli;

import dev.regconform.bench.BlobBench;
import dev.regconform.bench.BlobBenchException;
import dev.regconform.bench.BlobBenchReport;
import dev.regconform.bench.ByteSize;
import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryUnreachableException;
import dev.regconform.model.Reference;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regconform bench blob}: one large blob pushed and pulled through the toolkit's own client, timed. */
@Command(name = "blob", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
    description = {
        "Pushes one blob of --size pseudo-random bytes to the registry through the",
        "toolkit's own client, pulls it back, and prints the throughput of each:",
        "'push: X MiB/s' and 'pull: Y MiB/s' (medians with --repeat).",
        "Push: POST, then one PATCH whose bytes are made and sha256-digested while",
        "they are sent (Content-Length set), then PUT ?digest, over one kept-alive",
        "connection. Pull: GET, digested while it is read and checked against what",
        "was pushed. Nothing holds the blob in memory: a GiB goes through a 64 MiB",
        "heap (JAVA_OPTS=-Xmx64m). Untimed first: GET /v2/ and a warm-up round with",
        "at most 4 MiB. The blob goes to a fresh NS/bench-<time>-<random> repository",
        "and is deleted afterwards where the registry allows."},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {"0:Measured.", "1:The registry refused a step or served other bytes.", UsageText.COULD_NOT_RUN,
        UsageText.SIGINT + " The blob is not deleted.", UsageText.SIGTERM + " The blob is not deleted."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  JAVA_OPTS=-Xmx64m ./regconform bench blob --target http://127.0.0.1:5000 \\",
        "      --size 1GiB",
        "  ./regconform bench blob --target http://127.0.0.1:5000 --size 50MiB \\",
        "      --repeat 3 --json",
        "  echo \"$TOKEN\" | ./regconform bench blob --allow-remote \\",
        "      --target https://registry.example.com --username USER --password-stdin",
        "", "Environment: OCI_ROOT_URL and OCI_NAMESPACE (defaults of --target and",
        "--namespace), OCI_USERNAME and OCI_PASSWORD (credentials; never pass a",
        "password as an argument).",
        "Only loopback targets (localhost, 127.0.0.0/8, ::1) unless --allow-remote."})
public final class BenchBlobCommand implements Callable<Integer> {
  private static final String DEFAULT_NAMESPACE = "regconform";

  @Option(names = "--target", paramLabel = "URL",
      description = "Registry base URL, e.g. http://127.0.0.1:5000 (default: OCI_ROOT_URL).")
  String target;

  @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1GiB",
      description = "Size of the blob: bytes, or with KiB, MiB, GiB or TiB (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Push and pull the blob N times and report the medians (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--json", description = "Print the results as one JSON object (and nothing else) on stdout.")
  boolean json;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace of the repository the blob goes to (default: OCI_NAMESPACE, else "
          + DEFAULT_NAMESPACE + ").")
  String namespace;

  @CommandLine.Mixin
  RegistryAccess access = new RegistryAccess();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;


  /**
   * What the options ask for, checked.
   *
   * @param target the registry's base URL
   * @param size the blob's size in bytes
   * @param repeat how many times to push and pull it
   * @param credentials null for none
   * @param repository the fresh repository the blob goes to
   */
  record Settings(URI target, long size, int repeat, Credentials credentials, String repository) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Settings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("regconform: " + e.getMessage());
      return RegconformCommand.COULD_NOT_RUN;
    }
    URI url = settings.target();
    long bytes = settings.size();
    Credentials credentials = settings.credentials();
    String repository = settings.repository();
    int rounds = settings.repeat();
    RegistryClient registry = access.client(url, credentials);
    Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try {
      // Answers the registry's challenge before the clock starts, and warms the client up.
      Optional<String> refused = RegistryAccess.refusal(url, registry, credentials, "not benchmarking");
      if (refused.isPresent()) {
        err.println("regconform: " + refused.get());
        return RegconformCommand.COULD_NOT_RUN;
      }
      if (!json) {
        out.printf("bench blob: %s to %s/v2/%s/blobs (%s; max heap %d MiB)%n", ByteSize.format(bytes), url,
            repository, BlobBench.UPLOAD, Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
      }
      BlobBench bench = new BlobBench(registry, repository, bytes, ThreadLocalRandom.current().nextLong());
      bench.warmUp();
      List<BlobBench.Round> done = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        BlobBench.Round round = bench.run();
        done.add(round);
        if (!json && rounds > 1) {
          out.println(BlobBenchReport.roundLine(i, rounds, round));
          out.flush();
        }
      }
      BlobBenchReport report = new BlobBenchReport(url, repository, bytes, date, Runtime.getRuntime().maxMemory(),
          done);
      if (json) {
        out.println(report.toJson());
      } else {
        report.summaryLines().forEach(out::println);
      }
      return 0;
    } catch (BlobBenchException e) {
      err.println("regconform: bench blob failed: " + e.getMessage());
      return 1;
    } catch (RegistryUnreachableException e) {
      err.println("regconform: " + e.getMessage());
      return RegconformCommand.COULD_NOT_RUN;
    }
  }

  /**
   * Checks the options (and reads the password from standard input with {@code --password-stdin}); connects nowhere.
   *
   * @throws IllegalArgumentException with the message to print when an option is wrong, or the target is not a
   *     loopback address and {@code --allow-remote} was not given
   */
  Settings settings() throws IOException {
    long bytes = ByteSize.parse(size);
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
    }
    URI url = access.target(target, "no registry to benchmark: give --target URL (or set OCI_ROOT_URL)",
        remote -> "refusing to benchmark " + remote + ", which is not a loopback address: the benchmark pushes and "
            + "pulls " + ByteSize.format(bytes) + (repeat > 1 ? " " + repeat + " times" : "")
            + "; add --allow-remote if that is what you want");
    Credentials credentials = access.credentials(url);
    String repository = repository(Optional.ofNullable(namespace).or(() -> access.env("OCI_NAMESPACE"))
        .orElse(DEFAULT_NAMESPACE));
    return new Settings(url, bytes, repeat, credentials, repository);
  }

  private static String repository(String namespace) {
    String base = namespace.replaceAll("/+$", "");
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    byte[] random = new byte[2];
    ThreadLocalRandom.current().nextBytes(random);
    String repository = base + "/bench-" + stamp + "-" + HexFormat.of().formatHex(random);
    if (!Reference.isValidRepository(repository)) {
      throw new IllegalArgumentException("invalid namespace '" + namespace + "': lower-case path components [a-z0-9] "
          + "joined by '.', '_', '__' or '-', separated by '/' (e.g. my-org or my-org/team)");
    }
    return repository;
  }
}
