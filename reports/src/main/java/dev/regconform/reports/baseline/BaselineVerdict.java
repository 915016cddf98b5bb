package dev.regconform.reports.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run held against a {@link Baseline}: which of its failures are new, which are known, and which entries of the
 * baseline are fixed, stale or could not be looked at. Only new failures fail the run.
 *
 * <pre>{@code
 * BaselineVerdict verdict = BaselineVerdict.of(Baseline.read(file), runs, strict);
 * verdict.newFailures();  // not in the baseline: exit 1
 * verdict.fixed();        // in the baseline, and the check passes now: prune the file
 * }</pre>
 *
 * <p>A check is failing when it failed or broke, and with {@code strict} when it ended with a warning
 * ({@link Baseline#isFailing}). For an entry of the baseline:
 * <ul>
 *   <li>known: the check is failing on that target (whatever outcome the entry recorded), or the entry recorded a
 *       warning and the check still ends with one;
 *   <li>fixed: the check passed, or ended with a warning where the entry recorded a failure (without
 *       {@code strict} a warning does not fail a run);
 *   <li>unchecked: the check did not run (skipped, unsupported, disabled), so the entry stays;
 *   <li>stale: the target is in the run but no check of that id ran on it (renamed or removed);
 *   <li>elsewhere: the target is not in this run at all (e.g. a reference registry that could not start here).
 * </ul>
 *
 * @param newFailures failing checks that no entry lists, with their outcome and the gist of their message
 * @param known failing checks an entry lists, with their outcome now and the entry's reason
 * @param fixed entries whose check no longer fails, with its outcome now and the entry's reason
 * @param stale entries for a check that did not run on a target that did, as the baseline has them
 * @param unchecked entries whose check was skipped this run, with its outcome now
 * @param elsewhere entries for a target that is not in this run, as the baseline has them
 */
public record BaselineVerdict(List<BaselineEntry> newFailures, List<BaselineEntry> known, List<BaselineEntry> fixed,
    List<BaselineEntry> stale, List<BaselineEntry> unchecked, List<BaselineEntry> elsewhere) {
  /** The most of a reason a console line shows. */
  static final int CONSOLE_TEXT = 120;

  /**
   * Copies the lists; {@link #of} is the usual way in.
   *
   * @param newFailures copied into an immutable list; not null
   * @param known copied into an immutable list; not null
   * @param fixed copied into an immutable list; not null
   * @param stale copied into an immutable list; not null
   * @param unchecked copied into an immutable list; not null
   * @param elsewhere copied into an immutable list; not null
   */
  public BaselineVerdict {
    newFailures = List.copyOf(newFailures);
    known = List.copyOf(known);
    fixed = List.copyOf(fixed);
    stale = List.copyOf(stale);
    unchecked = List.copyOf(unchecked);
    elsewhere = List.copyOf(elsewhere);
  }

  /**
   * Holds {@code runs} against {@code baseline}, sorting every failing check and every entry into one of the lists
   * as the class comment says.
   *
   * @param baseline the accepted deviations, e.g. from {@link Baseline#read}
   * @param runs this run's targets; a target is matched to entries by its description
   * @param strict whether a warning counts as failing (the {@code --strict} option)
   * @return the verdict
   */
  public static BaselineVerdict of(Baseline baseline, List<TargetRun> runs, boolean strict) {
    List<BaselineEntry> newFailures = new ArrayList<>();
    List<BaselineEntry> known = new ArrayList<>();
    List<BaselineEntry> fixed = new ArrayList<>();
    List<BaselineEntry> stale = new ArrayList<>();
    List<BaselineEntry> unchecked = new ArrayList<>();
    List<BaselineEntry> elsewhere = new ArrayList<>();
    for (TargetRun run : runs) {
      for (CheckResult check : run.checks()) {
        Optional<BaselineEntry> entry = baseline.find(run.description(), check.id());
        boolean failing = Baseline.isFailing(check.outcome(), strict)
            // A warning recorded as one (by a --strict run) is still there, though it fails only --strict runs.
            || (check.outcome() == Outcome.WARNING && entry.filter(e -> e.outcome() == Outcome.WARNING).isPresent());
        if (failing && entry.isEmpty()) {
          newFailures.add(BaselineEntry.of(run, check));
        } else if (entry.isPresent()) {
          BaselineEntry now = new BaselineEntry(run.description(), check.id(), check.outcome(), entry.get().reason());
          (failing ? known : check.outcome().isSkip() ? unchecked : fixed).add(now);
        }
      }
    }
    for (BaselineEntry entry : baseline.entries()) {
      Optional<TargetRun> run = runs.stream().filter(r -> r.description().equals(entry.target())).findFirst();
      if (run.isEmpty()) {
        elsewhere.add(entry);
      } else if (run.get().checks().stream().noneMatch(c -> c.id().equals(entry.check()))) {
        stale.add(entry);
      }
    }
    return new BaselineVerdict(newFailures, known, fixed, stale, unchecked, elsewhere);
  }

  /**
   * The exit status of the run under the baseline: 1 when a new failure failed (or, with --strict, is a warning); 2
   * when the only new failures are broken checks (a harness problem, as without a baseline); 0 otherwise.
   *
   * @return 0, 1 or 2; known, fixed, stale, unchecked and elsewhere entries never make it non-zero
   */
  public int exitStatus() {
    if (newFailures.stream().anyMatch(e -> e.outcome() != Outcome.BROKEN)) {
      return 1;
    }
    return newFailures.isEmpty() ? 0 : 2;
  }

  /**
   * The targets of the baseline that are not in this run.
   *
   * @return their descriptions, in the order of {@link #elsewhere()}, without repeats
   */
  public Set<String> targetsElsewhere() {
    return elsewhere.stream().map(BaselineEntry::target).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /**
   * What the console prints, one line per finding, then a count: {@code new failure (not in the baseline): …},
   * {@code known (baseline): …}, {@code fixed — remove from the baseline: …}, {@code stale — no such check any
   * more, remove from the baseline: …}, {@code not checked this run (kept): …}, one line per target of the baseline
   * that is not in the run, and {@code baseline FILE: N new failures, N known, N fixed, N stale}.
   *
   * @param file the baseline's name as the user gave it
   * @param runTargets the descriptions of the run's targets; with more than one, each line names its target
   * @return the lines without line terminators, the count last; reasons cut to 120 characters
   */
  public List<String> consoleLines(String file, List<String> runTargets) {
    boolean several = runTargets.size() > 1;
    List<String> lines = new ArrayList<>();
    newFailures.forEach(e -> lines.add("new failure (not in the baseline): " + line(e, several, e.reason())));
    known.forEach(e -> lines.add("known (baseline): " + line(e, several, e.reason())));
    fixed.forEach(e -> lines.add("fixed — remove from the baseline: " + e.check() + " (now " + e.outcome().label()
        + ")" + on(e, several)));
    stale.forEach(e -> lines.add("stale — no such check any more, remove from the baseline: " + e.check()
        + on(e, several)));
    unchecked.forEach(e -> lines.add("not checked this run (kept in the baseline): " + e.check() + " ("
        + e.outcome().label() + ")" + on(e, several)));
    for (String target : targetsElsewhere()) {
      long count = elsewhere.stream().filter(e -> e.target().equals(target)).count();
      lines.add("baseline: " + count + (count == 1 ? " entry is" : " entries are") + " for '" + target
          + "', which this run did not check (its targets: " + runTargets.stream().map(t -> "'" + t + "'")
          .collect(Collectors.joining(", ")) + "); a target is matched by its description: give a --target the "
          + "same --target-name in every run");
    }
    lines.add("baseline " + file + ": " + newFailures.size() + (newFailures.size() == 1 ? " new failure, "
        : " new failures, ") + known.size() + " known, " + fixed.size() + " fixed, " + stale.size() + " stale");
    return lines;
  }

  private static String line(BaselineEntry e, boolean several, String text) {
    // The check's own line above already shows its whole message; this one only reminds.
    String shown = text.length() <= CONSOLE_TEXT ? text : text.substring(0, CONSOLE_TEXT - 1).stripTrailing() + "…";
    return e.check() + " (" + e.outcome().label() + ")" + on(e, several) + (shown.isEmpty() ? "" : ": " + shown);
  }

  private static String on(BaselineEntry e, boolean several) {
    return several ? " on " + e.target() : "";
  }

  /**
   * The stable form in {@code summary.json}, field {@code baseline}: {@code file}, {@code exitStatus}, and the
   * lists {@code newFailures}, {@code known}, {@code fixed}, {@code stale}, {@code unchecked}, {@code elsewhere},
   * each item {@code {target, id, outcome, reason}} (for a new failure, the reason is the gist of its message).
   *
   * @param file the baseline's name as the user gave it, written to {@code file}
   * @return a new JSON object, to put into the summary's sections
   */
  public ObjectNode toJson(String file) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("file", file);
    root.put("exitStatus", exitStatus());
    entries(root.putArray("newFailures"), newFailures);
    entries(root.putArray("known"), known);
    entries(root.putArray("fixed"), fixed);
    entries(root.putArray("stale"), stale);
    entries(root.putArray("unchecked"), unchecked);
    entries(root.putArray("elsewhere"), elsewhere);
    return root;
  }

  private static void entries(ArrayNode array, List<BaselineEntry> entries) {
    entries.forEach(e -> array.addObject().put("target", e.target()).put("id", e.check())
        .put("outcome", e.outcome().label()).put("reason", e.reason()));
  }
}
