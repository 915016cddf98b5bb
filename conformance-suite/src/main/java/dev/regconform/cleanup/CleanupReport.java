package dev.regconform.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.client.Redaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What became of everything a run stored on one registry, as the toolkit found it by asking the registry
 * ({@link LeftoverSweep}): how many manifests, tags and blobs the run stored, what was still there at the end and had
 * to be deleted then, and what remains, each with why.
 *
 * <pre>{@code
 * cleanup: removed everything the run pushed (12 manifests, 30 blobs; verified)
 * cleanup: left behind: 12 manifests, 7 tags, 30 blobs (the registry does not allow deletes: 405 UNSUPPORTED on DELETE …)
 * }</pre>
 *
 * @param target the registry's URL
 * @param description what the registry is
 * @param namespace the run's namespace there
 * @param manifests how many manifests the run stored (by digest)
 * @param tags how many tags
 * @param blobs how many blobs
 * @param deletedAtTheEnd what was still there after the checks' own cleanup and was deleted by the sweep (the checks
 *     should have deleted it: a toolkit bug, unless the run was interrupted)
 * @param leftovers what remains, each with its reason
 */
public record CleanupReport(String target, String description, String namespace, int manifests, int tags, int blobs,
    List<LedgerItem> deletedAtTheEnd, List<Leftover> leftovers) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LISTED = 5;

  /** Why something remains. */
  public enum Cause {
    /** The registry refuses deletes (405, UNSUPPORTED, or 401/403 for these credentials). Not the toolkit's fault. */
    NO_DELETE,
    /** The registry deletes, yet this is still there: a DELETE answered otherwise, or it is served after 202. */
    REMAINS,
    /** The toolkit could not tell: no answer, an unexpected HEAD status, or the time ran out. */
    UNKNOWN
  }

  /**
   * One item that is (or may be) still there.
   *
   * @param reason what the registry answered, e.g. {@code the registry does not allow deletes (405 UNSUPPORTED on
   *     DELETE /v2/…)}
   */
  public record Leftover(LedgerItem item, Cause cause, String reason) {
    public Leftover {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(cause, "cause");
      reason = Redaction.text(reason);
    }
  }

  public CleanupReport {
    deletedAtTheEnd = List.copyOf(deletedAtTheEnd);
    leftovers = List.copyOf(leftovers);
  }

  /** True when the registry was asked about every item the run stored and none is there any more. */
  public boolean verified() {
    return leftovers.isEmpty();
  }

  /** The console line: everything removed, or what is left behind and why. */
  public String consoleLine() {
    if (verified()) {
      return "cleanup: removed everything the run pushed (" + plural(manifests, "manifest") + ", " + plural(blobs, "blob")
          + "; verified)";
    }
    Map<String, List<Leftover>> byReason = new LinkedHashMap<>();
    leftovers.forEach(l -> byReason.computeIfAbsent(l.reason(), r -> new ArrayList<>()).add(l));
    return "cleanup: left behind: " + byReason.entrySet().stream()
        .map(e -> counted(e.getValue().stream().map(Leftover::item).toList()) + " (" + e.getKey() + ")")
        .collect(Collectors.joining("; "));
  }

  /**
   * The warnings a reader must not miss: content left on a registry that deletes, and content the checks' own cleanup
   * missed. Both are toolkit bugs (or a registry that says it deleted and did not).
   *
   * @param interrupted the run was interrupted: what the sweep deleted is what the checks had no time to delete
   */
  public List<String> warnings(boolean interrupted) {
    List<String> warnings = new ArrayList<>();
    List<LedgerItem> remaining = leftovers.stream().filter(l -> l.cause() == Cause.REMAINS).map(Leftover::item).toList();
    if (!remaining.isEmpty()) {
      warnings.add("WARNING: cleanup: " + counted(remaining) + " of the run remain on " + description + ", which does "
          + "delete: a toolkit bug (or a registry that says it deleted and did not), please report it: "
          + listed(remaining));
    }
    List<LedgerItem> unknown = leftovers.stream().filter(l -> l.cause() == Cause.UNKNOWN).map(Leftover::item).toList();
    if (!unknown.isEmpty()) {
      warnings.add("warning: cleanup: could not tell whether " + counted(unknown) + " of the run remain on "
          + description + ": " + listed(unknown));
    }
    if (!deletedAtTheEnd.isEmpty() && !interrupted) {
      warnings.add("warning: cleanup: the checks' own cleanup missed " + counted(deletedAtTheEnd) + " on " + description
          + " (deleted by the final sweep; a toolkit bug unless the run was interrupted): " + listed(deletedAtTheEnd));
    }
    return warnings;
  }

  /** This report as one entry of summary.json's {@code cleanup}. */
  public JsonNode toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("target", target);
    n.put("description", description);
    n.put("namespace", namespace);
    n.put("manifests", manifests);
    n.put("tags", tags);
    n.put("blobs", blobs);
    n.put("verified", verified());
    deletedAtTheEnd.forEach(i -> n.withArray("deletedAtTheEnd").add(i.toString()));
    n.putArray("leftovers");
    for (Leftover l : leftovers) {
      ObjectNode o = n.withArray("leftovers").addObject();
      o.put("kind", l.item().kind().label());
      o.put("repository", l.item().repository());
      o.put("reference", l.item().reference());
      o.put("cause", l.cause().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      o.put("reason", l.reason());
    }
    return n;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 2 manifests, 1 tag, 3 blobs}. */
  static String counted(List<LedgerItem> items) {
    List<String> parts = new ArrayList<>();
    for (LedgerItem.Kind kind : LedgerItem.Kind.values()) {
      long n = items.stream().filter(i -> i.kind() == kind).count();
      if (n > 0) {
        parts.add(n + " " + kind.label() + (n == 1 ? "" : "s"));
      }
    }
    return String.join(", ", parts);
  }

  private static String listed(List<LedgerItem> items) {
    return items.stream().limit(LISTED).map(LedgerItem::toString).collect(Collectors.joining(", "))
        + (items.size() > LISTED ? " and " + (items.size() - LISTED) + " more (summary.json lists them)" : "");
  }
}
