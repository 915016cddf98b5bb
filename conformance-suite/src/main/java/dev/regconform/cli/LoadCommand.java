package dev.regconform.cli;

import dev.regconform.bench.ByteSize;
import dev.regconform.cleanup.Interruption;
import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryUnreachableException;
import dev.regconform.load.Cleanup;
import dev.regconform.load.LoadChart;
import dev.regconform.load.LoadDuration;
import dev.regconform.load.LoadException;
import dev.regconform.load.LoadInterruption;
import dev.regconform.load.LoadReport;
import dev.regconform.load.LoadRun;
import dev.regconform.load.Mix;
import dev.regconform.load.RegistryWorkload;
import dev.regconform.model.Reference;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regconform load}: N workers run a mix of push, pull, HEAD and tag-list operations against a registry. */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
    description = {
        "Runs N workers against the registry, each doing one operation after another",
        "(no pause), drawn at random from --mix, until --duration is up or --operations",
        "have started, and reports per operation: ops/s, latency p50/p95/p99/max, and",
        "errors by status (or by kind when no answer came). push: a blob of --blob-size",
        "fresh bytes (POST, one streamed PATCH, PUT ?digest) and a manifest naming it,",
        "under a new tag; pull: GET a manifest by tag, then GET its layer, digest",
        "checked; head: HEAD a manifest by tag; tags: GET tags/list. An operation's",
        "latency is its first request to the last byte of its last answer; ops/s and",
        "latencies count the operations that succeeded. Before timing: GET /v2/ and 2",
        "seed images in each of the run's repositories, NS/load-<time>-<random>/r0..r3.",
        "Afterwards every image is deleted where the registry allows; what stays is said.",
        "Writes load.json and load.svg (latency bars, throughput per second) to",
        "--report-dir and prints a table."},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {"0:No operation failed.", "1:At least one operation failed.", UsageText.COULD_NOT_RUN,
        "130:Interrupted by SIGINT (Ctrl-C): the run's images were deleted first (30 s at most); no report files.",
        "143:Interrupted by SIGTERM; as for 130."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  ./regconform load --target http://127.0.0.1:5000 --concurrency 8 \\",
        "      --duration 30s",
        "  ./regconform load --target URL --duration 2m --operations 5000 --mix pull=1 \\",
        "      --blob-size 64KiB --json",
        "", "Environment: OCI_ROOT_URL, OCI_NAMESPACE and OCI_REPORT_DIR (defaults of",
        "--target, --namespace and --report-dir), OCI_USERNAME and OCI_PASSWORD",
        "(credentials; never pass a password as an argument).",
        "Only loopback targets (localhost, 127.0.0.0/8, ::1) unless --allow-remote."})
public final class LoadCommand implements Callable<Integer> {
  private static final String DEFAULT_NAMESPACE = "regconform";
  private static final Path DEFAULT_REPORT_DIR = Path.of("regconform-report");
  private static final int SEED_IMAGES = 2;
  private static final int MAX_REPOSITORIES = 4;
  private static final int MAX_CLEANUP_THREADS = 16;

