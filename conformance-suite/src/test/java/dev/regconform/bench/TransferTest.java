package dev.regconform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferTest {
  @Test
  void a_GiB_in_four_seconds_is_256_MiB_per_second() {
    Transfer t = new Transfer(1L << 30, 4_000_000_000L);

    assertThat(t.seconds()).isEqualTo(4.0);
    assertThat(t.mibPerSecond()).isCloseTo(256.0, within(1e-9));
  }

  @Test
  void the_median_of_an_odd_number_is_the_middle_time_whatever_the_order() {
    Transfer fast = new Transfer(100, 1_000);
    Transfer middle = new Transfer(100, 2_000);
    Transfer slow = new Transfer(100, 9_000);

    assertThat(Transfer.median(List.of(slow, fast, middle))).isEqualTo(middle);
  }

  @Test
  void the_median_of_an_even_number_has_the_mean_time_of_the_two_middle_ones() {
    List<Transfer> four = List.of(new Transfer(100, 1_000), new Transfer(100, 3_000), new Transfer(100, 2_000),
        new Transfer(100, 50_000));

    assertThat(Transfer.median(four)).isEqualTo(new Transfer(100, 2_500));
  }

  @Test
  void refuses_no_transfers_and_a_time_of_zero() {
    assertThatIllegalArgumentException().isThrownBy(() -> Transfer.median(List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> new Transfer(100, 0)).withMessageContaining("0 ns");
  }
}
