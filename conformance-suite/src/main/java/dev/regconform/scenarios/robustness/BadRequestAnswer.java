package dev.regconform.scenarios.robustness;

import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.ShortBodyExchange;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.management.ErrorBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict on one case of the bad-input corpus: the registry's answer to a request it must refuse, and what the
 * registry looks like afterwards.
 *
 * <p>MUST (a failure): the answer is a 4xx (a 2xx stored bad input; a 5xx is the server failing on a client's
 * mistake), a JSON error body has the spec's shape (R72), nothing the request named becomes visible (no manifest, tag
 * or blob: R87), and the {@link Sentinel} pushed beforehand still comes back unchanged (R87). SHOULD (a warning):
 * the status and error code are the ones the spec's error table gives for the mistake.
 *
 * <pre>{@code
 * RegistryResponse put = registry.putManifest(repo, "bad", OCI_MANIFEST, "{".getBytes(UTF_8));
 * BadRequestAnswer.to(put, registry)
 *     .leavesNoTag(repo, "bad")
 *     .leavesNoManifest(repo, Digest.sha256("{".getBytes(UTF_8)))
 *     .leaves(sentinel)
 *     .shouldBe(400, ErrorCode.MANIFEST_INVALID)
 *     .verify();
 * }</pre>
 *
 * <p>Where the spec lets a registry answer otherwise, a case says so: {@link #allowing} an alternative answer (a
 * mount's 202 upload session), {@link #unsupportedWhen} a status that means the feature under test is absent,
 * {@link #mayAccept} a request the spec gives the registry no rule to refuse (acceptance is then a warning), and
 * {@link #to(ShortBodyExchange, RegistryClient)} a raw-socket exchange that may end without an answer.
 */
public final class BadRequestAnswer {
  private record Trace(String kind, String repository, String reference) {}

  private final RegistryResponse answer;
  private final RegistryClient registry;
  private final ShortBodyExchange raw;
  private final List<Trace> forbidden = new ArrayList<>();
  private final List<Sentinel> sentinels = new ArrayList<>();
  private final Map<Integer, String> allowed = new LinkedHashMap<>();
  private Set<Integer> expectedStatuses = Set.of();
  private Set<ErrorCode> expectedCodes = Set.of();
  private int unsupportedStatus;
  private String unsupportedFeature;
  private String acceptable;

  private BadRequestAnswer(RegistryResponse answer, RegistryClient registry, ShortBodyExchange raw) {
    this.answer = answer;
    this.registry = registry;
    this.raw = raw;
  }

  /** The answer {@code registry} gave to the bad request. */
  public static BadRequestAnswer to(RegistryResponse answer, RegistryClient registry) {
    return new BadRequestAnswer(answer, registry, null);
  }

  /**
   * The outcome of a request sent over a raw socket with a body that does not match its {@code Content-Length}. RFC
   * 9112 §8 lets a server close the connection on an incomplete message without answering: then there is no status
   * to check, and the verdict rests on what the registry looks like afterwards.
   */
  public static BadRequestAnswer to(ShortBodyExchange exchange, RegistryClient registry) {
    return new BadRequestAnswer(exchange.response().orElse(null), registry, exchange);
  }

  /** Afterwards, {@code repository} must not serve a manifest with this digest. */
  public BadRequestAnswer leavesNoManifest(String repository, Digest digest) {
    forbidden.add(new Trace("manifest", repository, digest.toString()));
    return this;
  }

  /** Afterwards, {@code repository} must neither resolve {@code tag} nor list it. */
  public BadRequestAnswer leavesNoTag(String repository, String tag) {
    forbidden.add(new Trace("tag", repository, tag));
    return this;
  }

  /** Afterwards, {@code repository} must not serve a blob with this digest. */
  public BadRequestAnswer leavesNoBlob(String repository, Digest digest) {
    forbidden.add(new Trace("blob", repository, digest.toString()));
    return this;
  }

  /**
   * Afterwards, {@code repository} must not serve a blob under {@code digest} as written, for digests the model cannot
   * hold (malformed ones): HEAD {@code /v2/<repository>/blobs/<digest>} must not answer 2xx.
   */
  public BadRequestAnswer leavesNoBlob(String repository, String digest) {
    forbidden.add(new Trace("raw blob", repository, digest));
    return this;
  }

  /** Afterwards, the sentinel must still come back as it was pushed. */
  public BadRequestAnswer leaves(Sentinel sentinel) {
    sentinels.add(sentinel);
    return this;
  }

  /**
   * The answer the spec's error table gives for this mistake: {@code status}, with one of {@code codes} in the error
   * body (none given: any code, or no body).
   */
  public BadRequestAnswer shouldBe(int status, ErrorCode... codes) {
    return shouldBeOneOf(List.of(status), codes);
  }

  /** As {@link #shouldBe}, where the spec leaves a choice of statuses (e.g. 400 or 416 for a malformed range). */
  public BadRequestAnswer shouldBeOneOf(List<Integer> statuses, ErrorCode... codes) {
    this.expectedStatuses = Set.copyOf(statuses);
    this.expectedCodes = codes.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(codes));
    return this;
  }

  /**
   * An answer with {@code status} meets both the MUST and the SHOULD, for the reason {@code why} (e.g. 202: the spec's
   * fallback for a mount the registry cannot perform); the traces and sentinels are checked all the same.
   */
  public BadRequestAnswer allowing(int status, String why) {
    allowed.put(status, why);
    return this;
  }

  /**
   * An answer with {@code status} means the registry does not offer {@code feature}, so the case cannot be judged by
   * its answer (e.g. 202 to a single POST: an upload session, the body unread): once the traces and sentinels are
   * checked, the check ends unsupported.
   */
  public BadRequestAnswer unsupportedWhen(int status, String feature) {
    this.unsupportedStatus = status;
    this.unsupportedFeature = feature;
    return this;
  }

  /**
   * A 2xx is no MUST violation, because {@code why} (the spec gives the registry no rule to refuse this request);
   * it is still a SHOULD not met, and nothing of it may show beyond what the case allows.
   */
  public BadRequestAnswer mayAccept(String why) {
    this.acceptable = why;
    return this;
  }

  /**
   * Throws an {@link AssertionError} naming every MUST that is broken, else a {@link RecommendationNotMetError} when
   * the status or code is not the one {@link #shouldBe} named.
   */
  public void verify() {
    String request = answer != null ? answer.requestLine() : raw.requestLine();
    String exchange = raw != null ? raw.describe() : answer.describe();
    List<String> broken = new ArrayList<>();
    boolean accepted = answer != null && answer.status() >= 200 && answer.status() < 300;
    if (answer != null && !allowed.containsKey(answer.status()) && answer.status() != unsupportedStatus
        && (answer.status() < 400 || answer.status() > 499) && !(accepted && acceptable != null)) {
      broken.add("it was not refused with a 4xx: " + (answer.status() < 300 ? "the registry accepted bad input"
          : answer.status() >= 500 ? "the registry failed on a client's mistake" : "unexpected status")
          + " (" + answer.status() + ")");
    }
    if (answer != null) {
      ErrorBodies.problems(answer).forEach(p -> broken.add("its error body does not have the spec's shape: " + p));
    }
    for (Trace trace : forbidden) {
      visible(trace).ifPresent(broken::add);
    }
    for (Sentinel sentinel : sentinels) {
      broken.addAll(sentinel.harm());
    }
    if (!broken.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting it refused with"
          + " 4xx, leaving no trace and earlier content unharmed, but:%n  - %s", request,
          indent(exchange), broken.stream().map(BadRequestAnswer::indent).collect(Collectors.joining("\n  - "))));
    }
    if (answer == null || allowed.containsKey(answer.status())) {
      return;
    }
    if (answer.status() == unsupportedStatus) {
      Unsupported.because(unsupportedFeature + " is not offered: " + request + " answered " + answer.status()
          + ", and nothing of the request became visible");
    }
    List<String> codes = answer.errors().stream().map(e -> e.code()).toList();
    boolean statusMet = expectedStatuses.isEmpty() ? !accepted : expectedStatuses.contains(answer.status());
    boolean codeMet = expectedCodes.isEmpty() || expectedCodes.stream().anyMatch(c -> codes.contains(c.name()));
    if (!statusMet || !codeMet) {
      throw new RecommendationNotMetError(Level.SHOULD, new AssertionError(String.format(
          "%nExpecting the bad request%n  <%s>%nto be answered%n  <%s%s>%nbut it was answered%n  <%d %s>%n%s%n"
              + "Exchange:%n  %s",
          request, expectedStatuses.isEmpty() ? "4xx" : expectedStatuses.stream().sorted().map(String::valueOf)
              .collect(Collectors.joining(" or ")),
          expectedCodes.isEmpty() ? "" : " with one of " + expectedCodes, answer.status(), codes,
          accepted ? "(accepted, which is tolerated: " + acceptable + "; nothing of it became visible)"
              : "(refused and harmless all the same)",
          indent(exchange))));
    }
  }

  /** A line saying how the trace shows, or empty when it does not. */
  private Optional<String> visible(Trace trace) {
    RegistryResponse head = switch (trace.kind()) {
      case "blob" -> registry.headBlob(trace.repository(), Digest.parse(trace.reference()));
      case "raw blob" -> registry.exchange("HEAD", "/v2/" + trace.repository() + "/blobs/" + trace.reference(),
          Map.of(), null, "repository:" + trace.repository() + ":pull");
      default -> registry.headManifest(trace.repository(), trace.reference(), ANY_MANIFEST);
    };
    if (head.status() >= 200 && head.status() < 300) {
      return Optional.of("the " + trace.kind() + " " + trace.repository() + (trace.kind().equals("tag") ? ":"
          : "@") + trace.reference() + " became visible:\n" + head.describe());
    }
    if (trace.kind().equals("tag")) {
      RegistryResponse tags = registry.listTags(trace.repository());
      if (RegistryClient.tagsOf(tags).orElse(List.of()).contains(trace.reference())) {
        return Optional.of("the tag list of " + trace.repository() + " holds " + trace.reference() + ":\n"
            + tags.describe());
      }
    }
    return Optional.empty();
  }

  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }
}
