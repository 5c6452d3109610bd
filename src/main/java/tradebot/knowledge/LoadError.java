package tradebot.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why one knowledge file was skipped. The other files still load. Immutable.
 *
 * @param file the file
 * @param line 1-based line the problem is on, or 0 when it concerns the whole file
 * @param message what is wrong, naming the bad value
 */
public record LoadError(Path file, int line, String message) {
  public LoadError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** "file:line: message", as compilers print it. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
