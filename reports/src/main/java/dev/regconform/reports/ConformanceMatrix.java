package dev.regconform.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every check against every registry of a run: one column per registry (in the order the run was given them),
 * one row per check id, each cell the check's outcome there; rows grouped by workflow, with totals per registry,
 * overall and per workflow. A row whose outcome is not the same on every registry {@link Row#differs() differs}.
 *
 * <pre>{@code
 * ConformanceMatrix matrix = ConformanceMatrix.of(runs);
 * for (ConformanceMatrix.Group group : matrix.groups()) {
 *   for (ConformanceMatrix.Row row : group.rows()) {
 *     System.out.println(row.checkId() + (row.differs() ? " differs: " : ": ")
 *         + row.cell(0).map(c -> c.outcome().label()).orElse("not run"));
 *   }
 * }
 * }</pre>
 *
 * <p>Order, so that two runs' matrices compare line by line: workflows alphabetically (the checks of no workflow
 * last, as {@link #NO_WORKFLOW}), checks by id within a workflow. A check that appears twice in one registry's
 * run keeps its first verdict.
 *
 * @param registries one per run, in the run's order
 * @param groups one per workflow
 * @param totals each registry's counts, aligned with {@code registries}
 */
public record ConformanceMatrix(List<Registry> registries, List<Group> groups, List<Counts> totals) {
  /** How the rows of checks without a workflow tag are grouped. */
  public static final String NO_WORKFLOW = "(no workflow)";

  /**
   * Copies the lists; {@link #of(List)} is the usual way in.
   *
   * @param registries copied into an immutable list; not null
   * @param groups copied into an immutable list; not null
   * @param totals copied into an immutable list; not null, one per registry
   */
  public ConformanceMatrix {
    registries = List.copyOf(registries);
    groups = List.copyOf(groups);
    totals = List.copyOf(totals);
  }

  /**
   * One registry the run checked.
   *
   * @param target its base URL
   * @param description what it is, e.g. "Distribution 2.8.2 (native process)"
   * @param namespace the repository namespace the run wrote into
   * @param started when its run started
   */
  public record Registry(String target, String description, String namespace, Instant started) {}

  /**
   * One check across the registries.
   *
   * @param checkId the stable check id
   * @param name what the check verifies (from the first registry that ran it)
   * @param level {@code MUST}, {@code SHOULD} or {@code MAY}
   * @param cells the check's result on each registry, aligned with {@link #registries()}; {@code null} where the
   *     check did not run against that registry (use {@link #cell(int)})
   */
  public record Row(String checkId, String name, String level, List<CheckResult> cells) {
    /**
     * Copies the cells, keeping the nulls that mark a check not run.
     *
     * @param checkId not null
     * @param name the display name
     * @param level the requirement level
     * @param cells copied into an unmodifiable list that may hold null; not null itself
     * @throws NullPointerException when {@code checkId} or {@code cells} is null
     */
    public Row {
      Objects.requireNonNull(checkId, "checkId");
      cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /**
     * The result on the registry at {@code index}; empty when the check did not run there.
     *
     * @param index the registry's position in {@link ConformanceMatrix#registries()}, from 0
     * @return the check's result there, or empty
     * @throws IndexOutOfBoundsException when there is no registry at {@code index}
     */
    public Optional<CheckResult> cell(int index) {
      return Optional.ofNullable(cells.get(index));
    }

    /**
     * Whether the registries disagree: two outcomes differ, or the check ran against some registries and not
     * others. Never true with one registry.
     *
     * @return true when the cells do not all hold the same outcome
     */
    public boolean differs() {
      Set<Optional<Outcome>> seen = new HashSet<>();
      cells.forEach(c -> seen.add(Optional.ofNullable(c).map(CheckResult::outcome)));
      return seen.size() > 1;
    }
  }

  /**
   * The checks of one workflow.
   *
   * @param workflow the workflow tag(s), e.g. {@code pull} or {@code auth,push}; {@link #NO_WORKFLOW} for checks of none
   * @param rows its checks, by id
   * @param totals each registry's counts over these checks, aligned with {@link #registries()}
   */
  public record Group(String workflow, List<Row> rows, List<Counts> totals) {
    /**
     * Copies the lists.
     *
     * @param workflow the group's workflow, or {@link #NO_WORKFLOW}
     * @param rows copied into an immutable list; not null
     * @param totals copied into an immutable list; not null, one per registry
     */
    public Group {
      rows = List.copyOf(rows);
      totals = List.copyOf(totals);
    }

    /**
     * Its rows that {@link Row#differs() differ}.
     *
     * @return those rows in the group's order; empty when every registry agrees
     */
    public List<Row> differingRows() {
      return rows.stream().filter(Row::differs).toList();
    }
  }

  /**
   * The matrix of {@code runs}, one registry per run.
   *
   * @param runs the runs in column order; not null, may be empty (a matrix with no registry and no row)
   * @return the matrix, sorted as the class comment says
   */
  public static ConformanceMatrix of(List<TargetRun> runs) {
    int n = runs.size();
    Map<String, Map<String, CheckResult[]>> byWorkflow = new TreeMap<>(ConformanceMatrix::compareWorkflows);
    for (int i = 0; i < n; i++) {
      for (CheckResult check : runs.get(i).checks()) {
        CheckResult[] cells = byWorkflow.computeIfAbsent(workflowOf(check), w -> new TreeMap<>())
            .computeIfAbsent(check.id(), id -> new CheckResult[n]);
        if (cells[i] == null) {
          cells[i] = check;
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    byWorkflow.forEach((workflow, checks) -> {
      List<Row> rows = new ArrayList<>();
      List<List<CheckResult>> perRegistry = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        perRegistry.add(new ArrayList<>());
      }
      checks.forEach((id, cells) -> {
        CheckResult first = java.util.Arrays.stream(cells).filter(Objects::nonNull).findFirst().orElseThrow();
        rows.add(new Row(id, first.displayName(), first.level(), java.util.Arrays.asList(cells)));
        for (int i = 0; i < n; i++) {
          if (cells[i] != null) {
            perRegistry.get(i).add(cells[i]);
          }
        }
      });
      groups.add(new Group(workflow, rows, perRegistry.stream().map(Counts::of).toList()));
    });
    List<Registry> registries = runs.stream()
        .map(r -> new Registry(r.target(), r.description(), r.namespace(), r.started())).toList();
    List<Counts> totals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      totals.add(groups.stream().map(g -> g.totals().get(index)).reduce(Counts.none(), Counts::plus));
    }
    return new ConformanceMatrix(registries, groups, totals);
  }

  /**
   * Every row that {@link Row#differs() differs}, in the matrix's order: what a reader of a multi-registry run
   * looks at first.
   *
   * @return those rows; empty when every registry agrees on every check
   */
  public List<Row> differingRows() {
    return groups.stream().flatMap(g -> g.differingRows().stream()).toList();
  }

  /**
   * How many checks the matrix has: the checks run against at least one registry.
   *
   * @return the number of rows over every group
   */
  public int checkCount() {
    return groups.stream().mapToInt(g -> g.rows().size()).sum();
  }

  /** The workflow of each check's group: the workflow of {@code check}, or {@link #NO_WORKFLOW}. */
  private static String workflowOf(CheckResult check) {
    return check.workflow().isBlank() ? NO_WORKFLOW : check.workflow();
  }

  private static int compareWorkflows(String a, String b) {
    return Comparator.comparing((String w) -> w.equals(NO_WORKFLOW)).thenComparing(Comparator.naturalOrder())
        .compare(a, b);
  }

  /**
   * The rows by check id, across groups (a check id belongs to one workflow).
   *
   * @return a new mutable map in the matrix's order
   */
  public Map<String, Row> rowsById() {
    Map<String, Row> rows = new LinkedHashMap<>();
    groups.forEach(g -> g.rows().forEach(r -> rows.putIfAbsent(r.checkId(), r)));
    return rows;
  }
}
