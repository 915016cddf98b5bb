/**
 * The behaviour book: how registries behave, as documentation generated from a run's recorded exchanges. One chapter
 * per workflow, one section per check (its behaviour sentence, level, requirements, then per target the verdict and
 * the check's own HTTP exchanges), targets side by side where they differ.
 *
 * <pre>{@code
 * BehaviourBook book = BehaviourBook.read(Path.of("regconform-report"));   // what `regconform run` wrote
 * BehaviourBookWriter.write(book, Path.of("book")); // index.md, NN-chapter.md, index.html, NN-chapter.html, book.json
 * }</pre>
 */
package dev.regconform.reports.book;
