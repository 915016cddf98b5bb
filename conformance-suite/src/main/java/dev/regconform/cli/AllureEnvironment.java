package dev.regconform.cli;

import dev.regconform.client.Redaction;
import dev.regconform.reports.TargetRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes Allure's {@code environment.properties}: toolkit version, spec profile, and per target its URL, description,
 * namespace and the version headers its {@code GET /v2/} answered with (never credentials).
 */
final class AllureEnvironment {
  private AllureEnvironment() {}

  /**
   * @param spec the spec profile ({@code --spec}); null to leave it out
   * @param registryHeaders per target URL, the headers that say what the registry is (e.g.
   *     {@code Docker-Distribution-Api-Version}, {@code Server}), in order
   */
  static void write(Path allureResults, List<TargetRun> runs, String version, String spec,
      Map<String, Map<String, String>> registryHeaders) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("regconform.version=").append(escape(version)).append('\n');
    if (spec != null) {
      sb.append("spec=").append(escape(spec)).append('\n');
    }
    for (int i = 0; i < runs.size(); i++) {
      TargetRun run = runs.get(i);
      String prefix = runs.size() == 1 ? "target" : "target." + (i + 1);
      sb.append(prefix).append('=').append(escape(run.target())).append('\n');
      sb.append(prefix).append(".description=").append(escape(run.description())).append('\n');
      sb.append(prefix).append(".namespace=").append(escape(run.namespace())).append('\n');
      registryHeaders.getOrDefault(run.target(), Map.of()).forEach((name, value) -> sb.append(prefix).append('.')
          .append(escape(name)).append('=').append(escape(Redaction.text(value))).append('\n'));
    }
    Files.writeString(allureResults.resolve("environment.properties"), sb, StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\:").replace("=", "\\=");
  }
}
