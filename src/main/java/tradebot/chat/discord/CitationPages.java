package tradebot.chat.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import tradebot.chat.ChatReply;

/**
 * Every citation of a reply in full, for the "All citations" button: each source line followed by
 * its whole quote, packed into messages of one embed each; a quote too long for one embed is split
 * at word boundaries and continues in the next. Thread-safe (stateless).
 */
final class CitationPages {
  /** Room per page, below the 4,096 of a description so that a footer fits under 6,000. */
  static final int PAGE_MAX = 4000;

  /** At most this many messages: Discord allows five follow-ups in quick succession. */
  static final int PAGES_MAX = 5;

  private CitationPages() {}

  /** The messages showing all of {@code reply}'s citations, at least one. */
  static List<MessageCreateData> of(ChatReply shown) {
    ChatReply reply = DiscordRenderer.asWritten(shown);
    List<String> blocks = new ArrayList<>();
    for (ChatReply.Quote q : reply.quotes()) {
      String head =
          reply.sources().stream()
              .filter(s -> s.n() == q.n())
              .findFirst()
              .map(DiscordRenderer::source)
              .orElse("[" + q.n() + "]");
      String quote = DiscordRenderer.flat(q.text());
      String continued = head + " (continued)";
      int room = PAGE_MAX - continued.length() - "\n> ".length();
      List<String> parts = Fit.split(quote, Math.max(100, room));
      for (int i = 0; i < parts.size(); i++) {
        blocks.add((i == 0 ? head : continued) + "\n> " + parts.get(i));
      }
    }
    List<String> pages = new ArrayList<>();
    StringBuilder page = new StringBuilder();
    for (String block : blocks) {
      if (!page.isEmpty() && page.length() + 2 + block.length() > PAGE_MAX) {
        pages.add(page.toString());
        page.setLength(0);
      }
      page.append(page.isEmpty() ? "" : "\n\n").append(Fit.words(block, PAGE_MAX));
    }
    if (!page.isEmpty() || pages.isEmpty()) {
      pages.add(page.isEmpty() ? "This answer has no citations." : page.toString());
    }
    List<MessageCreateData> out = new ArrayList<>();
    int total = Math.min(pages.size(), PAGES_MAX);
    for (int i = 0; i < total; i++) {
      String footer =
          "Citations "
              + (i + 1)
              + "/"
              + total
              + (i == total - 1 && pages.size() > total
                  ? " · " + (pages.size() - total) + " more pages not shown"
                  : "");
      EmbedBuilder e = new EmbedBuilder().setDescription(pages.get(i)).setFooter(footer);
      out.add(
          new MessageCreateBuilder()
              .setEmbeds(e.build())
              .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
              .mentionRepliedUser(false)
              .build());
    }
    return out;
  }
}
