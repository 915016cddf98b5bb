package dev.regconform.cli;

import dev.regconform.reports.book.BehaviourBook;
import dev.regconform.reports.book.BehaviourBookWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code regconform docs}: the behaviour book, from a run it makes (every option of {@code run}, through
 * {@link RunCommand} as a mixin) or from the report directory of an earlier run ({@code --from}).
 */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
    description = {
        "Writes the behaviour book into --out: how each registry behaves, check by check, with the exchanges the "
            + "checks recorded: index.md and one Markdown file per chapter, the same as HTML pages (index.html and one "
            + "self-contained page per chapter), and book.json.",
        "It runs the checks as 'regconform run' does, and all of run's options apply (--target, --reference, --check, "
            + "credentials, ...), into --report-dir (default: a temporary directory, removed afterwards). With --from "
            + "it reads the report directory of an earlier run instead, and runs nothing.",
        "Checks that fail do not make docs fail: the book documents them."},
    exitCodeListHeading = UsageText.EXIT_STATUS_HEADING,
    exitCodeList = {
        "0:The book was written, whatever the checks' outcomes (failures are documented, not an error).",
        "2:Could not run (as for 'regconform run --help': bad arguments, files or OCI_* values, an unreachable "
            + "target, rejected credentials, a --reference that cannot start here), --from is not the report "
            + "directory of a run, --out cannot be written, an internal error (one line on stderr, 'regconform: ...').",
        "130:Interrupted by SIGINT (Ctrl-C): what the run pushed was deleted first; no book.",
        "143:Interrupted by SIGTERM; as for 130."},
    footerHeading = UsageText.EXAMPLES_HEADING,
    footer = {
        "  ./regconform docs --target http://127.0.0.1:5000 --out book",
        "  ./regconform docs --target http://127.0.0.1:5000 --target-name mine \\",
        "      --target http://127.0.0.1:5001 --target-name theirs --out book",
        "  ./regconform docs --target URL --check 'delete.*' --out book",
        "  ./regconform docs --reference distribution-process \\",
        "      --reference artipie-embedded --out docs/behaviour",
        "  ./regconform run --target URL               # then, from its report:",
        "  ./regconform docs --from regconform-report --out book"})
public final class DocsCommand implements Callable<Integer> {
  private static final List<String> OWN_OPTIONS = List.of("--out", "--from", "--help", "--version");

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where the book goes (created when missing; files of the same names are replaced).")
  Path outDir;

  @Option(names = "--from", paramLabel = "REPORT_DIR",
      description = "Write the book from this report directory of an earlier run (its summary.json and "
          + "allure-results/) instead of running the checks; no other option of run goes with it.")
  Path from;

  @CommandLine.Mixin
  RunCommand run;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> unusable = InputFiles.directoryProblem(outDir, "--out");
    if (unusable.isPresent()) {
      err.println("regconform: " + unusable.get());
      return RegconformCommand.COULD_NOT_RUN;
    }
    if (from != null) {
      List<String> runOptions = spec.commandLine().getParseResult().matchedOptions().stream()
          .map(CommandLine.Model.OptionSpec::longestName).filter(name -> !OWN_OPTIONS.contains(name)).distinct()
          .toList();
      if (!runOptions.isEmpty()) {
        err.println("regconform: --from writes the book from a finished run and runs nothing: "
            + String.join(", ", runOptions) + " cannot go with it");
        return RegconformCommand.COULD_NOT_RUN;
      }
      if (!Files.isDirectory(from)) {
        err.println("regconform: --from " + from + ": " + (Files.exists(from) ? "is a file, not a directory"
            : "no such directory"));
        return RegconformCommand.COULD_NOT_RUN;
      }
      return write(from, "--from " + from, out, err);
    }
    return runThenWrite(out, err);
  }

  /** Runs the checks as {@code run} does into the report directory, then writes the book from it. */
  private int runThenWrite(PrintWriter out, PrintWriter err) throws IOException {
    if (run.reportDir != null && OciEnvironment.isNone(run.reportDir.toString())) {
      err.println("regconform: --report-dir none: the book is made from the run's report files; give a directory, "
          + "or leave --report-dir out for a temporary one");
      return RegconformCommand.COULD_NOT_RUN;
    }
    boolean temporary = run.reportDir == null;
    if (temporary) {
      run.reportDir = Files.createTempDirectory("regconform-docs-");
      run.noHtml = true; // nobody opens the Allure report of a directory removed afterwards
    }
    Path reportDir = run.reportDir;
    try {
      Path summary = reportDir.resolve("summary.json");
      Optional<FileTime> before = modified(summary);
      int status = run.execute(out, err);
      if (modified(summary).isEmpty() || modified(summary).equals(before)) {
        // The run did not happen (it printed why on stderr): no report to make a book from.
        return status == 0 ? RegconformCommand.COULD_NOT_RUN : status;
      }
      if (status != 0) {
        out.println("docs: the run's exit status was " + status + "; its outcomes are what the book documents");
      }
      if (temporary) {
        out.println("docs: the run's reports above are in a temporary directory, removed once the book is written "
            + "(keep them with --report-dir DIR)");
      }
      return write(reportDir, "the run's report directory " + reportDir, out, err);
    } finally {
      if (temporary) {
        deleteRecursively(reportDir);
      }
    }
  }

  private int write(Path reportDir, String what, PrintWriter out, PrintWriter err) {
    BehaviourBook book;
    try {
      book = BehaviourBook.read(reportDir);
    } catch (IOException | RuntimeException e) {
      err.println("regconform: cannot read " + what + ": " + oneLine(e.getMessage()));
      return RegconformCommand.COULD_NOT_RUN;
    }
    try {
      BehaviourBookWriter.write(book, outDir);
    } catch (IOException e) {
      err.println("regconform: cannot write the book into --out " + outDir + ": " + oneLine(e.getMessage()));
      return RegconformCommand.COULD_NOT_RUN;
    }
    out.println("Book: " + outDir.resolve("index.md") + ", " + outDir.resolve("index.html") + ", "
        + outDir.resolve("book.json"));
    out.flush();
    return 0;
  }

  private static Optional<FileTime> modified(Path file) throws IOException {
    return Files.isRegularFile(file) ? Optional.of(Files.getLastModifiedTime(file)) : Optional.empty();
  }

  private static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
