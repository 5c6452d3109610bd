package tradebot.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One load of the knowledge base as the audit keeps it. Immutable.
 *
 * @param at when it finished
 * @param by the requests it served (a reload asked for while one is queued joins it)
 * @param outcome how it ended ({@code SWAPPED}, {@code UNCHANGED}, {@code REFUSED}, {@code FAILED})
 * @param version the knowledge-base version serving after it
 * @param articles articles serving after it
 * @param added article ids new in it
 * @param changed article ids whose file changed
 * @param removed article ids no longer loaded
 * @param tariffReports the new tariff reports, one line each with its citation
 * @param levelChanges the latest levels that moved, one line each
 * @param skipped files skipped as broken
 * @param message the one line people were told
 * @param took how long the build took
 */
public record Reload(
    Instant at,
    List<Requester> by,
    String outcome,
    String version,
    int articles,
    List<String> added,
    List<String> changed,
    List<String> removed,
    List<String> tariffReports,
    List<String> levelChanges,
    int skipped,
    String message,
    Duration took) {

  /**
   * Who asked, and through what.
   *
   * @param via {@code discord}, {@code slack}, {@code api}, {@code console}, {@code start}, {@code
   *     watch}, ...
   * @param who the user id when recording; when read back from the store, its keyed hash
   */
  public record Requester(String via, String who) {
    public Requester {
      Objects.requireNonNull(via, "via");
      Objects.requireNonNull(who, "who");
    }
  }

  public Reload {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(took, "took");
    by = List.copyOf(by);
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    tariffReports = List.copyOf(tariffReports);
    levelChanges = List.copyOf(levelChanges);
  }
}
