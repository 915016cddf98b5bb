package dev.regconform.reports;

import static dev.regconform.reports.ConformanceMatrixWriter.countsText;
import static dev.regconform.reports.ConformanceMatrixWriter.firstStart;
import static dev.regconform.reports.ConformanceMatrixWriter.shortMessage;

import java.util.List;

/** {@value ConformanceMatrixWriter#MARKDOWN}: the tables {@link ConformanceMatrixWriter} describes. */
final class ConformanceMatrixMarkdown {
  private ConformanceMatrixMarkdown() {}

  static String document(ConformanceMatrix matrix, String toolVersion) {
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
}
