package dev.regconform.reports.book;

import static dev.regconform.reports.book.BookText.html;

import java.util.List;
import java.util.Optional;

/**
 * The HTML rendering: {@code index.html} (contents) and one page per chapter, each self-contained (inline CSS, no
 * script, no external file but the book's own pages), well-formed XML as well as HTML, so a test can parse it. One page
 * per chapter keeps each under 2 MB for the full suite against two registries.
 */
final class BookHtml {
  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;\
      color:#1f2328;background:#fff}
      main{max-width:110rem;margin:0 auto;padding:1.5rem}
      h1{font-size:1.6rem;margin:0 0 .3rem}
      h2{font-size:1.3rem;margin:2.5rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid #d1d9e0}
      h3{font-size:1.05rem;margin:0 0 .3rem}
      p.meta,p.legend,p.summary{color:#59636e;margin:.3rem 0}
      nav.toc ol{padding-left:1.4rem}nav.toc li{margin:.15rem 0}
      nav.toc details summary{font-weight:600}nav.toc ul{margin:.2rem 0 .5rem;padding-left:1.2rem;font-size:.92em}
      table{border-collapse:collapse;margin:.5rem 0}
      th,td{border:1px solid #d1d9e0;padding:.3rem .55rem;vertical-align:top;text-align:left}
      thead th{background:#f6f8fa}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
      section.check{border:1px solid #d1d9e0;border-radius:.4rem;padding:.8rem 1rem;margin:1rem 0}
      section.check.differs{border-left:5px solid #bc4c00}
      .behaviour{font-size:1.02rem;margin:.2rem 0 .4rem}
      ul.reqs{margin:.3rem 0;padding-left:1.2rem;color:#31363b}
      .diff{background:#fff1e5;border:1px solid #f5c89a;border-radius:.3rem;padding:.4rem .6rem;margin:.5rem 0}
      .targets{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:.8rem;margin-top:.6rem}
      .target{border:1px solid #d1d9e0;border-radius:.3rem;padding:.5rem .6rem;min-width:0}
      .target h4{margin:0 0 .3rem;font-size:.95rem}
      .verdict{display:inline-block;padding:0 .45em;border-radius:.25em;font-weight:600}
      .o-passed{background:#dafbe1;color:#116329}
      .o-warning{background:#fff8c5;color:#7d4e00}
      .o-failed{background:#ffebe9;color:#a40e26}
      .o-broken{background:#fbefff;color:#6e3a9e}
      .o-unsupported,.o-disabled,.o-skipped{background:#f6f8fa;color:#59636e}
      .o-absent{color:#818b98;font-style:italic}
      .mark{display:inline-block;margin-left:.4em;padding:0 .35em;border-radius:.25em;background:#bc4c00;color:#fff;\
      font-size:.8em;font-weight:600}
      details{margin:.25rem 0}summary{cursor:pointer;overflow-wrap:anywhere}
      pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0 0;padding:.4rem;background:#f6f8fa;\
      border:1px solid #d1d9e0;font-size:.82em;max-height:30rem;overflow:auto}
      pre.msg{background:#fff}
      .more{color:#59636e;font-style:italic}
      """;

  private BookHtml() {}

  /** {@code index.html}: the introduction, the contents with each chapter's totals, and every check linked. */
  static String index(BehaviourBook book) {
    StringBuilder h = head("Registry behaviour book");
    h.append("<h1>Registry behaviour book</h1>\n<p class=\"meta\">").append(html(BookText.intro(book)))
        .append("</p>\n<p class=\"legend\">").append(html(BookText.LEGEND)).append("</p>\n");
    toc(h, book);
    return h.append("</main>\n</body>\n</html>\n").toString();
  }

  /** A chapter's page: its sections, each at {@code #check-<id>}. */
  static String chapter(BehaviourBook book, Chapter c) {
    StringBuilder h = head(c.number() + ". " + c.title() + " — registry behaviour book");
    h.append("<p class=\"meta\"><a href=\"index.html\">Registry behaviour book</a></p>\n<h1 id=\"")
        .append(c.anchor()).append("\">").append(c.number()).append(". ").append(html(c.title())).append("</h1>\n")
        .append("<p class=\"summary\">").append(html(c.summary())).append("</p>\n<p class=\"legend\">")
        .append(html(BookText.LEGEND)).append("</p>\n");
    c.sections().forEach(s -> section(h, book, s));
    return h.append("<p><a href=\"index.html\">Contents</a></p>\n</main>\n</body>\n</html>\n").toString();
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(256 * 1024).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(html(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  private static void toc(StringBuilder h, BehaviourBook book) {
    List<BookTarget> targets = book.targets();
    h.append("<nav class=\"toc\" id=\"contents\">\n<h2>Contents</h2>\n<table>\n<thead><tr><th>#</th><th>Chapter</th>")
        .append("<th>Checks</th>");
    targets.forEach(t -> h.append("<th scope=\"col\">").append(html(t.description())).append("</th>"));
    h.append(targets.size() > 1 ? "<th>Differ</th>" : "").append("</tr></thead>\n<tbody>\n");
    for (Chapter c : book.chapters()) {
      h.append("<tr><td class=\"num\">").append(c.number()).append("</td><td><a href=\"").append(c.pageName())
          .append("\">").append(html(c.title())).append("</a></td><td class=\"num\">").append(c.sections().size())
          .append("</td>");
      targets.forEach(t -> h.append("<td>").append(html(BookText.totals(c, t))).append("</td>"));
      if (targets.size() > 1) {
        h.append("<td class=\"num\">").append(c.sections().stream().filter(Section::differs).count()).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n<ol>\n");
    for (Chapter c : book.chapters()) {
      h.append("<li><details><summary>").append(html(c.title())).append(" (").append(c.sections().size())
          .append(")</summary>\n<ul>\n");
      for (Section s : c.sections()) {
        h.append("<li><a href=\"").append(c.pageName()).append('#').append(s.anchor()).append("\"><code>")
            .append(html(s.checkId()))
            .append("</code></a> ").append(html(s.behaviour()))
            .append(s.differs() ? "<span class=\"mark\">differs</span>" : "").append("</li>\n");
      }
      h.append("</ul>\n</details></li>\n");
    }
    h.append("</ol>\n</nav>\n");
  }

  private static void section(StringBuilder h, BehaviourBook book, Section s) {
    h.append("<section class=\"check").append(s.differs() ? " differs" : "").append("\" id=\"").append(s.anchor())
        .append("\">\n<h3><a href=\"#").append(s.anchor()).append("\"><code>").append(html(s.checkId()))
        .append("</code></a>").append(s.differs() ? "<span class=\"mark\">differs</span>" : "")
        .append("</h3>\n<p class=\"behaviour\">").append(html(s.behaviour())).append(".</p>\n<p>Level: <strong>")
        .append(html(s.level())).append("</strong>");
    if (s.requirements().isEmpty()) {
      h.append(". No requirement of the spec: a check of how clients use the registry.</p>\n");
    } else {
      h.append(". Requirements:</p>\n<ul class=\"reqs\">\n");
      for (CoveredRequirement r : s.requirements()) {
        h.append("<li><a href=\"").append(html(r.link())).append("\">").append(html(r.id())).append("</a>");
        if (!r.level().isEmpty()) {
          h.append(" (").append(html(r.level())).append(r.section().isEmpty() ? "" : ", " + html(r.section()))
              .append(')');
        }
        h.append(r.text().isEmpty() ? "" : ": " + html(r.text())).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    if (s.differs()) {
      h.append("<div class=\"diff\"><strong>The targets differ.</strong>");
      s.differences().forEach(d -> h.append(' ').append(codeSpans(d)));
      h.append("</div>\n");
    }
    h.append("<div class=\"targets\">\n");
    for (BookTarget t : book.targets()) {
      Optional<TargetResult> result = s.result(t);
      h.append("<div class=\"target\">\n<h4>").append(html(t.description())).append(": ");
      if (result.isEmpty()) {
        h.append("<span class=\"o-absent\">not run</span></h4>\n</div>\n");
        continue;
      }
      TargetResult r = result.get();
      h.append("<span class=\"verdict o-").append(r.outcome().label()).append("\">").append(r.outcome().label())
          .append("</span></h4>\n");
      if (!r.message().isEmpty()) {
        h.append("<pre class=\"msg\">").append(html(String.join("\n", r.message())))
            .append(r.messageLinesCut() == 0 ? "" : "\n[… " + r.messageLinesCut() + " more lines]").append("</pre>\n");
      }
      if (r.exchanges().isEmpty()) {
        h.append("<p class=\"more\">No HTTP exchange recorded for the check itself.</p>\n");
      }
      for (int i = 0; i < r.exchanges().size(); i++) {
        if (i == r.cutAt() && r.exchangesCut() > 0) {
          h.append("<p class=\"more\">").append(html(BookText.elided(r.exchangesCut()))).append("</p>\n");
        }
        Exchange e = r.exchanges().get(i);
        h.append("<details><summary><code>").append(html(e.requestLine())).append("</code> → <strong>")
            .append(html(e.answer())).append("</strong></summary>\n<pre>").append(html(e.request()))
            .append("</pre>\n<pre>").append(html(e.response())).append("</pre>\n</details>\n");
      }
      h.append("</div>\n");
    }
    h.append("</div>\n</section>\n");
  }

  /** A sentence with {@code `code`} spans as {@code <code>} elements, the rest escaped. */
  private static String codeSpans(String s) {
    String[] parts = s.split("`", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      sb.append(i % 2 == 0 || i == parts.length - 1 ? html(parts[i]) : "<code>" + html(parts[i]) + "</code>");
    }
    return sb.toString();
  }
}
