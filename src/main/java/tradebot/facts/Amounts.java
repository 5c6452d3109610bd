package tradebot.facts;

import java.util.Optional;
import tradebot.knowledge.Figure;
import tradebot.knowledge.FigureExtractor;

/**
 * Amounts of money in a question's words ("the tariff on the $200 billion of goods"), read by the
 * figure extractor ingestion uses (events' amounts are the figures ingestion already extracted:
 * {@link TariffEvent#coveredAmount}): one grammar for money, and "$250 billion" and "$250bn" are
 * the same amount. Thread-safe.
 */
final class Amounts {
  private static final FigureExtractor FIGURES = new FigureExtractor();

  /** Relative difference within which two amounts are the same ("$34 billion", "$34.0bn"). */
  private static final double SAME = 0.005;

  private Amounts() {}

  /** The first amount of money in {@code text} from {@code start} to {@code end}, in units. */
  static Optional<Double> money(String text, int start, int end) {
    return FIGURES.extract(text, start, end).stream()
        .filter(f -> f.kind() == Figure.Kind.MONEY)
        .map(Figure::value)
        .findFirst();
  }

  /** Whether two amounts are the same, within rounding. */
  static boolean same(double a, double b) {
    return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * SAME;
  }
}
