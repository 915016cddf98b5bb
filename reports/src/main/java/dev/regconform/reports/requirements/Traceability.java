package dev.regconform.reports.requirements;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Requirement → checks → outcomes per target, computed from a run's results and the requirements they name
 * ({@link CheckResult#requirements()}). Also what does not line up: requirements no check covers, checks that
 * name no requirement, and ids that checks name but the requirements file does not have.
 */
public final class Traceability {
  /** The order in which a requirement's verdict on a target is picked from its checks' outcomes. */
  private static final List<Outcome> VERDICT_ORDER = List.of(Outcome.FAILED, Outcome.BROKEN, Outcome.WARNING,
      Outcome.PASSED, Outcome.UNSUPPORTED, Outcome.SKIPPED, Outcome.DISABLED);

  /**
   * One check across targets.
   *
   * @param id the full check id
   * @param level the level the check enforces
   * @param requirements the ids it names
   * @param outcomes its outcome per target, in the order of {@link #targets()}; empty where it did not run
   */
  public record Check(String id, String level, List<String> requirements, List<Optional<Outcome>> outcomes) {}

  /**
   * A requirement with the checks that cover it.
   *
   * @param requirement the requirement, as the file states it
   * @param checks the checks that name it, in the order first reached; empty when none covers it
   * @param verdicts per target: the first of failed, broken, warning, passed, unsupported, skipped, disabled
   *     that one of the checks reached there; empty when no check covers it or none ran there
   */
  public record Row(Requirement requirement, List<Check> checks, List<Optional<Outcome>> verdicts) {
    /**
     * Per target, how many of the checks reached each outcome.
     *
     * @return one new map per target, in the order of {@link Traceability#targets()}; outcomes no check reached
     *     are absent, not 0
     */
    public List<Map<Outcome, Integer>> outcomeCounts() {
      List<Map<Outcome, Integer>> counts = new ArrayList<>();
      for (int t = 0; t < verdicts.size(); t++) {
        Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
        for (Check c : checks) {
          c.outcomes().get(t).ifPresent(o -> m.merge(o, 1, Integer::sum));
        }
        counts.add(m);
      }
      return counts;
    }
  }

  private final Requirements requirements;
  private final List<TargetRun> targets;
  private final List<Row> rows;
  private final List<Check> checks;
  private final Map<String, List<String>> unknownIds;

  private Traceability(Requirements requirements, List<TargetRun> targets, List<Row> rows, List<Check> checks,
      Map<String, List<String>> unknownIds) {
    this.requirements = requirements;
    this.targets = targets;
    this.rows = rows;
    this.checks = checks;
    this.unknownIds = unknownIds;
  }

  /**
   * Lines up a run's results with the requirements. A check that ran on several targets is taken once, with the
   * level and requirement ids of its first result; on one target, only its first result counts.
   *
   * @param requirements the requirements file, usually {@link Requirements#load()}
   * @param runs one per target, in report column order; may be empty
   * @return the traceability, immutable
   */
  public static Traceability of(Requirements requirements, List<TargetRun> runs) {
    Map<String, CheckResult> first = new LinkedHashMap<>();
    for (TargetRun run : runs) {
      for (CheckResult r : run.checks()) {
        first.putIfAbsent(r.id(), r);
      }
    }
    List<Check> checks = new ArrayList<>();
    for (CheckResult r : first.values()) {
      List<Optional<Outcome>> outcomes = new ArrayList<>();
      for (TargetRun run : runs) {
        outcomes.add(run.checks().stream().filter(c -> c.id().equals(r.id())).map(CheckResult::outcome).findFirst());
      }
      checks.add(new Check(r.id(), r.level(), r.requirements(), List.copyOf(outcomes)));
    }
    List<Row> rows = new ArrayList<>();
    for (Requirement req : requirements.all()) {
      List<Check> covering = checks.stream().filter(c -> c.requirements().contains(req.id())).toList();
      List<Optional<Outcome>> verdicts = new ArrayList<>();
      for (int t = 0; t < runs.size(); t++) {
        int target = t;
        verdicts.add(VERDICT_ORDER.stream()
            .filter(o -> covering.stream().anyMatch(c -> c.outcomes().get(target).filter(o::equals).isPresent()))
            .findFirst());
      }
      rows.add(new Row(req, covering, List.copyOf(verdicts)));
    }
    Map<String, List<String>> unknown = new TreeMap<>(Traceability::compareIds);
    for (Check c : checks) {
      for (String id : c.requirements()) {
        if (!requirements.contains(id)) {
          unknown.computeIfAbsent(id, k -> new ArrayList<>()).add(c.id());
        }
      }
    }
    return new Traceability(requirements, List.copyOf(runs), List.copyOf(rows), List.copyOf(checks),
        Collections.unmodifiableMap(unknown));
  }

  /**
   * The requirements this traceability was computed against.
   *
   * @return the object given to {@link #of}
   */
  public Requirements requirements() {
    return requirements;
  }

  /**
   * The runs, one per target: the columns of every per-target list here.
   *
   * @return an immutable copy of the runs given to {@link #of}
   */
  public List<TargetRun> targets() {
    return targets;
  }

  /**
   * Every requirement, in the file's order, with its checks.
   *
   * @return one row per requirement, immutable
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Every check that ran on some target, in the order first reached.
   *
   * @return one entry per check id, immutable
   */
  public List<Check> checks() {
    return checks;
  }

  /**
   * The coverage gap: requirements no check of this run names (some are {@link Requirement#uncheckable()}).
   *
   * @return those requirements, in the file's order
   */
  public List<Requirement> requirementsWithoutCheck() {
    return rows.stream().filter(r -> r.checks().isEmpty()).map(Row::requirement).toList();
  }

  /**
   * Checks that name no requirement, e.g. checks of a registry's own extension.
   *
   * @return those checks, in the order first reached
   */
  public List<Check> checksWithoutRequirement() {
    return checks.stream().filter(c -> c.requirements().isEmpty()).toList();
  }

  /**
   * Requirement ids that checks name but the requirements file does not have, with those checks: a typo in a
   * check's {@code @Covers}, or a file out of date.
   *
   * @return unmodifiable map from id ({@code R2} before {@code R10}, other ids after) to the check ids naming it
   */
  public Map<String, List<String>> unknownRequirementIds() {
    return unknownIds;
  }

  /** R2 before R10; anything else after, alphabetically. */
  static int compareIds(String a, String b) {
    boolean na = a.matches("R\\d{1,9}");
    boolean nb = b.matches("R\\d{1,9}");
    if (na && nb) {
      return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
    }
    return na ? -1 : nb ? 1 : a.compareTo(b);
  }
}
