package tradebot.config;

/**
 * A config file that cannot be used: an unknown key, a value of the wrong type or out of range, or
 * broken YAML. The message reads like a compiler's ("config/tradebot.yaml:9: server.port must be 0
 * to 65535: 70000"). Immutable.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String key;

  ConfigException(String file, int line, String key, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  /** A problem with the whole of {@code file}, not one key's. */
  public static ConfigException of(java.nio.file.Path file, String message) {
    return new ConfigException(file.toString(), 0, "", message);
  }

  /** The file, as given to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the offending key or value, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** The dotted key ("server.port"), or "" when the problem is not one key's. */
  public String key() {
    return key;
  }
}
