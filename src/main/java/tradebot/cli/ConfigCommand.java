package tradebot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.config.ConfigLoader;
import tradebot.config.TradebotConfig;

/** {@code tradebot config check}: validates the config and prints the effective one. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Configuration tools.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("tradebot config: say what to do, e.g. 'tradebot config check'");
    return 2;
  }

  /** Validates and prints; a bad file fails with the key and line, like any start-up would. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate config/tradebot.yaml and print the effective config, secrets masked.")
  static final class Check implements Callable<Integer> {
    @Mixin Options options;

    /** Read through a seam so that tests can give their own environment. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      TradebotConfig config = options.config();
      var file = config.configDir().resolve(ConfigLoader.FILE);
      out.println(
          Files.isRegularFile(file)
              ? "# " + file + ": OK"
              : "# " + file + " does not exist: the defaults apply");
      out.print(ConfigLoader.render(config));
      out.println("# secrets (from the environment, never from the file):");
      for (String name : TradebotConfig.SECRETS) {
        String v = env.get(name);
        out.println(
            "#   " + name + ": " + (v == null || v.isBlank() ? "not set" : "set (********)"));
      }
      return 0;
    }
  }
}
