package tradebot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.chat.console.ConsoleChat;

/** {@code tradebot chat}: the interactive console chat. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = "Chat in the console (the default when no platform token is set).")
final class ChatCommand implements Callable<Integer> {
  @Mixin Options options;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (App app = App.start(options.config())) {
      app.watchIfConfigured();
      app.startup().errors().forEach(e -> out.println("warning: skipped " + e));
      if (app.startup().articles() == 0) {
        out.println(
            "warning: no articles are loaded from "
                + app.config().knowledge().dir()
                + "; every question will be answered with 'no sources are loaded'");
      }
      new ConsoleChat(
              app.bot(),
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
              out,
              System.console() != null)
          .run();
    }
    return 0;
  }
}
