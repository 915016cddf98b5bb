package dev.regconform.reports.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What changed since the previous run in the same report directory, per target (matched by description) and check:
 * the checks that fail now and did not then, and those that failed then and pass now. A check is failing as for
 * the exit status ({@link Baseline#isFailing}); one the previous run did not have counts as not failing then.
 *
 * <pre>{@code
 * RunDiff diff = RunDiff.between(previous, runs, strict);
 * diff.consoleLines();  // "since the previous run (2026-11-26T21:10:50Z): 1 newly failing: …; 0 newly passing"
 * diff.toMarkdown();    // diff.md
 * }</pre>
 *
 * @param previousStarted when the previous run started
 * @param targets one entry per target both runs checked, in this run's order
 * @param onlyNow targets this run checked and the previous one did not
 * @param onlyBefore targets the previous run checked and this one did not
 */
public record RunDiff(Instant previousStarted, List<TargetDiff> targets, List<String> onlyNow, List<String> onlyBefore) {
  /** Check ids listed on one console line at most; diff.md lists all. */
  static final int CONSOLE_LIMIT = 10;

  /**
   * A check whose verdict moved between failing and not failing.
   *
   * @param check the check id
   * @param before its outcome in the previous run, {@code null} when it did not run then
   * @param now its outcome in this run
   * @param message the gist of this run's message (empty when it passed)
   */
  public record Change(String check, Outcome before, Outcome now, String message) {}

  /**
   * The changes on one target.
   *
   * @param target the target's description
   * @param newlyFailing checks failing now that did not fail then
   * @param newlyPassing checks that failed then and passed now (with or without a warning)
   */
  public record TargetDiff(String target, List<Change> newlyFailing, List<Change> newlyPassing) {
    /**
     * Copies the lists.
     *
     * @param target the target's description
     * @param newlyFailing copied into an immutable list; not null
     * @param newlyPassing copied into an immutable list; not null
     */
    public TargetDiff {
      newlyFailing = List.copyOf(newlyFailing);
      newlyPassing = List.copyOf(newlyPassing);
    }
  }

  /**
   * Copies the lists; {@link #between} is the usual way in.
   *
   * @param previousStarted when the previous run started; not checked, but {@link #previousTime()},
   *     {@link #consoleLines()}, {@link #toMarkdown()} and {@link #toJson()} need it
   * @param targets copied into an immutable list; not null
   * @param onlyNow copied into an immutable list; not null
   * @param onlyBefore copied into an immutable list; not null
   */
  public RunDiff {
    targets = List.copyOf(targets);
    onlyNow = List.copyOf(onlyNow);
    onlyBefore = List.copyOf(onlyBefore);
  }

  /**
   * Compares this run's verdicts with the previous run's.
   *
   * @param previous what the report directory's {@code summary.json} said before this run, from
   *     {@link PreviousRun#read}
   * @param runs this run's targets, matched to the previous run's by description
   * @param strict whether a warning counts as failing (the {@code --strict} option), now and then alike
   * @return the changes; every list empty when nothing moved
   */
  public static RunDiff between(PreviousRun previous, List<TargetRun> runs, boolean strict) {
    List<TargetDiff> targets = new ArrayList<>();
    List<String> onlyNow = new ArrayList<>();
    for (TargetRun run : runs) {
      Map<String, Outcome> before = previous.outcomes().get(run.description());
      if (before == null) {
        onlyNow.add(run.description());
        continue;
      }
      List<Change> failing = new ArrayList<>();
      List<Change> passing = new ArrayList<>();
      for (CheckResult check : run.checks()) {
        Outcome then = before.get(check.id());
        boolean failedThen = then != null && Baseline.isFailing(then, strict);
        boolean failsNow = Baseline.isFailing(check.outcome(), strict);
        String gist = BaselineEntry.gist(check.message(), run.target(), run.namespace());
        if (failsNow && !failedThen) {
          failing.add(new Change(check.id(), then, check.outcome(), gist));
        } else if (failedThen && (check.outcome() == Outcome.PASSED || check.outcome() == Outcome.WARNING)) {
          passing.add(new Change(check.id(), then, check.outcome(), gist));
        }
      }
      targets.add(new TargetDiff(run.description(), failing, passing));
    }
    List<String> onlyBefore = previous.outcomes().keySet().stream()
        .filter(d -> runs.stream().noneMatch(r -> r.description().equals(d))).toList();
    return new RunDiff(previous.started(), targets, onlyNow, onlyBefore);
  }

  /**
   * When the previous run started, to the second, for people.
   *
   * @return ISO-8601 in UTC, e.g. {@code 2026-11-26T21:10:50Z}
   */
  public String previousTime() {
    return previousStarted.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * What the console prints: one line per target both runs checked, {@code since the previous run (TIME): N newly
   * failing: a, b; M newly passing: c} (with the target after the time when the run has several), then a line for
   * targets only one of the runs checked.
   *
   * @return the lines without line terminators; each list of check ids stops after 10 and points to
   *     {@code diff.md} for the rest; empty when the runs share no target and have none of their own
   */
  public List<String> consoleLines() {
    List<String> lines = new ArrayList<>();
    String since = "since the previous run (" + previousTime() + ")";
    boolean several = targets.size() + onlyNow.size() > 1;
    for (TargetDiff t : targets) {
      lines.add(since + (several ? ", " + t.target() : "") + ": " + t.newlyFailing().size() + " newly failing"
          + ids(t.newlyFailing()) + "; " + t.newlyPassing().size() + " newly passing" + ids(t.newlyPassing()));
    }
    if (!onlyNow.isEmpty() || !onlyBefore.isEmpty()) {
      lines.add(since + ": " + (onlyNow.isEmpty() ? "" : "not checked then: " + String.join(", ", onlyNow)
          + (onlyBefore.isEmpty() ? "" : "; ")) + (onlyBefore.isEmpty() ? ""
          : "not checked now: " + String.join(", ", onlyBefore)));
    }
    return lines;
  }

  private static String ids(List<Change> changes) {
    if (changes.isEmpty()) {
      return "";
    }
    String shown = changes.stream().limit(CONSOLE_LIMIT).map(Change::check).collect(Collectors.joining(", "));
    return ": " + shown + (changes.size() > CONSOLE_LIMIT ? ", … " + (changes.size() - CONSOLE_LIMIT)
        + " more (see diff.md)" : "");
  }

  /**
   * {@code diff.md}: per target, tables of the newly failing checks (with their message) and the newly passing.
   *
   * @return the Markdown document, GitHub-flavoured tables, ending with a newline
   */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Since the previous run\n\n");
    md.append("Compared with the run of ").append(previousTime())
        .append(" in the same report directory (its summary.json, before this run replaced it). A check is failing ")
        .append("when it failed or broke (with --strict, also on a warning).\n");
    for (TargetDiff t : targets) {
      md.append("\n## ").append(cell(t.target())).append("\n\n");
      if (t.newlyFailing().isEmpty() && t.newlyPassing().isEmpty()) {
        md.append("No check moved between failing and passing.\n");
        continue;
      }
      md.append("Newly failing: ").append(t.newlyFailing().size()).append("\n\n");
      if (!t.newlyFailing().isEmpty()) {
        md.append("| Check | Then | Now | Message |\n|---|---|---|---|\n");
        t.newlyFailing().forEach(c -> md.append("| `").append(c.check()).append("` | ").append(then(c)).append(" | ")
            .append(c.now().label()).append(" | ").append(cell(c.message())).append(" |\n"));
        md.append('\n');
      }
      md.append("Newly passing: ").append(t.newlyPassing().size()).append("\n\n");
      if (!t.newlyPassing().isEmpty()) {
        md.append("| Check | Then | Now |\n|---|---|---|\n");
        t.newlyPassing().forEach(c -> md.append("| `").append(c.check()).append("` | ").append(then(c)).append(" | ")
            .append(c.now().label()).append(" |\n"));
        md.append('\n');
      }
    }
    if (!onlyNow.isEmpty()) {
      md.append("\nTargets the previous run did not check: ").append(cells(onlyNow)).append(".\n");
    }
    if (!onlyBefore.isEmpty()) {
      md.append("\nTargets the previous run checked and this one did not: ").append(cells(onlyBefore)).append(".\n");
    }
    return md.toString();
  }

  /**
   * The stable form in {@code summary.json}, field {@code sincePrevious}: {@code previousStarted}, {@code targets}
   * (each {@code {target, newlyFailing, newlyPassing}}, each change {@code {id, before, now}} with {@code before}
   * null for a check the previous run did not have), {@code notInPreviousRun} and {@code notInThisRun}.
   *
   * @return a new JSON object, to put into the summary's sections; messages are left out
   */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("previousStarted", previousStarted.toString());
    ArrayNode array = root.putArray("targets");
    for (TargetDiff t : targets) {
      ObjectNode node = array.addObject();
      node.put("target", t.target());
      changes(node.putArray("newlyFailing"), t.newlyFailing());
      changes(node.putArray("newlyPassing"), t.newlyPassing());
    }
    onlyNow.forEach(root.putArray("notInPreviousRun")::add);
    onlyBefore.forEach(root.putArray("notInThisRun")::add);
    return root;
  }

  private static void changes(ArrayNode array, List<Change> changes) {
    for (Change c : changes) {
      ObjectNode node = array.addObject().put("id", c.check());
      if (c.before() == null) {
        node.putNull("before");
      } else {
        node.put("before", c.before().label());
      }
      node.put("now", c.now().label());
    }
  }

  private static String then(Change c) {
    return c.before() == null ? "(not run)" : c.before().label();
  }

  private static String cells(List<String> texts) {
    return texts.stream().map(RunDiff::cell).collect(Collectors.joining(", "));
  }

  /** Text in a Markdown table cell or heading: one line, pipes escaped. */
  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }
}
