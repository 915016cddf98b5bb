package dev.regconform.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.bench.ByteSize;
import dev.regconform.client.Redaction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@code regconform load} measured, as the table it prints, and as {@code load.json}:
 *
 * <pre>{@code
 * {"target": "http://127.0.0.1:5000", "repositories": ["regconform/load-…/r0", …], "date": "…",
 *  "concurrency": 8, "duration": "30s", "operationsLimit": null, "mix": {"push": 1, "pull": 4, "head": 2, "tags": 1},
 *  "blobSize": 1048576, "elapsedSeconds": 30.04, "stoppedBy": "duration", "maxHeapMiB": 64,
 *  "total": {"ok": 9000, "errors": 0, "opsPerSecond": 299.6, "latencyMs": {"mean": …, "p50": …, "p95": …, "p99": …, "max": …}},
 *  "operations": {"push": {"ok": …, "errors": …, "opsPerSecond": …, "latencyMs": {…},
 *                          "errorsByStatus": {"500": 2}, "errorsByKind": {"ConnectException": 1}, "firstError": "…"}, …},
 *  "timeline": [{"second": 0, "push": 31, "pull": 120, "head": 60, "tags": 30, "errors": 0}, …],
 *  "cleanup": {"manifestsDeleted": 1130, "blobsDeleted": 1134, "complete": true, "seconds": 9.8, "left": []}}
 * }</pre>
 *
 * <p>ops/s counts the operations that succeeded over the elapsed time; latencies are of those operations only.
 *
 * @param target the registry's base URL
 * @param repositories the run's own repositories
 * @param date when the run started
 * @param maxOperations the --operations limit, if any
 * @param blobSize bytes of each pushed layer
 * @param result the run
 * @param cleanup what deleting the run's images achieved
 * @param maxHeapBytes the JVM's maximum heap
 */
