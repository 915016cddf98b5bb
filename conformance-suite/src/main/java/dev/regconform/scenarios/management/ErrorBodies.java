package dev.regconform.scenarios.management;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spec's rule for error bodies (catalog R72, spec "Error Codes"): a 4xx response MAY have a body in any format,
 * but when the body is JSON it MUST be {@code {"errors":[{"code":…,"message":…,"detail":…},…]}}, where {@code code}
 * holds only upper-case letters and underscores and is one of the codes of the spec's table ({@link ErrorCode}),
 * {@code message} is optional (a string), and {@code detail} is optional, any JSON.
 *
 * <pre>{@code
 * RegistryResponse put = registry.putManifest(repo, "1.0", type, garbage);
 * ErrorBodies.assertConforms(put);      // passes for a plain-text body, checks the shape of a JSON one
 * }</pre>
 */
public final class ErrorBodies {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern CODE_SYNTAX = Pattern.compile("[A-Z_]+");

  private ErrorBodies() {}

  /**
   * Fails when {@code response} is a 4xx whose body is JSON but not a conforming error document; does nothing for
   * other statuses and for bodies that are not JSON (empty, plain text, HTML).
   */
  public static void assertConforms(RegistryResponse response) {
    List<String> problems = problems(response);
    if (!problems.isEmpty()) {
      throw new AssertionError(String.format(
          "%nExpecting the JSON error body of%n  <%s>%nto be {\"errors\":[{\"code\":…,\"message\":…,\"detail\":…}]}"
              + " with every code one of the spec's:%n  <%s>%nbut:%n  <%s>%nExchange:%n  %s",
          response.requestLine(), Arrays.toString(ErrorCode.values()), String.join("; ", problems),
          response.describe().replace("\n", "\n  ")));
    }
  }

  /** What is wrong with the error body of {@code response}; empty when it conforms or the rule does not apply. */
  public static List<String> problems(RegistryResponse response) {
    List<String> problems = new ArrayList<>();
    if (response.status() < 400 || response.status() > 499) {
      return problems;
    }
    Optional<JsonNode> parsed = json(response);
    if (parsed.isEmpty()) {
      return problems;
    }
    JsonNode root = parsed.get();
    if (!root.isObject()) {
      problems.add("the body is JSON but not an object");
      return problems;
    }
    JsonNode errors = root.get("errors");
    if (errors == null || !errors.isArray()) {
      problems.add("it has no \"errors\" array");
      return problems;
    }
    if (errors.isEmpty()) {
      problems.add("\"errors\" is empty (the spec returns one or more errors)");
    }
    int i = 0;
    for (JsonNode error : errors) {
      String where = "errors[" + i++ + "]";
      if (!error.isObject()) {
        problems.add(where + " is not an object");
        continue;
      }
      JsonNode code = error.get("code");
      if (code == null || !code.isTextual()) {
        problems.add(where + " has no string \"code\"");
      } else if (!CODE_SYNTAX.matcher(code.asText()).matches()) {
        problems.add(where + ".code '" + code.asText() + "' is not upper-case letters and underscores only");
      } else if (ErrorCode.fromWire(code.asText()).isEmpty()) {
        problems.add(where + ".code '" + code.asText() + "' is not one of the spec's error codes");
      }
      JsonNode message = error.get("message");
      if (message != null && !message.isTextual() && !message.isNull()) {
        problems.add(where + ".message is not a string");
      }
    }
    return problems;
  }

  /** The body parsed, when it is one complete JSON value; empty when there is no body or it is not JSON. */
  static Optional<JsonNode> json(RegistryResponse response) {
    if (response.body().length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(response.body())).filter(n -> !n.isMissingNode());
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
