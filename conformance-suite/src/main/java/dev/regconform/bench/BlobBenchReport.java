package dev.regconform.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.bench.BlobBench.Round;
import dev.regconform.model.Digest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code regconform bench blob} measured: every round, and the median push and pull, as the closing text lines
 * ({@code push: 201.3 MiB/s (5.087 s)}) or as one JSON object:
 *
 * <pre>{@code
 * {"target": "http://127.0.0.1:5000", "repository": "regconform/bench-…", "size": 1073741824,
 *  "digest": "sha256:…", "upload": "POST, one streamed PATCH with Content-Length, PUT ?digest",
 *  "date": "2025-01-01T12:00:00Z", "maxHeapMiB": 64, "repeat": 3,
 *  "push": {"seconds": 5.087, "mibPerSecond": 201.3}, "pull": {"seconds": 2.485, "mibPerSecond": 412.0},
 *  "deleted": true,
 *  "runs": [{"push": {…}, "pull": {…}, "deleteStatus": 202}, …]}
 * }</pre>
 *
 * <p>{@code push} and {@code pull} are medians over the runs; MiB are 2^20 bytes.
 *
 * @param target the registry's base URL
 * @param repository the repository the blob went to
 * @param size the blob's size in bytes
 * @param date when the benchmark started
 * @param maxHeapBytes the JVM's maximum heap ({@link Runtime#maxMemory()})
 * @param rounds every round, in order; at least one
 */
public record BlobBenchReport(URI target, String repository, long size, Instant date, long maxHeapBytes,
    List<Round> rounds) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public BlobBenchReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(date, "date");
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("a report of no round");
    }
  }

  /** The median push. */
  public Transfer push() {
    return Transfer.median(rounds.stream().map(Round::push).toList());
  }

  /** The median pull. */
  public Transfer pull() {
    return Transfer.median(rounds.stream().map(Round::pull).toList());
  }

  /** The blob's digest (every round pushes the same bytes). */
  public Digest digest() {
    return rounds.get(0).digest();
  }

  /** Whether the registry deleted the blob after every round. */
  public boolean deleted() {
    return rounds.stream().allMatch(r -> r.deletion().deleted());
  }

  /** The line printed as round {@code index} (from 1) of {@code count} finishes. */
  public static String roundLine(int index, int count, Round round) {
    return String.format(Locale.ROOT, "run %d/%d: push %s, pull %s", index, count, rate(round.push()),
        rate(round.pull()));
  }

  /** The closing lines: digest, deletion, then {@code push: X MiB/s (…)} and {@code pull: Y MiB/s (…)}. */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    lines.add("digest: " + digest() + " (computed while sending, verified while reading)");
    int refused = rounds.stream().filter(r -> !r.deletion().deleted()).findFirst().map(r -> r.deletion().status())
        .orElse(-1);
    lines.add(refused == -1 ? "deleted: yes"
        : "deleted: no, DELETE " + (refused == 0 ? "got no answer" : "answered " + refused) + "; the blob stays in "
            + repository);
    String of = rounds.size() == 1 ? "" : "median of " + rounds.size() + " runs: ";
    lines.add("push: " + mib(push()) + " MiB/s (" + of + seconds(push()) + " s)");
    lines.add("pull: " + mib(pull()) + " MiB/s (" + of + seconds(pull()) + " s)");
    return lines;
  }

  /** The JSON object shown in the class comment, indented. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("target", target.toString());
    root.put("repository", repository);
    root.put("size", size);
    root.put("digest", digest().toString());
    root.put("upload", BlobBench.UPLOAD);
    root.put("date", date.toString());
    root.put("maxHeapMiB", maxHeapBytes >> 20);
    root.put("repeat", rounds.size());
    root.set("push", transfer(push()));
    root.set("pull", transfer(pull()));
    root.put("deleted", deleted());
    ArrayNode runs = root.putArray("runs");
    for (Round round : rounds) {
      ObjectNode run = runs.addObject();
      run.set("push", transfer(round.push()));
      run.set("pull", transfer(round.pull()));
      run.put("deleteStatus", round.deletion().status());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static ObjectNode transfer(Transfer t) {
    ObjectNode node = JSON.createObjectNode();
    node.put("seconds", Math.round(t.seconds() * 1000) / 1000.0);
    node.put("mibPerSecond", Math.round(t.mibPerSecond() * 10) / 10.0);
    return node;
  }

  private static String rate(Transfer t) {
    return mib(t) + " MiB/s (" + seconds(t) + " s)";
  }

  private static String mib(Transfer t) {
    return String.format(Locale.ROOT, "%.1f", t.mibPerSecond());
  }

  private static String seconds(Transfer t) {
    return String.format(Locale.ROOT, "%.3f", t.seconds());
  }
}
