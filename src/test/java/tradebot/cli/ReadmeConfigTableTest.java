package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tradebot.cli.ConfigCommandTest.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tradebot.Main;

/**
 * README's configuration table says what {@code ./tradebot config check} prints for the shipped
 * {@code config/}: the same keys, every default the same. A change to a default, in the code or in
 * {@code config/tradebot.yaml}, fails here until the README says it too.
 */
class ReadmeConfigTableTest {

  @Test
  void everyDefaultInTheReadmesConfigTableIsWhatConfigCheckPrints() throws Exception {
    int[] code = new int[1];
    String out = capture(true, () -> code[0] = Main.run("config", "check"));
    assertEquals(0, code[0], out);
    String yaml =
        out.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
    Map<String, String> printed = new TreeMap<>();
    flatten("", new YAMLMapper().readTree(yaml), printed);

    assertEquals(printed, readmeTable(Path.of("README.md")));
  }

  /** Key and default of each row of the table under "## Configuration", backticks dropped. */
  static Map<String, String> readmeTable(Path readme) throws Exception {
    List<String> lines = Files.readAllLines(readme);
    int at = lines.indexOf("## Configuration");
    Map<String, String> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines.subList(at + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| `")) {
        inTable = true;
        String[] cells = line.split(" \\| ");
        rows.put(unquote(cells[0].substring(2)), unquote(cells[1]));
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
  }

  /** Dotted keys to values as the README writes them: {@code []}, {@code ""}, else the text. */
  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e ->
                  flatten(
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      e.getValue(),
                      out));
    } else if (node.isArray()) {
      out.put(
          prefix,
          StreamSupport.stream(node.spliterator(), false)
              .map(JsonNode::asText)
              .collect(Collectors.joining(", ", "[", "]")));
    } else {
      out.put(prefix, node.isTextual() && node.asText().isEmpty() ? "\"\"" : node.asText());
    }
  }
}
