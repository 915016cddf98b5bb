package dev.regconform.cleanup;

import dev.regconform.cleanup.CleanupReport.Cause;
import dev.regconform.cleanup.CleanupReport.Leftover;
import dev.regconform.client.IncompleteResponseError;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryError;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.RequestGate;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.Manifest;
import dev.regconform.scenarios.Accept;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Proves that nothing a run stored remains, by asking the registry: HEAD of every manifest (by digest), tag and blob
 * of the ledger, and of every tag the run's own repositories still list (a real client may have pushed what nobody
 * recorded). Whatever is still there is deleted once more — manifests newest first, then tags (by the digest they
 * resolve to), then blobs — and looked up again; what is still there then is a {@link Leftover} with the registry's
 * answer as its reason. Every request is {@link RequestGate#exempt exempt} from a closed gate: this is also what runs
 * when a run is interrupted.
 *
 * <pre>{@code
 * CleanupReport report = new LeftoverSweep(client, "http://127.0.0.1:5000", "Distribution", "regconform/run-…",
 *     ledger.items(), ledger.repositories()).run(Instant.now().plusSeconds(30));
 * }</pre>
 *
 * <p>Distribution keeps a repository in its catalog once its content is deleted; an empty repository is not content
 * and is not looked at.
 */
public final class LeftoverSweep {
  private static final int THREADS = 8;
  private static final int TAG_PAGES = 100;
  private static final int RECHECKS = 3;
  private static final Duration RECHECK_PAUSE = Duration.ofMillis(500);

  private final RegistryClient client;
  private final String target;
  private final String description;
  private final String namespace;
  private final List<LedgerItem> items;
  private final List<String> repositories;
  /** Per kind of DELETE (manifests, blobs): why the registry refuses it, once it did. */
  private final Map<LedgerItem.Kind, String> refused = Collections.synchronizedMap(new EnumMap<>(LedgerItem.Kind.class));

  /**
   * @param items what the run stored (its ledger's items that belong to this target), in the order stored
   * @param repositories the run's own repositories, whose tags are listed
   */
  public LeftoverSweep(RegistryClient client, String target, String description, String namespace,
      List<LedgerItem> items, List<String> repositories) {
    this.client = client;
    this.target = target;
    this.description = description;
    this.namespace = namespace;
    this.items = List.copyOf(items);
    this.repositories = List.copyOf(repositories);
  }

  /** Looks up everything, deletes what is there, looks it up again; stops asking at {@code deadline}. */
  public CleanupReport run(Instant deadline) {
    Set<LedgerItem> all = new LinkedHashSet<>(items);
    for (String repository : repositories) {
      for (String tag : listTags(repository, deadline)) {
        if (all.add(LedgerItem.tag(repository, tag))) {
          // Nobody recorded it (a real client pushed it): what its manifest names goes too.
          named(repository, tag, 0, deadline).forEach(all::add);
        }
      }
    }
    List<LedgerItem> ordered = new ArrayList<>(all);
    Map<LedgerItem, Lookup> first = lookUpAll(ordered, deadline);
    List<LedgerItem> present = ordered.stream().filter(i -> first.get(i).present()).toList();
    Map<LedgerItem, String> refusals = new LinkedHashMap<>();
    // Manifests newest first (an index before what it lists), then the tags still there, then blobs.
    List<LedgerItem> manifests = new ArrayList<>(present.stream().filter(i -> i.kind() == LedgerItem.Kind.MANIFEST)
        .toList());
    Collections.reverse(manifests);
    List<LedgerItem> deletionOrder = new ArrayList<>(manifests);
    present.stream().filter(i -> i.kind() == LedgerItem.Kind.TAG).forEach(deletionOrder::add);
    present.stream().filter(i -> i.kind() == LedgerItem.Kind.BLOB).forEach(deletionOrder::add);
    for (LedgerItem item : deletionOrder) {
      if (Instant.now().isAfter(deadline)) {
        refusals.put(item, null);
        continue;
      }
      delete(item, first.get(item)).ifPresent(reason -> refusals.put(item, reason));
    }
    List<LedgerItem> deletedAtTheEnd = new ArrayList<>();
    List<Leftover> leftovers = new ArrayList<>();
    for (LedgerItem item : ordered) {
      Lookup before = first.get(item);
      if (!before.present() && before.unknown().isPresent() && Instant.now().isBefore(deadline)) {
        // Asked again after the deletes: an interrupted run's last upload may have been half-way at the first look.
        before = lookUp(item);
        if (before.present() || before.serverError()) {
          // A 5xx may hide content a DELETE still removes: Distribution 2.8.2 answers HEAD of a blob pushed as sha512
          // with 500 once its sha256 twin (the same bytes, stored under both) is deleted, and DELETE then gives 202.
          delete(item, before).ifPresent(reason -> refusals.put(item, reason));
          before = new Lookup(true, before.digest(), Optional.empty());
        }
      }
      if (!before.present()) {
        before.unknown().ifPresent(reason -> leftovers.add(new Leftover(item, Cause.UNKNOWN, reason)));
        continue;
      }
      if (refusals.containsKey(item)) {
        String reason = refusals.get(item);
        leftovers.add(reason == null ? new Leftover(item, Cause.UNKNOWN, "not deleted: the time limit ran out")
            : new Leftover(item, refused.containsValue(reason) ? Cause.NO_DELETE : Cause.REMAINS, reason));
        continue;
      }
      Lookup after = lookUpUntilGone(item, deadline);
      if (after.present()) {
        leftovers.add(new Leftover(item, Cause.REMAINS, "still served after its DELETE was accepted"));
      } else if (after.unknown().isPresent()) {
        leftovers.add(new Leftover(item, Cause.UNKNOWN, after.unknown().get()));
      } else {
        deletedAtTheEnd.add(item);
      }
    }
    Function<LedgerItem.Kind, Integer> count = kind -> (int) ordered.stream().filter(i -> i.kind() == kind).count();
    return new CleanupReport(target, description, namespace, count.apply(LedgerItem.Kind.MANIFEST),
        count.apply(LedgerItem.Kind.TAG), count.apply(LedgerItem.Kind.BLOB), deletedAtTheEnd, leftovers);
  }

  /** What a HEAD found: there (with the digest a tag resolves to), gone, or unknown (with why). */
  private record Lookup(boolean present, Optional<Digest> digest, Optional<String> unknown, boolean serverError) {
    static final Lookup GONE = new Lookup(false, Optional.empty(), Optional.empty(), false);

    Lookup(boolean present, Optional<Digest> digest, Optional<String> unknown) {
      this(present, digest, unknown, false);
    }

    static Lookup unknown(String why) {
      return new Lookup(false, Optional.empty(), Optional.of(why));
    }
  }

  private Map<LedgerItem, Lookup> lookUpAll(List<LedgerItem> all, Instant deadline) {
    Map<LedgerItem, Lookup> found = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "regconform-cleanup-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Lookup>> futures = new ArrayList<>();
      for (LedgerItem item : all) {
        futures.add(pool.submit(() -> Instant.now().isAfter(deadline)
            ? Lookup.unknown("not checked: the time limit ran out") : lookUp(item)));
      }
      for (int i = 0; i < all.size(); i++) {
        found.put(all.get(i), futures.get(i).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      all.forEach(i -> found.putIfAbsent(i, Lookup.unknown("not checked: interrupted")));
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking what the run left behind failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return found;
  }

  /**
   * A HEAD of the item; a 5xx is asked again a few times (an interrupted run's last uploads may still be being
   * committed while the sweep starts, and Distribution answers 500 for a blob caught half-way).
   */
  private Lookup lookUp(LedgerItem item) {
    Lookup found = lookUpOnce(item);
    for (int i = 1; i < RECHECKS && found.serverError(); i++) {
      try {
        Thread.sleep(RECHECK_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = lookUpOnce(item);
    }
    return found;
  }

  private Lookup lookUpOnce(LedgerItem item) {
    RegistryResponse head;
    try {
      head = exempt(() -> item.kind() == LedgerItem.Kind.BLOB
          ? client.headBlob(item.repository(), Digest.parse(item.reference()))
          : client.headManifest(item.repository(), item.reference(), Accept.ANY_MANIFEST));
    } catch (RuntimeException e) {
      return Lookup.unknown("cannot tell: " + e.getMessage());
    }
    return switch (head.status()) {
      case 200 -> new Lookup(true, head.contentDigest(), Optional.empty());
      case 404 -> Lookup.GONE;
      default -> new Lookup(false, Optional.empty(), Optional.of("cannot tell: HEAD answered " + head.status() + " "
          + head.errors()), head.status() >= 500);
    };
  }

  /** Looks again until it is gone (a registry may take a moment to stop serving what it deleted). */
  private Lookup lookUpUntilGone(LedgerItem item, Instant deadline) {
    Lookup found = lookUp(item);
    for (int i = 1; i < RECHECKS && found.present() && Instant.now().plus(RECHECK_PAUSE).isBefore(deadline); i++) {
      try {
        Thread.sleep(RECHECK_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = lookUp(item);
    }
    return found;
  }

  /** DELETEs the item; empty when the registry accepted (202, or 404: gone), else why not. */
  private Optional<String> delete(LedgerItem item, Lookup lookup) {
    LedgerItem.Kind kind = item.kind() == LedgerItem.Kind.BLOB ? LedgerItem.Kind.BLOB : LedgerItem.Kind.MANIFEST;
    String known = refused.get(kind);
    if (known != null) {
      return Optional.of(known);
    }
    RegistryResponse deleted;
    try {
      deleted = exempt(() -> switch (item.kind()) {
        case BLOB -> client.deleteBlob(item.repository(), Digest.parse(item.reference()));
        case MANIFEST -> client.deleteManifest(item.repository(), item.reference());
        // A tag goes with the manifest it names (Distribution drops the manifest's tags with it); DELETE of the tag
        // itself where the HEAD gave no digest.
        case TAG -> client.deleteManifest(item.repository(),
            lookup.digest().map(Digest::toString).orElse(item.reference()));
      });
    } catch (RuntimeException e) {
      return Optional.of("DELETE got no answer: " + e.getMessage());
    }
    int status = deleted.status();
    if (status == 404 && lookup.present() && lookUp(item).present()) {
      // Found by HEAD, "not found" by DELETE, and still served: a registry without deletes that says 404 (the Artipie
      // adapter has no DELETE route), not content the toolkit forgot.
      String reason = "the registry does not delete: DELETE answered 404 for content it serves";
      refused.putIfAbsent(kind, reason);
      return Optional.of(refused.get(kind));
    }
    if (status == 202 || status == 200 || status == 204 || status == 404) {
      return Optional.empty();
    }
    // The status and error codes only (no URL), so that one reason covers every item the registry refused alike.
    String answer = (status + " " + deleted.errors().stream().map(RegistryError::code).distinct()
        .reduce((a, b) -> a + ", " + b).orElse("")).strip();
    boolean unsupported = status == 405 || deleted.errors().stream().anyMatch(e -> e.code().equals("UNSUPPORTED"));
    if (unsupported || status == 401 || status == 403) {
      String reason = unsupported ? "the registry does not allow deletes: DELETE answered " + answer
          : "the registry refused to delete, the credentials may lack delete rights: DELETE answered " + answer;
      refused.putIfAbsent(kind, reason);
      return Optional.of(refused.get(kind));
    }
    return Optional.of("DELETE answered " + answer);
  }

  /** The manifest {@code reference} resolves to and the manifests and blobs it names (two levels: index, image). */
  private List<LedgerItem> named(String repository, String reference, int depth, Instant deadline) {
    List<LedgerItem> found = new ArrayList<>();
    if (depth > 2 || Instant.now().isAfter(deadline)) {
      return found;
    }
    try {
      RegistryResponse got = exempt(() -> client.getManifest(repository, reference, Accept.ANY_MANIFEST));
      if (got.status() != 200) {
        return found;
      }
      Digest digest = got.contentDigest().orElseGet(() -> got.bodyDigest(DigestAlgorithm.SHA256));
      found.add(LedgerItem.manifest(repository, digest.toString()));
      Manifest manifest = Manifest.parse(got.body());
      if (manifest instanceof ImageManifest image) {
        image.blobs().forEach(b -> found.add(LedgerItem.blob(repository, b.digest().toString())));
      } else if (manifest instanceof ImageIndex index) {
        for (Descriptor child : index.manifests()) {
          found.addAll(named(repository, child.digest().toString(), depth + 1, deadline));
        }
      }
    } catch (RuntimeException e) {
      // Not a manifest the toolkit reads: its tag and digest are still looked up and deleted.
    }
    return found;
  }

  /** Every tag the repository lists; none when it does not know the name or does not answer with a list. */
  private List<String> listTags(String repository, Instant deadline) {
    List<String> tags = new ArrayList<>();
    try {
      RegistryResponse page = exempt(() -> client.listTags(repository));
      for (int pages = 0; pages < TAG_PAGES && page.status() == 200 && Instant.now().isBefore(deadline); pages++) {
        tags.addAll(RegistryClient.tagsOf(page).orElse(List.of()));
        Optional<String> next = client.nextLink(page);
        if (next.isEmpty()) {
          break;
        }
        page = exempt(() -> client.getLocation(next.get(), List.of()));
      }
    } catch (RuntimeException e) {
      // No list, no tags to add: the ledger's own items are still looked up one by one.
    }
    return tags;
  }

  /**
   * The request, sent even when the gate is closed. An answer cut short ({@link IncompleteResponseError}, which a check
   * treats as a failure) becomes a RuntimeException here, as every other trouble of the sweep: the item it was about
   * is reported with that reason, and the sweep goes on.
   */
  private static <T> T exempt(Callable<T> call) {
    try {
      return RequestGate.exempt(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (IncompleteResponseError e) {
      throw new IllegalStateException(e.getMessage().strip(), e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
