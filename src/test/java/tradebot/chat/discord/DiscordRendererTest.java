package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatReply;

class DiscordRendererTest {
  private static final String FOOTER = "knowledge base 3f2a9c · 4 articles · loaded 2025-04-12";

  private static ChatReply answer(List<String> quotes, int sources) {
    List<ChatReply.Quote> qs = new ArrayList<>();
    for (int i = 0; i < quotes.size(); i++) {
      qs.add(new ChatReply.Quote(i + 1, quotes.get(i)));
    }
    List<ChatReply.SourceLine> ss =
        IntStream.rangeClosed(1, sources)
            .mapToObj(
                n ->
                    new ChatReply.SourceLine(
                        n,
                        "Associated Press",
                        LocalDate.of(2018, 5, 4),
                        "US, China end talks [day " + n + "]",
                        "https://apnews.com/article/" + n))
            .toList();
    return ChatReply.of(ChatReply.Status.ANSWER, "Steven Mnuchin led the US delegation.")
        .quotes(qs)
        .figures(List.of("125% (percent) [1]"))
        .sources(ss)
        .footer(FOOTER)
        .build();
  }

  private static String words(int n, String seed) {
    return IntStream.range(0, n).mapToObj(i -> seed + i).reduce((a, b) -> a + " " + b).orElse("");
  }

  @Test
  void answerHasLeadQuotesWithCitationsSourcesAndFooter() {
    ChatReply reply = answer(List.of("Treasury Secretary Steven Mnuchin led the delegation."), 1);
    MessageEmbed e = DiscordRenderer.embed(reply);
    assertEquals(
        "Steven Mnuchin led the US delegation.\n\n> Treasury Secretary Steven Mnuchin led the delegation. [1]",
        e.getDescription());
    assertEquals("Figures", e.getFields().get(0).getName());
    assertEquals("125% (percent) [1]", e.getFields().get(0).getValue());
    assertEquals("Sources", e.getFields().get(1).getName());
    assertEquals(
        "[1] [US, China end talks (day 1)](https://apnews.com/article/1) · Associated Press · 2018-05-04",
        e.getFields().get(1).getValue());
    assertEquals(FOOTER, e.getFooter().getText());
  }

  @Test
  void markdownInAQuoteOrTitleShowsAsWrittenWhileTheRenderersOwnQuoteAndLinkStay() {
    ChatReply reply =
        ChatReply.of(ChatReply.Status.ANSWER, "The *new* rate")
            .quotes(List.of(new ChatReply.Quote(1, "Tariffs on __steel__ and ~~aluminum~~ rose.")))
            .sources(
                List.of(
                    new ChatReply.SourceLine(
                        1,
                        "Trade_Wire",
                        LocalDate.of(2025, 4, 9),
                        "The **big** one",
                        "https://example.com/a_b_c")))
            .footer(FOOTER)
            .build();
    MessageEmbed e = DiscordRenderer.embed(DiscordRenderer.asWritten(reply));
    assertEquals(
        "The \\*new\\* rate\n\n> Tariffs on \\_\\_steel\\_\\_ and \\~~aluminum\\~~ rose. [1]",
        e.getDescription());
    assertEquals(
        "[1] [The \\*\\*big\\*\\* one](https://example.com/a_b_c) · Trade_Wire · 2025-04-09",
        e.getFields().get(0).getValue());
    assertEquals(
        "The \\*new\\* rate",
        DiscordRenderer.create(ChatReply.text(ChatReply.Status.INFO, "The *new* rate", false), null)
            .getContent());
  }

  @Test
  void hugeQuotesAreTrimmedAtWordBoundariesWithinEveryLimit() {
    String q1 = words(2000, "alpha");
    String q2 = words(1500, "beta");
    String q3 = "Short quote stays whole.";
    MessageEmbed e = DiscordRenderer.embed(answer(List.of(q1, q2, q3), 3));
    String d = e.getDescription();
    assertTrue(d.length() <= DiscordRenderer.DESCRIPTION_MAX, "description " + d.length());
    assertTrue(e.getLength() <= DiscordRenderer.EMBED_TOTAL_MAX, "total " + e.getLength());
    assertTrue(e.isSendable());
    assertTrue(d.contains("> Short quote stays whole. [3]"));
    Matcher m = Pattern.compile("> (.*?)… \\[(\\d)]").matcher(d);
    int trimmed = 0;
    while (m.find()) {
      String kept = m.group(1);
      String original = m.group(2).equals("1") ? q1 : q2;
      assertTrue(original.startsWith(kept), "a prefix of the quote");
      assertEquals(
          ' ',
          original.charAt(kept.length()),
          "cut at a word boundary: " + kept.substring(kept.length() - 12));
      trimmed++;
    }
    assertEquals(2, trimmed);
  }

  @Test
  void manySourcesStayWithinTwentyFiveFieldsAndSixThousandCharacters() {
    MessageEmbed e = DiscordRenderer.embed(answer(List.of(words(900, "gamma")), 200));
    assertTrue(e.getFields().size() <= DiscordRenderer.FIELDS_MAX);
    assertTrue(
        e.getFields().stream()
            .allMatch(f -> f.getValue().length() <= DiscordRenderer.FIELD_VALUE_MAX));
    assertTrue(e.getLength() <= DiscordRenderer.EMBED_TOTAL_MAX, "total " + e.getLength());
    String lastField = e.getFields().getLast().getValue();
    assertTrue(lastField.matches("(?s).*… and \\d+ more"), lastField);
    assertTrue(e.getFields().stream().anyMatch(f -> f.getName().equals("Sources (continued)")));
  }

