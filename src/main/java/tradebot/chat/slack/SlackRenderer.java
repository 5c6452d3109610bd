package tradebot.chat.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tradebot.chat.ChatReply;
import tradebot.feedback.Vote;

/**
 * Renders a {@link ChatReply} as Block Kit blocks in the reply's order: the echoed command, lead,
 * quotes, figures, sources, further lines, footer. Every text from outside (questions, quotes,
 * titles) is escaped, so {@code <!channel>}, {@code <@U123>} or {@code <!subteam^S1>} in it show as
 * text and notify nobody; texts are {@code verbatim} so Slack does not link names either. Sections
 * hold at most {@value #MAX_SECTION_CHARS} characters, split between words; a message holds at most
 * {@value #MAX_BLOCKS} blocks. Stateless and thread-safe.
 */
final class SlackRenderer {
  static final int MAX_SECTION_CHARS = 3000;
  static final int MAX_BLOCKS = 50;
  static final int MAX_FALLBACK_CHARS = 3000;

  /** A vote button's action id: this and "up" or "down"; its value is the answer's id. */
  static final String VOTE_ACTION = "tradebot_vote_";

  private static final Pattern BROADCAST =
      Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);
  // A word joiner after '@' keeps "@here" readable but no longer a keyword.
  private static final String WORD_JOINER = "\u2060";

  /** Blocks and the plain text Slack shows in notifications and where blocks cannot be shown. */
  record Rendered(List<LayoutBlock> blocks, String text) {
    Rendered {
      blocks = List.copyOf(blocks);
    }
  }

  private SlackRenderer() {}

  /**
   * Renders {@code reply}; {@code echo} (e.g. "/ask what is the tariff?") is shown above it so that
   * the channel sees what was asked, or nothing when it is empty.
   */
  static Rendered render(ChatReply reply, String echo) {
    List<LayoutBlock> body = new ArrayList<>();
    if (echo != null && !echo.isBlank()) {
      body.add(context(escape(echo.strip())));
    }
    String lead = escape(reply.lead());
    sections(lead.contains("*") || lead.isBlank() ? lead : "*" + lead + "*", body);
    for (ChatReply.Quote q : reply.quotes()) {
      quote(q, body);
    }
    if (!reply.figures().isEmpty()) {
      sections("*Figures:* " + escape(String.join(", ", reply.figures())), body);
    }
    if (!reply.sources().isEmpty()) {
      List<String> lines = new ArrayList<>(List.of("*Sources*"));
      for (ChatReply.SourceLine s : reply.sources()) {
        lines.add(source(s));
      }
      lineSections(lines, body);
    }
    if (!reply.lines().isEmpty()) {
      lineSections(reply.lines().stream().map(SlackRenderer::escape).toList(), body);
    }
    boolean votes = !reply.answerId().isEmpty();
    List<LayoutBlock> blocks = cap(body, (reply.footer().isEmpty() ? 0 : 1) + (votes ? 1 : 0));
    if (votes) {
      blocks.add(voteButtons(reply.answerId()));
    }
    if (!reply.footer().isEmpty()) {
      blocks.add(context(escape(reply.footer())));
    }
    return new Rendered(blocks, truncate(escape(reply.lead()), MAX_FALLBACK_CHARS));
  }

  /**
   * Escapes {@code &}, {@code <} and {@code >} as Slack asks, which turns every mention, broadcast
   * and link in {@code text} into plain text, and breaks plain {@code @channel}-style keywords.
   */
  static String escape(String text) {
    String s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return BROADCAST.matcher(s).replaceAll("@" + WORD_JOINER + "$1");
  }

  /**
   * Splits {@code text} into pieces of at most {@code max} characters, at a line break or else a
   * space; only a word longer than {@code max} is cut, and never inside an escape or a surrogate
   * pair.
   */
  static List<String> split(String text, int max) {
    if (max < 16) {
      throw new IllegalArgumentException("max must be at least 16: " + max);
    }
    List<String> pieces = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) {
        cut = lastSpace(rest, max);
      }
      if (cut <= 0) {
        cut = hardCut(rest, max);
      }
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || pieces.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  private static int lastSpace(String s, int max) {
    for (int i = max; i > 0; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int hardCut(String s, int max) {
    int cut = max;
    int amp = s.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp < 6 && s.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (Character.isLowSurrogate(s.charAt(cut)) && cut > 0) {
      cut--;
    }
    return cut > 0 ? cut : max;
  }

  private static void quote(ChatReply.Quote q, List<LayoutBlock> out) {
    String marker = " [" + q.n() + "]";
    List<String> pieces =
        split(
            escape(q.text().replaceAll("\\s*\\R\\s*", " ")),
            MAX_SECTION_CHARS - marker.length() - 4);
    for (int i = 0; i < pieces.size(); i++) {
      String open = i == 0 ? "\u201C" : "";
      String close = i == pieces.size() - 1 ? "\u201D" + marker : "";
      out.add(section("> " + open + pieces.get(i) + close));
    }
  }

  private static String source(ChatReply.SourceLine s) {
    String title = escape(s.title());
    String url = s.url() == null ? "" : s.url().strip();
    String lower = url.toLowerCase(Locale.ROOT);
    boolean linkable =
        (lower.startsWith("https://") || lower.startsWith("http://")) && !url.matches(".*\\s.*");
    String shown = linkable ? "<" + escape(url).replace("|", "%7C") + "|" + title + ">" : title;
    return "[" + s.n() + "] " + escape(s.outlet()) + ", " + s.published() + ", " + shown;
  }

  private static void sections(String text, List<LayoutBlock> out) {
    for (String piece : split(text, MAX_SECTION_CHARS)) {
      out.add(section(piece));
    }
  }

  /** Whole lines packed into as few sections as fit; only a line too long alone is split. */
  private static void lineSections(List<String> lines, List<LayoutBlock> out) {
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (!current.isEmpty() && current.length() + 1 + line.length() > MAX_SECTION_CHARS) {
        sections(current.toString(), out);
        current.setLength(0);
      }
      if (!current.isEmpty()) {
        current.append('\n');
      }
      current.append(line);
    }
    if (!current.isEmpty()) {
      sections(current.toString(), out);
    }
  }

  /** The 👍 and 👎 buttons of an answer: action ids {@link #VOTE_ACTION} + "up" or "down". */
  private static ActionsBlock voteButtons(String answerId) {
    List<BlockElement> buttons = new ArrayList<>();
    for (Vote v : Vote.values()) {
      buttons.add(
          ButtonElement.builder()
              .actionId(VOTE_ACTION + v.label())
              .value(answerId)
              .text(PlainTextObject.builder().text(v.emoji()).emoji(true).build())
              .build());
    }
    return ActionsBlock.builder().blockId("tradebot_votes").elements(buttons).build();
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(text(mrkdwn)).build();
  }

  private static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder()
        .elements(List.of(text(truncate(mrkdwn, MAX_SECTION_CHARS))))
        .build();
  }

  private static MarkdownTextObject text(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
  }

  /** The blocks, cut to leave room for {@code reserved} more, with a note when some were cut. */
  private static List<LayoutBlock> cap(List<LayoutBlock> blocks, int reserved) {
    int room = MAX_BLOCKS - reserved;
    if (blocks.size() <= room) {
      return new ArrayList<>(blocks);
    }
    List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, room - 1));
    int dropped = blocks.size() - kept.size();
    kept.add(
        context(
            "_"
                + dropped
                + " more parts are not shown: Slack allows "
                + MAX_BLOCKS
                + " blocks a message._"));
    return kept;
  }

  private static String truncate(String text, int max) {
    List<String> pieces = split(text, max - 1);
    return pieces.size() == 1 ? pieces.getFirst() : pieces.getFirst() + "\u2026";
  }
}
