package tradebot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import tradebot.config.TradebotConfig;

/**
 * What must survive a restart: the answers the bot gave or declined, the votes on them, and the
 * audit of knowledge-base reloads, in one SQLite file ({@code data_dir/tradebot.db}) whose schema
 * Flyway migrates at open. Every write is its own transaction, committed before the method returns,
 * in WAL mode: what a method returned survives the process being killed ({@code kill -9}); an
 * operating-system crash may lose the last commits (synchronous=NORMAL, chosen so that recording an
 * answer costs no disk flush).
 *
 * <p>User ids are never stored: a keyed hash (HMAC-SHA-256 with a random key kept in the file) of
 * platform and id stands for them, so that one user's votes can be told apart and changed without
 * the store knowing who voted. Question text is kept only as {@link TradebotConfig.Privacy} allows;
 * rows older than its retention are deleted at open, at every report and hourly while recording.
 * Thread-safe: one connection, used by one caller at a time.
 */
public final class FeedbackStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedbackStore.class);

  /** The database's file name inside the data directory. */
  public static final String FILE = "tradebot.db";

  private static final String MIGRATIONS = "classpath:tradebot/feedback/migration";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Given.Passage>> PASSAGES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, String>>> REQUESTERS =
      new TypeReference<>() {};
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final char[] ID_LETTERS = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
  private static final int ID_LENGTH = 8;

  /** The database file and SQLite's write-ahead log and shared-memory index beside it. */
  private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm");

  private final Path file;
  private final boolean temporary;
  private final Connection db;
  private final Clock clock;
  private final TradebotConfig.Privacy privacy;
  private final Mac userHash;
  private final SecureRandom random = new SecureRandom();
  private Instant purgedAt;

  private FeedbackStore(
      Path file, boolean temporary, Connection db, Clock clock, TradebotConfig.Privacy privacy)
      throws SQLException {
    this.file = file;
    this.temporary = temporary;
    this.db = db;
    this.clock = clock;
    this.privacy = privacy;
    this.userHash = mac(hashKey());
    purge();
  }

  /**
   * Opens (creating it and its directory when missing) the database at {@code file} and migrates
   * its schema to the newest version.
   *
   * @throws FeedbackException naming the file when it cannot be opened, is no SQLite database, or
   *     its schema cannot be migrated (e.g. it was written by a newer tradebot)
   */
  public static FeedbackStore open(Path file, Clock clock, TradebotConfig.Privacy privacy) {
    return open(file, false, clock, privacy);
  }

  /**
   * A store in a temporary file that is deleted on close, or else when the JVM exits (tests,
   * benchmarks).
   */
  public static FeedbackStore temporary(Clock clock, TradebotConfig.Privacy privacy) {
    try {
      Path file = Files.createTempFile("tradebot-feedback-", ".db");
      for (String suffix : SIDE_FILES) {
        Path.of(file + suffix).toFile().deleteOnExit();
      }
      return open(file, true, clock, privacy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary feedback database", e);
    }
  }

  private static FeedbackStore open(
      Path file, boolean temporary, Clock clock, TradebotConfig.Privacy privacy) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(privacy, "privacy");
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      SQLiteDataSource source = new SQLiteDataSource(config);
      source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
      Flyway flyway =
          Flyway.configure()
              .dataSource(source)
              .locations(MIGRATIONS)
              .failOnMissingLocations(true)
              .load();
      try {
        flyway.migrate();
      } catch (FlywayException e) {
        // Replicas on one host may share the database and start together: the one that lost the
        // race to create the schema finds it made when it looks again.
        log.info("migrating {} failed ({}); trying once more", file, message(e));
        sleepQuietly(Duration.ofMillis(500));
        flyway.migrate();
      }
      return new FeedbackStore(file, temporary, source.getConnection(), clock, privacy);
    } catch (IOException | SQLException | FlywayException e) {
      throw new FeedbackException(
          "cannot open the feedback database " + file + ": " + message(e), e);
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * Keeps {@code given} and returns the short id it is known by from now on (shown in the answer's
   * footer, carried by its vote buttons).
   *
   * @throws FeedbackException when the database cannot be written
   */
  public synchronized String record(Given given) {
    Instant now = clock.instant();
    try {
      if (!now.isBefore(purgedAt.plus(PURGE_EVERY))) {
        purge();
      }
      String hash = hash(given.platform(), given.userId());
      String question = privacy.keepsQuestion(given.declined()) ? given.question() : null;
      String passages = JSON.writeValueAsString(given.passages());
      while (true) {
        String id = newId();
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO answers (id, asked_at, platform, user_hash, question, kb_version,"
                    + " outcome, lead, passages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, id);
          insert.setLong(2, now.toEpochMilli());
          insert.setString(3, given.platform());
          insert.setString(4, hash);
          insert.setString(5, question);
          insert.setString(6, given.knowledgeBase());
          insert.setString(7, given.declined() ? "declined" : "answered");
          insert.setString(8, given.lead());
          insert.setString(9, passages);
          insert.executeUpdate();
          return id;
        } catch (SQLiteException e) {
          if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
            throw e;
          }
          // an id drawn twice: draw again
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new FeedbackException("cannot record an answer in " + file + ": " + message(e), e);
    }
  }

  /**
   * Records {@code user}'s vote on the answer {@code answerId}: one vote per user per answer, a new
   * one replacing the old.
   *
   * @throws FeedbackException when the database cannot be written
   */
  public synchronized Voted vote(String answerId, String platform, String user, Vote vote) {
    Objects.requireNonNull(vote, "vote");
    String hash = hash(platform, user);
    try {
      db.setAutoCommit(false);
      try {
        Voted outcome = vote(answerId, hash, vote);
        db.commit();
        return outcome;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new FeedbackException(
          "cannot record a vote on answer " + answerId + " in " + file + ": " + message(e), e);
    }
  }

  private Voted vote(String answerId, String hash, Vote vote) throws SQLException {
    try (PreparedStatement known = db.prepareStatement("SELECT 1 FROM answers WHERE id = ?")) {
      known.setString(1, answerId);
      try (ResultSet r = known.executeQuery()) {
        if (!r.next()) {
          return new Voted.UnknownAnswer(answerId);
        }
      }
    }
    Vote before = null;
    try (PreparedStatement old =
        db.prepareStatement("SELECT vote FROM votes WHERE answer_id = ? AND user_hash = ?")) {
      old.setString(1, answerId);
      old.setString(2, hash);
      try (ResultSet r = old.executeQuery()) {
        if (r.next()) {
          before = Vote.of(r.getInt(1));
        }
      }
    }
    if (before == vote) {
      return new Voted.Unchanged(vote);
    }
    try (PreparedStatement put =
        db.prepareStatement(
            "INSERT INTO votes (answer_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (answer_id, user_hash)"
                + " DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at")) {
      put.setString(1, answerId);
      put.setString(2, hash);
      put.setInt(3, vote.value());
      put.setLong(4, clock.instant().toEpochMilli());
      put.executeUpdate();
    }
    return before == null ? new Voted.Recorded(vote) : new Voted.Changed(before, vote);
  }

  /**
   * Keeps {@code reload} in the audit, its requesters' ids hashed.
   *
   * @throws FeedbackException when the database cannot be written
   */
  public synchronized void record(Reload reload) {
    try {
      List<Map<String, String>> by = new ArrayList<>();
      for (Reload.Requester r : reload.by()) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("via", r.via());
        row.put("user_hash", hash(r.via(), r.who()));
        by.add(row);
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO reloads (at, requested_by, outcome, kb_version, articles, added,"
                  + " changed, removed, tariff_reports, level_changes, skipped, message, took_ms)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, reload.at().toEpochMilli());
        insert.setString(2, JSON.writeValueAsString(by));
        insert.setString(3, reload.outcome());
        insert.setString(4, reload.version());
        insert.setInt(5, reload.articles());
        insert.setString(6, JSON.writeValueAsString(reload.added()));
        insert.setString(7, JSON.writeValueAsString(reload.changed()));
        insert.setString(8, JSON.writeValueAsString(reload.removed()));
        insert.setString(9, JSON.writeValueAsString(reload.tariffReports()));
        insert.setString(10, JSON.writeValueAsString(reload.levelChanges()));
        insert.setInt(11, reload.skipped());
        insert.setString(12, reload.message());
        insert.setLong(13, reload.took().toMillis());
        insert.executeUpdate();
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new FeedbackException("cannot record a reload in " + file + ": " + message(e), e);
    }
  }

  /**
   * The declined questions and voted-down answers of the last {@code period}, at most {@code limit}
   * of each.
   *
   * @throws FeedbackException when the database cannot be read
   */
  public synchronized Report report(Duration period, int limit) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a report's period must be positive: " + period);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("a report lists at least one row: " + limit);
    }
    Instant to = clock.instant();
    Instant from = to.minus(period);
    try {
      purge();
      long since = from.toEpochMilli();
      return new Report(
          from,
          to,
          count("SELECT COUNT(*) FROM answers WHERE asked_at >= ?", since),
          count("SELECT COUNT(*) FROM answers WHERE outcome = 'declined' AND asked_at >= ?", since),
          count(
              "SELECT COUNT(DISTINCT a.id) FROM answers a JOIN votes v ON v.answer_id = a.id"
                  + " WHERE v.vote < 0 AND a.asked_at >= ?",
              since),
          declined(since, limit),
          count(
              "SELECT COUNT(*) FROM answers WHERE outcome = 'declined' AND question IS NULL"
                  + " AND asked_at >= ?",
              since),
          disliked(since, limit),
          reloads(since, limit));
    } catch (SQLException | JsonProcessingException e) {
      throw new FeedbackException("cannot read the report from " + file + ": " + message(e), e);
    }
  }

  private int count(String sql, long since) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setLong(1, since);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  private List<Report.Declined> declined(long since, int limit) throws SQLException {
    // SQLite gives the bare column (question) of the row that holds MAX(asked_at): the last
    // wording.
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT question, COUNT(*) AS times, MAX(asked_at) AS last FROM answers"
                + " WHERE outcome = 'declined' AND question IS NOT NULL AND asked_at >= ?"
                + " GROUP BY lower(trim(question)) ORDER BY times DESC, last DESC LIMIT ?")) {
      q.setLong(1, since);
      q.setInt(2, limit);
      List<Report.Declined> out = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(
              new Report.Declined(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3))));
        }
      }
      return out;
    }
  }

  private List<Report.Disliked> disliked(long since, int limit)
      throws SQLException, JsonProcessingException {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT a.id, a.question, a.lead, SUM(v.vote < 0) AS down, SUM(v.vote > 0) AS up,"
                + " a.kb_version, a.passages FROM answers a JOIN votes v ON v.answer_id = a.id"
                + " WHERE a.asked_at >= ? GROUP BY a.id HAVING down > 0"
                + " ORDER BY down DESC, up ASC, a.asked_at DESC LIMIT ?")) {
      q.setLong(1, since);
      q.setInt(2, limit);
      List<Report.Disliked> out = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String question = r.getString(2);
          out.add(
              new Report.Disliked(
                  r.getString(1),
                  question == null ? "" : question,
                  r.getString(3),
                  r.getInt(4),
                  r.getInt(5),
                  r.getString(6),
                  JSON.readValue(r.getString(7), PASSAGES)));
        }
      }
      return out;
    }
  }

  private List<Reload> reloads(long since, int limit) throws SQLException, JsonProcessingException {
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT at, requested_by, outcome, kb_version, articles, added, changed, removed,"
                + " tariff_reports, level_changes, skipped, message, took_ms FROM reloads"
                + " WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?")) {
      q.setLong(1, since);
      q.setInt(2, limit);
      List<Reload> out = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          List<Reload.Requester> by = new ArrayList<>();
          for (Map<String, String> row : JSON.readValue(r.getString(2), REQUESTERS)) {
            by.add(new Reload.Requester(row.get("via"), row.get("user_hash")));
          }
          out.add(
              new Reload(
                  Instant.ofEpochMilli(r.getLong(1)),
                  by,
                  r.getString(3),
                  r.getString(4),
                  r.getInt(5),
                  JSON.readValue(r.getString(6), STRINGS),
                  JSON.readValue(r.getString(7), STRINGS),
                  JSON.readValue(r.getString(8), STRINGS),
                  JSON.readValue(r.getString(9), STRINGS),
                  JSON.readValue(r.getString(10), STRINGS),
                  r.getInt(11),
                  r.getString(12),
                  Duration.ofMillis(r.getLong(13))));
        }
      }
      return out;
    }
  }

  /** Deletes answers (and their votes) and reloads older than the retention period. */
  private void purge() throws SQLException {
    Instant now = clock.instant();
    long before = now.minus(Duration.ofDays(privacy.retentionDays())).toEpochMilli();
    for (String sql :
        List.of("DELETE FROM answers WHERE asked_at < ?", "DELETE FROM reloads WHERE at < ?")) {
      try (PreparedStatement delete = db.prepareStatement(sql)) {
        delete.setLong(1, before);
        delete.executeUpdate();
      }
    }
    purgedAt = now;
  }

  private String newId() {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_LETTERS[random.nextInt(ID_LETTERS.length)];
    }
    return new String(id);
  }

  /** The key of the user hashes, made at the database's first open and kept in it. */
  private byte[] hashKey() throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("SELECT value FROM meta WHERE key = 'user_hash_key'")) {
      try (ResultSet r = q.executeQuery()) {
        if (r.next()) {
          return HexFormat.of().parseHex(r.getString(1));
        }
      }
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    try (PreparedStatement put =
        db.prepareStatement(
            "INSERT INTO meta (key, value) VALUES ('user_hash_key', ?) ON CONFLICT DO NOTHING")) {
      put.setString(1, HexFormat.of().formatHex(key));
      put.executeUpdate();
    }
    return hashKey(); // another process may have made it first
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private String hash(String platform, String user) {
    byte[] h = userHash.doFinal((platform + "\n" + user).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Closes the database; a temporary one is deleted. */
  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new FeedbackException("cannot close " + file + ": " + message(e), e);
    } finally {
      if (temporary) {
        for (String suffix : SIDE_FILES) {
          try {
            Files.deleteIfExists(Path.of(file + suffix));
          } catch (IOException e) {
            // a temporary file left behind is harmless
          }
        }
      }
    }
  }
}
