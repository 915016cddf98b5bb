package dev.regconform.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the {@link ConformanceMatrix} of a run — check × registry → outcome — in three forms:
 * {@value #HTML} (one self-contained page: inline CSS, no script, no external asset; each cell a colour and a word,
 * so it also reads without colour; a message longer than its first line, or than 120 characters,
 * shows that much and opens whole with {@code <details>}; an anchor per check, {@code #check-<id>}, and per workflow,
 * {@code #workflow-<workflow>}, with runs of characters other than letters, digits, {@code . _ -} made one {@code -},
 * e.g. {@code #check-pull.blobs.layers-oci}), {@value #MARKDOWN} (GitHub-flavoured
 * tables to paste into an issue or a README: messages cut to their first line) and {@value #JSON} (for scripts).
 * Messages are written as the checks recorded them, which is already redacted.
 *
 * <p>The JSON's field names are stable:
 *
 * <pre>{@code
 * {
 *   "tool": "regconform", "version": "0.1.0", "checks": 380, "differing": 12,
 *   "registries": [{"target": "http://127.0.0.1:5000", "description": "Distribution 2.8.2 (native process)",
 *                   "namespace": "regconform/run-…", "started": "2026-11-26T16:00:00Z",
 *                   "counts": {"passed": 370, "failed": 2, "skipped": 8, "total": 380, "by_passed": 368, …}}],
 *   "workflows": [{"workflow": "pull",
 *                  "counts": [{…}],
 *                  "checks": [{"id": "pull.by-digest.manifest-bytes[oci]", "name": "…", "level": "MUST",
 *                              "differs": false,
 *                              "results": [{"outcome": "failed", "message": "Expecting …", "durationMillis": 12},
 *                                          null]}]}]
 * }
 * }</pre>
 *
 * {@code counts} have the fields of {@code summary.json}'s ({@link SummaryJsonWriter}); every list that is per
 * registry ({@code workflows[].counts}, {@code checks[].results}) is aligned with {@code registries}, and a result
 * is {@code null} where the check did not run against that registry. {@code differs} is true when the outcomes are
 * not the same on every registry (a missing result counts as different); {@code differing} counts those checks.
 * Workflows come alphabetically ({@value ConformanceMatrix#NO_WORKFLOW} last), checks by id.
 */
public final class ConformanceMatrixWriter {
  /** The file name of the HTML page inside the report directory. */
  public static final String HTML = "conformance-matrix.html";
  /** The file name of the Markdown tables inside the report directory. */
  public static final String MARKDOWN = "conformance-matrix.md";
  /** The file name of the JSON document inside the report directory. */
  public static final String JSON = "conformance-matrix.json";
  /** How much of a message's first line a table cell shows; the rest is in {@code <details>} and the JSON. */
  static final int SHORT_MESSAGE = 120;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConformanceMatrixWriter() {}

  /**
   * Writes the three files into {@code dir}, in UTF-8, replacing files of the same names.
   *
   * @param dir the report directory; created with its parents when missing
   * @param toolVersion the regconform version the files name, e.g. {@code 0.1.0}
   * @param runs one per registry, in column order; may be empty
   * @return the files written: HTML, Markdown, JSON
   * @throws IOException when the directory or a file cannot be written
   */
  public static List<Path> write(Path dir, String toolVersion, List<TargetRun> runs) throws IOException {
    ConformanceMatrix matrix = ConformanceMatrix.of(runs);
    Files.createDirectories(dir);
    Path html = dir.resolve(HTML);
    Path markdown = dir.resolve(MARKDOWN);
    Path json = dir.resolve(JSON);
    Files.writeString(html, ConformanceMatrixHtml.page(matrix, toolVersion), StandardCharsets.UTF_8);
    Files.writeString(markdown, ConformanceMatrixMarkdown.document(matrix, toolVersion), StandardCharsets.UTF_8);
    MAPPER.writeValue(json.toFile(), json(matrix, toolVersion));
    return List.of(html, markdown, json);
  }

  static ObjectNode json(ConformanceMatrix matrix, String toolVersion) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "regconform");
    root.put("version", toolVersion);
    root.put("checks", matrix.checkCount());
    root.put("differing", matrix.differingRows().size());
    ArrayNode registries = root.putArray("registries");
    for (int i = 0; i < matrix.registries().size(); i++) {
      ConformanceMatrix.Registry r = matrix.registries().get(i);
      ObjectNode n = registries.addObject();
      n.put("target", r.target());
      n.put("description", r.description());
      n.put("namespace", r.namespace());
      n.put("started", String.valueOf(r.started()));
      n.set("counts", SummaryJsonWriter.counts(matrix.totals().get(i)));
    }
    ArrayNode workflows = root.putArray("workflows");
    for (ConformanceMatrix.Group g : matrix.groups()) {
      ObjectNode w = workflows.addObject();
      w.put("workflow", g.workflow());
      ArrayNode counts = w.putArray("counts");
      g.totals().forEach(c -> counts.add(SummaryJsonWriter.counts(c)));
      ArrayNode checks = w.putArray("checks");
      for (ConformanceMatrix.Row row : g.rows()) {
        ObjectNode c = checks.addObject();
        c.put("id", row.checkId());
        c.put("name", row.name());
        c.put("level", row.level());
        c.put("differs", row.differs());
        ArrayNode results = c.putArray("results");
        for (CheckResult cell : row.cells()) {
          if (cell == null) {
            results.addNull();
            continue;
          }
          ObjectNode result = results.addObject();
          result.put("outcome", cell.outcome().label());
          result.put("message", cell.message());
          result.put("durationMillis", cell.duration().toMillis());
        }
      }
    }
    return root;
  }

  /** The first line of a message, cut to {@link #SHORT_MESSAGE} characters with an ellipsis. */
  static String shortMessage(String message) {
    String first = message.strip().lines().findFirst().orElse("").strip();
    boolean more = first.length() > SHORT_MESSAGE || message.strip().contains("\n");
    String cut = first.length() > SHORT_MESSAGE ? first.substring(0, SHORT_MESSAGE).stripTrailing() : first;
    return more ? cut + " …" : cut;
  }

  /** E.g. {@code 40 passed, 1 warning, 2 failed}: the outcomes that occur, in {@link Outcome} order; "none" for none. */
  static String countsText(Counts counts) {
    String text = java.util.Arrays.stream(Outcome.values()).filter(o -> counts.count(o) > 0)
        .map(o -> counts.count(o) + " " + o.label() + (o == Outcome.WARNING && counts.count(o) != 1 ? "s" : ""))
        .collect(Collectors.joining(", "));
    return text.isEmpty() ? "none" : text;
  }

  /** When the earliest run started, if any run says. */
  static Optional<Instant> firstStart(ConformanceMatrix matrix) {
    return matrix.registries().stream().map(ConformanceMatrix.Registry::started).filter(java.util.Objects::nonNull)
        .min(Instant::compareTo);
  }
}
