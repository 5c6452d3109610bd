package tradebot.corpus;

import java.time.Duration;
import java.util.List;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.knowledge.LoadError;

/**
 * The outcome of a (re)load of the knowledge base. Immutable.
 *
 * @param outcome whether the new corpus is now serving
 * @param version the version now serving
 * @param added article ids new in this load
 * @param changed article ids whose file changed
 * @param removed article ids no longer loaded
 * @param articles articles now serving
 * @param passages passages now serving
 * @param figures figures now serving
 * @param errors files skipped, each with why
 * @param message one line for people: what happened
 * @param took how long the build took
 * @param tariffEvents tariff events read from the added and changed articles that the corpus
 *     replaced did not hold, oldest first
 * @param levelChanges the directions whose latest level in effect is not what it was
 */
public record ReloadReport(
    Outcome outcome,
    String version,
    List<String> added,
    List<String> changed,
    List<String> removed,
    int articles,
    int passages,
    int figures,
    List<LoadError> errors,
    String message,
    Duration took,
    List<TariffEvent> tariffEvents,
    List<LevelChange> levelChanges) {

  /**
   * A direction's latest level in effect, before and after the load.
   *
   * @param before the event that set the level before, or null when there was none
   * @param after the event that sets it now, or null when there is none
   */
  public record LevelChange(
      TariffTimeline.Direction direction, TariffEvent before, TariffEvent after) {}

  /** How a reload ended. */
  public enum Outcome {
    /** The new corpus serves. */
    SWAPPED,
    /** Nothing changed: the corpus serving was kept. */
    UNCHANGED,
    /** The new corpus was refused (no articles): the old one keeps serving. */
    REFUSED,
    /** The build failed: the old one keeps serving. */
    FAILED
  }

  public ReloadReport {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    errors = List.copyOf(errors);
    tariffEvents = List.copyOf(tariffEvents);
    levelChanges = List.copyOf(levelChanges);
  }

  /** Whether the corpus serving now is the one this load asked for. */
  public boolean ok() {
    return outcome == Outcome.SWAPPED || outcome == Outcome.UNCHANGED;
  }
}
