package dev.regconform.cleanup;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a run stored on one registry, in the order it was stored, each item marked once a DELETE removed it:
 * manifests (by digest), tags and blobs, wherever they came from — the toolkit's own requests
 * ({@link LedgerRecorder} reads each 201 of a manifest PUT, blob PUT, monolithic POST or mount), and what the
 * scenarios record by hand for real clients (docker, skopeo, Jib push past the toolkit's HTTP client). It also keeps
 * the run's own repositories (those the scenarios were given), whose tags are listed at the end in case a client
 * pushed there what nobody recorded. One ledger per registry (scheme, host and port) while it is open; the scenarios
 * find it with {@link #of(URI)}.
 *
 * <pre>{@code
 * try (RunLedger ledger = RunLedger.open(target.url())) {
 *   ExchangeListeners.add(LedgerRecorder.INSTANCE);   // fills it from every exchange
 *   SuiteRunner.run(target, options, onResult);
 *   CleanupReport report = LeftoverSweep.of(target, ledger.items(), ledger.repositories()).run(deadline);
 * }
 * }</pre>
 */
public final class RunLedger implements AutoCloseable {
  private static final Map<String, RunLedger> OPEN = new ConcurrentHashMap<>();

  private final String origin;
  /** Each item, and whether a DELETE removed it since it was last stored. */
  private final Map<LedgerItem, Boolean> items = new LinkedHashMap<>();
  private final Set<String> repositories = new LinkedHashSet<>();

  private RunLedger(String origin) {
    this.origin = origin;
  }

  /** The ledger of {@code registry}'s origin, opened now, or the one already open there (targets at one address). */
  public static RunLedger open(URI registry) {
    return OPEN.computeIfAbsent(origin(registry), RunLedger::new);
  }

  /** The open ledger of {@code registry}'s origin; empty when no run records there (e.g. a test's own launcher). */
  public static Optional<RunLedger> of(URI registry) {
    return Optional.ofNullable(OPEN.get(origin(registry)));
  }

  /** {@code http://127.0.0.1:5000}: scheme, host and port (the default one filled in), lower case. */
  static String origin(URI url) {
    String scheme = url.getScheme() == null ? "http" : url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }

  /** Records an item as stored (again, if it was deleted before). */
  public synchronized void stored(LedgerItem item) {
    items.put(item, false);
  }

  /** Marks an item as removed: a DELETE of it answered 202 (or 404: gone already). Unknown items are ignored. */
  public synchronized void deleted(LedgerItem item) {
    items.computeIfPresent(item, (i, gone) -> true);
  }

  /** Records a repository of the run's own (under its namespace), to list its tags at the end. */
  public synchronized void repository(String name) {
    repositories.add(name);
  }

  /** Every item, in the order first stored. */
  public synchronized List<LedgerItem> items() {
    return List.copyOf(items.keySet());
  }

  /** The items no DELETE has removed yet. */
  public synchronized List<LedgerItem> pending() {
    List<LedgerItem> pending = new ArrayList<>();
    items.forEach((item, gone) -> {
      if (!gone) {
        pending.add(item);
      }
    });
    return pending;
  }

  /** The run's own repositories, in the order first recorded. */
  public synchronized List<String> repositories() {
    return List.copyOf(repositories);
  }

  /** Stops recording for this registry (the scenarios' and the HTTP layer's records go nowhere from now on). */
  @Override
  public void close() {
    OPEN.remove(origin, this);
  }

  @Override
  public String toString() {
    return "RunLedger[" + origin + ", " + items().size() + " items]";
  }
}