  @Test
  void longSourcesListIsCountedNotDropped() {
    List<String> lines =
        IntStream.range(0, 400).mapToObj(i -> "2018-05-04 · Outlet " + i + " · A title").toList();
    ChatReply sources =
        ChatReply.of(ChatReply.Status.INFO, "I answer from 400 articles:")
            .lines(lines)
            .footer(FOOTER)
            .build();
    MessageEmbed e = DiscordRenderer.embed(sources);
    assertTrue(e.getDescription().length() <= DiscordRenderer.DESCRIPTION_MAX);
    assertTrue(
        e.getDescription()
            .matches("(?s)I answer from 400 articles:\n\n2018-05-04 · Outlet 0 .*… and \\d+ more"));
  }

  @Test
  void everyMessageAllowsNoMentions() {
    ChatReply reply = answer(List.of("@everyone <@&1234> <@5678> tariffs"), 1);
    MessageCreateData create = DiscordRenderer.create(reply, "abc");
    assertTrue(create.getAllowedMentions().isEmpty());
    assertFalse(create.isMentionRepliedUser());
    MessageEditData edit = DiscordRenderer.edit(reply, "abc");
    assertTrue(edit.getAllowedMentions().isEmpty());
    assertTrue(edit.toData().getObject("allowed_mentions").getArray("parse").isEmpty());
    MessageCreateData notice = DiscordRenderer.notice("@everyone try again in 5 s.");
    assertTrue(notice.toData().getObject("allowed_mentions").getArray("parse").isEmpty());
    assertFalse(notice.toData().getObject("allowed_mentions").getBoolean("replied_user"));
  }

  @Test
  void oneLineRepliesAreContentAndAnswersGetTheCitationsButton() {
    MessageCreateData line =
        DiscordRenderer.create(ChatReply.text(ChatReply.Status.REFUSED, "No.", true), "k");
    assertEquals("No.", line.getContent());
    assertTrue(line.getEmbeds().isEmpty());
    assertTrue(line.getComponents().isEmpty());

    MessageCreateData withButton = DiscordRenderer.create(answer(List.of("A quote."), 1), "k1");
    Button b =
        (Button) ((ActionRow) withButton.getComponents().getFirst()).getComponents().getFirst();
    assertEquals(DiscordRenderer.CITATIONS_BUTTON + "k1", b.getCustomId());
    assertEquals("", withButton.getContent());
  }

  @Test
  void anEmptyReplyStillMakesASendableMessage() {
    MessageCreateData m =
        DiscordRenderer.create(ChatReply.text(ChatReply.Status.INFO, " ", false), null);
    assertEquals(DiscordRenderer.EMPTY, m.getContent());
    ChatReply fileOnly =
        ChatReply.of(ChatReply.Status.INFO, "")
            .attachment(new ChatReply.Attachment("data.csv", "text/csv", new byte[] {1}))
            .build();
    assertEquals(DiscordRenderer.EMPTY, DiscordRenderer.embed(fileOnly).getDescription());
  }

  @Test
  void contentIsCutToTwoThousandAtAWord() {
    String lead = words(600, "w");
    MessageCreateData m =
        DiscordRenderer.create(ChatReply.text(ChatReply.Status.ERROR, lead, true), null);
    assertTrue(m.getContent().length() <= DiscordRenderer.CONTENT_MAX);
    String kept = m.getContent().substring(0, m.getContent().length() - 1);
    assertEquals(' ', lead.charAt(kept.length()));
  }

  @Test
  void aChartIsAttachedAndShownInTheEmbed() {
    ChatReply tariff =
        ChatReply.of(ChatReply.Status.INFO, "US tariffs on Chinese goods: 145%.")
            .lines(List.of("2025-04-10 · 145%"))
            .footer(FOOTER)
            .attachment(new ChatReply.Attachment("tariffs.png", "image/png", new byte[] {1, 2, 3}))
            .build();
    MessageCreateData m = DiscordRenderer.create(tariff, "k");
    assertEquals("tariffs.png", m.getFiles().getFirst().getName());
    assertEquals("attachment://tariffs.png", m.getEmbeds().getFirst().getImage().getUrl());
    assertTrue(m.getComponents().isEmpty(), "no citations, no button");
    assertEquals(1, DiscordRenderer.edit(tariff, null).getFiles().size());
  }

  @Test
  void sharesGiveShortOnesAllAndSplitTheRestEvenly() {
    int[] s = DiscordRenderer.shares(new int[] {5000, 100, 3000}, 2100);
    assertEquals(100, s[1]);
    assertEquals(1000, s[0]);
    assertEquals(1000, s[2]);
  }

  @Test
  void citationPagesHoldEveryWordOfEveryQuote() {
    String q1 = words(1500, "delta");
    String q2 = "A short one.";
    ChatReply reply = answer(List.of(q1, q2), 2);
    List<MessageCreateData> pages = CitationPages.of(reply);
    List<String> quoted = new ArrayList<>();
    for (MessageCreateData p : pages) {
      MessageEmbed e = p.getEmbeds().getFirst();
      assertTrue(e.getDescription().length() <= DiscordRenderer.DESCRIPTION_MAX);
      assertTrue(e.getLength() <= DiscordRenderer.EMBED_TOTAL_MAX);
      assertTrue(p.getAllowedMentions().isEmpty());
      e.getDescription()
          .lines()
          .filter(l -> l.startsWith("> "))
          .forEach(l -> quoted.add(l.substring(2)));
    }
    assertTrue(pages.size() >= 3, "pages: " + pages.size());
    assertTrue((q1 + " " + q2).equals(String.join(" ", quoted)), "every word, in order, none cut");
  }
}
