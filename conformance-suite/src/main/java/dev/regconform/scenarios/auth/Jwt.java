package dev.regconform.scenarios.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A JWT in compact form ({@code header.payload.signature}, each base64url), read without checking its signature: what
 * a token says it grants, and variants of it with one defect for the bad-token checks.
 *
 * @param token the token as issued
 * @param header the decoded header
 * @param claims the decoded claims
 * @param encodedHeader the first part as sent
 * @param signature the third part as sent
 */
record Jwt(String token, ObjectNode header, ObjectNode claims, String encodedHeader, String signature) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The token as a JWT, or empty when it is not three base64url parts of which the first two are JSON objects. */
  static Optional<Jwt> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = JSON.readTree(decode(parts[0]));
      JsonNode claims = JSON.readTree(decode(parts[1]));
      if (!(header instanceof ObjectNode h) || !(claims instanceof ObjectNode c)) {
        return Optional.empty();
      }
      return Optional.of(new Jwt(token, h, c, parts[0], parts[2]));
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  /** Never the token itself: it is a secret. */
  @Override
  public String toString() {
    return "Jwt[" + header + "]";
  }

  /** A copy of the claims to change. */
  ObjectNode claimsCopy() {
    return claims.deepCopy();
  }

  /** The claims as a map, e.g. for {@code TokenSigner.sign}. */
  static Map<String, Object> asMap(ObjectNode claims) {
    return JSON.convertValue(claims, new TypeReference<Map<String, Object>>() { });
  }

  /** This token's header and signature around other claims: a payload altered after signing. */
  String withClaims(ObjectNode changed) {
    return encodedHeader + "." + encode(changed) + "." + signature;
  }

  /** An unsecured JWT ({@code alg: none}, empty signature) with {@code claims}. */
  static String unsecured(ObjectNode claims) {
    ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
    return encode(header) + "." + encode(claims) + ".";
  }

  /**
   * Whether the Docker-style {@code access} claim grants {@code action} on {@code type:name} (or {@code *}); empty when
   * the token has no {@code access} claim to tell.
   */
  Optional<Boolean> grants(String type, String name, String action) {
    JsonNode access = claims.get("access");
    if (access == null || !access.isArray()) {
      return Optional.empty();
    }
    for (JsonNode entry : access) {
      if (type.equals(entry.path("type").asText()) && name.equals(entry.path("name").asText())) {
        for (JsonNode granted : entry.path("actions")) {
          if (granted.asText().equals(action) || granted.asText().equals("*")) {
            return Optional.of(true);
          }
        }
      }
    }
    return Optional.of(false);
  }

  private static byte[] decode(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  private static String encode(ObjectNode node) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsString(node)
          .getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
