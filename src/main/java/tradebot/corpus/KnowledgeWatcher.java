package tradebot.corpus;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge directory (sub-directories included) and the config data files, and calls
 * back once changes have been quiet for a while: an editor saving a file fires several events, and
 * copying twenty articles fires many more; one reload should follow. Thread-safe.
 */
final class KnowledgeWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);
  private static final int MAX_DEPTH = 8;

  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
  private final Path configDir;
  private final List<String> dataFiles;
  private final Duration debounce;
  private final Runnable onChange;
  private final Thread thread;

  private KnowledgeWatcher(
      WatchService service,
      Path configDir,
      List<String> dataFiles,
      Duration debounce,
      Runnable onChange) {
    this.service = service;
    this.configDir = configDir;
    this.dataFiles = dataFiles;
    this.debounce = debounce;
    this.onChange = onChange;
    this.thread = new Thread(this::loop, "knowledge-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching; when the directory cannot be watched, logs why and watches nothing. */
  static KnowledgeWatcher start(
      Path knowledgeDir,
      Path configDir,
      List<String> dataFiles,
      Duration debounce,
      Runnable onChange) {
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("debounce must not be negative: " + debounce);
    }
    try {
      KnowledgeWatcher w =
          new KnowledgeWatcher(
              knowledgeDir.getFileSystem().newWatchService(),
              configDir,
              dataFiles,
              debounce,
              onChange);
      if (Files.isDirectory(knowledgeDir)) {
        w.registerTree(knowledgeDir);
      } else {
        log.warn(
            "knowledge directory {} does not exist: its changes are not watched", knowledgeDir);
      }
      if (Files.isDirectory(configDir)) {
        w.dirs.put(
            configDir.register(w.service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), configDir);
      }
      w.thread.start();
      log.info("watching {} for changes", knowledgeDir);
      return w;
    } catch (IOException e) {
      throw new IllegalStateException("cannot watch " + knowledgeDir + ": " + e.getMessage(), e);
    }
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      for (Path dir : walk.filter(Files::isDirectory).toList()) {
        if (!dir.equals(root) && hidden(dir.getFileName())) {
          continue;
        }
        dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
      }
    }
  }

  private void loop() {
    try {
      while (true) {
        if (!handle(service.take())) {
          continue;
        }
        WatchKey more;
        while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          handle(more);
        }
        log.info("knowledge files changed: reloading");
        try {
          onChange.run();
        } catch (RuntimeException e) {
          log.warn("reload after a change failed to start", e);
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed
    }
  }

  /** Whether {@code key}'s events concern an article or a data file. */
  private boolean handle(WatchKey key) {
    Path dir = dirs.get(key);
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        relevant = true;
        continue;
      }
      Path name = (Path) event.context();
      if (dir == null || hidden(name)) {
        continue;
      }
      Path child = dir.resolve(name);
      if (dir.equals(configDir)) {
        relevant |= dataFiles.contains(name.toString());
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
        try {
          registerTree(child);
        } catch (IOException e) {
          log.warn("cannot watch {}: {}", child, e.toString());
        }
        relevant = true;
      }
      String lower = name.toString().toLowerCase(Locale.ROOT);
      relevant |= lower.endsWith(".md") || lower.endsWith(".txt") || event.kind() == ENTRY_DELETE;
    }
    if (!key.reset()) {
      dirs.remove(key);
    }
    return relevant;
  }

  private static boolean hidden(Path name) {
    return name.toString().startsWith(".");
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      log.debug("closing the watch service: {}", e.toString());
    }
    thread.interrupt();
  }
}
