package dev.regconform.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which client can read what another client wrote, for one registry: one row per pushing client (its interop check),
 * one column per pulling client, each cell the outcome of that pull. Built from the facts the interop checks record
 * ({@link #PUSHER}, {@link #PUSH}, {@link #PULL_PREFIX}{@code <client>}), so the matrix shows exactly what ran.
 *
 * @param target the registry's URL
 * @param description what the registry is
 * @param clients every client in the matrix, pushers first, in the order they ran
 * @param rows one per pushing client
 */
public record InteropMatrix(String target, String description, List<String> clients, List<Row> rows) {
  /** Fact key: the client whose push this check is about. */
  public static final String PUSHER = "interop.pusher";
  /** Fact key: how the push itself went (absent when the check ended before or during the push). */
  public static final String PUSH = "interop.push";
  /** Fact key prefix, followed by the pulling client's name: how that client's pull went. */
  public static final String PULL_PREFIX = "interop.pull.";

  /**
   * Copies the lists; {@link #of(TargetRun)} is the usual way in.
   *
   * @param target the registry's URL
   * @param description what the registry is
   * @param clients copied into an immutable list; not null
   * @param rows copied into an immutable list; not null
   */
  public InteropMatrix {
    clients = List.copyOf(clients);
    rows = List.copyOf(rows);
  }

  /** How one push or pull went. */
  public enum Status {
    /** It worked; for a pull, the image read back is the one pushed. */
    OK("ok"),
    /** It failed, or the pulled image differed from the pushed one; the cell's detail says how. */
    FAILED("failed"),
    /** It did not run because the client is not available here; the cell's detail says why. */
    SKIPPED("skipped"),
    /** No result: that push or pull did not happen. The reports show {@code not run} for a pull that has no cell. */
    NOT_RUN("not run");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /**
     * The word the reports and the facts use.
     *
     * @return {@code ok}, {@code failed}, {@code skipped} or {@code not run}
     */
    public String label() {
      return label;
    }
  }

  /**
   * One cell: a status and, unless ok, why. An interop check records one per push and pull as a fact
   * ({@link #fact()}); the matrix reads them back with {@link #parse(String)}.
   *
   * @param status how it went
   * @param detail why it failed or was skipped, one line or more; empty when ok
   */
  public record Cell(Status status, String detail) {
    /**
     * Strips the detail.
     *
     * @param status how it went
     * @param detail null becomes empty; leading and trailing white space is removed
     */
    public Cell {
      detail = detail == null ? "" : detail.strip();
    }

    /**
     * A push or pull that worked.
     *
     * @return a cell of {@link Status#OK} without detail
     */
    public static Cell ok() {
      return new Cell(Status.OK, "");
    }

    /**
     * A push or pull that failed.
     *
     * @param why what went wrong; written to the reports as is, so it must hold no secret; null for no detail
     * @return a cell of {@link Status#FAILED}
     */
    public static Cell failed(String why) {
      return new Cell(Status.FAILED, why);
    }

    /**
     * A push or pull that did not run.
     *
     * @param why e.g. which client is missing; null for no detail
     * @return a cell of {@link Status#SKIPPED}
     */
    public static Cell skipped(String why) {
      return new Cell(Status.SKIPPED, why);
    }

    /**
     * The fact value a check records.
     *
     * @return {@code ok}, {@code failed: why} or {@code skipped: why} (the label alone when there is no detail)
     */
    public String fact() {
      return detail.isEmpty() ? status.label() : status.label() + ": " + detail;
    }

    /**
     * Reads a {@link #fact()} value back.
     *
     * @param fact a value as {@link #fact()} writes it; not null
     * @return the cell; a value that starts with no known label is taken as a failure with that value as detail
     */
    public static Cell parse(String fact) {
      for (Status s : Status.values()) {
        if (fact.equals(s.label())) {
          return new Cell(s, "");
        }
        if (fact.startsWith(s.label() + ": ")) {
          return new Cell(s, fact.substring(s.label().length() + 2));
        }
      }
      return new Cell(Status.FAILED, fact);
    }

    @Override
    public String toString() {
      return fact();
    }
  }

  /**
   * One pushing client's row.
   *
   * @param pusher the client that pushed
   * @param checkId the interop check that ran it
   * @param push how the push went; when it did not get that far, the check's own outcome and message
   * @param pulls each other client's pull, by client name
   */
  public record Row(String pusher, String checkId, Cell push, Map<String, Cell> pulls) {
    /**
     * Copies the pulls, keeping their order.
     *
     * @param pusher the client that pushed
     * @param checkId the interop check's id
     * @param push how the push went
     * @param pulls copied into an unmodifiable map; not null
     */
    public Row {
      pulls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pulls));
    }

    /**
     * The cell for a pulling client.
     *
     * @param client a client name as in {@link InteropMatrix#clients()}
     * @return its pull's cell; empty when that pull never happened, or {@code client} is the pusher (the reports show
     *     {@code not run} or {@code -})
     */
    public Optional<Cell> pull(String client) {
      return Optional.ofNullable(pulls.get(client));
    }
  }

  /**
   * The matrix of one run, or empty when no interop check recorded anything (e.g. the clients workflow was off).
   *
   * @param run one target's run; only checks with an {@link #PUSHER} fact are read
   * @return the matrix, rows in the order the checks finished; or empty
   */
  public static Optional<InteropMatrix> of(TargetRun run) {
    List<Row> rows = new ArrayList<>();
    Set<String> clients = new LinkedHashSet<>();
    for (CheckResult check : run.checks()) {
      String pusher = check.facts().get(PUSHER);
      if (pusher == null) {
        continue;
      }
      clients.add(pusher);
      Map<String, Cell> pulls = new LinkedHashMap<>();
      check.facts().forEach((key, value) -> {
        if (key.startsWith(PULL_PREFIX)) {
          pulls.put(key.substring(PULL_PREFIX.length()), Cell.parse(value));
        }
      });
      Cell push = Optional.ofNullable(check.facts().get(PUSH)).map(Cell::parse)
          .orElseGet(() -> fromOutcome(check));
      rows.add(new Row(pusher, check.id(), push, pulls));
    }
    rows.forEach(r -> clients.addAll(r.pulls().keySet()));
    return rows.isEmpty() ? Optional.empty()
        : Optional.of(new InteropMatrix(run.target(), run.description(), List.copyOf(clients), rows));
  }

  /**
   * Whether every push and pull that ran succeeded.
   *
   * @return false when any cell is {@link Status#FAILED}; skipped and not-run cells do not count against it
   */
  public boolean allOk() {
    return rows.stream().allMatch(r -> r.push().status() != Status.FAILED
        && r.pulls().values().stream().noneMatch(c -> c.status() == Status.FAILED));
  }

  private static Cell fromOutcome(CheckResult check) {
    return switch (check.outcome()) {
      case PASSED, WARNING -> Cell.ok();
      case FAILED, BROKEN -> Cell.failed(check.message());
      default -> new Cell(Status.SKIPPED, check.outcome().label() + ": " + check.message());
    };
  }

  /**
   * A plain-text table for the console: rows pushed by, columns pulled by.
   *
   * @return aligned columns of status labels, lines joined by {@code \n}, no trailing white space or newline
   */
  public String toText() {
    List<String> header = new ArrayList<>(List.of("pushed by \\ pulled by", "push"));
    header.addAll(clients);
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    for (Row row : rows) {
      List<String> line = new ArrayList<>(List.of(row.pusher(), row.push().status().label()));
      for (String client : clients) {
        line.add(client.equals(row.pusher()) ? "-" : row.pull(client).map(c -> c.status().label()).orElse("not run"));
      }
      lines.add(line);
    }
    int[] widths = new int[header.size()];
    lines.forEach(l -> {
      for (int i = 0; i < l.size(); i++) {
        widths[i] = Math.max(widths[i], l.get(i).length());
      }
    });
    StringBuilder text = new StringBuilder();
    for (List<String> l : lines) {
      for (int i = 0; i < l.size(); i++) {
        text.append(String.format(Locale.ROOT, i == 0 ? "%-" + widths[i] + "s" : "  %-" + widths[i] + "s", l.get(i)));
      }
      text.append(String.valueOf('\n'));
    }
    return text.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
