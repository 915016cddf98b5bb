package dev.regconform.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code summary.json}: for machines (CI jobs script against it), so its field names are stable.
 * {@code counts.passed/failed/skipped} fold outcomes as the closing line does ({@link Counts}); the
 * {@code by_<outcome>} fields count each outcome ({@link Outcome#label()}) on its own.
 *
 * <pre>{@code
 * {
 *   "tool": "regconform", "version": "0.1.0",
 *   "counts": {"passed": 41, "failed": 1, "skipped": 0, "total": 42, "by_passed": 40, "by_warning": 1, …},
 *   "targets": [{
 *     "target": "http://127.0.0.1:5000", "description": "...", "namespace": "regconform/run-…",
 *     "started": "2026-11-26T16:00:00Z",
 *     "counts": {...},
 *     "checks": [{"id": "pull.by-digest.manifest-bytes[oci]", "name": "...", "workflow": "pull",
 *                 "outcome": "passed", "level": "MUST", "requirements": ["R6"],
 *                 "message": "", "durationMillis": 12}]
 *   }]
 * }
 * }</pre>
 */
public final class SummaryJsonWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJsonWriter() {}

  /**
   * Writes the summary, UTF-8, replacing {@code file}, with no section beyond {@code targets}.
   *
   * @param file the JSON file, e.g. {@code report/summary.json}; its parent directories are created
   * @param toolVersion the regconform version written to {@code version}
   * @param runs one entry of {@code targets} per run, in this order; every run needs {@link TargetRun#started()}
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, String toolVersion, List<TargetRun> runs) throws IOException {
    write(file, toolVersion, runs, java.util.Map.of());
  }

  /**
   * Writes the summary with further top-level fields after {@code targets}: {@code baseline} (the verdict of a run
   * against {@code --baseline}) and {@code sincePrevious} (what changed since the previous run in the directory).
   *
   * @param file the JSON file, e.g. {@code report/summary.json}; its parent directories are created
   * @param toolVersion the regconform version written to {@code version}
   * @param runs one entry of {@code targets} per run, in this order; every run needs {@link TargetRun#started()}
   * @param sections further top-level fields by name, written in the map's order; a name such as {@code counts}
   *     would replace that field, so use new names
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, String toolVersion, List<TargetRun> runs,
      java.util.Map<String, ? extends com.fasterxml.jackson.databind.JsonNode> sections) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "regconform");
    root.put("version", toolVersion);
    Counts total = runs.stream().map(TargetRun::counts).reduce(Counts.none(), Counts::plus);
    root.set("counts", counts(total));
    ArrayNode targets = root.putArray("targets");
    for (TargetRun run : runs) {
      ObjectNode t = targets.addObject();
      t.put("target", run.target());
      t.put("description", run.description());
      t.put("namespace", run.namespace());
      t.put("started", run.started().toString());
      t.set("counts", counts(run.counts()));
      ArrayNode checks = t.putArray("checks");
      for (CheckResult c : run.checks()) {
        ObjectNode n = checks.addObject();
        n.put("id", c.id());
        n.put("name", c.displayName());
        n.put("workflow", c.workflow());
        n.put("outcome", c.outcome().label());
        n.put("level", c.level());
        c.requirements().forEach(n.withArray("requirements")::add);
        n.put("message", c.message());
        n.put("durationMillis", c.duration().toMillis());
      }
    }
    sections.forEach(root::set);
    Files.createDirectories(file.toAbsolutePath().getParent());
    MAPPER.writeValue(file.toFile(), root);
  }

  static ObjectNode counts(Counts counts) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("passed", counts.passed());
    n.put("failed", counts.failed());
    n.put("skipped", counts.skipped());
    n.put("total", counts.total());
    for (Outcome o : Outcome.values()) {
      n.put("by_" + o.label(), counts.count(o));
    }
    return n;
  }
}
