package dev.regconform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource(delimiter = '|', value = {
      "1073741824 | 1073741824",
      "1GiB       | 1073741824",
      "1 GiB      | 1073741824",
      "1gib       | 1073741824",
      "32MiB      | 33554432",
      "4KiB       | 4096",
      "2TiB       | 2199023255552",
      "10B        | 10",
      "1          | 1"})
  void parses_bytes_and_binary_units_in_any_case(String text, long bytes) {
    assertThat(ByteSize.parse(text)).as("ByteSize.parse(\"%s\")", text).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "  ", "GiB", "1.5GiB", "-1", "1GB", "1 MB", "12x", "0", "0MiB", "8388608TiB",
      "99999999999999999999"})
  void refuses_what_is_not_a_positive_size_in_bytes_KiB_MiB_GiB_or_TiB(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> ByteSize.parse(text))
        .withMessageStartingWith("invalid size '" + text + "'");
  }

  @ParameterizedTest(name = "{0} bytes = {1}")
  @CsvSource(delimiter = '|', value = {
      "1073741824 | 1 GiB",
      "33554432   | 32 MiB",
      "1536       | 1.50 KiB",
      "1000       | 1000 bytes",
      "1          | 1 byte"})
  void formats_with_the_largest_unit_that_gives_at_least_1(long bytes, String text) {
    assertThat(ByteSize.format(bytes)).isEqualTo(text);
  }
}
