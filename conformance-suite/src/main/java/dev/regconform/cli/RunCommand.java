package dev.regconform.cli;

import dev.regconform.allure.AllureHistory;
import dev.regconform.cleanup.RunCleanup;
import dev.regconform.client.Challenge;
import dev.regconform.client.Credentials;
import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.RegistryUnreachableException;
import dev.regconform.client.RequestTimeout;
import dev.regconform.junit.Feature;
import dev.regconform.model.Reference;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.ConformanceMatrixWriter;
import dev.regconform.reports.Counts;
import dev.regconform.reports.InteropMatrix;
import dev.regconform.reports.InteropMatrixWriter;
import dev.regconform.reports.JUnitXmlWriter;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.SummaryJsonWriter;
import dev.regconform.reports.TargetRun;
import dev.regconform.reports.requirements.Requirements;
import dev.regconform.reports.requirements.RequirementsReportWriter;
import dev.regconform.reports.requirements.Traceability;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.scenarios.LargeBlobScenarios;
import dev.regconform.scenarios.auth.AuthSettings;
import dev.regconform.target.ReferenceRegistries;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunNamespace;
import dev.regconform.target.RunOptions;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code regconform run}: drives registries through every check and writes the verdicts. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
    description = {
        "Runs every conformance check against the registries given by --target, or, with no target,",
        "against every reference registry that can start here (Distribution in a container, Distribution",
        "as a process, the embedded Artipie adapter), or those named by --reference."},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {
        "0:No check failed and none broke (warnings allowed).",
        "1:At least one check failed (a MUST; with --strict, a SHOULD too; with --baseline, one the baseline "
            + "does not list).",
        UsageText.COULD_NOT_RUN + " Also: a check broke (a harness problem) and none failed.",
        "130:Interrupted by SIGINT (Ctrl-C): what the run pushed was deleted first (30 s at most); no report files.",
        "143:Interrupted by SIGTERM; as for 130."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  ./regconform run                  # the reference registries that start here",
        "  ./regconform run --target http://127.0.0.1:5000",
        "  ./regconform run --reference distribution-process,artipie-embedded",
        "  echo \"$GITHUB_TOKEN\" | ./regconform run --target https://ghcr.io \\",
        "      --namespace YOUR_USER_OR_ORG --username YOUR_USER --password-stdin",
        "  ./regconform run --target URL --check 'pull.*' --report-dir none",
        "  ./regconform run --target URL --write-baseline ci/baseline.yaml  # once",
        "  ./regconform run --target URL --baseline ci/baseline.yaml        # in CI",
        "", "Environment: OCI_ROOT_URL and OCI_NAMESPACE (as in the official OCI conformance suite),",
        "OCI_USERNAME and OCI_PASSWORD (credentials; never pass a password as an argument), and the official",
        "suite's other OCI_* variables: OCI_TEST_PULL, OCI_TEST_PUSH, OCI_TEST_CONTENT_DISCOVERY,",
        "OCI_TEST_CONTENT_MANAGEMENT, OCI_CROSSMOUNT_NAMESPACE, OCI_AUTOMATIC_CROSSMOUNT, OCI_REPORT_DIR,",
        "OCI_HIDE_SKIPPED_WORKFLOWS, OCI_DEBUG, OCI_DELETE_MANIFEST_BEFORE_BLOBS, OCI_VERSION (see the README);",
        "REGCONFORM_READ_ONLY_PASSWORD (the password of --read-only-username).",
        "Credentials go over plain http only to loopback addresses, unless --insecure."})
public final class RunCommand implements Callable<Integer> {
  private static final int PREFLIGHT_TIMEOUT_MILLIS = 4_000;
  private static final String DEFAULT_NAMESPACE = "regconform";
  private static final Path DEFAULT_REPORT_DIR = Path.of("regconform-report");

  @Option(names = "--target", paramLabel = "URL",
      description = "Registry base URL, e.g. http://127.0.0.1:5000 or https://ghcr.io (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--reference", paramLabel = "ID", split = ",",
      description = "Instead of a --target, only these reference registries (repeatable or comma-separated): "
          + "distribution-container, distribution-process, distribution-token, distribution-htpasswd, "
          + "artipie-embedded. One that cannot start here ends the run (exit 2), saying why.")
  List<String> referenceIds = new ArrayList<>();

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Repository namespace to work under, e.g. your ghcr.io user or org (default: OCI_NAMESPACE, "
          + "else " + DEFAULT_NAMESPACE + "). "
          + "Each run writes into a fresh NS/run-<time>-<random>.")
  String namespace;

