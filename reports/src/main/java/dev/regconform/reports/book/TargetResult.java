package dev.regconform.reports.book;

import dev.regconform.reports.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What one check concluded on one target, and the exchanges it made there (its own: not its class's setup or
 * cleanup).
 *
 * @param target the target
 * @param outcome the verdict
 * @param message the first lines of the check's message, normalised (empty when it has none)
 * @param messageLinesCut how many further lines of the message the book leaves out
 * @param exchanges the exchanges shown, in the order made: all of them, or when there are more than
 *     {@value BehaviourBook#MAX_EXCHANGES} the first {@value BehaviourBook#HEAD_EXCHANGES} (how the check began) and
 *     the last ones (what it looked at in the end)
 * @param exchangesCut how many exchanges the book leaves out, between the first ones shown and the last ones
 * @param cutAt the index in {@code exchanges} where the left-out ones were (the number of first ones shown)
 */
public record TargetResult(BookTarget target, Outcome outcome, List<String> message, int messageLinesCut,
    List<Exchange> exchanges, int exchangesCut, int cutAt) {
  /**
   * Copies the lists.
   *
   * @param target not null
   * @param outcome not null
   * @param message copied; not null
   * @param messageLinesCut zero or more
   * @param exchanges copied; not null
   * @param exchangesCut zero or more
   * @param cutAt from 0 to the size of {@code exchanges}
   */
  public TargetResult {
    message = List.copyOf(message);
    exchanges = List.copyOf(exchanges);
  }

  /**
   * Shows a check's exchanges within the book's limit.
   *
   * @param target the target
   * @param outcome the verdict
   * @param message every line of the message, normalised; the first {@value BehaviourBook#MAX_MESSAGE_LINES} are kept
   * @param all every exchange of the check there, in the order made
   * @return the result with the exchanges and message lines {@link #exchanges()} describes
   */
  public static TargetResult of(BookTarget target, Outcome outcome, List<String> message, List<Exchange> all) {
    int lines = Math.min(message.size(), BehaviourBook.MAX_MESSAGE_LINES);
    List<String> shownMessage = message.subList(0, lines);
    if (all.size() <= BehaviourBook.MAX_EXCHANGES) {
      return new TargetResult(target, outcome, shownMessage, message.size() - lines, all, 0, all.size());
    }
    int head = BehaviourBook.HEAD_EXCHANGES;
    int tail = BehaviourBook.MAX_EXCHANGES - head;
    List<Exchange> shown = new ArrayList<>(all.subList(0, head));
    shown.addAll(all.subList(all.size() - tail, all.size()));
    return new TargetResult(target, outcome, shownMessage, message.size() - lines, shown,
        all.size() - BehaviourBook.MAX_EXCHANGES, head);
  }
}
