package dev.regconform.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** The one Jackson mapper for manifest documents: compact output, unknown fields tolerated on read. */
final class ManifestJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.INDENT_OUTPUT, false);

  private ManifestJson() {}

  static <T> T read(byte[] raw, Class<T> type) {
    try {
      return MAPPER.readValue(raw, type);
    } catch (IOException e) {
      throw new ManifestFormatException("Cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value, e);
    }
  }
}
