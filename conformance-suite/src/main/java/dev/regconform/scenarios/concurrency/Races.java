package dev.regconform.scenarios.concurrency;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.concurrency.Findings;
import dev.regconform.concurrency.Race;
import dev.regconform.model.Digest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the concurrency checks share: how many clients race, for how long at most, and how their answers are read. */
final class Races {
  /** Clients per race. */
  static final int CLIENTS = 8;
  /** The most one race may take; a local registry needs well under a second. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private Races() {}

  /** Each client's value in client order, null for a client that threw (recorded as a problem). */
  static <T> List<T> values(List<Race.Result<T>> results, Findings findings) {
    List<T> values = new ArrayList<>();
    for (Race.Result<T> r : results) {
      if (r.error() != null) {
        findings.add("client " + r.client() + " could not finish: " + r.error());
      }
      values.add(r.value());
    }
    return values;
  }

  /** A {@code Docker-Content-Digest} header, when there is one, names {@code digest}. */
  static void expectDigestHeader(Findings findings, String who, RegistryResponse answer, Digest digest) {
    Optional<String> header = answer.header(dev.regconform.client.Headers.DOCKER_CONTENT_DIGEST);
    if (header.isPresent() && !header.get().equals(digest.toString())) {
      findings.add(who + ": " + answer.requestLine() + " answered Docker-Content-Digest " + header.get() + ", not "
          + digest, answer);
    }
  }

  /** GET of the blob answers 200 with exactly {@code content}. */
  static void expectBlob(RegistryClient registry, Findings findings, String who, String repository, Digest digest,
      byte[] content) {
    RegistryResponse get = registry.getBlob(repository, digest);
    if (findings.expect(who, get, 200)) {
      findings.expectBody(who, get, content);
    }
  }
}
