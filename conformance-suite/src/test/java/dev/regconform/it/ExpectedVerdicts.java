package dev.regconform.it;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts a reference registry is expected to get, from {@code expected-verdicts/<reference>.txt} and
 * every {@code expected-verdicts/<reference>/*.txt} (one file per group of checks): one line per check that
 * does NOT pass,
 * {@code <check id> <outcome>  # why (how it was confirmed)}, or {@code include <file>} to take over the lines of
 * another reference's file (e.g. {@code include distribution/upload.txt}; path relative to {@code expected-verdicts/}).
 * A registry race the toolkit catches only sometimes lists every outcome it was seen with, e.g.
 * {@code concurrency.manifest.same-manifest passed|failed}, with the registry's own answer in the comment.
 * Every other check must pass. Any difference — a new failure, or a listed deviation that went away — fails
 * the build, so a change in the toolkit's verdicts is always noticed.
 */
final class ExpectedVerdicts {
  private final String reference;
  private final Map<String, Set<Outcome>> deviations;

  private ExpectedVerdicts(String reference, Map<String, Set<Outcome>> deviations) {
    this.reference = reference;
    this.deviations = deviations;
  }

  static ExpectedVerdicts load(String reference) throws IOException {
    Map<String, Set<Outcome>> deviations = new LinkedHashMap<>();
    String main = read("/expected-verdicts/" + reference + ".txt")
        .orElseThrow(() -> new IllegalStateException("Missing /expected-verdicts/" + reference
            + ".txt (an empty file means: every check passes)"));
    parse(main, deviations);
    java.net.URL dir = ExpectedVerdicts.class.getResource("/expected-verdicts/" + reference);
    if (dir != null) {
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
        for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          parse(java.nio.file.Files.readString(file), deviations);
        }
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException("Cannot list " + dir, e);
      }
    }
    return new ExpectedVerdicts(reference, deviations);
  }

  private static void parse(String text, Map<String, Set<Outcome>> deviations) throws IOException {
    for (String content : lines(text)) {
      String[] parts = content.split("\\s+");
      if (parts[0].equals("include")) {
        String resource = "/expected-verdicts/" + parts[1];
        parse(read(resource).orElseThrow(() -> new IllegalStateException("Missing " + resource + " (included)")),
            deviations);
        continue;
      }
      Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
      for (String outcome : parts[1].split("\\|")) {
        outcomes.add(Outcome.parse(outcome));
      }
      if (deviations.put(parts[0], outcomes) != null) {
        throw new IllegalStateException("Check " + parts[0] + " is listed twice in the expected verdicts");
      }
    }
  }

  /** Non-empty lines without their comments. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      String content = line.replaceFirst("#.*", "").strip();
      if (!content.isEmpty()) {
        lines.add(content);
      }
    }
    return lines;
  }

  private static java.util.Optional<String> read(String resource) throws IOException {
    try (InputStream in = ExpectedVerdicts.class.getResourceAsStream(resource)) {
      return in == null ? java.util.Optional.empty()
          : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Whether {@code result} is one of the reference's listed deviations, with the listed outcome: a known gap of
   * the registry itself, not something a fault injected in front of it caused.
   */
  boolean isKnownDeviation(CheckResult result) {
    Set<Outcome> expected = deviations.get(result.id());
    return expected != null && expected.contains(result.outcome());
  }

  /**
   * As {@link #differences(List)}, for a run of some checks only: results and listed deviations whose id
   * {@code selected} rejects are ignored.
   */
  List<String> differences(List<CheckResult> actual, java.util.function.Predicate<String> selected) {
    ExpectedVerdicts subset = new ExpectedVerdicts(reference, new LinkedHashMap<>());
    deviations.forEach((id, outcome) -> {
      if (selected.test(id)) {
        subset.deviations.put(id, outcome);
      }
    });
    return subset.differences(actual.stream().filter(r -> selected.test(r.id())).toList());
  }

  /** One line per difference between the actual verdicts and the expected ones; empty when they agree. */
  List<String> differences(List<CheckResult> actual) {
    List<String> differences = new ArrayList<>();
    Map<String, CheckResult> byId = new LinkedHashMap<>();
    actual.forEach(r -> byId.put(r.id(), r));
    for (CheckResult r : actual) {
      Set<Outcome> expected = deviations.getOrDefault(r.id(), Set.of(Outcome.PASSED));
      if (!expected.contains(r.outcome())) {
        differences.add(r.id() + ": expected " + expected.stream().map(Outcome::toString)
            .collect(java.util.stream.Collectors.joining(" or ")) + " on " + reference + " but was " + r.outcome()
            + (r.message().isEmpty() ? "" : "\n    " + r.message().replace("\n", "\n    ")));
      }
    }
    for (String id : deviations.keySet()) {
      if (!byId.containsKey(id)) {
        differences.add(id + ": listed in expected-verdicts/" + reference + ".txt but no such check ran");
      }
    }
    return differences;
  }
}
