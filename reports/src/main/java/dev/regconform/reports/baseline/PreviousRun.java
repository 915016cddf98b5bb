package dev.regconform.reports.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the previous run in a report directory concluded, as its {@code summary.json} says: the outcome of every
 * check per target, the target known by its description.
 *
 * <pre>{@code
 * Optional<PreviousRun> previous = PreviousRun.read(reportDir.resolve("summary.json")); // before overwriting it
 * }</pre>
 *
 * @param started when the previous run started (its earliest target)
 * @param outcomes per target description, every check id with its outcome, in the file's order
 */
public record PreviousRun(Instant started, Map<String, Map<String, Outcome>> outcomes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Copies the maps, keeping their order.
   *
   * @param started when the previous run started
   * @param outcomes copied, inner maps too, into unmodifiable maps; not null
   */
  public PreviousRun {
    Map<String, Map<String, Outcome>> copy = new LinkedHashMap<>();
    outcomes.forEach((target, checks) -> copy.put(target, Collections.unmodifiableMap(new LinkedHashMap<>(checks))));
    outcomes = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a {@code summary.json}. A target without a parsable {@code started} is read anyway; when none has one, the
   * file's modification time stands in.
   *
   * @param summaryJson the file, e.g. {@code report/summary.json}; read before a new run overwrites it
   * @return empty when there is no such file (no previous run)
   * @throws IllegalArgumentException in one line, when the file is not a summary this toolkit wrote
   */
  public static Optional<PreviousRun> read(Path summaryJson) {
    if (!Files.isRegularFile(summaryJson)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(summaryJson.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(summaryJson + " is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + summaryJson + ": " + e.getMessage());
    }
    if (root == null || !root.path("targets").isArray()) {
      throw new IllegalArgumentException(summaryJson + " has no 'targets': not a regconform summary");
    }
    Instant started = null;
    Map<String, Map<String, Outcome>> outcomes = new LinkedHashMap<>();
    for (JsonNode target : root.path("targets")) {
      String description = target.path("description").asText(target.path("target").asText());
      try {
        Instant at = Instant.parse(target.path("started").asText());
        started = started == null || at.isBefore(started) ? at : started;
      } catch (DateTimeParseException e) {
        // An older or edited summary: the file's time below stands in.
      }
      Map<String, Outcome> checks = outcomes.computeIfAbsent(description, d -> new LinkedHashMap<>());
      for (JsonNode check : target.path("checks")) {
        try {
          checks.put(check.path("id").asText(), Outcome.parse(check.path("outcome").asText()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(summaryJson + ": check " + check.path("id").asText() + " has outcome '"
              + check.path("outcome").asText() + "', which is none this toolkit knows");
        }
      }
    }
    if (started == null) {
      try {
        started = Files.getLastModifiedTime(summaryJson).toInstant();
      } catch (IOException e) {
        started = Instant.EPOCH;
      }
    }
    return Optional.of(new PreviousRun(started, outcomes));
  }
}
