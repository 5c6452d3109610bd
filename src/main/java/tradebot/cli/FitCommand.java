package tradebot.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tradebot.answer.Fitter;

/**
 * {@code tradebot fit}: fits config/ranking.yaml to the question sets and reports cross-validated
 * results.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description =
        "Fit the ranking and decline weights (config/ranking.yaml) to question sets; print"
            + " cross-validated results.")
final class FitCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "config",
      description = "Config directory whose ranking.yaml is written (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(
      names = "--sets",
      paramLabel = "FILE",
      defaultValue = "src/test/resources/eval/sets.yaml",
      description = "The question sets and their knowledge (default: ${DEFAULT-VALUE}).")
  Path sets;

  @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds.")
  int folds;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the folds.")
  long seed;

  @Option(names = "--ablation", description = "Also refit with each feature left out in turn.")
  boolean ablation;

  @Option(names = "--mistakes", description = "Also list the questions cross-validation got wrong.")
  boolean listMistakes;

  @Override
  public Integer call() throws Exception {
    if (folds < 2) {
      throw new IllegalArgumentException("--folds must be at least 2: " + folds);
    }
    Fitter fitter = new Fitter(configDir);
    for (Fitter.QuestionSet set : Fitter.readSets(sets)) {
      System.err.println("fit: looking up " + set.name() + " (" + set.questions() + ")");
      fitter.add(set, Clock.systemUTC());
    }
    fitter.fitAndWrite(folds, seed, ablation).forEach(System.out::println);
    if (listMistakes) {
      fitter.mistakes().forEach(m -> System.out.println("  " + m));
    }
    System.out.println("wrote " + configDir.resolve(tradebot.config.ConfigFiles.RANKING));
    return 0;
  }
}
