package dev.regconform.reports.baseline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The failures a CI job accepts, so that only new ones fail it: a YAML file people edit, one entry per target and
 * check, with a reason. {@code regconform run --write-baseline FILE} writes one; {@code --baseline FILE} gates on
 * it ({@link BaselineVerdict}).
 *
 * <pre>{@code
 * # (comments explaining the format)
 * version: 1
 * targets:
 *   - target: http://127.0.0.1:5000
 *     known:
 *       - check: push.chunked.resend
 *         outcome: failed
 *         reason: "Expecting response to <PATCH /v2/…> to have status: <416> but was: <202>"
 * }</pre>
 *
 * <p>Reading is strict, because a typo would silently stop an entry from matching: an unknown field, a duplicate
 * entry, a missing {@code check} or an outcome other than failed, broken or warning is a {@link
 * IllegalArgumentException} whose message is one line naming the file and the place.
 */
public final class Baseline {
  /** The format's version, written as {@code version: 1}. */
  public static final int VERSION = 1;
  /** The outcomes an entry may record. */
  static final Set<Outcome> RECORDED = Set.of(Outcome.FAILED, Outcome.BROKEN, Outcome.WARNING);

  private static final ObjectMapper READER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper WRITER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      // One line per reason, so that a person edits it in place.
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  /** What the top of every written file says; a person reading the file learns the format from it. */
  static final String HEADER = """
      # regconform baseline: the known deviations a CI run accepts.
      #
      # regconform run --baseline THIS_FILE fails (exit 1) only for a failure that is not listed here. A listed
      # failure prints as "known (baseline)"; a listed check that now passes prints as "fixed — remove from the
      # baseline"; a listed check that no longer exists prints as "stale". Edit this file by hand:
      #   target   the target's description as summary.json gives it: the --target URL (or its --target-name),
      #            or the name of a reference registry. Entries for a target that is not in a run are ignored.
      #   check    the check id, as the console and summary.json show it
      #   outcome  failed, broken or warning: what the check reached when it was recorded (for people; any
      #            outcome of the check matches the entry)
      #   reason   why the deviation is accepted; written from the failure message, replace it with yours
      # regconform run --write-baseline FILE records a run's failed and broken checks (with --strict, its
      # warnings too); with --baseline FILE as well, it keeps the reasons written here.
      """;

  /** The file's layout. */
  private record Document(@JsonProperty("version") Integer version, @JsonProperty("targets") List<Section> targets) {}

  /** The entries of one target. */
  private record Section(@JsonProperty("target") String target, @JsonProperty("known") List<Listed> known) {}

  /** One entry, as listed under its target. */
  private record Listed(@JsonProperty("check") String check, @JsonProperty("outcome") String outcome,
      @JsonProperty("reason") String reason) {}

  private final List<BaselineEntry> entries;

