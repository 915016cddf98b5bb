package dev.regconform.reports.book;

import dev.regconform.reports.HtmlEscape;
import dev.regconform.reports.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Words both renderings share. */
final class BookText {
  static final String LEGEND = "Verdicts: passed; warning (a SHOULD or MAY not met); failed (a MUST violated); broken "
      + "(the check could not complete); unsupported (the registry said the feature is absent); disabled (turned off "
      + "by configuration); skipped. In the exchanges, <registry> is the target's base URL, <namespace> the run's "
      + "repository namespace, <session> an upload session, <state> an upload state, <uuid> any other UUID, "
      + "<digest-N> the N-th digest met in that check on that target; Date headers are left out, secrets masked as "
      + "***, and bodies cut at " + BehaviourBook.MAX_BODY_CHARS + " characters.";

  private BookText() {}

  static String intro(BehaviourBook book) {
    int checks = book.sections().size();
    long differing = book.sections().stream().filter(Section::differs).count();
    return "How " + (book.targets().size() == 1 ? "a registry behaves" : "registries behave") + ", check by check: "
        + "each section states the expected behaviour and the requirement it comes from, then shows the check's own "
        + "HTTP requests and responses on each target and its verdict. " + checks + (checks == 1 ? " check" : " checks")
        + " in " + book.chapters().size() + (book.chapters().size() == 1 ? " chapter" : " chapters") + (book.targets().size() > 1
            ? "; the targets differ on " + differing + "." : ".");
  }

  /** What stands where the book left exchanges out. */
  static String elided(int count) {
    return "… " + count + (count == 1 ? " exchange" : " exchanges") + " left out here (the run's allure-results "
        + "hold them all).";
  }

  /** A chapter's verdicts on one target, e.g. {@code 10 passed, 2 unsupported}. */
  static String totals(Chapter chapter, BookTarget target) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    int notRun = 0;
    for (Section s : chapter.sections()) {
      var r = s.result(target);
      if (r.isPresent()) {
        counts.merge(r.get().outcome(), 1, Integer::sum);
      } else {
        notRun++;
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((o, n) -> parts.add(n + " " + o.label()));
    if (notRun > 0) {
      parts.add(notRun + " not run");
    }
    return String.join(", ", parts);
  }

  /** Escapes text for HTML ({@link HtmlEscape#text}). */
  static String html(String text) {
    return HtmlEscape.text(text);
  }
}
