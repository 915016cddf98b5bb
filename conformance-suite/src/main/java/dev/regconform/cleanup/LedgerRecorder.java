package dev.regconform.cleanup;

import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.Headers;
import dev.regconform.model.Digest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the open {@link RunLedger}s from the toolkit's HTTP exchanges: what an answer says the registry stored, and
 * what a DELETE removed. Only answers that mean "stored" count, whatever the check was about:
 * <ul>
 *   <li>{@code PUT /v2/<name>/manifests/<reference>} answered 2xx: the manifest (its digest from
 *       {@code Docker-Content-Digest}, else the sha256 of the bytes sent) and, for a tag, the tag; tags given as
 *       {@code ?tag=} parameters too;</li>
 *   <li>a {@code PUT} with {@code ?digest=} (an upload completed) answered 2xx: the blob, in the repository its
 *       {@code Location} names, else the one of the upload URL;</li>
 *   <li>{@code POST /v2/<name>/blobs/uploads/?digest=} (monolithic) or {@code ?mount=} answered 201: the blob (202
 *       opens an upload session: nothing stored yet);</li>
 *   <li>{@code DELETE} of a manifest, tag or blob answered 202 or 404: that item is removed.</li>
 * </ul>
 * Exchanges with other hosts (token servers) and URLs it cannot read are ignored.
 */
