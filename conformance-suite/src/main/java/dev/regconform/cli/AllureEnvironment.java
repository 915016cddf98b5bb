package dev.regconform.cli;

import dev.regconform.reports.TargetRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes Allure's {@code environment.properties}: targets and toolkit version (never credentials). */
final class AllureEnvironment {
  private AllureEnvironment() {}

  static void write(Path allureResults, List<TargetRun> runs, String version) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("regconform.version=").append(escape(version)).append('\n');
    for (int i = 0; i < runs.size(); i++) {
      TargetRun run = runs.get(i);
      String prefix = runs.size() == 1 ? "target" : "target." + (i + 1);
      sb.append(prefix).append('=').append(escape(run.target())).append('\n');
      sb.append(prefix).append(".description=").append(escape(run.description())).append('\n');
      sb.append(prefix).append(".namespace=").append(escape(run.namespace())).append('\n');
    }
    Files.writeString(allureResults.resolve("environment.properties"), sb, StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\:").replace("=", "\\=");
  }
}
