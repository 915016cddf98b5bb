package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MixTest {
  @Test
  void parses_operation_weight_pairs_in_any_order_and_case_and_prints_them_in_the_fixed_order() {
    Mix mix = Mix.parse(" Tags=1, pull=4 ,PUSH=1,head=2");

    assertThat(mix.weights()).containsExactly(Map.entry(Operation.PUSH, 1), Map.entry(Operation.PULL, 4),
        Map.entry(Operation.HEAD, 2), Map.entry(Operation.TAGS, 1));
    assertThat(mix).hasToString("push=1,pull=4,head=2,tags=1");
    assertThat(Mix.parse(mix.toString())).isEqualTo(mix);
  }

  @Test
  void leaves_out_operations_not_named_or_weighted_zero() {
    Mix mix = Mix.parse("pull=3,push=0");

    assertThat(mix.operations()).containsExactly(Operation.PULL);
    assertThat(mix.includes(Operation.PUSH)).as("push weighted 0").isFalse();
    assertThat(mix.includes(Operation.HEAD)).as("head not named").isFalse();
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(delimiter = '|', value = {
      "''|invalid --mix ''",
      "push|at 'push'",
      "push=|at 'push='",
      "push=-1|at 'push=-1'",
      "push=1.5|at 'push=1.5'",
      "push=1,,pull=2|at ''",
      "delete=1|unknown operation 'delete'",
      "push=1,push=2|push given twice",
      "push=0,pull=0|at least one operation with a weight above 0",
      "push=1001|weight of push must be 0 to 1000"})
  void refuses_a_bad_mix_with_one_line_that_says_what_is_wrong_and_what_is_expected(String text, String problem) {
    assertThatIllegalArgumentException().isThrownBy(() -> Mix.parse(text))
        .withMessageContaining(problem)
        .withMessageContaining("e.g. push=1,pull=4,head=2,tags=1")
        .withMessageNotContaining("\n");
  }

  @Test
  void picks_operations_in_proportion_to_their_weights() {
    Mix mix = Mix.parse("push=1,pull=4,head=2,tags=1");
    SplittableRandom random = new SplittableRandom(7);
    Map<Operation, Integer> counts = new EnumMap<>(Operation.class);

    for (int i = 0; i < 80_000; i++) {
      counts.merge(mix.pick(random), 1, Integer::sum);
    }

    // Expected 10,000 / 40,000 / 20,000 / 10,000; 3% is more than 10 standard deviations.
    assertThat(counts.get(Operation.PUSH)).isBetween(9_700, 10_300);
    assertThat(counts.get(Operation.PULL)).isBetween(39_400, 40_600);
    assertThat(counts.get(Operation.HEAD)).isBetween(19_500, 20_500);
    assertThat(counts.get(Operation.TAGS)).isBetween(9_700, 10_300);
  }

  @Test
  void never_picks_an_operation_left_out() {
    Mix mix = Mix.parse("head=1");
    SplittableRandom random = new SplittableRandom(1);

    for (int i = 0; i < 1000; i++) {
      assertThat(mix.pick(random)).isEqualTo(Operation.HEAD);
    }
  }
}
