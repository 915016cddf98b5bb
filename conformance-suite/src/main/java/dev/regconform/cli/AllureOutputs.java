package dev.regconform.cli;

import dev.regconform.allure.AllureCategories;
import dev.regconform.allure.AllureExecutor;
import dev.regconform.allure.AllureHistory;
import dev.regconform.allure.AllureHtmlReport;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.reports.TargetRun;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code regconform run} adds to the Allure results once the checks are done ({@code environment.properties},
 * {@code categories.json}, {@code executor.json}, the history of earlier runs), and the HTML report made from them.
 * A missing or failing Allure command line costs the HTML report and one warning line, never the run's exit status.
 */
final class AllureOutputs {
  private static final int PROBE_TIMEOUT_MILLIS = 4_000;

  private AllureOutputs() {}

  /**
   * @param history the history read from the report directory before the run cleared {@code allure-results/}
   * @param html whether to generate {@code allure-report/index.html} (false for {@code --no-html})
   * @return the HTML report, when one was generated
   */
  static Optional<Path> write(Path reportDir, Path allureResults, AllureHistory history, List<RegistryTarget> targets,
      List<TargetRun> runs, RunOptions options, boolean html, Function<String, String> env, PrintWriter err)
      throws IOException {
    Map<String, Map<String, String>> versions = new LinkedHashMap<>();
    targets.forEach(t -> versions.put(t.url().toString(), registryHeaders(t)));
    AllureEnvironment.write(allureResults, runs, ToolVersion.get(), options.specVersion(), versions);
    AllureCategories.write(allureResults);
    history.writeTo(allureResults);
    Path index = reportDir.resolve(AllureHtmlReport.DIR).resolve("index.html");
    AllureExecutor.write(allureResults, new AllureExecutor.Executor(runId(runs), history.runs() + 1L,
        html ? index.toAbsolutePath().toUri().toString() : null));
    if (!html) {
      return Optional.empty();
    }
    Optional<AllureHtmlReport> allure = AllureHtmlReport.locate(env);
    if (allure.isEmpty()) {
      err.println("regconform: warning: no HTML report: the Allure command line is not in "
          + AllureHtmlReport.expectedLocation(env) + " (the launcher's build unpacks it there; or set "
          + AllureHtmlReport.HOME_VARIABLE + ")");
      return Optional.empty();
    }
    try {
      return Optional.of(allure.get().generate(allureResults, reportDir.resolve(AllureHtmlReport.DIR)));
    } catch (IOException e) {
      err.println("regconform: warning: no HTML report: " + e.getMessage().replace('\n', ' '));
      return Optional.empty();
    }
  }

  /** The run id: the {@code run-<time>-<random>} segment of the runs' namespaces. */
  static String runId(List<TargetRun> runs) {
    return String.join(", ", runs.stream().map(r -> r.namespace().substring(r.namespace().lastIndexOf('/') + 1))
        .distinct().toList());
  }

  /**
   * The headers of the registry's {@code GET /v2/} that say what it is: {@code Server} and any whose name holds
   * "version" ({@code Docker-Distribution-Api-Version}, …). Empty when it does not answer within 4 seconds.
   */
  static Map<String, String> registryHeaders(RegistryTarget target) {
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      RegistryResponse response = RegistryClient.builder(target.url()).credentials(target.credentials())
          .insecure(target.insecure()).connectTimeoutMillis(PROBE_TIMEOUT_MILLIS).readTimeoutMillis(PROBE_TIMEOUT_MILLIS)
          .build().checkVersion();
      for (Map.Entry<String, String> h : response.headers()) {
        String name = h.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("server") || name.contains("version")) {
          headers.putIfAbsent(h.getKey(), h.getValue());
        }
      }
    } catch (RuntimeException unreachable) {
      // the environment then just lacks them
    }
    return headers;
  }
}
