package dev.regconform.cli;

import dev.regconform.target.ReferenceRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --reference ID}: which reference registries a run starts, instead of every one that can start here. Unlike a
 * run without targets, a run with {@code --reference} needs each one it names: one that cannot start ends the run.
 */
final class ReferenceSelection {
  private ReferenceSelection() {}

  /**
   * The ids given, checked, each once, in the order given.
   *
   * @param given the values of {@code --reference} (already split at commas)
   * @param targets the values of {@code --target}
   * @return the ids; empty when none was given (every reference that can start)
   * @throws IllegalArgumentException for an id that names no reference (the message lists them), or with a target
   */
  static List<String> of(List<String> given, List<String> targets) {
    if (given.isEmpty()) {
      return List.of();
    }
    if (!targets.isEmpty()) {
      throw new IllegalArgumentException("--reference and --target exclude each other: --reference starts a reference "
          + "registry to check instead of a --target");
    }
    List<String> ids = new ArrayList<>();
    for (String value : given) {
      String id = value.strip();
      if (!ReferenceRegistries.IDS.contains(id)) {
        throw new IllegalArgumentException("unknown --reference '" + value + "': the reference registries are "
            + String.join(", ", ReferenceRegistries.IDS));
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Why one of the selected references did not start.
   *
   * @param references the references started for {@code selected}
   * @param selected the ids asked for with {@code --reference}
   * @return {@code --reference ID cannot start here: WHY} (one line) for the first one that did not start, or empty
   */
  static Optional<String> notStarted(ReferenceRegistries references, List<String> selected) {
    return references.skipped().stream()
        .filter(line -> selected.stream().anyMatch(id -> line.startsWith(id + ": ")))
        .findFirst()
        .map(line -> "--reference " + line.substring(0, line.indexOf(": ")) + " cannot start here: "
            + line.substring(line.indexOf(": ") + 2).strip().replaceAll("\\s*\\R\\s*", " "));
  }
}