  @Option(names = "--username", paramLabel = "USER", description = "User to log in as (or OCI_USERNAME).")
  String username;

  @Option(names = "--password-stdin", description = "Read the password or token from standard input (or OCI_PASSWORD).")
  boolean passwordStdin;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where to write junit.xml, summary.json, requirements.md/.json, conformance-matrix.html/.md/.json, "
          + "interop-matrix.md/.json, diff.md, allure-results/ and allure-report/index.html "
          + "(default: OCI_REPORT_DIR, else regconform-report; none writes no files).")
  Path reportDir;

  @Option(names = "--insecure", description = "Accept TLS certificates that cannot be verified (self-signed), and send "
      + "credentials over plain http to hosts other than loopback.")
  boolean insecure;

  @Option(names = "--spec", paramLabel = "VERSION",
      description = "Distribution-spec version to hold the registry to: 1.0, 1.1 or dev (default: OCI_VERSION, else "
          + "1.1); 1.0 turns off referrers and automatic mount; dev makes the main branch's additions (manifest PUT "
          + "with ?tag=) failures instead of warnings.")
  String specVersion;

  @Option(names = "--disable", paramLabel = "FEATURE", split = ",",
      description = "Turn off checks of an optional feature the registry is known not to offer (repeatable, or "
          + "comma-separated): delete-manifests, delete-tags, delete-blobs, catalog, mount, automatic-mount, "
          + "referrers, chunked-upload, monolithic-post, upload-cancel, range-requests, tag-pagination, sha512.")
  List<String> disable = new ArrayList<>();

  @Option(names = "--read-only-username", paramLabel = "USER",
      description = "A user whose credentials may pull but not push (e.g. a ghcr.io PAT with only read:packages); its "
          + "password comes from REGCONFORM_READ_ONLY_PASSWORD. Without both, auth.read-only.* is disabled.")
  String readOnlyUsername;

  @Option(names = "--public-repository", paramLabel = "NAME",
      description = "A repository anyone may pull and the credentials may push to; auth.public.anonymous-pull pushes "
          + "an image there and pulls it anonymously.")
  String publicRepository;

  @Option(names = "--private-repository", paramLabel = "NAME",
      description = "A repository only authenticated users may pull and the credentials may push to; "
          + "auth.private.anonymous-refused pushes an image there and tries to pull it anonymously.")
  String privateRepository;

  @Option(names = "--token-signing-key", paramLabel = "KEY.pem",
      description = "The private key (PKCS#8 PEM) the registry trusts tokens from, with --token-certificate: lets "
          + "auth.bad-token.{expired,not-yet-valid,wrong-audience,wrong-issuer} mint such tokens.")
  Path tokenSigningKey;

  @Option(names = "--large-blob-size", paramLabel = "SIZE",
      description = "Size of the layer push.blob.large-streamed pushes and pulls back, streamed: bytes, or KiB, MiB, GiB "
          + "(default 300MiB). Lower it for a registry far away.")
  String largeBlobSize;

  @Option(names = "--request-timeout", paramLabel = "DURATION",
      description = "How long one request may take, e.g. 500ms, 10s, 2m (default 2m): connecting (at most 10s) and the "
          + "whole answer; a large streamed transfer may take longer but not stall for this long. A target that stops "
          + "answering ends its remaining checks broken at once.")
  String requestTimeout;

  @Option(names = "--token-certificate", paramLabel = "CERT.pem",
      description = "The certificate (PEM) of --token-signing-key, as the registry's rootcertbundle holds it.")
  Path tokenCertificate;

  @Option(names = "--strict", description = "Fail the run (exit 1) on warnings too: SHOULD requirements not met.")
  boolean strict;

  @Option(names = "--parallel", paramLabel = "N",
      description = "How many targets to check at once, each in its own namespace (default: all of them); 1 checks "
          + "them one after the other. With several at once, each target's lines are printed when it finishes.")
  Integer parallel;

  @Option(names = "--threads", paramLabel = "N",
      description = "How many scenario classes run at once against each target (default: "
          + RunOptions.DEFAULT_THREADS + "); 1 runs them one after the other. Each class owns its repositories, and "
          + "its checks run in order; the console prints a class's lines together when it finishes.")
  Integer threads;

  @Option(names = "--check", paramLabel = "PATTERN", split = ",",
      description = "Run only the checks whose id matches PATTERN ('*' matches any characters; repeatable or "
          + "comma-separated), e.g. --check 'robustness.*' --check 'pull.by-digest.*'.")
  List<String> checks = new ArrayList<>();

  @Option(names = "--target-name", paramLabel = "NAME",
      description = "Name of the --target in the same position (repeatable), for reports, --baseline and the "
          + "comparison with the previous run, which match targets by it (default: the URL).")
  List<String> targetNames = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Known deviations (YAML, see --write-baseline): only failures not listed in FILE fail the run "
          + "(exit 1); listed ones print as known, listed checks that pass now as fixed.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write the run's failed and broken checks (with --strict, its warnings too) to FILE as a baseline "
          + "for --baseline; with --baseline FILE, keep the reasons written there.")
  Path writeBaseline;

  @Option(names = "--no-html", description = "Do not generate the HTML report (allure-report/index.html); "
      + "allure-results/ is written all the same.")
  boolean noHtml;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Environment lookup; a seam for tests. */
  Function<String, String> environment = System::getenv;
  /** Standard input; a seam for tests. */
  InputStream stdin = System.in;

  /** What the official suite's OCI_* variables ask for; read in {@link #call()}. */
  private OciEnvironment.Settings oci;
  /** Where the report files go; empty for OCI_REPORT_DIR=none. */
  private Optional<Path> reports;
  /** --baseline, --write-baseline and the previous run in the report directory. */
  private RunComparison comparison;

  @Override
  public Integer call() throws IOException {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The run, printing to {@code out} and {@code err}; {@code regconform docs} runs it too.
   *
   * @return the exit status
   */
  int execute(PrintWriter out, PrintWriter err) throws IOException {
    List<URI> urls = new ArrayList<>();
    List<String> given = targets.isEmpty() && referenceIds.isEmpty()
        ? env("OCI_ROOT_URL").map(List::of).orElse(List.of()) : targets;
    for (String t : given) {
      Optional<URI> url = parseTarget(t);
      if (url.isEmpty()) {
        err.println("regconform: invalid --target '" + t + "': expected a URL such as http://127.0.0.1:5000 or https://ghcr.io");
        return RegconformCommand.COULD_NOT_RUN;
      }
      urls.add(url.get());
    }
    Credentials credentials;
    RunOptions options;
    Map<String, String> authParameters;
    List<String> selectedReferences;
    try {
      selectedReferences = ReferenceSelection.of(referenceIds, targets);
      credentials = credentials();
      authParameters = authParameters();
      oci = OciEnvironment.read(this::env);
      options = runOptions();
      comparison = RunComparison.prepare(baseline, writeBaseline, strict);
      if (writeBaseline != null) {
        InputFiles.requireWritableFile(writeBaseline, "--write-baseline");
      }
      if (targetNames.size() > urls.size() || targetNames.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("--target-name names the --target in the same position: "
            + targetNames.size() + " names for " + urls.size() + " targets" + (targetNames.stream()
            .anyMatch(String::isBlank) ? ", and a name may not be blank" : ""));
      }
    } catch (IllegalArgumentException e) {
      err.println("regconform: " + e.getMessage());
      return RegconformCommand.COULD_NOT_RUN;
    }
    if (parallel != null && parallel < 1) {
      err.println("regconform: --parallel must be at least 1, was " + parallel);
      return RegconformCommand.COULD_NOT_RUN;
    }
    if (credentials != null && !insecure) {
      Optional<URI> exposed = urls.stream()
          .filter(u -> u.getScheme().equals("http") && !CommandInputs.isLoopback(u)).findFirst();
      if (exposed.isPresent()) {
        err.println("regconform: refusing to send credentials over plain http to " + exposed.get() + ", which is not a "
            + "loopback address: use https, or --insecure if you accept that anyone on the way may read them");
        return RegconformCommand.COULD_NOT_RUN;
      }
    }
    reports = reportDir != null ? Optional.of(reportDir).filter(d -> !OciEnvironment.isNone(d.toString()))
        : env("OCI_REPORT_DIR").filter(d -> !OciEnvironment.isNone(d)).map(Path::of)
            .or(() -> env("OCI_REPORT_DIR").isPresent() ? Optional.empty() : Optional.of(DEFAULT_REPORT_DIR));
    Optional<String> unusable = reports.flatMap(d -> InputFiles.directoryProblem(d,
        reportDir != null ? "--report-dir" : "OCI_REPORT_DIR"));
    if (unusable.isPresent()) {
      err.println("regconform: " + unusable.get());
      return RegconformCommand.COULD_NOT_RUN;
    }
    oci.warnings().forEach(w -> err.println("regconform: warning: " + w));
    String baseNamespace = Optional.ofNullable(namespace).or(() -> env("OCI_NAMESPACE")).orElse(DEFAULT_NAMESPACE)
        .replaceAll("/+$", "");
    if (!Reference.isValidRepository(baseNamespace)) {
      err.println("regconform: invalid namespace '" + baseNamespace + "': lower-case path components "
          + "[a-z0-9] joined by '.', '_', '__' or '-', separated by '/' (e.g. my-org or my-org/team)");
      return RegconformCommand.COULD_NOT_RUN;
    }

    List<RegistryTarget> settings = new ArrayList<>();
    ReferenceRegistries references = null;
    try {
      if (urls.isEmpty()) {
        String owner = baseNamespace.split("/")[0];
        references = selectedReferences.isEmpty() ? ReferenceRegistries.startAvailable(owner)
            : ReferenceRegistries.startSelected(owner, selectedReferences);
        Optional<String> notStarted = ReferenceSelection.notStarted(references, selectedReferences);
        if (notStarted.isPresent()) {
          err.println("regconform: " + notStarted.get());
          return RegconformCommand.COULD_NOT_RUN;
        }
        for (String skipped : references.skipped()) {
          out.println("skipped reference " + skipped);
        }
        for (ReferenceRegistries.Started ref : references.started()) {
          settings.add(ref.target(RunNamespace.under(baseNamespace)));
        }
        if (settings.isEmpty()) {
          err.println("regconform: no reference registry could start here; give one with --target URL");
          return RegconformCommand.COULD_NOT_RUN;
        }
      } else {
        for (URI url : urls) {
          int position = urls.indexOf(url);
          RegistryTarget target = new RegistryTarget(url, credentials, RunNamespace.under(baseNamespace), insecure,
              position < targetNames.size() ? targetNames.get(position).strip() : null, authParameters);
          Optional<String> problem = preflight(target);
          if (problem.isPresent()) {
            err.println("regconform: " + problem.get());
            return RegconformCommand.COULD_NOT_RUN;
          }
          settings.add(target);
        }
      }
      return runAll(settings, options, out, err);
    } finally {
      if (references != null) {
        references.close();
      }
    }
  }

  private int runAll(List<RegistryTarget> settings, RunOptions options, PrintWriter out, PrintWriter err)
      throws IOException {
    // OCI_REPORT_DIR=none: Allure still hears every check, so its results go to a directory removed afterwards.
    Path allureResults = reports.isPresent() ? reports.get().resolve("allure-results")
        : Files.createTempDirectory("regconform-allure-");
    AllureHistory history = reports.map(AllureHistory::read).orElse(AllureHistory.NONE);
    deleteRecursively(allureResults);
    Files.createDirectories(allureResults);
    // A lifecycle of our own: Allure's default one is created once per JVM and fixes its directory then.
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults.toAbsolutePath())));
    ExchangePrinter printer = oci.debug() ? new ExchangePrinter(out) : null;
    if (printer != null) {
      ExchangeListeners.add(printer);
    }

    RunCleanup cleanup = RunCleanup.start(settings, out, err);
    List<TargetRun> runs = new ArrayList<>();
    try {
      runs.addAll(ParallelTargets.run(settings, parallel == null ? settings.size() : parallel, out, err,
          (target, o, e) -> printer == null ? runTarget(target, options, o, e)
              : printer.printingTo(o, () -> runTarget(target, options, o, e))));
    } finally {
      if (printer != null) {
        ExchangeListeners.remove(printer);
      }
      if (reports.isEmpty()) {
        deleteRecursively(allureResults);
      }
    }
    cleanup.verify();
    Counts total = runs.stream().map(TargetRun::counts).reduce(Counts.none(), Counts::plus);
    RunComparison.Result compared = comparison.compare(runs, reports, out, err);
    if (reports.isPresent()) {
      Path dir = reports.get();
      JUnitXmlWriter.write(dir.resolve("junit.xml"), runs);
      SummaryJsonWriter.write(dir.resolve("summary.json"), ToolVersion.get(), runs, cleanup.withSection(compared.summarySections()));
      Traceability trace = RequirementsReportWriter.write(dir, Requirements.load(), runs);
      trace.unknownRequirementIds().forEach((id, checks) -> err.println("warning: requirement id " + id
          + " named by " + String.join(", ", checks) + " is not in " + Requirements.RESOURCE));
      Optional<Path> html = AllureOutputs.write(dir, allureResults, history, settings, runs, options, !noHtml,
          environment, err);
      String interop = InteropMatrixWriter.write(dir, runs).isEmpty() ? ""
          : dir.resolve(InteropMatrixWriter.MARKDOWN) + ", " + dir.resolve(InteropMatrixWriter.JSON) + ", ";
      String matrix = ConformanceMatrixWriter.write(dir, ToolVersion.get(), runs).stream().map(Path::toString)
          .collect(java.util.stream.Collectors.joining(", ", "", ", "));
      out.println("Reports: " + dir.resolve("junit.xml") + ", " + dir.resolve("summary.json") + ", "
          + dir.resolve(RequirementsReportWriter.MARKDOWN) + ", " + dir.resolve(RequirementsReportWriter.JSON) + ", "
          + interop + matrix + allureResults + "/" + html.map(index -> ", " + index).orElse(""));
    } else {
      out.println("Reports: none (" + (reportDir != null ? "--report-dir none" : "OCI_REPORT_DIR=none") + ")");
    }
    out.println("(" + total.details() + ")");
    out.println(total);
    out.flush();
    return compared.exitStatus().orElseGet(() -> exitStatus(total));
  }

  /** One target's block: its header, a line per check as it finishes, its interop matrix and its totals. */
  private TargetRun runTarget(RegistryTarget target, RunOptions options, PrintWriter out, PrintWriter err) {
    String what = target.description().equals(target.url().toString()) ? "" : target.description() + " at ";
    out.println("== " + what + target.url() + " (namespace " + target.namespace() + ")");
    out.flush();
    SuiteRunner.Result result = SuiteRunner.run(target, options, r -> printResult(out, r));
    result.warnings().forEach(w -> err.println("warning: " + w));
    InteropMatrix.of(result.run()).ifPresent(m -> out.println("   client interop matrix:\n      "
        + m.toText().replace("\n", "\n      ")));
    out.println("   " + target.description() + ": " + result.run().counts());
    out.flush();
    return result.run();
  }

  /** 1 when a MUST failed (or, with --strict, a SHOULD); else 2 when a check broke; else 0. */
  private int exitStatus(Counts total) {
    if (total.count(Outcome.FAILED) > 0 || (strict && total.count(Outcome.WARNING) > 0)) {
      return 1;
    }
    return total.count(Outcome.BROKEN) > 0 ? RegconformCommand.COULD_NOT_RUN : 0;
  }

  /** --spec (or OCI_VERSION) and --disable, each switch remembered with where it came from. */
  private RunOptions runOptions() {
    String version = Optional.ofNullable(specVersion)
        .or(() -> env("OCI_VERSION").map(RunCommand::specVersionOf)).orElse("1.1");
    Map<Feature, String> disabled = new EnumMap<>(Feature.class);
    for (String key : disable) {
      disabled.put(Feature.fromKey(key.strip()), "--disable " + key.strip());
    }
    oci.disabled().forEach(disabled::putIfAbsent);
    Map<String, String> parameters = new java.util.HashMap<>(oci.parameters());
    if (largeBlobSize != null) {
      LargeBlobScenarios.parseSize(largeBlobSize);
      parameters.put(LargeBlobScenarios.SIZE, largeBlobSize);
    }
    if (requestTimeout != null) {
      parameters.put(RunOptions.REQUEST_TIMEOUT, RequestTimeout.text(RequestTimeout.parse("--request-timeout",
          requestTimeout)));
    }
    if (threads != null) {
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
      }
      parameters.put(RunOptions.THREADS, String.valueOf(threads));
    }
    if (!checks.isEmpty()) {
      CheckSelection selection = CheckSelection.of(String.join(",", checks));
      if (SuiteRunner.checkIds().stream().noneMatch(selection::selects)) {
        throw new IllegalArgumentException("no check id matches --check " + selection);
      }
      parameters.put(CheckSelection.PARAMETER, selection.toString());
    }
    return new RunOptions(version, disabled, parameters);
  }

  /** The official suite's {@code OCI_VERSION} names: {@code stable} is 1.1, {@code 1.1+dev} is dev. */
  private static String specVersionOf(String ociVersion) {
    return switch (ociVersion) {
      case "stable" -> "1.1";
      case "1.1+dev" -> RunOptions.DEV;
      default -> ociVersion;
    };
  }

  private void printResult(PrintWriter out, CheckResult r) {
    if (oci.hideDisabled() && r.outcome() == Outcome.DISABLED) {
      return;
    }
    String word = switch (r.outcome()) {
      case PASSED -> "PASS";
      case WARNING -> "WARN";
      case FAILED -> "FAIL";
      case BROKEN -> "BRKN";
      case UNSUPPORTED, DISABLED, SKIPPED -> "SKIP";
    };
    out.printf(Locale.ROOT, "%s  %-52s %s (%d ms)%n", word, r.id(), r.displayName(), r.duration().toMillis());
    if (!r.message().isEmpty() && r.outcome() != Outcome.PASSED) {
      out.println("      " + r.message().strip().replace("\n", "\n      "));
    }
    out.flush();
  }

  /**
   * GET /v2/ with a short timeout: an unreachable target is reported in one line, well within 10 s. Without
   * credentials a 401 is fine (the checks then show what anonymous access may do). With credentials, a 401 that
   * is still there after the client answered the challenge (Basic with them, or Bearer with a token fetched with
   * them) means the registry rejected them: one line too, instead of every check failing with 401.
   */
  private static Optional<String> preflight(RegistryTarget target) {
    RegistryClient client = RegistryClient.builder(target.url()).credentials(target.credentials())
        .insecure(target.insecure()).connectTimeoutMillis(PREFLIGHT_TIMEOUT_MILLIS)
        .readTimeoutMillis(PREFLIGHT_TIMEOUT_MILLIS).build();
    try {
      RegistryResponse response = client.checkVersion();
      if (response.status() == 401 && target.credentials() != null) {
        Optional<Challenge> challenge = response.header(Headers.WWW_AUTHENTICATE).flatMap(Challenge::parse);
        if (challenge.isPresent() && (challenge.get().isBasic() || challenge.get().isBearer())) {
          String how = challenge.get().isBasic() ? ""
              : challenge.get().param("realm").map(realm -> " after a token request to " + realm).orElse("");
          return Optional.of("the registry at " + target.url() + " rejected the credentials for "
              + target.credentials().username() + " (401 on GET /v2/" + how + ")");
        }
      }
      if (response.status() == 200 || response.status() == 401) {
        return Optional.empty();
      }
      return Optional.of(target.url() + " does not answer GET /v2/ like a registry: status " + response.status());
    } catch (RegistryUnreachableException e) {
      return Optional.of("cannot reach " + target.url() + ": " + e.getMessage());
    }
  }

  /** The auth checks' settings for a --target (a reference registry brings its own). */
  private Map<String, String> authParameters() {
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    Optional<String> readOnlyPassword = env("REGCONFORM_READ_ONLY_PASSWORD");
    if (readOnlyUsername != null) {
      parameters.put(AuthSettings.READ_ONLY_USERNAME, readOnlyUsername);
      parameters.put(AuthSettings.READ_ONLY_PASSWORD, readOnlyPassword.orElseThrow(() -> new IllegalArgumentException(
          "--read-only-username given without its password: set REGCONFORM_READ_ONLY_PASSWORD")));
    }
    for (Map.Entry<String, String> repository : Map.of(AuthSettings.PUBLIC_REPOSITORY, "--public-repository",
        AuthSettings.PRIVATE_REPOSITORY, "--private-repository").entrySet()) {
      String name = repository.getValue().equals("--public-repository") ? publicRepository : privateRepository;
      if (name != null && !Reference.isValidRepository(name)) {
        throw new IllegalArgumentException("invalid " + repository.getValue() + " '" + name + "': expected a repository "
            + "name such as my-org/public-image");
      }
      if (name != null) {
        parameters.put(repository.getKey(), name);
      }
    }
    if ((tokenSigningKey == null) != (tokenCertificate == null)) {
      throw new IllegalArgumentException("--token-signing-key and --token-certificate go together: give both or neither");
    }
    if (tokenSigningKey != null) {
      InputFiles.requireSigningKey(tokenSigningKey, tokenCertificate);
      parameters.put(AuthSettings.TOKEN_SIGNING_KEY, tokenSigningKey.toAbsolutePath().toString());
      parameters.put(AuthSettings.TOKEN_CERTIFICATE, tokenCertificate.toAbsolutePath().toString());
    }
    return parameters;
  }

  private Credentials credentials() throws IOException {
    return CommandInputs.credentials(username, passwordStdin, stdin, environment);
  }

  private Optional<String> env(String name) {
    return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
  }

  private static Optional<URI> parseTarget(String text) {
    return CommandInputs.parseTarget(text);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
