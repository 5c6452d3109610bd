package tradebot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradebot.answer.Answer;
import tradebot.answer.AnswerJson;
import tradebot.answer.AnswerText;

/** {@code tradebot ask}: answers one question, or one a line from standard input. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = "Answer a question (or one a line from stdin) from the sources.")
final class AskCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--json", description = "One JSON object a line.")
  boolean json;

  @Option(
      names = "--explain",
      description = "Show how the question is read and ranked (for tuning).")
  boolean explain;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUESTION",
      description = "The question; none: read questions from stdin.")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (App app = App.startOneShot(options.config())) {
      if (words != null && !words.isEmpty()) {
        print(out, app, String.join(" ", words));
        return 0;
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        print(out, app, line);
      }
    }
    return 0;
  }

  private void print(PrintStream out, App app, String question) {
    if (explain) {
      app.service().explain(question).forEach(out::println);
    }
    print(out, app.service().ask(question).answer());
  }

  private void print(PrintStream out, Answer answer) {
    out.println(json ? AnswerJson.toJsonLine(answer) : AnswerText.render(answer) + "\n");
  }
}
