package dev.regconform.reports;

import static dev.regconform.reports.ConformanceMatrixWriter.countsText;
import static dev.regconform.reports.ConformanceMatrixWriter.firstStart;
import static dev.regconform.reports.ConformanceMatrixWriter.shortMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@value ConformanceMatrixWriter#HTML}: the page {@link ConformanceMatrixWriter} describes. */
final class ConformanceMatrixHtml {
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

  private ConformanceMatrixHtml() {}

  static String page(ConformanceMatrix matrix, String toolVersion) {
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

  /** Escapes text for HTML ({@link HtmlEscape#text}). */
  static String esc(String text) {
    return HtmlEscape.text(text);
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
}
