package dev.regconform.reports.book;

import java.util.List;
import java.util.Locale;

/**
 * One chapter of the book: the checks of one workflow.
 *
 * @param number its place in the book, from 1; a known chapter has the same number in every book (delete is 7 even when
 *     no push check ran)
 * @param key a stable short name, e.g. {@code push}, {@code external-layers}; {@code book.json} names it
 * @param title what a reader sees, e.g. {@code Pull by name, tag, latest and digest}
 * @param summary one sentence on what the chapter holds
 * @param sections its checks, by id
 */
public record Chapter(int number, String key, String title, String summary, List<Section> sections) {
  /**
   * Copies the list.
   *
   * @param number from 1
   * @param key not null
   * @param title not null
   * @param summary not null
   * @param sections copied; not null
   */
  public Chapter {
    sections = List.copyOf(sections);
  }

  /**
   * The chapter's Markdown file.
   *
   * @return e.g. {@code 02-push.md}
   */
  public String fileName() {
    return String.format(Locale.ROOT, "%02d-%s.md", number, key);
  }

  /**
   * The chapter's HTML page (self-contained, like {@code index.html}, which links to it).
   *
   * @return e.g. {@code 02-push.html}
   */
  public String pageName() {
    return String.format(Locale.ROOT, "%02d-%s.html", number, key);
  }

  /**
   * The HTML id of the chapter's heading.
   *
   * @return e.g. {@code chapter-push}
   */
  public String anchor() {
    return "chapter-" + key;
  }
}
