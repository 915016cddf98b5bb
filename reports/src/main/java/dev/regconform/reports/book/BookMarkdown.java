package dev.regconform.reports.book;

import dev.regconform.reports.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown book: {@code index.md} and one file per chapter ({@link Chapter#fileName()}). */
final class BookMarkdown {
  private BookMarkdown() {}

  static String index(BehaviourBook book) {
    StringBuilder md = new StringBuilder(64 * 1024);
    md.append("# Registry behaviour book\n\n").append(BookText.intro(book)).append("\n\n")
        .append(BookText.LEGEND).append("\n\n## Targets\n\n");
    for (BookTarget t : book.targets()) {
      md.append("- ").append(text(t.description())).append('\n');
    }
    md.append("\n## Chapters\n\n| # | Chapter | Checks |");
    book.targets().forEach(t -> md.append(' ').append(text(t.description())).append(" |"));
    md.append(book.targets().size() > 1 ? " Differ |" : "").append("\n|---:|---|---:|");
    book.targets().forEach(t -> md.append("---|"));
    md.append(book.targets().size() > 1 ? "---:|" : "").append('\n');
    for (Chapter c : book.chapters()) {
      md.append("| ").append(c.number()).append(" | [").append(text(c.title())).append("](").append(c.fileName())
          .append(") | ").append(c.sections().size()).append(" |");
      book.targets().forEach(t -> md.append(' ').append(text(BookText.totals(c, t))).append(" |"));
      if (book.targets().size() > 1) {
        md.append(' ').append(c.sections().stream().filter(Section::differs).count()).append(" |");
      }
      md.append('\n');
    }
    for (Chapter c : book.chapters()) {
      md.append("\n### ").append(c.number()).append(". [").append(text(c.title())).append("](").append(c.fileName())
          .append(")\n\n").append(text(c.summary())).append("\n\n");
      for (Section s : c.sections()) {
        md.append("- [`").append(s.checkId()).append("`](").append(c.fileName()).append('#').append(s.anchor())
            .append(") ").append(text(s.behaviour()));
        if (s.differs()) {
          md.append(" — **differs**");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  static String chapter(BehaviourBook book, Chapter chapter) {
    StringBuilder md = new StringBuilder(64 * 1024);
    md.append("# ").append(chapter.number()).append(". ").append(text(chapter.title())).append("\n\n")
        .append(text(chapter.summary())).append(" [Contents](index.md)\n\n").append(BookText.LEGEND).append('\n');
    for (Section s : chapter.sections()) {
      section(md, book, s);
    }
    return md.toString();
  }

  private static void section(StringBuilder md, BehaviourBook book, Section s) {
    md.append("\n<a id=\"").append(s.anchor()).append("\"></a>\n\n## `").append(s.checkId()).append("`\n\n")
        .append(text(s.behaviour())).append(".\n\nLevel: **").append(text(s.level())).append("**");
    if (s.requirements().isEmpty()) {
      md.append(". No requirement of the spec: a check of how clients use the registry.\n");
    } else {
      md.append(". Requirements:\n\n");
      for (CoveredRequirement r : s.requirements()) {
        md.append("- [").append(r.id()).append("](").append(r.link()).append(")");
        if (!r.level().isEmpty()) {
          md.append(" (").append(text(r.level())).append(r.section().isEmpty() ? "" : ", " + text(r.section()))
              .append(")");
        }
        md.append(r.text().isEmpty() ? "" : ": " + text(r.text())).append('\n');
      }
    }
    List<BookTarget> targets = book.targets();
    if (s.differs()) {
      md.append("\n**The targets differ.**");
      s.differences().forEach(d -> md.append(' ').append(inline(d)));
      md.append('\n');
    }
    if (targets.size() > 1) {
      md.append("\n| |");
      targets.forEach(t -> md.append(' ').append(text(t.description())).append(" |"));
      md.append("\n|---|");
      targets.forEach(t -> md.append("---|"));
      md.append("\n| Verdict |");
      targets.forEach(t -> md.append(' ').append(s.result(t).map(r -> "**" + r.outcome().label() + "**")
          .orElse("*not run*")).append(" |"));
      md.append('\n');
      for (Map.Entry<String, Map<BookTarget, String>> row : answers(s, targets).entrySet()) {
        String[] request = row.getKey().split("\n", 2);
        md.append("| `").append(cell(request[0])).append('`').append(request.length > 1 ? " (" + request[1] + ")" : "")
            .append(" |");
        targets.forEach(t -> md.append(' ').append(Optional.ofNullable(row.getValue().get(t)).orElse("—"))
            .append(" |"));
        md.append('\n');
      }
    }
    for (BookTarget t : targets) {
      Optional<TargetResult> result = s.result(t);
      md.append("\n### ").append(text(t.description())).append(": ")
          .append(result.map(r -> r.outcome().label()).orElse("not run")).append("\n\n");
      if (result.isEmpty()) {
        md.append("The check did not run on this target.\n");
        continue;
      }
      TargetResult r = result.get();
      if (!r.message().isEmpty()) {
        md.append(fence(String.join("\n", r.message())
            + (r.messageLinesCut() == 0 ? "" : "\n[… " + r.messageLinesCut() + " more lines]"), "text"));
      }
      if (r.exchanges().isEmpty()) {
        md.append(r.outcome() == Outcome.DISABLED || r.outcome() == Outcome.SKIPPED
            ? "No exchange: the check did not start.\n" : "No HTTP exchange recorded for the check itself.\n");
        continue;
      }
      for (int i = 0; i < r.exchanges().size(); i++) {
        if (i == r.cutAt() && r.exchangesCut() > 0) {
          md.append("\n*").append(BookText.elided(r.exchangesCut())).append("*\n\n");
        }
        Exchange e = r.exchanges().get(i);
        md.append("<details><summary><code>").append(BookText.html(e.requestLine())).append("</code> → ")
            .append(BookText.html(e.answer())).append("</summary>\n\n").append(fence(e.request(), "http"))
            .append(fence(e.response(), "http")).append("</details>\n");
      }
    }
  }

  /** The answer of each shown request per target, for the side-by-side table: request line -> target -> answer. */
  private static Map<String, Map<BookTarget, String>> answers(Section s, List<BookTarget> targets) {
    Map<String, Map<BookTarget, String>> rows = new LinkedHashMap<>();
    for (BookTarget t : targets) {
      s.result(t).ifPresent(r -> {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Exchange e : r.exchanges()) {
          int n = seen.merge(e.requestLine(), 1, Integer::sum);
          String key = n == 1 ? e.requestLine() : e.requestLine() + "\n" + nth(n);
          rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(t, e.answer());
        }
      });
    }
    return rows;
  }

  static String nth(int n) {
    return switch (n) {
      case 2 -> "2nd";
      case 3 -> "3rd";
      default -> n + "th";
    };
  }

  /** A fenced block whose fence is longer than any run of backticks inside. */
  private static String fence(String content, String info) {
    int longest = 0;
    int run = 0;
    for (char ch : content.toCharArray()) {
      run = ch == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String f = "`".repeat(Math.max(3, longest + 1));
    return f + info + "\n" + content + (content.endsWith("\n") ? "" : "\n") + f + "\n\n";
  }

  /** Plain text in Markdown: characters Markdown or HTML would read escaped, one line. */
  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char ch : s.replace('\n', ' ').toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(ch) >= 0) {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  /** A sentence that may hold {@code `code`} spans: text outside them escaped, the spans kept. */
  private static String inline(String s) {
    String[] parts = s.split("`", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      sb.append(i % 2 == 0 ? text(parts[i]) : "`" + parts[i] + "`");
    }
    return sb.toString();
  }

  /** Text inside a {@code `code`} span of a table cell. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("`", "'");
  }
}
