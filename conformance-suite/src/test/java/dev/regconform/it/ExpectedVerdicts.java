package dev.regconform.it;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts a reference registry is expected to get, from {@code expected-verdicts/<reference>.txt}:
 * one line per check that does NOT pass, {@code <check id> <outcome>  # why (how it was confirmed)}.
 * Every other check must pass. Any difference — a new failure, or a listed deviation that went away — fails
 * the build, so a change in the toolkit's verdicts is always noticed.
 */
final class ExpectedVerdicts {
  private final String reference;
  private final Map<String, Outcome> deviations;

  private ExpectedVerdicts(String reference, Map<String, Outcome> deviations) {
    this.reference = reference;
    this.deviations = deviations;
  }

  static ExpectedVerdicts load(String reference) throws IOException {
    String resource = "/expected-verdicts/" + reference + ".txt";
    Map<String, Outcome> deviations = new LinkedHashMap<>();
    try (InputStream in = ExpectedVerdicts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource + " (an empty file means: every check passes)");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String content = line.replaceFirst("#.*", "").strip();
        if (!content.isEmpty()) {
          String[] parts = content.split("\\s+");
          deviations.put(parts[0], Outcome.valueOf(parts[1].toUpperCase()));
        }
      }
    }
    return new ExpectedVerdicts(reference, deviations);
  }

  /** One line per difference between the actual verdicts and the expected ones; empty when they agree. */
  List<String> differences(List<CheckResult> actual) {
    List<String> differences = new ArrayList<>();
    Map<String, CheckResult> byId = new LinkedHashMap<>();
    actual.forEach(r -> byId.put(r.id(), r));
    for (CheckResult r : actual) {
      Outcome expected = deviations.getOrDefault(r.id(), Outcome.PASSED);
      if (r.outcome() != expected) {
        differences.add(r.id() + ": expected " + expected + " on " + reference + " but was " + r.outcome()
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
