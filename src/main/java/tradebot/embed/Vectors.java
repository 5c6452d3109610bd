package tradebot.embed;

/** Small vector arithmetic on float arrays. Stateless. */
final class Vectors {
  private Vectors() {}

  /** {@code v} scaled to unit length (a copy); a zero vector stays zero. */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] out = v.clone();
    if (norm == 0) {
      return out;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < out.length; i++) {
      out[i] *= scale;
    }
    return out;
  }
}
