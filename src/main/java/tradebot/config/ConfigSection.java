package tradebot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tradebot.text.EditDistance;

/**
 * One mapping of the config file with the keys it may hold, and typed reads that fail with the
 * key's line. Immutable.
 */
final class ConfigSection {
  /** The keys a section may hold. */
  record Keys(String section, List<String> names) {
    Keys(String section, String... names) {
      this(section, List.of(names));
    }

    /** Leaf keys of {@code sections}, dotted; "*_rate" keys expand to {@code rate}'s keys. */
    static List<String> dotted(List<Keys> sections, Keys rate) {
      Set<String> isSection = new java.util.HashSet<>();
      sections.forEach(s -> isSection.add(s.section()));
      List<String> out = new ArrayList<>();
      for (Keys s : sections) {
        for (String name : s.names()) {
          String key = s.section().isEmpty() ? name : s.section() + "." + name;
          if (isSection.contains(key)) {
            continue;
          }
          if (name.endsWith("_rate")) {
            rate.names().forEach(r -> out.add(key + "." + r));
          } else {
            out.add(key);
          }
        }
      }
      return out;
    }
  }

  private final String file;
  private final String path; // "" for the top level
  private final int line;
  private final Map<String, YamlTree.Node> map;

  private ConfigSection(String file, String path, int line, Map<String, YamlTree.Node> map) {
    this.file = file;
    this.path = path;
    this.line = line;
    this.map = map;
  }

  static ConfigSection root(YamlTree.Node node, String file, Keys keys) {
    if (!node.isMap()) {
      throw new ConfigException(
          file,
          node.line(),
          "",
          "the config must be a mapping of keys to values, not " + node.describe());
    }
    return checked(file, "", node, keys);
  }

  /** The sub-section {@code name}; an absent or empty one gives every default. */
  ConfigSection section(String name, Keys keys) {
    YamlTree.Node node = map.get(name);
    if (node == null || node.isNull()) {
      return new ConfigSection(file, key(name), node == null ? line : node.line(), Map.of());
    }
    if (!node.isMap()) {
      throw error(name, key(name) + " must be a mapping of keys to values, not " + node.describe());
    }
    return checked(file, key(name), node, keys);
  }

  private static ConfigSection checked(String file, String path, YamlTree.Node node, Keys keys) {
    for (Map.Entry<String, YamlTree.Node> e : node.map().entrySet()) {
      if (!keys.names().contains(e.getKey())) {
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        throw new ConfigException(file, e.getValue().line(), key, unknown(key, e.getKey(), keys));
      }
    }
    return new ConfigSection(file, path, node.line(), node.map());
  }

