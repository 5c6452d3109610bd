package tradebot.embed;

import java.util.List;

/**
 * Turns text into unit vectors whose dot product says how close two texts are in meaning: questions
 * with {@link #query}, article sentences with {@link #passages}. Implementations are thread-safe.
 */
public interface Embedder {

  /** The model's name, part of the index version: vectors of two models do not compare. */
  String model();

  /** The vectors' length. */
  int dimension();

  /** The vector of a question, unit length. */
  float[] query(String question);

  /** The vectors of article sentences, unit length, in the order given. */
  List<float[]> passages(List<String> texts);

  /**
   * How many texts the model itself has embedded so far (not counting those a cache answered): what
   * a reload costs.
   */
  long embedded();
}
