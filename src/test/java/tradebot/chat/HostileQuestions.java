package tradebot.chat;

import java.util.List;

/**
 * Hostile questions, each with a name: what users (or a copy-paste gone wrong) may send to any
 * adapter. Shared by the tests of the bot and of each adapter's rendering.
 */
public final class HostileQuestions {
  private HostileQuestions() {}

  /** A named hostile text. */
  public record Case(String name, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A question the seed articles answer, to embed in hostile wrapping. */
  public static final String GOOD = "Who led the US delegation to Beijing in May 2018?";

  private static final String QUERY_SYNTAX = "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ / AND OR NOT";

  /** Every case. */
  public static List<Case> all() {
    return List.of(
        new Case("empty", ""),
        new Case("blank", " \t\r\n\u00a0\u3000 "),
        new Case("one megabyte", "tariff ".repeat(150_000)),
        new Case("one megabyte, question first", GOOD + " " + "x".repeat(1 << 20)),
        new Case(
            "NUL and control characters",
            "\u0000\u0001\u0007\u001b[31m" + GOOD + "\u0000\u007f\u0085"),
        new Case("only control characters", "\u0000\u0001\u0002\u0003\u001b\u007f"),
        new Case("right-to-left override", "\u202e" + GOOD + "\u202c\u200f"),
        new Case(
            "right-to-left script", "من قاد الوفد الأمريكي إلى بكين؟ " + "מי הוביל את המשלחת?"),
        new Case("zero-width characters", GOOD.replace(" ", "\u200b \u200c\u200d\u2060\ufeff")),
        new Case("only zero-width characters", "\u200b\u200c\u200d\u2060\ufeff"),
        new Case("emoji around a question", "🇺🇸🇨🇳 " + GOOD + " 🤔💥👨‍👩‍👧"),
        new Case("only emoji", "🤔🤔🤔 💥"),
        new Case("lone surrogates", "\ud800 tariff \udfff on \udbff steel"),
        new Case("every query-syntax character", QUERY_SYNTAX),
        new Case("query syntax around a question", "title:* OR ((" + GOOD + ")) AND NOT \"x~2^3"),
        new Case("field and wildcard query", "outlet:CNN* published:[2018 TO 2019] tar?ff~"),
        new Case("backtracking bait", "how ".repeat(200) + "(((((((((((" + "a".repeat(300) + "!"),
        new Case("@everyone and @here", "@everyone @here " + GOOD),
        new Case(
            "Discord role and user mentions",
            "<@&123456789012345678> <@123456789012345678> <@!1> " + GOOD),
        new Case(
            "Slack broadcasts and mentions",
            "<!channel> <!here> <!everyone> <@U0123ABCD> <!subteam^S1|@team> " + GOOD),
        new Case("markdown link", "[click here](https://evil.example/phish) " + GOOD),
        new Case("code fence", "```\n@everyone\n```\n" + GOOD),
        new Case(
            "HTML and script", "<script>alert(1)</script><img src=x onerror=alert(2)> " + GOOD),
        new Case("SQL and shell", "'; DROP TABLE articles; -- $(rm -rf /) `id` " + GOOD),
        new Case("one long word", "x".repeat(999)));
  }
}