  private Baseline(List<BaselineEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * A baseline of these entries.
   *
   * @param entries in the order {@link #toYaml} writes them (grouped by target on writing); copied
   * @return the baseline, immutable
   * @throws IllegalArgumentException when two entries are about the same check on the same target
   */
  public static Baseline of(List<BaselineEntry> entries) {
    Set<String> seen = new LinkedHashSet<>();
    for (BaselineEntry e : entries) {
      if (!seen.add(e.target() + "\n" + e.check())) {
        throw new IllegalArgumentException("check '" + e.check() + "' is listed twice for target '" + e.target() + "'");
      }
    }
    return new Baseline(entries);
  }

  /**
   * No known deviation: every failing check is new.
   *
   * @return a baseline without entries, e.g. for {@link #record}'s {@code kept} on a first run
   */
  public static Baseline empty() {
    return new Baseline(List.of());
  }

  /**
   * The checks of these runs that did not pass: failed and broken ones, and with {@code strict} warnings too (only
   * then do they fail a run). Each target's entries are sorted by check id, so that the file's history shows what
   * changed.
   *
   * @param runs this run's targets; each becomes a target of the baseline, named by its description
   * @param strict whether warnings are recorded too (the {@code --strict} option)
   * @param kept a baseline whose reasons are kept for the checks it lists (the one the run was gated on), and whose
   *     entries the run could not re-examine are carried over: those of targets not in these runs, and those of
   *     checks that did not run (skipped, unsupported, disabled); {@link #empty()} for none
   * @return the new baseline; reasons of new entries are the gist of their failure message
   */
  public static Baseline record(List<TargetRun> runs, boolean strict, Baseline kept) {
    Map<String, List<BaselineEntry>> byTarget = new LinkedHashMap<>();
    for (TargetRun run : runs) {
      List<BaselineEntry> target = byTarget.computeIfAbsent(run.description(), d -> new ArrayList<>());
      for (CheckResult check : run.checks()) {
        Optional<BaselineEntry> known = kept.find(run.description(), check.id());
        if (isFailing(check.outcome(), strict)) {
          BaselineEntry entry = BaselineEntry.of(run, check);
          target.add(known.map(k -> entry.withReason(k.reason())).orElse(entry));
        } else if (check.outcome().isSkip()) {
          known.ifPresent(target::add);
        }
      }
    }
    for (BaselineEntry entry : kept.entries) {
      if (runs.stream().noneMatch(r -> r.description().equals(entry.target()))) {
        byTarget.computeIfAbsent(entry.target(), d -> new ArrayList<>()).add(entry);
      }
    }
    List<BaselineEntry> all = new ArrayList<>();
    byTarget.values().forEach(list -> list.stream().sorted(Comparator.comparing(BaselineEntry::check))
        .forEach(all::add));
    return of(all);
  }

  /**
   * Whether a check with this outcome fails a run: failed and broken, and with {@code strict} warning.
   *
   * @param outcome a check's outcome
   * @param strict whether the run is strict ({@code --strict}), so that warnings fail it
   * @return true for an outcome a baseline must list for the run to pass
   */
  public static boolean isFailing(Outcome outcome, boolean strict) {
    return outcome == Outcome.FAILED || outcome == Outcome.BROKEN || (strict && outcome == Outcome.WARNING);
  }

  /**
   * Reads and checks a baseline file.
   *
   * @param file a UTF-8 YAML file as {@link #write} makes it, possibly edited by people
   * @return the baseline
   * @throws IllegalArgumentException with a one-line message naming the file: it cannot be read, is not YAML, or
   *     is not a baseline (see the class comment)
   */
  public static Baseline read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("baseline " + file + ": no such file (write one with --write-baseline "
          + file + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException("baseline " + file + ": cannot read it: " + e.getMessage());
    }
    return parse(text, "baseline " + file);
  }

  /**
   * Reads and checks a baseline.
   *
   * @param yaml the file's text
   * @param source what the text is, for messages, e.g. {@code baseline ci/baseline.yaml}
   * @return the baseline
   * @throws IllegalArgumentException with a one-line message starting with {@code source}
   */
  public static Baseline parse(String yaml, String source) {
    Document doc;
    try {
      // Only comments, or nothing: Jackson would say the file "must be a mapping".
      doc = yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#")) ? null
          : READER.readValue(yaml, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + describe(e, yaml));
    }
    if (doc == null) {
      throw new IllegalArgumentException(source + ": empty; a baseline starts with 'version: " + VERSION
          + "' and lists 'targets:' (write one with --write-baseline FILE)");
    }
    if (doc.version() == null || doc.version() != VERSION) {
      throw new IllegalArgumentException(source + ": " + (doc.version() == null ? "no 'version: " + VERSION + "'"
          : "version " + doc.version() + " is not one this regconform reads (" + VERSION + ")"));
    }
    List<BaselineEntry> entries = new ArrayList<>();
    Map<String, Integer> targetAt = new LinkedHashMap<>();
    List<Section> sections = doc.targets() == null ? List.of() : doc.targets();
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      String where = source + ": targets[" + i + "]";
      if (section == null || section.target() == null || section.target().isBlank()) {
        throw new IllegalArgumentException(where + ": no 'target' (the target's description, e.g. its URL)");
      }
      Integer earlier = targetAt.putIfAbsent(section.target(), i);
      if (earlier != null) {
        throw new IllegalArgumentException(where + ": target '" + section.target() + "' is listed twice (targets["
            + earlier + "] and targets[" + i + "]); list all its checks under one");
      }
      List<Listed> known = section.known() == null ? List.of() : section.known();
      for (int j = 0; j < known.size(); j++) {
        entries.add(entry(section.target(), known.get(j), where + ".known[" + j + "]"));
      }
    }
    try {
      return of(entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }
  }

  private static BaselineEntry entry(String target, Listed listed, String where) {
    if (listed == null || listed.check() == null || listed.check().isBlank()) {
      throw new IllegalArgumentException(where + ": no 'check' (a check id, e.g. push.chunked.resend)");
    }
    Outcome outcome = Outcome.FAILED;
    if (listed.outcome() != null) {
      outcome = RECORDED.stream().filter(o -> o.label().equalsIgnoreCase(listed.outcome().strip())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(where + " (" + listed.check() + "): outcome '"
              + listed.outcome() + "' is not failed, broken or warning"));
    }
    return new BaselineEntry(target, listed.check().strip(), outcome, listed.reason());
  }

  /** A Jackson problem in one line, in the file's terms: where, and what was expected there. */
  private static String describe(JsonProcessingException e, String yaml) {
    JsonLocation at = e.getLocation();
    String line = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ": ";
    if (e instanceof UnrecognizedPropertyException u) {
      String where = path(u).replaceFirst("\\.?" + java.util.regex.Pattern.quote(u.getPropertyName()) + "$", "");
      String what = u.getReferringClass() == Listed.class ? "an entry" : u.getReferringClass() == Section.class
          ? "a target" : "the file";
      String known = u.getKnownPropertyIds() == null ? "" : " (" + what + " has the fields " + u.getKnownPropertyIds()
          .stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
      // Jackson buffers a record's fields, and so loses their place: look the field up instead.
      return lineOf(u.getPropertyName(), yaml).map(n -> "line " + n + ": ").orElse(line) + "unknown field '"
          + u.getPropertyName() + "' in " + (where.isEmpty() ? "the file" : where) + known;
    }
    if (e instanceof MismatchedInputException m) {
      String path = path(m);
      Class<?> type = m.getTargetType();
      String expected = type == null ? "another value"
          : List.class.isAssignableFrom(type) ? "a list (lines starting with '- ')"
          : type == String.class ? "text" : type == Integer.class ? "a number"
          : "a mapping of fields (name: value)";
      return line + (path.isEmpty() ? "the file" : "'" + path + "'") + " must be " + expected;
    }
    Throwable cause = e.getCause() instanceof JsonProcessingException wrapped ? wrapped.getCause() : e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
      return "line " + (y.getProblemMark().getLine() + 1) + ": not valid YAML: "
          + (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem();
    }
    if (e instanceof JsonMappingException && !(e.getCause() instanceof JsonProcessingException)) {
      return line + "not a baseline: " + firstLine(e.getOriginalMessage());
    }
    return line + "not valid YAML: " + firstLine(e.getOriginalMessage());
  }

  /** The line of the one key {@code name} in the text, when there is exactly one. */
  private static Optional<Integer> lineOf(String name, String yaml) {
    java.util.regex.Pattern key = java.util.regex.Pattern.compile("(^|[\\s{,-])[\"']?"
        + java.util.regex.Pattern.quote(name) + "[\"']?\\s*:");
    List<String> lines = yaml.lines().toList();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (key.matcher(lines.get(i).replaceFirst("\\s#.*$", "")).find()) {
        found.add(i + 1);
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }

  /**
   * The file's text: {@link #HEADER}, a line saying how it was made, then the entries grouped by target.
   *
   * @param madeBy e.g. {@code regconform 0.1.0 on 2026-11-26T21:10:50Z}; goes into a comment line
   * @return the YAML text, ending with a newline; {@link #parse} reads it back to an equal baseline
   */
  public String toYaml(String madeBy) {
    Map<String, List<BaselineEntry>> byTarget = new LinkedHashMap<>();
    entries.forEach(e -> byTarget.computeIfAbsent(e.target(), t -> new ArrayList<>()).add(e));
    ObjectNode root = WRITER.createObjectNode();
    root.put("version", VERSION);
    ArrayNode targets = root.putArray("targets");
    byTarget.forEach((target, list) -> {
      ObjectNode section = targets.addObject();
      section.put("target", target);
      ArrayNode known = section.putArray("known");
      for (BaselineEntry e : list) {
        known.addObject().put("check", e.check()).put("outcome", e.outcome().label()).put("reason", e.reason());
      }
    });
    try {
      return HEADER + "# Written by " + madeBy + ": " + entries.size() + " entries.\n"
          + WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a baseline as YAML", e);
    }
  }

  /**
   * Writes {@link #toYaml(String)} to {@code file}, UTF-8, creating its directory and replacing the file.
   *
   * @param file where the baseline goes, e.g. {@code ci/baseline.yaml}
   * @param madeBy e.g. {@code regconform 0.1.0 on 2026-11-26T21:10:50Z}; goes into a comment line
   * @throws IOException when the directory or the file cannot be written
   */
  public void write(Path file, String madeBy) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toYaml(madeBy), StandardCharsets.UTF_8);
  }

  /**
   * Every entry, grouped by target in the file's order.
   *
   * @return an immutable list
   */
  public List<BaselineEntry> entries() {
    return entries;
  }

  /**
   * The entry about {@code check} on {@code target}, if there is one.
   *
   * @param target the target's description, compared exactly
   * @param check the check id, compared exactly
   * @return the entry, or empty when the baseline does not list that check for that target
   */
  public Optional<BaselineEntry> find(String target, String check) {
    return entries.stream().filter(e -> e.matches(target, check)).findFirst();
  }

  /**
   * The targets the entries are about, in the file's order.
   *
   * @return a new set of target descriptions; empty for an empty baseline
   */
  public Set<String> targets() {
    return entries.stream().map(BaselineEntry::target).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Baseline other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Baseline" + entries;
  }
}
