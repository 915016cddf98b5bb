package dev.regconform.scenarios.negotiation;

import dev.regconform.assertions.UnacceptableResponseError;
import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.model.Manifest;
import dev.regconform.scenarios.negotiation.AcceptVariant.Acceptance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Judges the answers to GET and HEAD of a stored manifest under one Accept header: the manifest exactly as pushed
 * (bytes, Docker-Content-Digest, Content-Length; Content-Type its media type), or, when its type is not acceptable,
 * 404 MANIFEST_UNKNOWN or 406. A converted or re-serialised manifest is never right: it is another document, with
 * another digest, under a reference that names the stored one.
 */
final class ServedManifest {
  private final Manifest stored;
  private final String mediaType;
  private final List<String> violations = new ArrayList<>();
  private final List<String> recommendations = new ArrayList<>();

  private ServedManifest(Manifest stored) {
    this.stored = stored;
    this.mediaType = stored.mediaType();
  }

  /**
   * GETs and HEADs {@code stored} by each reference with {@code accept}, then fails (a MUST broken), warns (a SHOULD
   * missed) or returns.
   */
  static void assertServedUnchanged(RegistryClient registry, String repo, Manifest stored, AcceptVariant accept,
      String... references) {
    ServedManifest judge = new ServedManifest(stored);
    for (String reference : references) {
      judge.judge(registry.getManifest(repo, reference, accept.types()), accept);
      judge.judge(registry.headManifest(repo, reference, accept.types()), accept);
    }
    judge.report();
  }

  private void judge(RegistryResponse response, AcceptVariant accept) {
    int status = response.status();
    Acceptance acceptance = accept.acceptance(mediaType);
    if (status == 200) {
      judgeManifest(response, accept);
    } else if (isNotAcceptableAnswer(response)) {
      String problem = String.format("%nExpecting%n  <%s> with %s%nto answer 200 with the stored %s: its media type is "
          + "acceptable%s%nbut it answered%n  <%d>%s", response.requestLine(), accept.header(), mediaType,
          acceptance == Acceptance.LISTED ? " (listed)" : " (RFC 9110: */* and no Accept admit any type)", status,
          exchange(response));
      if (acceptance == Acceptance.LISTED) {
        violations.add(problem);
      } else if (acceptance == Acceptance.BY_WILDCARD) {
        recommendations.add(problem);
      }
    } else {
      String problem = String.format("%nExpecting%n  <%s> with %s%nto answer 200 with the stored %s%s%nbut it "
          + "answered%n  <%d>%s", response.requestLine(), accept.header(), mediaType,
          acceptance == Acceptance.NOT_ACCEPTABLE ? ", or 404 MANIFEST_UNKNOWN or 406 as its type is not acceptable"
              : "", status, exchange(response));
      if (UnacceptableResponseError.isUnacceptable(status)) {
        throw new UnacceptableResponseError(status, problem);
      }
      (acceptance == Acceptance.LISTED ? violations : recommendations).add(problem);
    }
  }

  private void judgeManifest(RegistryResponse response, AcceptVariant accept) {
    byte[] raw = stored.raw();
    List<String> broken = new ArrayList<>();
    if (response.method().equals("GET") && !Arrays.equals(response.body(), raw)) {
      broken.add(String.format("a body of exactly the %d bytes of the stored manifest, digest <%s>, but it was %d bytes, "
          + "digest <%s> (a converted or re-serialised manifest)", raw.length, stored.digest(), response.body().length,
          response.bodyDigest(stored.digest().algorithm())));
    }
    Optional<String> digest = response.header(Headers.DOCKER_CONTENT_DIGEST);
    if (!digest.equals(Optional.of(stored.digest().toString()))) {
      broken.add(String.format("Docker-Content-Digest of exactly the stored manifest <%s>, but it was <%s>",
          stored.digest(), digest.orElse("(none)")));
    }
    Optional<String> length = response.header(Headers.CONTENT_LENGTH);
    if (response.method().equals("HEAD") && !length.equals(Optional.of(String.valueOf(raw.length)))) {
      broken.add(String.format("Content-Length of exactly the %d bytes of the stored manifest, but it was <%s>",
          raw.length, length.orElse("(none)")));
    }
    String contentType = response.header(Headers.CONTENT_TYPE).orElse("(none)");
    boolean typeDiffers = !contentType.split(";", 2)[0].trim().equals(mediaType);
    String typeProblem = String.format("Content-Type <%s> (the media type it was pushed with), but it was <%s>",
        mediaType, contentType);
    if (!broken.isEmpty()) {
      if (typeDiffers) {
        broken.add(typeProblem);
      }
      violations.add(expecting(response, accept, broken));
    } else if (typeDiffers) {
      recommendations.add(expecting(response, accept, List.of(typeProblem)));
    }
  }

  private static String expecting(RegistryResponse response, AcceptVariant accept, List<String> wanted) {
    return String.format("%nExpecting%n  <%s> with %s%nto answer with:%n  - %s%s", response.requestLine(),
        accept.header(), String.join("%n  - ".formatted(), wanted), exchange(response));
  }

  /** The answers the spec's conventions allow for a manifest whose type the client does not accept. */
  private static boolean isNotAcceptableAnswer(RegistryResponse response) {
    return response.status() == 406 || response.status() == 404 && (response.method().equals("HEAD")
        || response.errors().stream().anyMatch(e -> e.code().equals(ErrorCode.MANIFEST_UNKNOWN.name())));
  }

  private void report() {
    if (!violations.isEmpty()) {
      throw new AssertionError(String.join("\n", violations)
          + (recommendations.isEmpty() ? "" : "\nand, recommended (SHOULD):" + String.join("\n", recommendations)));
    }
    if (!recommendations.isEmpty()) {
      throw new RecommendationNotMetError(Level.SHOULD, new AssertionError(String.join("\n", recommendations)));
    }
  }

  private static String exchange(RegistryResponse response) {
    return String.format("%nExchange:%n  %s", response.describe().replace("\n", "\n  "));
  }
}
