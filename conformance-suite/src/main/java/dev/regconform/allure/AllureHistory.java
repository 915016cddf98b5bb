package dev.regconform.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The history of earlier runs in a report directory, carried into the next report: Allure 2 reads it from
 * {@code allure-results/history/} and writes it, with the new run added, to {@code allure-report/history/}. It is read
 * before a run clears {@code allure-results/} (from the last HTML report, else from the results of a run without
 * one) and written back before the report is generated. The files are small JSON (a few entries per check).
 *
 * <pre>{@code
 * AllureHistory history = AllureHistory.read(reportDir);   // before allure-results/ is cleared
 * … run …
 * history.writeTo(reportDir.resolve("allure-results"));
 * }</pre>
 */
public final class AllureHistory {
  public static final String DIR = "history";
  public static final String TREND = "history-trend.json";
  /** No earlier run. */
  public static final AllureHistory NONE = new AllureHistory(Map.of());

  private final Map<String, byte[]> files;

  private AllureHistory(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(files);
  }

  /**
   * The history in {@code reportDir/allure-report/history}, else {@code reportDir/allure-results/history}; none when
   * neither exists (or cannot be read: a history is worth no failed run).
   */
  public static AllureHistory read(Path reportDir) {
    for (Path dir : new Path[] {reportDir.resolve(AllureHtmlReport.DIR).resolve(DIR),
        reportDir.resolve("allure-results").resolve(DIR)}) {
      if (Files.isDirectory(dir)) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
          for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
            files.put(file.getFileName().toString(), Files.readAllBytes(file));
          }
          return new AllureHistory(files);
        } catch (IOException unreadable) {
          return NONE;
        }
      }
    }
    return NONE;
  }

  /** Writes the history into {@code allureResults/history/}. */
  public void writeTo(Path allureResults) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    Path dir = Files.createDirectories(allureResults.resolve(DIR));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
  }

  /** How many runs the history holds: the entries of its trend; 0 when there is none. */
  public int runs() {
    byte[] trend = files.get(TREND);
    if (trend == null) {
      return 0;
    }
    try {
      JsonNode entries = new ObjectMapper().readTree(trend);
      return entries != null && entries.isArray() ? entries.size() : 0;
    } catch (IOException notJson) {
      return 0;
    }
  }

  /** The file names it holds, e.g. {@code history.json}, {@code history-trend.json}. */
  public Set<String> fileNames() {
    return files.keySet();
  }
}
