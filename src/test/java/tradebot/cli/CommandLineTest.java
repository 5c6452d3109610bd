package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.cli.ConfigCommandTest.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tradebot.Main;

class CommandLineTest {

  @Test
  void configGivenBeforeTheSubcommandIsTheOneChecked(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tradebot.yaml"), "server:\n  port: 9292\n");
    int[] code = new int[1];

    String out =
        capture(true, () -> code[0] = Main.run("--config", dir.toString(), "config", "check"));

    assertEquals(0, code[0]);
    assertTrue(out.startsWith("# " + dir.resolve("tradebot.yaml") + ": OK\n"), out);
    assertTrue(out.contains("  port: 9292\n"), out);
  }

  @Test
  void knowledgeAndDataBeforeTheSubcommandReachItAndAfterItWin() {
    String before =
        capture(
            true,
            () ->
                Main.run(
                    "--knowledge", "k1", "--data", "d1", "--config", "config", "config", "check"));
    assertTrue(before.contains("  dir: k1\n") && before.contains("data_dir: d1\n"), before);

    String both =
        capture(true, () -> Main.run("--knowledge", "k1", "config", "check", "--knowledge", "k2"));
    assertTrue(both.contains("  dir: k2\n"), both);
  }

  @Test
  void everyCommandPrintsItsHelp() {
    List<List<String>> paths = new ArrayList<>();
    CommandLine root = new CommandLine(new Main());
    Commands.register(root);
    collect(root, new ArrayList<>(), paths);
    assertTrue(paths.size() >= 15, "commands: " + paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      int[] code = new int[1];
      String out = capture(true, () -> code[0] = Main.run(args.toArray(String[]::new)));
      assertEquals(0, code[0], String.join(" ", args));
      List<String> name = new ArrayList<>(List.of("Usage:", "tradebot"));
      name.addAll(path);
      String usage = String.join(" ", name);
      assertTrue(out.startsWith(usage), String.join(" ", args) + ": " + out);
    }
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(path);
              next.add(name);
              collect(sub, next, out);
            });
  }
}
