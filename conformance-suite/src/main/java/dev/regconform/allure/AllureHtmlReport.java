package dev.regconform.allure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTML report: {@code allure generate --single-file --clean} of the Allure 2 command line, run offline with the
 * toolkit's own Java, into {@code allure-report/index.html}, one file that holds its scripts, styles, data and
 * attachments (it opens from disk, with no server and no network). The command line ships with the toolkit: the build
 * unpacks {@code io.qameta.allure:allure-commandline} into {@code target/allure/}, next to the jar.
 * {@code ALLURE_NO_ANALYTICS=true} is set for it: with any value Allure sends no usage event, and with {@code true}
 * (only that) its page also leaves out the Google Tag Manager script it would load from the internet.
 *
 * <pre>{@code
 * Optional<AllureHtmlReport> allure = AllureHtmlReport.locate(System::getenv);
 * Path index = allure.orElseThrow().generate(reportDir.resolve("allure-results"), reportDir.resolve("allure-report"));
 * }</pre>
 */
public final class AllureHtmlReport {
  /** The report's directory in the report directory. */
  public static final String DIR = "allure-report";
  /** Where the command line is when it is not next to the toolkit: a directory holding its {@code lib/}. */
  public static final String HOME_VARIABLE = "REGCONFORM_ALLURE_HOME";
  private static final String MAIN = "io.qameta.allure.CommandLine";
  private static final Duration TIME_LIMIT = Duration.ofMinutes(10);
  private static final int OUTPUT_LINES_KEPT = 20;
  private static final Pattern EMBEDDED =
      Pattern.compile("\\bd\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");

  private final Path home;

  /** @param home the command line's directory, which holds {@code lib/allure-commandline-*.jar} */
  public AllureHtmlReport(Path home) {
    this.home = home;
  }

  /**
   * The command line: in {@value #HOME_VARIABLE} when set, else the one the build unpacked next to the toolkit
   * ({@code target/allure/allure-<version>/} beside {@code target/regconform.jar} or {@code target/classes}).
   *
   * @return empty, with where it was looked for in {@link #expectedLocation}, when there is none
   */
  public static Optional<AllureHtmlReport> locate(Function<String, String> env) {
    return Optional.ofNullable(expectedLocation(env)).flatMap(AllureHtmlReport::homeIn).map(AllureHtmlReport::new);
  }

  /** Where {@link #locate} looks: {@value #HOME_VARIABLE}, else {@code target/allure} next to the toolkit's code. */
  public static Path expectedLocation(Function<String, String> env) {
    String configured = env.apply(HOME_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path code = Path.of(AllureHtmlReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("allure");
    } catch (URISyntaxException | RuntimeException unknown) {
      return null;
    }
  }

  /** {@code dir} itself when it holds the command line's jar, else its one {@code allure-*} subdirectory that does. */
  private static Optional<Path> homeIn(Path dir) {
    if (isHome(dir)) {
      return Optional.of(dir);
    }
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(AllureHtmlReport::isHome).sorted().reduce((first, last) -> last);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean isHome(Path dir) {
    try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
      return jars.anyMatch(j -> j.getFileName().toString().matches("allure-commandline-.*\\.jar"));
    } catch (IOException notThere) {
      return false;
    }
  }

  public Path home() {
    return home;
  }

  /**
   * Generates the single-file report of {@code results} into {@code outputDir} (emptied first).
   *
   * @return {@code outputDir/index.html}
   * @throws IOException when the command line cannot run, fails, or takes more than 10 minutes; its message says
   *     which, with the command line's last output line
   */
  public Path generate(Path results, Path outputDir) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // A short-lived JVM: the quick compiler only and the serial collector. Measured on 5,600 result files (2 CPUs):
    // 4.4 s -> 3.6 s, the same report.
    List<String> command = List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"),
        MAIN, "generate", "--single-file", "--clean", "-o", outputDir.toString(), results.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("APP_HOME", home.toString()); // where the command line finds its plugins and config
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ALLURE_NO_ANALYTICS", "true");
    Process process = builder.start();
    Deque<String> output = new ArrayDeque<>();
    Thread reader = new Thread(() -> keepLast(process, output), "allure-generate-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("allure generate took more than " + TIME_LIMIT.toMinutes() + " minutes and was stopped");
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while allure generate ran", e);
    }
    Path index = outputDir.resolve("index.html");
    if (process.exitValue() != 0 || !Files.isRegularFile(index)) {
      String last;
      synchronized (output) {
        last = output.isEmpty() ? "no output" : output.peekLast();
      }
      throw new IOException("allure generate exited with status " + process.exitValue() + ": " + last);
    }
    // A single-file report writes no history/ beside it; the next run needs it there (AllureHistory).
    Path history = Files.createDirectories(outputDir.resolve(AllureHistory.DIR));
    for (Map.Entry<String, byte[]> file : embedded(index).entrySet()) {
      if (file.getKey().startsWith(AllureHistory.DIR + "/")) {
        Files.write(history.resolve(file.getKey().substring(AllureHistory.DIR.length() + 1)), file.getValue());
      }
    }
    return index;
  }

  /**
   * The files a single-file report embeds, by their path in a report directory ({@code data/categories.json},
   * {@code data/test-cases/<uid>.json}, {@code data/attachments/<source>}, {@code history/history-trend.json}, …):
   * Allure's page template holds each as {@code d('<path>','<base64>')}.
   */
  public static Map<String, byte[]> embedded(Path index) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Matcher m = EMBEDDED.matcher(Files.readString(index, StandardCharsets.UTF_8));
    while (m.find()) {
      files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
    }
    return files;
  }

  private static void keepLast(Process process, Deque<String> output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        synchronized (output) {
          output.addLast(line.strip());
          if (output.size() > OUTPUT_LINES_KEPT) {
            output.removeFirst();
          }
        }
      }
    } catch (IOException ended) {
      // the process is gone; what was read is kept
    }
  }
}
