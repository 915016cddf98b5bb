package dev.regconform.cli;

import dev.regconform.fixtures.auth.TokenSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files and directories the commands are given, looked at before anything runs, so that one that cannot serve
 * ends the command with one line naming it instead of failing later (after a whole run, or as a stack trace).
 *
 * <pre>{@code
 * InputFiles.requireSigningKey(key, certificate);                  // --token-signing-key, --token-certificate
 * InputFiles.directoryProblem(dir, "--report-dir").ifPresent(...); // a file, or under one
 * }</pre>
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * Both files are readable regular files holding a PKCS#8 private key and its certificate in PEM.
   *
   * @throws IllegalArgumentException in one line, naming the file and what is wrong with it
   */
  static void requireSigningKey(Path key, Path certificate) {
    String keyText = readable(key, "--token-signing-key");
    String certificateText = readable(certificate, "--token-certificate");
    try {
      TokenSigner.fromPem(keyText, certificateText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--token-signing-key " + key + " with --token-certificate " + certificate
          + ": " + e.getMessage());
    }
  }

  /**
   * What keeps {@code dir} from taking reports, in one line: it is a file, or it would be under one, or it cannot be
   * written; empty when it is (or can be made) a writable directory. Nothing is created.
   */
  static Optional<String> directoryProblem(Path dir, String option) {
    Path absolute = dir.toAbsolutePath();
    for (Path p = absolute; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          return Optional.of(option + " " + dir + ": " + (p.equals(absolute) ? "is a file, not a directory"
              : p + " is a file, not a directory"));
        }
        return Files.isWritable(p) ? Optional.empty() : Optional.of(option + " " + dir + ": "
            + (p.equals(absolute) ? "" : p + " ") + "is not writable");
      }
    }
    return Optional.empty();
  }

  /**
   * {@code file} can be written: it is not a directory, and its directory exists.
   *
   * @throws IllegalArgumentException in one line otherwise
   */
  static void requireWritableFile(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + ": is a directory, not a file");
    }
    // Missing directories are made when the file is written (e.g. ci/baseline.yaml): the nearest one that exists
    // must be a directory we may write in.
    Path parent = file.toAbsolutePath().getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(option + " " + file + ": " + parent + " is not a directory");
    }
    if (Files.exists(file) ? !Files.isWritable(file) : parent != null && !Files.isWritable(parent)) {
      throw new IllegalArgumentException(option + " " + file + ": cannot be written");
    }
  }

  private static String readable(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + ": " + (Files.isDirectory(file) ? "is a directory"
          : "no such file"));
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e.getMessage() + ")");
    }
  }
}
