package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
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
import java.util.stream.Stream;

/**
 * The verdict on one case of the bad-input corpus: the registry's answer to a request it must refuse, and what the
 * registry looks like afterwards.
 *
 * <p>MUST (a failure): the answer is a 4xx (a 2xx stored bad input; a 5xx is the server failing on a client's
 * mistake), a JSON error body has the spec's shape (R72), nothing the request named becomes visible (no manifest, tag
 * or blob: R87), and the {@link Sentinel} pushed beforehand still comes back unchanged (R87). SHOULD (a warning):
 * the status and error code are the ones the spec's error table gives for the mistake.
 *
 * <pre>
 * RegistryResponse put = registry.putManifest(repo, "bad", OCI_MANIFEST, "&#123;".getBytes(UTF_8));
 * BadRequestAnswer.to(put, registry)
 *     .leavesNoTag(repo, "bad")
 *     .leavesNoManifest(repo, Digest.sha256("&#123;".getBytes(UTF_8)))
 *     .leaves(sentinel)
 *     .shouldBe(400, ErrorCode.MANIFEST_INVALID)
 *     .verify();
 * </pre>
 *
 * <p>Where the spec lets a registry answer otherwise, a case says so: {@link #allowing} an alternative answer (a
 * mount's 202 upload session), {@link #unsupportedWhen} a status that means the feature under test is absent,
 * {@link #mayAccept} a request the spec gives the registry no rule to refuse (acceptance is then a warning),
 * {@link #orAcceptedAndServedBack} content the spec allows to be stored (then it must come back byte for byte),
 * {@link #orRedirected} a URL HTTP may normalise, {@link #alsoTo} a second request with the same bad input, and
 * {@link #to(ShortBodyExchange, RegistryClient)} a raw-socket exchange that may end without an answer.
 */
public final class BadRequestAnswer {
  private record Trace(String kind, String repository, String reference) {}

  /**
   * A 2xx the spec allows: the content must then come back byte for byte from {@code repository} by each of
   * {@code references}; {@code refusal} says how strongly the spec asks for a refusal all the same (SHOULD: accepting
   * is a warning; MAY: accepting is as good as refusing).
   */
  private record Acceptance(String repository, byte[] raw, List<String> references, Level refusal) {}

  /** Accept for reading accepted content back: the manifest types, and whatever type it was pushed as. */
  private static final List<String> ANY_TYPE = Stream.concat(ANY_MANIFEST.stream(), Stream.of("*/*")).toList();

  private final RegistryResponse answer;
  private final RegistryClient registry;
  private final ShortBodyExchange raw;
  private final List<RegistryResponse> more = new ArrayList<>();
  private final List<Trace> forbidden = new ArrayList<>();
  private final List<Sentinel> sentinels = new ArrayList<>();
  private final Map<Integer, String> allowed = new LinkedHashMap<>();
  private Set<Integer> expectedStatuses = Set.of();
  private Set<ErrorCode> expectedCodes = Set.of();
  private boolean redirectAllowed;
  private Acceptance acceptance;
  private String acceptable;
  private int unsupportedStatus;
  private String unsupportedFeature;

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

  /**
   * Afterwards, {@code repository} must neither resolve {@code tag} nor list it. {@code tag} goes into the URL as
   * given, so it may be percent-encoded ({@code a%20b}); the tag list is searched for its decoded form.
   */
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
   * Another answer to the same bad input (e.g. the POST of an upload beside a manifest PUT to the same bad name):
   * checked as the first one is, and the traces and sentinels are checked once, after all of them.
   */
  public BadRequestAnswer alsoTo(RegistryResponse other) {
    more.add(other);
    return this;
  }

  /**
   * A 3xx stores nothing, so it breaks no MUST here (it still misses the {@link #shouldBe} answer): for URLs HTTP
   * itself may normalise ({@code a/../b}, {@code a//b}), where a server may redirect to the normalised path. The
   * no-trace checks still catch a registry that stored the content there.
   */
  public BadRequestAnswer orRedirected() {
    redirectAllowed = true;
    return this;
  }

  /**
   * Where the spec allows accepting the input: a 2xx is no failure provided {@code repository} then serves
   * {@code raw} byte for byte by every one of {@code references} (the no-trace checks do not apply to an accepted
   * request). {@code refusal} is {@link Level#SHOULD} when the spec still recommends refusing (accepting is a warning),
   * {@link Level#MAY} when it leaves both open.
   */
  public BadRequestAnswer orAcceptedAndServedBack(String repository, byte[] raw, Level refusal, String... references) {
    acceptance = new Acceptance(repository, raw.clone(), List.of(references), refusal);
    return this;
  }

