package dev.regconform.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RequestGate;
import dev.regconform.clients.ClientHome;
import dev.regconform.target.RegistryTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cleanup of a {@code regconform run}, from before its first check to its summary: keeps a {@link RunLedger} per
 * target (filled by {@link LedgerRecorder} and the scenarios), arms the {@link Interruption} (Ctrl-C or SIGTERM stop
 * the run and delete what it stored, 30 s at most), and when the run is over proves with a {@link LeftoverSweep} per
 * target that nothing of it remains: one console line per target, the warnings on standard error, and summary.json's
 * {@code cleanup}.
 *
 * <pre>{@code
 * RunCleanup cleanup = RunCleanup.start(targets, out, err);
 * List<TargetRun> runs = runTheChecks();
 * JsonNode section = cleanup.verify();   // prints "cleanup: removed everything the run pushed (…; verified)"
 * }</pre>
 *
 * <p>Leftovers do not change the exit status: the checks' verdicts are about the registry, the cleanup is the
 * toolkit's. A registry that refuses deletes gets its leftovers listed; content left on a registry that deletes gets a
 * WARNING on standard error (a toolkit bug to report).
 */
public final class RunCleanup implements AutoCloseable {
  /** How long an interrupted run may spend deleting what it stored. */
  public static final Duration INTERRUPTED_LIMIT = Duration.ofSeconds(30);
  /** How long the verification at a run's normal end may take, per target. */
  static final Duration VERIFY_LIMIT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many sweeps an interrupted run makes at most, and the pause between them. */
  private static final int SWEEPS = 4;
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private final List<RegistryTarget> targets;
  private final Map<RegistryTarget, RunLedger> ledgers = new LinkedHashMap<>();
  private final PrintWriter out;
  private final PrintWriter err;
  private Interruption interruption;
  private ArrayNode section;

  private RunCleanup(List<RegistryTarget> targets, PrintWriter out, PrintWriter err) {
    this.targets = List.copyOf(targets);
    this.out = out;
    this.err = err;
  }

  /** Opens the targets' ledgers and arms the interruption; call before the first check. */
  public static RunCleanup start(List<RegistryTarget> targets, PrintWriter out, PrintWriter err) {
    RunCleanup cleanup = new RunCleanup(targets, out, err);
    targets.forEach(t -> cleanup.ledgers.put(t, RunLedger.open(t.url())));
    ExchangeListeners.add(LedgerRecorder.INSTANCE);
    cleanup.interruption = Interruption.arm(out, INTERRUPTED_LIMIT, why -> {
      RequestGate.close(why);
      ClientHome.stopAll();
    }, cleanup::interrupted);
    return cleanup;
  }

  /**
   * Once every check is over: sweeps each target, prints a line per target (and the warnings), disarms the
   * interruption.
   *
   * @return summary.json's {@code cleanup}: one entry per target, in the targets' order
   */
  public JsonNode verify() {
    // An interrupted run writes no reports (its verdicts would be the interruption's): the shutdown hook cleans up.
    interruption.holdIfTriggered();
    List<CleanupReport> reports = new ArrayList<>();
    for (RegistryTarget target : targets) {
      reports.add(sweep(target, Instant.now().plus(VERIFY_LIMIT)));
    }
    close();
    section = JSON.createArrayNode();
    for (CleanupReport report : reports) {
      out.println(line(report));
      report.warnings(false).forEach(err::println);
      section.add(report.toJson());
    }
    out.flush();
    err.flush();
    return section;
  }

  /** {@code sections} with {@code cleanup} added after them (when {@link #verify()} ran). */
  public Map<String, JsonNode> withSection(Map<String, JsonNode> sections) {
    Map<String, JsonNode> all = new LinkedHashMap<>(sections);
    if (section != null) {
      all.put("cleanup", section);
    }
    return all;
  }

  /**
   * The interrupted run's cleanup: every target swept against one deadline, again while a sweep still finds something
   * (a push under way when the run stopped — Jib's, or the Docker engine's for a killed docker — may land after the
   * first); the lines to print.
   */
  private List<String> interrupted(Instant deadline) {
    List<String> lines = new ArrayList<>();
    for (RegistryTarget target : targets) {
      CleanupReport report = sweep(target, deadline);
      for (int round = 1; round < SWEEPS && Instant.now().plus(SETTLE).isBefore(deadline); round++) {
        try {
          Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        CleanupReport again = sweep(target, deadline);
        boolean settled = again.deletedAtTheEnd().isEmpty();
        report = again;
        if (settled && round > 1) {
          break;
        }
      }
      lines.add(line(report));
      lines.addAll(report.warnings(true));
    }
    return lines;
  }

  private String line(CleanupReport report) {
    return targets.size() == 1 ? report.consoleLine()
        : report.consoleLine().replaceFirst("^cleanup: ", "cleanup: " + report.description() + ": ");
  }

  private CleanupReport sweep(RegistryTarget target, Instant deadline) {
    RunLedger ledger = ledgers.get(target);
    String own = target.namespace() + "/";
    // Items outside every run namespace at this address (crossmount, public/private repositories) go to the first
    // target there; targets at one address share a ledger.
    boolean first = targets.stream().filter(t -> ledgers.get(t) == ledger).findFirst().orElseThrow() == target;
    List<String> namespaces = targets.stream().filter(t -> ledgers.get(t) == ledger).map(t -> t.namespace() + "/")
        .toList();
    List<LedgerItem> items = ledger.items().stream().filter(i -> i.repository().startsWith(own)
        || (first && namespaces.stream().noneMatch(i.repository()::startsWith))).toList();
    List<String> repositories = ledger.repositories().stream().filter(r -> r.startsWith(own)).toList();
    RegistryClient client = RegistryClient.builder(target.url()).credentials(target.credentials())
        .insecure(target.insecure()).connectTimeoutMillis(5_000).readTimeoutMillis(20_000).build();
    return new LeftoverSweep(client, target.url().toString(), target.description(), target.namespace(), items,
        repositories).run(deadline);
  }

  /**
   * Stops recording and disarms the interruption ({@link #verify()} does it). A run that ends without either (an
   * exception) leaves it armed: the JVM's exit then deletes what the run stored.
   */
  @Override
  public void close() {
    interruption.disarm();
    ExchangeListeners.remove(LedgerRecorder.INSTANCE);
    ledgers.values().forEach(RunLedger::close);
  }
}