  private static String unknown(String key, String name, Keys keys) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("token") || lower.contains("secret") || lower.contains("password")) {
      return "unknown key '"
          + key
          + "': secrets are never read from the config file; set them in the environment ("
          + String.join(", ", TradebotConfig.SECRETS)
          + ")";
    }
    String where = keys.section().isEmpty() ? "the top level" : keys.section();
    String hint = "";
    for (String known : keys.names()) {
      if (EditDistance.within(known, name, 2)) {
        hint = "; did you mean '" + known + "'?";
        break;
      }
    }
    return "unknown key '"
        + key
        + "'"
        + hint
        + " ("
        + where
        + " takes: "
        + String.join(", ", keys.names())
        + ")";
  }

  boolean bool(String name, boolean fallback) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw error(name, key(name) + " must be true or false: " + map.get(name).describe());
  }

  int integer(String name, int fallback, int min, int max) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Long n)) {
      throw error(name, key(name) + " must be a whole number: " + map.get(name).describe());
    }
    if (n < min || n > max) {
      throw error(name, key(name) + " must be " + min + " to " + max + ": " + n);
    }
    return n.intValue();
  }

  String string(String name, String fallback, Pattern pattern, String what) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    String s = v.toString().strip();
    if (!(v instanceof String) || !pattern.matcher(s).matches()) {
      throw error(name, key(name) + " must be " + what + ": " + map.get(name).describe());
    }
    return s;
  }

  Path path(String name, Path fallback) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw error(name, key(name) + " must be a directory path: " + map.get(name).describe());
    }
    try {
      return Path.of(s.strip());
    } catch (InvalidPathException e) {
      throw error(name, key(name) + " is not a valid path: " + e.getMessage());
    }
  }

  /** A directory path, or "" (and absent) for none: null. */
  Path optionalPath(String name, Path fallback) {
    Object v = scalar(name);
    if (v instanceof String str && str.isBlank()) {
      return null;
    }
    return path(name, fallback);
  }

  TradebotConfig.LogFormat logFormat(String name, TradebotConfig.LogFormat fallback) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    try {
      return TradebotConfig.LogFormat.of(v instanceof String s ? s : "");
    } catch (IllegalArgumentException e) {
      throw error(name, key(name) + " must be text or json: " + map.get(name).describe());
    }
  }

  String url(String name, String fallback, Set<String> schemes, boolean emptyAllowed) {
    Object v = scalar(name);
    if (v == null) {
      return fallback;
    }
    String s = v instanceof String str ? str.strip() : "";
    if (s.isEmpty() && emptyAllowed && v instanceof String) {
      return "";
    }
    if (s.contains("@")) {
      // A user or password, well formed or not: refused without echoing the value.
      throw error(
          name, key(name) + " must not hold a user or password: secrets come from the environment");
    }
    String want =
        key(name)
            + " must be a "
            + String.join(" or ", schemes.stream().sorted().toList())
            + " URL";
    try {
      URI uri = new URI(s);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
        throw error(name, want + ": " + map.get(name).describe());
      }
    } catch (URISyntaxException e) {
      throw error(name, want + ": " + map.get(name).describe());
    }
    // Paths are appended to base URLs: without the slash "api/" + "chat.postMessage" breaks.
    return schemes.contains("https") && !s.endsWith("/") ? s + "/" : s;
  }

  List<String> strings(String name, List<String> fallback, Pattern pattern, String what) {
    YamlTree.Node node = map.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isList()) {
      throw error(name, key(name) + " must be a list, e.g. [\"123\"]: " + node.describe());
    }
    List<String> out = new ArrayList<>();
    for (YamlTree.Node item : node.list()) {
      Object v = item.scalar();
      String s = v == null ? "" : v.toString().strip();
      if (!(v instanceof String || v instanceof Number) || !pattern.matcher(s).matches()) {
        throw new ConfigException(
            file,
            item.line(),
            key(name),
            "every item of " + key(name) + " must be " + what + ": " + item.describe());
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  TradebotConfig.RateLimit rate(String name, TradebotConfig.RateLimit fallback) {
    ConfigSection r = section(name, ConfigLoader.RATE);
    return ConfigLoader.rate(
        r.integer("capacity", fallback.capacity(), 1, 1_000_000),
        r.integer(
            "per_seconds",
            (int) Math.min(Integer.MAX_VALUE, fallback.per().toSeconds()),
            1,
            86_400));
  }

  /**
   * {@code auto}, or a mapping {@code {total: N, ids: [...]}} whose ids default to every shard of
   * the total.
   */
  TradebotConfig.Shards shards(String name, TradebotConfig.Shards fallback) {
    YamlTree.Node node = map.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isMap()) {
      if ("auto".equals(node.scalar())) {
        return TradebotConfig.Shards.AUTO;
      }
      throw error(name, key(name) + " must be auto or {total: N, ids: [...]}: " + node.describe());
    }
    ConfigSection s = section(name, ConfigLoader.SHARDS);
    if (!s.map.containsKey("total")) {
      throw error(name, key(name) + " needs a total (how many shards in all processes)");
    }
    int total = s.integer("total", 1, 1, 10_000);
    if (!s.map.containsKey("ids")) {
      return TradebotConfig.Shards.all(total);
    }
    // An empty list is refused (by Shards), not read as "all": that process would run every
    // shard beside the others.
    List<String> ids = s.strings("ids", List.of(), DIGITS, "a shard id (0, 1, ...)");
    return s.build(
        () -> new TradebotConfig.Shards(total, ids.stream().map(Integer::valueOf).toList()));
  }

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

  /** Builds a record from this section, putting the section's line on its validation errors. */
  <T> T build(Supplier<T> make) {
    try {
      return make.get();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, line, path, e.getMessage());
    }
  }

  private Object scalar(String name) {
    YamlTree.Node node = map.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isMap() || node.isList()) {
      throw error(name, key(name) + " must be a single value, not " + node.describe());
    }
    return node.scalar();
  }

  private String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private ConfigException error(String name, String message) {
    YamlTree.Node node = map.get(name);
    return new ConfigException(file, node == null ? line : node.line(), key(name), message);
  }
}