  /**
   * Throws an {@link AssertionError} naming every MUST that is broken, else a {@link RecommendationNotMetError} when
   * the status or code is not the one {@link #shouldBe} named, or {@link Unsupported} for the
   * {@link #unsupportedWhen} status.
   */
  public void verify() {
    List<RegistryResponse> answers = new ArrayList<>();
    if (answer != null) {
      answers.add(answer);
    }
    answers.addAll(more);
    String request = answers.isEmpty() ? raw.requestLine() : requestLines(answers);
    String exchange = raw != null ? raw.describe() : describe(answers);
    List<String> broken = new ArrayList<>();
    boolean accepted = false;
    for (RegistryResponse a : answers) {
      int status = a.status();
      boolean success = status >= 200 && status < 300;
      if (allowed.containsKey(status) || status == unsupportedStatus || success && acceptable != null
          || status >= 300 && status < 400 && redirectAllowed) {
        // an answer the case allows: judged by the traces and sentinels alone
      } else if (success && acceptance != null) {
        accepted = true;
        broken.addAll(notServedBack(a));
      } else if (status < 400 || status > 499) {
        broken.add("it was not refused with a 4xx: " + (success ? "the registry accepted bad input"
            : status >= 500 ? "the registry failed on a client's mistake" : "unexpected status")
            + " (" + status + ")" + (answers.size() > 1 ? ": " + a.requestLine() : ""));
      }
      ErrorBodies.problems(a).forEach(p -> broken.add("its error body does not have the spec's shape: " + p));
    }
    if (!accepted) {
      for (Trace trace : forbidden) {
        visible(trace).ifPresent(broken::add);
      }
    }
    for (Sentinel sentinel : sentinels) {
      broken.addAll(sentinel.harm());
    }
    if (!broken.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting it refused with"
          + " 4xx, leaving no trace and earlier content unharmed, but:%n  - %s", request,
          indent(exchange), broken.stream().map(BadRequestAnswer::indent).collect(Collectors.joining("\n  - "))));
    }
    for (RegistryResponse a : answers) {
      int status = a.status();
      if (allowed.containsKey(status)) {
        continue;
      }
      if (status == unsupportedStatus) {
        Unsupported.because(unsupportedFeature + " is not offered: " + a.requestLine() + " answered " + status
            + ", and nothing of the request became visible");
      }
      boolean success = status >= 200 && status < 300;
      boolean servedBack = success && acceptance != null;
      if (servedBack && acceptance.refusal() == Level.MAY) {
        continue;
      }
      List<String> codes = a.errors().stream().map(e -> e.code()).toList();
      boolean statusMet = expectedStatuses.isEmpty() ? status >= 400 && status < 500 : expectedStatuses.contains(status);
      boolean codeMet = expectedCodes.isEmpty() || expectedCodes.stream().anyMatch(c -> codes.contains(c.name()));
      if (!statusMet || !codeMet) {
        throw new RecommendationNotMetError(servedBack ? acceptance.refusal() : Level.SHOULD, new AssertionError(
            String.format("%nExpecting the bad request%n  <%s>%nto be answered%n  <%s%s>%nbut it was answered%n"
                + "  <%d %s>%n(%s)%nExchange:%n  %s",
            a.requestLine(), expectedStatuses.isEmpty() ? "4xx" : expectedStatuses.stream().sorted()
                .map(String::valueOf).collect(Collectors.joining(" or ")),
            expectedCodes.isEmpty() ? "" : " with one of " + expectedCodes, status, codes,
            servedBack ? "accepted, and served back byte for byte: the spec allows it but recommends refusing"
                : success ? "accepted, which is tolerated: " + acceptable + "; nothing of it became visible"
                : "refused and harmless all the same",
            indent(raw != null ? raw.describe() : a.describe()))));
      }
    }
  }

  /** Lines saying how the accepted content does not come back as sent; empty when it does. */
  private List<String> notServedBack(RegistryResponse accepted) {
    List<String> problems = new ArrayList<>();
    for (String reference : acceptance.references()) {
      RegistryResponse get = registry.getManifest(acceptance.repository(), reference, ANY_TYPE);
      try {
        assertThat(get).hasStatus(200).hasBody(acceptance.raw());
      } catch (AssertionError e) {
        problems.add("it was accepted (" + accepted.status() + "), which the spec allows, but "
            + acceptance.repository() + (reference.contains(":") ? "@" : ":") + reference
            + " does not serve the " + acceptance.raw().length + " bytes sent back byte for byte:" + e.getMessage());
      }
    }
    return problems;
  }

  private static String requestLines(List<RegistryResponse> answers) {
    return answers.stream().map(RegistryResponse::requestLine).collect(Collectors.joining(">\n  <"));
  }

  private static String describe(List<RegistryResponse> answers) {
    return answers.stream().map(RegistryResponse::describe).collect(Collectors.joining("\n"));
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
      if (RegistryClient.tagsOf(tags).orElse(List.of()).contains(percentDecoded(trace.reference()))) {
        return Optional.of("the tag list of " + trace.repository() + " holds " + trace.reference() + ":\n"
            + tags.describe());
      }
    }
    return Optional.empty();
  }

  /** A tag as it appears in a URL ({@code a%20b}) as it appears in a tag list ({@code a b}); '+' stays '+'. */
  public static String percentDecoded(String reference) {
    try {
      return java.net.URLDecoder.decode(reference.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return reference;
    }
  }

  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }
}
