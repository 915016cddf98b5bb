package dev.regconform.scenarios.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.RegistryResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the list bodies of the discovery endpoints ({@code {"name":…,"tags":[…]}} and
 * {@code {"repositories":[…]}}) strictly, and knows the two orders the spec accepts for them.
 */
final class Listing {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * ASCIIbetical order (Go's {@code sort.Strings}: upper case before lower case). The HEAD spec accepts it
   * next to {@link #LEXICAL}.
   */
  static final Comparator<String> ASCII = Comparator.naturalOrder();

  /** Lexical order as the spec means it: case-insensitive, ties (same letters) broken by ASCII. */
  static final Comparator<String> LEXICAL = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private Listing() {}

  /** The body's JSON object, or empty when the body is not a JSON object. */
  static Optional<JsonNode> object(RegistryResponse response) {
    try {
      JsonNode root = JSON.readTree(response.body());
      return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  /** The strings of array {@code field} of the body's JSON object; empty unless it is an array of strings. */
  static Optional<List<String>> strings(RegistryResponse response, String field) {
    return object(response).map(o -> o.get(field)).filter(JsonNode::isArray).flatMap(array -> {
      List<String> values = new ArrayList<>();
      for (JsonNode v : array) {
        if (!v.isTextual()) {
          return Optional.empty();
        }
        values.add(v.asText());
      }
      return Optional.of(values);
    });
  }

  /** Like {@link #strings} but fails the check, showing the exchange, when the body is not such a list. */
  static List<String> require(RegistryResponse response, String field) {
    return strings(response, field).orElseThrow(() -> new AssertionError("Expecting the body of\n  "
        + response.requestLine() + "\nto be a JSON object with a \"" + field + "\" array of strings, but it is not."
        + "\nExchange:\n  " + response.describe().replace("\n", "\n  ")));
  }

  static List<String> sorted(List<String> values, Comparator<String> order) {
    return values.stream().sorted(order).toList();
  }

  /** Whether {@code values} are in {@link #LEXICAL} or in {@link #ASCII} order. */
  static boolean inAcceptedOrder(List<String> values) {
    return values.equals(sorted(values, LEXICAL)) || values.equals(sorted(values, ASCII));
  }

  /** The elements of {@code all} that come strictly after {@code last} in {@code order}, in that order. */
  static List<String> after(List<String> all, String last, Comparator<String> order) {
    return sorted(all, order).stream().filter(t -> order.compare(t, last) > 0).toList();
  }
}