  @Option(names = "--target", paramLabel = "URL",
      description = "Registry base URL, e.g. http://127.0.0.1:5000 (default: OCI_ROOT_URL).")
  String target;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Workers, 1 to " + LoadRun.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s",
      description = "How long to run: a whole number with ms, s, m or h, at most 24h (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--operations", paramLabel = "N",
      description = "Stop earlier, once N operations have started (over all workers).")
  Long operations;

  @Option(names = "--mix", paramLabel = "MIX", defaultValue = "push=1,pull=4,head=2,tags=1",
      description = "Weights of the operations push, pull, head and tags (default: ${DEFAULT-VALUE}).")
  String mix;

  @Option(names = "--blob-size", paramLabel = "SIZE", defaultValue = "1MiB",
      description = "Size of each pushed layer: bytes, or with KiB, MiB or GiB (default: ${DEFAULT-VALUE}).")
  String blobSize;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where to write load.json and load.svg (default: OCI_REPORT_DIR, else regconform-report; none "
          + "writes no files).")
  String reportDir;

  @Option(names = "--json", description = "Print the results as one JSON object (and nothing else) on stdout.")
  boolean json;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace of the run's repositories (default: OCI_NAMESPACE, else " + DEFAULT_NAMESPACE + ").")
  String namespace;

  @CommandLine.Mixin
  RegistryAccess access = new RegistryAccess();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;


  /**
   * What the options ask for, checked.
   *
   * @param base the run's own name, {@code NS/load-<time>-<random>}; its repositories are {@code base/r0} …
   * @param repositories the run's repositories
   * @param reportDir where the files go; empty for none
   */
  record Settings(URI target, int concurrency, Duration duration, OptionalLong operations, Mix mix, long blobSize,
      Credentials credentials, String base, List<String> repositories, Optional<Path> reportDir) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Settings s;
    try {
      s = settings();
    } catch (IllegalArgumentException e) {
      err.println("regconform: " + e.getMessage());
      return RegconformCommand.COULD_NOT_RUN;
    }
    RegistryClient registry = access.client(s.target(), s.credentials());
    Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RegistryWorkload workload = new RegistryWorkload(registry, s.repositories(), s.blobSize(), s.base());
    int cleanupThreads = Math.min(s.concurrency(), MAX_CLEANUP_THREADS);
    try {
      Optional<String> refused = RegistryAccess.refusal(s.target(), registry, s.credentials(), "no load run");
      if (refused.isPresent()) {
        err.println("regconform: " + refused.get());
        return RegconformCommand.COULD_NOT_RUN;
      }
      if (!json) {
        out.println(LoadReport.headline(s.target(), s.base(), s.concurrency(), s.duration(), s.operations(), s.mix(),
            s.blobSize()));
        out.flush();
      }
      try {
        workload.seed(SEED_IMAGES, new SplittableRandom());
      } catch (LoadException e) {
        err.println("regconform: " + e.getMessage() + "; no load run");
        reportCleanup(workload.cleanUp(cleanupThreads), err);
        return RegconformCommand.COULD_NOT_RUN;
      }
      // Ctrl-C or SIGTERM: stop the workers and delete the run's images (30 s at most), as regconform run does.
      Interruption interruption = LoadInterruption.arm(out, workload, cleanupThreads);
      LoadRun.Result result = new LoadRun(workload, s.mix(), s.concurrency(), s.duration(), s.operations()).run();
      interruption.holdIfTriggered();
      if (!json) {
        out.printf("run over after %.1f s; deleting the run's images...%n", result.elapsedNanos() / 1e9);
        out.flush();
      }
      Cleanup cleanup = workload.cleanUp(cleanupThreads);
      interruption.disarm();
      LoadReport report = new LoadReport(s.target(), s.repositories(), date, s.concurrency(), s.duration(),
          s.operations(), s.mix(), s.blobSize(), result, cleanup, Runtime.getRuntime().maxMemory());
      List<Path> written = write(report, s.reportDir());
      if (json) {
        out.println(report.toJson());
      } else {
        report.tableLines().forEach(out::println);
        out.println("Reports: " + (written.isEmpty()
            ? "none (" + (reportDir != null ? "--report-dir" : "OCI_REPORT_DIR") + " none)"
            : String.join(", ", written.stream().map(Path::toString).toList())));
      }
      return report.errors() > 0 ? 1 : 0;
    } catch (RegistryUnreachableException e) {
      err.println("regconform: " + e.getMessage());
      return RegconformCommand.COULD_NOT_RUN;
    }
  }

  private static void reportCleanup(Cleanup cleanup, PrintWriter err) {
    if (!cleanup.complete()) {
      err.println("regconform: left behind: " + String.join("; ", cleanup.left()));
    }
  }

  private static List<Path> write(LoadReport report, Optional<Path> dir) throws IOException {
    List<Path> written = new ArrayList<>();
    if (dir.isPresent()) {
      Files.createDirectories(dir.get());
      written.add(Files.writeString(dir.get().resolve("load.json"), report.toJson() + "\n", StandardCharsets.UTF_8));
      written.add(Files.writeString(dir.get().resolve("load.svg"), LoadChart.svg(report), StandardCharsets.UTF_8));
    }
    return written;
  }

  /**
   * Checks the options (and reads the password from standard input with {@code --password-stdin}); connects nowhere.
   *
   * @throws IllegalArgumentException with the one line to print when an option is wrong, or the target is not a
   *     loopback address and {@code --allow-remote} was not given
   */
  Settings settings() throws IOException {
    if (concurrency < 1 || concurrency > LoadRun.MAX_CONCURRENCY) {
      throw new IllegalArgumentException("--concurrency must be 1 to " + LoadRun.MAX_CONCURRENCY + ", was "
          + concurrency);
    }
    Duration time = LoadDuration.parse(duration);
    if (operations != null && operations < 1) {
      throw new IllegalArgumentException("--operations must be at least 1, was " + operations);
    }
    Mix weights = Mix.parse(mix);
    long bytes = ByteSize.parse(blobSize);
    URI url = access.target(target, "no registry to load: give --target URL (or set OCI_ROOT_URL)",
        remote -> "refusing to load " + remote + ", which is not a loopback address: the run sends " + concurrency
            + " workers' requests for " + LoadDuration.format(time) + " and pushes images; add --allow-remote if "
            + "that is what you want");
    Credentials credentials = access.credentials(url);
    String base = base(Optional.ofNullable(namespace).or(() -> access.env("OCI_NAMESPACE")).orElse(DEFAULT_NAMESPACE));
    List<String> repositories = new ArrayList<>();
    for (int i = 0; i < Math.min(concurrency, MAX_REPOSITORIES); i++) {
      repositories.add(base + "/r" + i);
    }
    Optional<Path> reports = reportDir != null
        ? Optional.of(reportDir).filter(d -> !OciEnvironment.isNone(d)).map(Path::of)
        : access.env("OCI_REPORT_DIR")
            .map(d -> OciEnvironment.isNone(d) ? Optional.<Path>empty() : Optional.of(Path.of(d)))
            .orElse(Optional.of(DEFAULT_REPORT_DIR));
    reports.flatMap(d -> InputFiles.directoryProblem(d, reportDir != null ? "--report-dir" : "OCI_REPORT_DIR"))
        .ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
    return new Settings(url, concurrency, time, operations == null ? OptionalLong.empty() : OptionalLong.of(operations),
        weights, bytes, credentials, base, repositories, reports);
  }

  private static String base(String namespace) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    byte[] random = new byte[2];
    ThreadLocalRandom.current().nextBytes(random);
    String base = namespace.replaceAll("/+$", "") + "/load-" + stamp + "-" + HexFormat.of().formatHex(random);
    if (!Reference.isValidRepository(base + "/r0")) {
      throw new IllegalArgumentException("invalid namespace '" + namespace + "': lower-case path components [a-z0-9] "
          + "joined by '.', '_', '__' or '-', separated by '/' (e.g. my-org or my-org/team)");
    }
    return base;
  }
}
