package tradebot.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a question file: one JSON object a line, blank lines skipped. */
public final class QuestionFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private QuestionFile() {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file, line and problem
   */
  public static List<EvalQuestion> read(Path file) throws IOException {
    List<EvalQuestion> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        List<String> expect = new ArrayList<>();
        n.path("expect").forEach(e -> expect.add(e.asText()));
        out.add(
            new EvalQuestion(
                n.path("id").asText("line-" + (i + 1)),
                n.path("question").asText(),
                expect,
                n.path("cites").asText(""),
                n.path("kind").asText(""),
                n.path("abstain").asBoolean(false)));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
