package dev.regconform.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The one Jackson mapper for manifest documents: compact output, unknown fields tolerated on read.
 *
 * <p>Map entries (annotations) are written sorted by key, as Go's {@code encoding/json} does, so that
 * serialising the same values always gives the same bytes and therefore the same digest, whatever the
 * iteration order of the map handed in. Content after the JSON document is an error, as it is for registries.
 */
final class ManifestJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(SerializationFeature.INDENT_OUTPUT, false);

  private ManifestJson() {}

  /** Reads {@code raw} as {@code type}, a nested {@code Json} record, naming its enclosing type in errors. */
  static <T> T read(byte[] raw, Class<T> type) {
    try {
      return MAPPER.readValue(raw, type);
    } catch (IOException e) {
      Class<?> named = type.getEnclosingClass() != null ? type.getEnclosingClass() : type;
      throw new ManifestFormatException("Cannot read " + named.getSimpleName() + ": " + describe(e), e);
    }
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value, e);
    }
  }

  /** Jackson's message without the source excerpt, prefixed by the JSON path of the failing field, if any. */
  static String describe(IOException e) {
    if (!(e instanceof JsonProcessingException j)) {
      return e.getMessage();
    }
    StringBuilder path = new StringBuilder();
    if (j instanceof JsonMappingException m) {
      for (JsonMappingException.Reference ref : m.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    return (path.length() == 0 ? "" : "at " + path + ": ") + j.getOriginalMessage();
  }
}