public final class LedgerRecorder implements ExchangeListeners.Listener {
  /** The one recorder; add it to {@link ExchangeListeners} while ledgers are open. */
  public static final LedgerRecorder INSTANCE = new LedgerRecorder();

  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+:[^/]+)");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads(/.*)?");

  private LedgerRecorder() {}

  @Override
  public void exchanged(String method, String url, OptionalInt status) {
    // Only the full exchange is of use: see exchanged(Exchange).
  }

  @Override
  public void exchanged(ExchangeListeners.Exchange exchange) {
    if (exchange.status().isEmpty()) {
      return;
    }
    URI url;
    try {
      url = URI.create(exchange.url());
    } catch (IllegalArgumentException e) {
      return; // a robustness check's malformed URL: nothing was stored under it
    }
    Optional<RunLedger> ledger = RunLedger.of(url);
    if (ledger.isPresent()) {
      try {
        record(ledger.get(), exchange, url);
      } catch (RuntimeException e) {
        // The ledger must never break the exchange it listens to; the sweep's tag listing still finds tags.
      }
    }
  }

  /** What {@code exchange} stored in (or removed from) {@code ledger}. */
  static void record(RunLedger ledger, ExchangeListeners.Exchange exchange, URI url) {
    int status = exchange.status().orElse(0);
    String path = v2Path(url);
    List<String> query = query(url);
    switch (exchange.method()) {
      case "PUT" -> {
        if (status / 100 != 2) {
          return;
        }
        Matcher manifest = MANIFEST.matcher(path);
        if (manifest.matches()) {
          storedManifest(ledger, exchange, manifest.group(1), decode(manifest.group(2)), query);
        } else {
          Optional<String> digest = param(query, "digest");
          Optional<String> repository = repositoryOf(exchange).or(() -> uploadRepository(path));
          if (digest.isPresent() && repository.isPresent()) {
            storedBlob(ledger, exchange, repository.get(), digest.get());
          }
        }
      }
      case "POST" -> {
        Matcher uploads = UPLOADS.matcher(path);
        if (status == 201 && uploads.matches()) {
          param(query, "mount").or(() -> param(query, "digest"))
              .ifPresent(digest -> storedBlob(ledger, exchange, uploads.group(1), digest));
        }
      }
      case "DELETE" -> {
        if (status != 202 && status != 404) {
          return;
        }
        Matcher manifest = MANIFEST.matcher(path);
        Matcher blob = BLOB.matcher(path);
        if (manifest.matches()) {
          String reference = decode(manifest.group(2));
          ledger.deleted(isDigest(reference) ? LedgerItem.manifest(manifest.group(1), reference)
              : LedgerItem.tag(manifest.group(1), reference));
        } else if (blob.matches()) {
          ledger.deleted(LedgerItem.blob(blob.group(1), decode(blob.group(2))));
        }
      }
      default -> {
        // GET and HEAD store nothing.
      }
    }
  }

  /**
   * The blob under the digest asked for and under the one the answer names: Distribution stores a blob pushed with a
   * sha512 digest under its sha256 digest too, and deleting the first leaves the second.
   */
  private static void storedBlob(RunLedger ledger, ExchangeListeners.Exchange exchange, String repository,
      String digest) {
    ledger.stored(LedgerItem.blob(repository, digest));
    answeredDigest(exchange).filter(d -> !d.equals(digest))
        .ifPresent(d -> ledger.stored(LedgerItem.blob(repository, d)));
  }

  /** The digest of {@code Docker-Content-Digest}, else the one the {@code Location} ends with. */
  private static Optional<String> answeredDigest(ExchangeListeners.Exchange exchange) {
    return exchange.responseHeader(Headers.DOCKER_CONTENT_DIGEST).map(String::strip).filter(LedgerRecorder::isDigest)
        .or(() -> exchange.responseHeader(Headers.LOCATION).map(l -> l.substring(l.lastIndexOf('/') + 1))
            .map(LedgerRecorder::decode).filter(LedgerRecorder::isDigest));
  }

  private static void storedManifest(RunLedger ledger, ExchangeListeners.Exchange exchange, String repository,
      String reference, List<String> query) {
    // Under the digest of the URL and the one the answer names (they differ for a sha512 reference).
    Optional<String> answered = exchange.responseHeader(Headers.DOCKER_CONTENT_DIGEST).map(String::strip)
        .filter(LedgerRecorder::isDigest);
    if (isDigest(reference)) {
      ledger.stored(LedgerItem.manifest(repository, reference));
    }
    answered.or(() -> isDigest(reference) ? Optional.empty()
            : exchange.requestBody().map(body -> Digest.sha256(body).toString()))
        .filter(d -> !d.equals(reference)).ifPresent(d -> ledger.stored(LedgerItem.manifest(repository, d)));
    if (!isDigest(reference)) {
      ledger.stored(LedgerItem.tag(repository, reference));
    }
    for (String parameter : query) {
      if (parameter.startsWith("tag=")) {
        ledger.stored(LedgerItem.tag(repository, parameter.substring("tag=".length())));
      }
    }
  }

  /** The repository of a 201's {@code Location: /v2/<name>/blobs/<digest>}. */
  private static Optional<String> repositoryOf(ExchangeListeners.Exchange exchange) {
    return exchange.responseHeader(Headers.LOCATION).flatMap(location -> {
      try {
        Matcher blob = BLOB.matcher(v2Path(URI.create(location)));
        return blob.matches() ? Optional.of(blob.group(1)) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  private static Optional<String> uploadRepository(String path) {
    Matcher uploads = UPLOADS.matcher(path);
    return uploads.matches() ? Optional.of(uploads.group(1)) : Optional.empty();
  }

  /** The path from {@code /v2/} on (a registry may sit under a prefix), decoded but for its slashes. */
  private static String v2Path(URI url) {
    String raw = url.getRawPath() == null ? "" : url.getRawPath();
    int v2 = raw.indexOf("/v2/");
    return v2 < 0 ? "" : raw.substring(v2);
  }

  /** The query's {@code name=value} parameters, each decoded, in order. */
  private static List<String> query(URI url) {
    List<String> parameters = new ArrayList<>();
    String raw = url.getRawQuery();
    if (raw != null) {
      for (String parameter : raw.split("&")) {
        int eq = parameter.indexOf('=');
        parameters.add(eq < 0 ? decode(parameter) : decode(parameter.substring(0, eq)) + "="
            + decode(parameter.substring(eq + 1)));
      }
    }
    return parameters;
  }

  private static Optional<String> param(List<String> query, String name) {
    return query.stream().filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
        .filter(v -> !v.isEmpty()).findFirst();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  static boolean isDigest(String reference) {
    return reference.matches("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
  }
}
