package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatReply;

class SlackRendererTest {

  private static ChatReply answer(String lead, List<ChatReply.Quote> quotes, List<String> lines) {
    return ChatReply.of(ChatReply.Status.ANSWER, lead)
        .quotes(quotes)
        .figures(List.of("125% (percent) [1]"))
        .sources(
            List.of(
                new ChatReply.SourceLine(
                    1,
                    "Bloomberg",
                    LocalDate.of(2025, 4, 11),
                    "China matches US",
                    "https://example.com/a?x=1&y=2")))
        .lines(lines)
        .footer("knowledge base v1 · 4 articles")
        .build();
  }

  private static List<String> texts(List<LayoutBlock> blocks) {
    List<String> out = new ArrayList<>();
    for (LayoutBlock b : blocks) {
      if (b instanceof SectionBlock s) {
        out.add(s.getText().getText());
      } else if (b instanceof ContextBlock c) {
        c.getElements().forEach(e -> out.add(((MarkdownTextObject) e).getText()));
      }
    }
    return out;
  }

  @Test
  void rendersEchoLeadQuoteFiguresSourcesAndFooterInOrder() {
    ChatReply reply =
        answer(
            "China's tariff on US goods: 125%",
            List.of(new ChatReply.Quote(1, "Beijing hiked tariffs on all US goods to 125%.")),
            List.of());

    SlackRenderer.Rendered r = SlackRenderer.render(reply, "/ask what tariff?");

    assertEquals(
        List.of(
            "/ask what tariff?",
            "*China's tariff on US goods: 125%*",
            "> \u201CBeijing hiked tariffs on all US goods to 125%.\u201D [1]",
            "*Figures:* 125% (percent) [1]",
            "*Sources*\n[1] Bloomberg, 2025-04-11, <https://example.com/a?x=1&amp;y=2|China matches US>",
            "knowledge base v1 · 4 articles"),
        texts(r.blocks()));
    assertEquals("China's tariff on US goods: 125%", r.text());
  }

  @Test
  void mentionsAndBroadcastsInEchoedTextNotifyNobody() {
    String hostile = "<!channel> <!here> <!everyone> <@U123> <!subteam^S42|@team> @here & co";
    ChatReply reply = answer(hostile, List.of(new ChatReply.Quote(1, hostile)), List.of(hostile));

    SlackRenderer.Rendered r = SlackRenderer.render(reply, "/ask " + hostile);

    for (String t : texts(r.blocks())) {
      assertFalse(t.contains("<!"), t);
      assertFalse(t.contains("<@"), t);
      assertFalse(t.contains("@here"), t);
    }
    assertEquals(
        "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; &lt;!subteam^S42|@team&gt; @\u2060here &amp; co",
        SlackRenderer.escape(hostile));
    assertFalse(r.text().contains("<!channel>"));
    for (LayoutBlock b : r.blocks()) {
      if (b instanceof SectionBlock s) {
        assertTrue(((MarkdownTextObject) s.getText()).getVerbatim(), "sections are verbatim");
      }
    }
  }

  @Test
  void longQuoteIsSplitIntoSectionsOfAtMost3000CharactersBetweenWords() {
    String words =
        IntStream.range(0, 900).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    ChatReply reply = answer("lead", List.of(new ChatReply.Quote(1, words)), List.of());

    List<String> quoteTexts =
        texts(SlackRenderer.render(reply, "").blocks()).stream()
            .filter(t -> t.startsWith("> "))
            .toList();

    assertEquals(3, quoteTexts.size());
    quoteTexts.forEach(t -> assertTrue(t.length() <= 3000, "length " + t.length()));
    String rejoined =
        quoteTexts.stream()
            .map(t -> t.substring(2).replace("\u201C", "").replace("\u201D [1]", ""))
            .collect(Collectors.joining(" "));
    assertEquals(words, rejoined);
  }

  @Test
  void splitCutsAWordOnlyWhenItAloneIsTooLongAndNeverInsideAnEscape() {
    assertEquals(
        List.of("aaaaaaa bbbbbbb", "ccccccc"), SlackRenderer.split("aaaaaaa bbbbbbb ccccccc", 16));
    String escaped = "x".repeat(14) + "&amp;" + "y".repeat(10);

    List<String> pieces = SlackRenderer.split(escaped, 16);

    assertEquals(List.of("x".repeat(14), "&amp;" + "y".repeat(10)), pieces);
  }

  @Test
  void messageIsCappedAt50BlocksWithANoteAndTheFooterKept() {
    List<ChatReply.Quote> quotes =
        IntStream.rangeClosed(1, 80).mapToObj(i -> new ChatReply.Quote(i, "quote " + i)).toList();

    List<LayoutBlock> blocks =
        SlackRenderer.render(answer("lead", quotes, List.of()), "/ask q").blocks();

    assertEquals(50, blocks.size());
    List<String> texts = texts(blocks);
    assertEquals("_36 more parts are not shown: Slack allows 50 blocks a message._", texts.get(48));
    assertEquals("knowledge base v1 · 4 articles", texts.get(49));
  }

  @Test
  void manyLinesArePackedIntoFewSectionsWithoutSplittingALine() {
    // 100 lines of 100 characters: 29 fit in a section (2,928 characters with line breaks), 30 do
    // not.
    List<String> lines =
        IntStream.range(0, 100).mapToObj(i -> "line %03d ".formatted(i) + "x".repeat(91)).toList();
    ChatReply reply =
        ChatReply.of(ChatReply.Status.INFO, "I answer from 100 articles:").lines(lines).build();

    List<String> texts = texts(SlackRenderer.render(reply, "").blocks());

    assertEquals(5, texts.size());
    assertEquals(29 * 100 + 28, texts.get(1).length());
    assertEquals(String.join("\n", lines), String.join("\n", texts.subList(1, texts.size())));
    texts.forEach(t -> assertTrue(t.length() <= 3000));
  }

  @Test
  void onlyWebUrlsBecomeLinks() {
    ChatReply reply =
        ChatReply.of(ChatReply.Status.ANSWER, "lead")
            .sources(
                List.of(
                    new ChatReply.SourceLine(
                        1, "Outlet", LocalDate.of(2025, 1, 2), "Title", "javascript:alert(1)")))
            .build();

    assertEquals(
        List.of("*lead*", "*Sources*\n[1] Outlet, 2025-01-02, Title"),
        texts(SlackRenderer.render(reply, "").blocks()));
  }
}