public record LoadReport(URI target, List<String> repositories, Instant date, int concurrency, Duration duration,
    OptionalLong maxOperations, Mix mix, long blobSize, LoadRun.Result result, Cleanup cleanup, long maxHeapBytes) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LoadReport {
    Objects.requireNonNull(target, "target");
    repositories = List.copyOf(repositories);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(cleanup, "cleanup");
  }

  /** The operations of the mix, in their fixed order, with what was recorded of each. */
  public List<OperationStats> operations() {
    return java.util.Arrays.stream(mix.operations()).map(op -> result.stats().of(op)).toList();
  }

  public double elapsedSeconds() {
    return result.elapsedNanos() / 1e9;
  }

  public long ok() {
    return operations().stream().mapToLong(OperationStats::ok).sum();
  }

  public long errors() {
    return operations().stream().mapToLong(OperationStats::errors).sum();
  }

  /** Operations that succeeded, per second of the run. */
  public double opsPerSecond(long ok) {
    return ok / elapsedSeconds();
  }

  /** The first line printed, before the run. */
  public static String headline(URI target, String namespace, int concurrency, Duration duration,
      OptionalLong maxOperations, Mix mix, long blobSize) {
    return String.format(Locale.ROOT, "load: %d worker%s for %s%s, mix %s, blobs of %s, against %s (%s)",
        concurrency, concurrency == 1 ? "" : "s", LoadDuration.format(duration),
        maxOperations.isPresent() ? " or " + maxOperations.getAsLong() + " operations" : "", mix,
        ByteSize.format(blobSize), shown(target), namespace);
  }

  /** The table of figures, then one line per operation with errors, then the cleanup. */
  public List<String> tableLines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-9s %9s %7s %9s %9s %9s %9s %9s", "operation", "ok", "errors", "ops/s",
        "p50 ms", "p95 ms", "p99 ms", "max ms"));
    for (OperationStats s : operations()) {
      lines.add(row(s.operation().label(), s.ok(), s.errors(), s.latency()));
    }
    if (operations().size() > 1) {
      lines.add(row("all", ok(), errors(), result.stats().overall()));
    }
    lines.add(String.format(Locale.ROOT, "%.1f s, stopped by %s; latency: each operation's first request to its last "
        + "byte read, of those that succeeded", elapsedSeconds(), result.stoppedBy() == LoadRun.StopReason.DURATION
        ? "the duration" : "the operation count"));
    for (OperationStats s : operations()) {
      if (s.errors() > 0) {
        List<String> counts = new ArrayList<>();
        s.errorsByStatus().forEach((status, n) -> counts.add(n + " x " + (status == 0 ? "no answer" : status)));
        s.errorsByKind().forEach((kind, n) -> counts.add(n + " x " + kind));
        lines.add("errors of " + s.operation().label() + ": " + String.join(", ", counts) + "; first: "
            + s.firstError());
      }
    }
    String deleted = String.format(Locale.ROOT, "cleanup: deleted %d manifests and %d blobs in %.1f s",
        cleanup.manifestsDeleted(), cleanup.blobsDeleted(), cleanup.seconds());
    lines.add(cleanup.complete() ? deleted : deleted + "; left behind: " + String.join("; ", cleanup.left()));
    return lines;
  }

  private String row(String label, long ok, long errors, Latency l) {
    return String.format(Locale.ROOT, "%-9s %9d %7d %9.1f %9.1f %9.1f %9.1f %9.1f", label, ok, errors,
        opsPerSecond(ok), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs());
  }

  /** The JSON object shown in the class comment, indented. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("target", shown(target));
    repositories.forEach(root.putArray("repositories")::add);
    root.put("date", date.toString());
    root.put("concurrency", concurrency);
    root.put("duration", LoadDuration.format(duration));
    if (maxOperations.isPresent()) {
      root.put("operationsLimit", maxOperations.getAsLong());
    } else {
      root.putNull("operationsLimit");
    }
    ObjectNode weights = root.putObject("mix");
    mix.weights().forEach((op, w) -> weights.put(op.label(), w));
    root.put("blobSize", blobSize);
    root.put("elapsedSeconds", round(elapsedSeconds(), 3));
    root.put("stoppedBy", result.stoppedBy().name().toLowerCase(Locale.ROOT));
    root.put("maxHeapMiB", maxHeapBytes >> 20);
    ObjectNode total = root.putObject("total");
    total.put("ok", ok());
    total.put("errors", errors());
    total.put("opsPerSecond", round(opsPerSecond(ok()), 1));
    total.set("latencyMs", latency(result.stats().overall()));
    ObjectNode ops = root.putObject("operations");
    for (OperationStats s : operations()) {
      ObjectNode node = ops.putObject(s.operation().label());
      node.put("ok", s.ok());
      node.put("errors", s.errors());
      node.put("opsPerSecond", round(opsPerSecond(s.ok()), 1));
      node.set("latencyMs", latency(s.latency()));
      ObjectNode byStatus = node.putObject("errorsByStatus");
      s.errorsByStatus().forEach((status, n) -> byStatus.put(String.valueOf(status), n));
      ObjectNode byKind = node.putObject("errorsByKind");
      s.errorsByKind().forEach(byKind::put);
      node.put("firstError", s.firstError());
    }
    ArrayNode timeline = root.putArray("timeline");
    for (Timeline.Second second : result.stats().timeline().seconds()) {
      ObjectNode node = timeline.addObject();
      node.put("second", second.index());
      for (Operation op : mix.operations()) {
        node.put(op.label(), second.completed(op));
      }
      node.put("errors", second.errors());
    }
    ObjectNode clean = root.putObject("cleanup");
    clean.put("manifestsDeleted", cleanup.manifestsDeleted());
    clean.put("blobsDeleted", cleanup.blobsDeleted());
    clean.put("complete", cleanup.complete());
    clean.put("seconds", round(cleanup.seconds(), 3));
    cleanup.left().forEach(clean.putArray("left")::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static ObjectNode latency(Latency l) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mean", round(l.meanMs(), 3));
    node.put("p50", round(l.p50Ms(), 3));
    node.put("p95", round(l.p95Ms(), 3));
    node.put("p99", round(l.p99Ms(), 3));
    node.put("max", round(l.maxMs(), 3));
    return node;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** The target as shown: any user information in the URL masked. */
  static String shown(URI target) {
    return target.getRawUserInfo() == null ? Redaction.url(target.toString())
        : Redaction.url(target.toString().replace(target.getRawUserInfo() + "@", Redaction.MASK + "@"));
  }
}
