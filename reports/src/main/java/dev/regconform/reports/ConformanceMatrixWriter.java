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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public static final String HTML = "conformance-matrix.html";
  public static final String MARKDOWN = "conformance-matrix.md";
  public static final String JSON = "conformance-matrix.json";
  /** How much of a message's first line a table cell shows; the rest is in {@code <details>} and the JSON. */
  static final int SHORT_MESSAGE = 120;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConformanceMatrixWriter() {}

  /**
   * Writes the three files into {@code dir}.
   *
   * @return the files written: HTML, Markdown, JSON
   */
  public static List<Path> write(Path dir, String toolVersion, List<TargetRun> runs) throws IOException {
    ConformanceMatrix matrix = ConformanceMatrix.of(runs);
    Files.createDirectories(dir);
    Path html = dir.resolve(HTML);
    Path markdown = dir.resolve(MARKDOWN);
    Path json = dir.resolve(JSON);
    Files.writeString(html, html(matrix, toolVersion), StandardCharsets.UTF_8);
    Files.writeString(markdown, markdown(matrix, toolVersion), StandardCharsets.UTF_8);
    MAPPER.writeValue(json.toFile(), json(matrix, toolVersion));
    return List.of(html, markdown, json);
  }

  // ---- HTML ----

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:1.5rem;\
      color:#1f2328;background:#fff}
      h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;\
      border-bottom:1px solid #d1d9e0}
      p.meta,p.legend{color:#59636e;margin:.2rem 0}
      table{border-collapse:collapse;margin:.5rem 0}
      th,td{border:1px solid #d1d9e0;padding:.3rem .55rem;vertical-align:top;text-align:left}
      thead th{background:#f6f8fa;position:sticky;top:0;z-index:1}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
      .url{color:#59636e;font-weight:normal}
      .name{color:#59636e;font-size:.92em}
      .word{font-weight:600}
      .o-passed{background:#dafbe1}.o-passed .word{color:#116329}
      .o-warning{background:#fff8c5}.o-warning .word{color:#7d4e00}
      .o-failed{background:#ffebe9}.o-failed .word{color:#a40e26}
      .o-broken{background:#fbefff}.o-broken .word{color:#6e3a9e}
      .o-unsupported,.o-disabled,.o-skipped{background:#f6f8fa}.o-unsupported .word,.o-disabled .word,\
      .o-skipped .word{color:#59636e}
      .o-absent{color:#818b98;font-style:italic}
      tr.differs>td:first-child{box-shadow:inset 4px 0 0 #bc4c00}
      .mark{display:inline-block;margin-left:.4em;padding:0 .35em;border-radius:.25em;background:#bc4c00;color:#fff;\
      font-size:.8em;font-weight:600}
      td.matrix-cell{max-width:32rem}
      details,.msg{margin-top:.2rem}summary,.msg{overflow-wrap:anywhere}summary{cursor:pointer}
      pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0 0;padding:.4rem;background:#fff;\
      border:1px solid #d1d9e0;font-size:.85em;max-height:30rem;overflow:auto}
      """;

  static String html(ConformanceMatrix matrix, String toolVersion) {
    Anchors anchors = new Anchors();
    List<ConformanceMatrix.Registry> registries = matrix.registries();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>Registry conformance matrix</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>Registry conformance matrix</h1>\n<p class=\"meta\">regconform ").append(esc(toolVersion))
        .append(" · ").append(matrix.checkCount()).append(" checks · ").append(registries.size())
        .append(registries.size() == 1 ? " registry" : " registries");
    firstStart(matrix).ifPresent(s -> h.append(" · run started ").append(esc(s.toString())));
    h.append("</p>\n<p class=\"legend\">Each cell is a check's outcome on one registry: passed; warning (a SHOULD or "
        + "MAY not met); failed (a MUST violated); broken (the check could not complete); unsupported (the registry "
        + "said the feature is absent); disabled (turned off by configuration); skipped; <em>not run</em> (the check "
        + "did not run there). A long message shows its first line, which opens the whole message."
        + (registries.size() > 1 ? " <span class=\"mark\">differs</span> marks a check whose outcome is not the same "
            + "on every registry." : "")
        + "</p>\n");

    h.append("<h2 id=\"registries\">Registries</h2>\n<table>\n<thead><tr><th>#</th><th>Registry</th><th>URL</th>"
        + "<th>Namespace</th><th>Started</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < registries.size(); i++) {
      ConformanceMatrix.Registry r = registries.get(i);
      h.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(esc(r.description()))
          .append("</td><td><code>").append(esc(r.target())).append("</code></td><td><code>")
          .append(esc(r.namespace())).append("</code></td><td>").append(esc(String.valueOf(r.started())))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    h.append("<h2 id=\"summary\">Summary</h2>\n<table>\n<thead><tr><th>Outcome</th>");
    registries.forEach(r -> h.append(registryHeader(r)));
    h.append("</tr></thead>\n<tbody>\n");
    for (Outcome o : Outcome.values()) {
      h.append("<tr><th scope=\"row\" class=\"o-").append(o.label()).append("\"><span class=\"word\">")
          .append(o.label()).append("</span></th>");
      matrix.totals().forEach(c -> h.append("<td class=\"num\">").append(c.count(o)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("<tr><th scope=\"row\">total</th>");
    matrix.totals().forEach(c -> h.append("<td class=\"num\"><strong>").append(c.total()).append("</strong></td>"));
    h.append("</tr>\n</tbody>\n</table>\n");
    if (registries.size() > 1) {
      int differing = matrix.differingRows().size();
      h.append("<p>").append(differing).append(differing == 1 ? " check differs" : " checks differ")
          .append(" between the registries").append(differing == 0 ? "." : ": see <a href=\"#differences\">below</a>.")
          .append("</p>\n");
    }

    h.append("<h2 id=\"workflows\">By workflow</h2>\n<table>\n<thead><tr><th>Workflow</th><th>Checks</th>");
    registries.forEach(r -> h.append(registryHeader(r)));
    h.append("</tr></thead>\n<tbody>\n");
    for (ConformanceMatrix.Group g : matrix.groups()) {
      h.append("<tr><td><a href=\"#").append(anchors.workflow(g.workflow())).append("\"><code>")
          .append(esc(g.workflow())).append("</code></a></td><td class=\"num\">").append(g.rows().size())
          .append("</td>");
      g.totals().forEach(c -> h.append("<td>").append(esc(countsText(c))).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    List<ConformanceMatrix.Row> differing = matrix.differingRows();
    if (registries.size() > 1 && !differing.isEmpty()) {
      h.append("<h2 id=\"differences\">Checks that differ between the registries (").append(differing.size())
          .append(")</h2>\n<table>\n<thead><tr><th>Check</th>");
      registries.forEach(r -> h.append(registryHeader(r)));
      h.append("</tr></thead>\n<tbody>\n");
      for (ConformanceMatrix.Row row : differing) {
        h.append("<tr><td><a href=\"#").append(anchors.check(row.checkId())).append("\"><code>")
            .append(esc(row.checkId())).append("</code></a></td>");
        for (int i = 0; i < registries.size(); i++) {
          h.append(row.cell(i).map(c -> "<td class=\"o-" + c.outcome().label() + "\"><span class=\"word\">"
              + c.outcome().label() + "</span></td>").orElse("<td class=\"o-absent\">not run</td>"));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }

    for (ConformanceMatrix.Group g : matrix.groups()) {
      h.append("<h2 id=\"").append(anchors.workflow(g.workflow())).append("\">Workflow <code>").append(esc(g.workflow()))
          .append("</code> (").append(g.rows().size()).append(g.rows().size() == 1 ? " check" : " checks")
          .append(")</h2>\n<table>\n<thead><tr><th>Check</th><th>Level</th>");
      registries.forEach(r -> h.append(registryHeader(r)));
      h.append("</tr></thead>\n<tbody>\n");
      for (ConformanceMatrix.Row row : g.rows()) {
        String anchor = anchors.check(row.checkId());
        h.append("<tr id=\"").append(anchor).append('"').append(row.differs() ? " class=\"differs\"" : "")
            .append("><td><a href=\"#").append(anchor).append("\"><code>").append(esc(row.checkId()))
            .append("</code></a>").append(row.differs() ? "<span class=\"mark\">differs</span>" : "")
            .append("<div class=\"name\">").append(esc(row.name())).append("</div></td><td>").append(esc(row.level()))
            .append("</td>");
        for (int i = 0; i < registries.size(); i++) {
          h.append(htmlCell(row.cell(i)));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String registryHeader(ConformanceMatrix.Registry r) {
    return "<th scope=\"col\">" + esc(r.description())
        + (r.description().equals(r.target()) ? "" : "<br/><span class=\"url\">" + esc(r.target()) + "</span>")
        + "</th>";
  }

  private static String htmlCell(Optional<CheckResult> cell) {
    if (cell.isEmpty()) {
      return "<td class=\"o-absent\">not run</td>";
    }
    CheckResult c = cell.get();
    StringBuilder td = new StringBuilder("<td class=\"matrix-cell o-").append(c.outcome().label())
        .append("\"><span class=\"word\">").append(c.outcome().label()).append("</span>");
    String message = c.message().strip();
    String shown = shortMessage(message);
    if (shown.equals(message)) {
      td.append(message.isEmpty() ? "" : "<div class=\"msg\">" + esc(message) + "</div>");
    } else {
      td.append("<details><summary>").append(esc(shown)).append("</summary><pre>").append(esc(message))
          .append("</pre></details>");
    }
    return td.append("</td>").toString();
  }

  /**
   * Escapes text for HTML element content and attribute values; control characters other than tab and newline
   * (which HTML cannot carry) become U+FFFD.
   */
  static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\n', '\t' -> sb.appendCodePoint(cp);
        case '\r' -> { }
        default -> sb.appendCodePoint(Character.isISOControl(cp) ? 0xFFFD : cp);
      }
    });
    return sb.toString();
  }

  /** Unique HTML ids: {@code check-<id>} and {@code workflow-<name>}, reduced to characters safe in a URL fragment. */
  private static final class Anchors {
    private final Map<String, String> assigned = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();

    String check(String checkId) {
      return assign("check:" + checkId, "check-" + slug(checkId));
    }

    String workflow(String workflow) {
      return assign("workflow:" + workflow, "workflow-" + slug(workflow));
    }

    private String assign(String key, String base) {
      return assigned.computeIfAbsent(key, k -> {
        int n = used.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
      });
    }

    private static String slug(String text) {
      String slug = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
      return slug.isEmpty() ? "x" : slug;
    }
  }

  // ---- Markdown ----

  static String markdown(ConformanceMatrix matrix, String toolVersion) {
    List<ConformanceMatrix.Registry> registries = matrix.registries();
    StringBuilder md = new StringBuilder(32 * 1024);
    md.append("# Registry conformance matrix\n\nregconform ").append(mdText(toolVersion)).append(" · ")
        .append(matrix.checkCount()).append(" checks · ").append(registries.size())
        .append(registries.size() == 1 ? " registry" : " registries");
    firstStart(matrix).ifPresent(s -> md.append(" · run started ").append(s));
    md.append("\n\nEach cell is a check's outcome on one registry, with the first line of its message: passed; warning "
        + "(a SHOULD or MAY not met); failed (a MUST violated); broken (the check could not complete); unsupported; "
        + "disabled; skipped; *not run* (the check did not run there)."
        + (registries.size() > 1 ? " **differs**: the outcome is not the same on every registry." : "")
        + "\n\n## Registries\n\n| # | Registry | URL | Namespace |\n|---:|---|---|---|\n");
    for (int i = 0; i < registries.size(); i++) {
      ConformanceMatrix.Registry r = registries.get(i);
      md.append("| ").append(i + 1).append(" | ").append(mdText(r.description())).append(" | ").append(mdCode(r.target()))
          .append(" | ").append(mdCode(r.namespace())).append(" |\n");
    }

    md.append("\n## Summary\n\n| Outcome |");
    registries.forEach(r -> md.append(' ').append(mdText(r.description())).append(" |"));
    md.append("\n|---|");
    registries.forEach(r -> md.append("---:|"));
    md.append('\n');
    for (Outcome o : Outcome.values()) {
      md.append("| ").append(o.label()).append(" |");
      matrix.totals().forEach(c -> md.append(' ').append(c.count(o)).append(" |"));
      md.append('\n');
    }
    md.append("| **total** |");
    matrix.totals().forEach(c -> md.append(" **").append(c.total()).append("** |"));
    md.append('\n');

    md.append("\n## By workflow\n\n| Workflow | Checks |");
    registries.forEach(r -> md.append(' ').append(mdText(r.description())).append(" |"));
    md.append("\n|---|---:|");
    registries.forEach(r -> md.append("---|"));
    md.append('\n');
    for (ConformanceMatrix.Group g : matrix.groups()) {
      md.append("| ").append(mdCode(g.workflow())).append(" | ").append(g.rows().size()).append(" |");
      g.totals().forEach(c -> md.append(' ').append(mdText(countsText(c))).append(" |"));
      md.append('\n');
    }

    List<ConformanceMatrix.Row> differing = matrix.differingRows();
    if (registries.size() > 1) {
      md.append("\n## Checks that differ between the registries (").append(differing.size()).append(")\n\n");
      if (differing.isEmpty()) {
        md.append("None: every check has the same outcome on every registry.\n");
      } else {
        rowsTable(md, registries, differing, false);
      }
    }
    for (ConformanceMatrix.Group g : matrix.groups()) {
      md.append("\n## Workflow ").append(mdCode(g.workflow())).append(" (").append(g.rows().size())
          .append(g.rows().size() == 1 ? " check" : " checks").append(")\n\n");
      rowsTable(md, registries, g.rows(), true);
    }
    return md.toString();
  }

  private static void rowsTable(StringBuilder md, List<ConformanceMatrix.Registry> registries,
      List<ConformanceMatrix.Row> rows, boolean full) {
    md.append("| Check |").append(full ? " Level |" : "");
    registries.forEach(r -> md.append(' ').append(mdText(r.description())).append(" |"));
    md.append("\n|---|").append(full ? "---|" : "");
    registries.forEach(r -> md.append("---|"));
    md.append('\n');
    for (ConformanceMatrix.Row row : rows) {
      md.append("| ").append(mdCode(row.checkId())).append(row.differs() && full ? " **differs**" : "")
          .append(" |");
      if (full) {
        md.append(' ').append(mdText(row.level())).append(" |");
      }
      for (int i = 0; i < registries.size(); i++) {
        // The table of differences shows outcomes only; the messages are in the workflow's table.
        md.append(' ').append(row.cell(i).map(c -> full ? mdCell(c) : c.outcome().label()).orElse("*not run*"))
            .append(" |");
      }
      md.append('\n');
    }
  }

  private static String mdCell(CheckResult c) {
    String message = c.message().strip();
    return message.isEmpty() ? c.outcome().label() : c.outcome().label() + ": " + mdText(shortMessage(message));
  }

  /**
   * Text for a Markdown table cell: one line, pipes escaped, and nothing GitHub would take for markup (HTML tags,
   * entities, emphasis, links, code).
   */
  static String mdText(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    for (char ch : oneLine.toCharArray()) {
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '|' -> sb.append("\\|");
        case '\\', '`', '*', '_', '[', ']', '~', '#' -> sb.append('\\').append(ch);
        default -> sb.append(Character.isISOControl(ch) ? ' ' : ch);
      }
    }
    return sb.toString();
  }

  /** A code span for a table cell: one line, pipes escaped (GitHub honours {@code \|} inside a table's code span). */
  static String mdCode(String text) {
    String oneLine = text.replaceAll("[\\r\\n]+", " ").replace("|", "\\|");
    String fence = oneLine.contains("`") ? "`` " : "`";
    return fence + oneLine + (fence.length() > 1 ? " ``" : "`");
  }

  // ---- JSON ----

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

  // ---- shared ----

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

  private static Optional<Instant> firstStart(ConformanceMatrix matrix) {
    return matrix.registries().stream().map(ConformanceMatrix.Registry::started).filter(java.util.Objects::nonNull)
        .min(Instant::compareTo);
  }
}
