package dev.regconform.reports.book;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link BehaviourBook} into a directory:
 * <ul>
 *   <li>{@value #INDEX_MD}: the table of contents, with each chapter's verdicts per target, and every check linked;
 *   <li>one Markdown file per chapter, {@link Chapter#fileName()} (e.g. {@code 02-push.md}), each check a section with
 *       the anchor {@link Section#anchor()} (HTML {@code <a id>}), the targets in a table and then under a heading
 *       each, the exchanges in {@code <details>};
 *   <li>{@value #INDEX_HTML}: the contents, linking one HTML page per chapter, {@link Chapter#pageName()} (e.g. {@code
 *       02-push.html}); every page self-contained (inline CSS, no script, no external file), the targets side by side,
 *       each section's id {@link Section#anchor()};
 *   <li>{@value #BOOK_JSON}: for machines, {@code {"targets":[description…], "chapters":[{"key","title","file","page",
 *       "checks"}…], "checks":[{"id","chapter","anchor","file","page","differs"}…]}}.
 * </ul>
 * Files of an earlier book in the directory that this one does not write (a chapter that no longer has checks) are
 * left alone; write into an empty directory to get exactly the book.
 *
 * <pre>{@code
 * List<Path> written = BehaviourBookWriter.write(BehaviourBook.read(reportDir), Path.of("docs/behaviour"));
 * }</pre>
 */
public final class BehaviourBookWriter {
  /** The Markdown table of contents. */
  public static final String INDEX_MD = "index.md";
  /** The single-page HTML book. */
  public static final String INDEX_HTML = "index.html";
  /** The machine-readable list of checks and chapters. */
  public static final String BOOK_JSON = "book.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BehaviourBookWriter() {}

  /**
   * Writes the book's files.
   *
   * @param book the book
   * @param dir where to write; created with its parents when absent
   * @return the files written: {@value #INDEX_MD}, the chapters in order, {@value #INDEX_HTML}, {@value #BOOK_JSON}
   * @throws IOException when a file cannot be written
   */
  public static List<Path> write(BehaviourBook book, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(Files.writeString(dir.resolve(INDEX_MD), BookMarkdown.index(book), StandardCharsets.UTF_8));
    for (Chapter c : book.chapters()) {
      written.add(Files.writeString(dir.resolve(c.fileName()), BookMarkdown.chapter(book, c), StandardCharsets.UTF_8));
    }
    written.add(Files.writeString(dir.resolve(INDEX_HTML), BookHtml.index(book), StandardCharsets.UTF_8));
    for (Chapter c : book.chapters()) {
      written.add(Files.writeString(dir.resolve(c.pageName()), BookHtml.chapter(book, c), StandardCharsets.UTF_8));
    }
    written.add(Files.writeString(dir.resolve(BOOK_JSON), json(book), StandardCharsets.UTF_8));
    return written;
  }

  /**
   * The content of {@value #BOOK_JSON}.
   *
   * @param book the book
   * @return indented JSON ending in a newline
   * @throws IOException never in practice (Jackson declares it)
   */
  public static String json(BehaviourBook book) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode targets = root.putArray("targets");
    book.targets().forEach(t -> targets.add(t.description()));
    ArrayNode chapters = root.putArray("chapters");
    ArrayNode checks = root.putArray("checks");
    for (Chapter c : book.chapters()) {
      chapters.addObject().put("key", c.key()).put("title", c.title()).put("file", c.fileName())
          .put("page", c.pageName()).put("checks", c.sections().size());
      for (Section s : c.sections()) {
        checks.addObject().put("id", s.checkId()).put("chapter", c.key()).put("anchor", s.anchor())
            .put("file", c.fileName()).put("page", c.pageName()).put("differs", s.differs());
      }
    }
    return JSON.writeValueAsString(root) + "\n";
  }
}
