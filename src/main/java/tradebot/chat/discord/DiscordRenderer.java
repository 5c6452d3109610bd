package tradebot.chat.discord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import tradebot.chat.ChatReply;
import tradebot.feedback.Vote;

/**
 * Renders a {@link ChatReply} as a Discord message: one embed with the lead and the quotes (each
 * with its {@code [n]}) in the description, figures and sources in fields, the knowledge base in
 * the footer; within Discord's limits, trimming quotes at word boundaries. Every message it makes
 * allows no mentions at all. Adds and reorders nothing. Thread-safe (stateless).
 */
final class DiscordRenderer {
  // Discord's limits, as JDA states them.
  static final int CONTENT_MAX = Message.MAX_CONTENT_LENGTH;
  static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH;
  static final int FIELDS_MAX = MessageEmbed.MAX_FIELD_AMOUNT;
  static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH;
  static final int FOOTER_MAX = MessageEmbed.TEXT_MAX_LENGTH;
  static final int EMBED_TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;

  /** Fields get at least this much of the 6,000 when they need it, however long the quotes. */
  static final int FIELDS_FLOOR = 1500;

  static final String CITATIONS_BUTTON = "tradebot:citations:";
  static final String ALL_CITATIONS = "All citations";

  /** A vote button's id: this, "up" or "down", ":" and the answer's id. */
  static final String VOTE_BUTTON = "tradebot:vote:";

  /** What a reply with nothing in it shows: Discord refuses empty messages and embeds. */
  static final String EMPTY = "(no content)";

  private static final int LEAD_MAX = 1024;
  private static final int TITLE_MAX = 200;
  private static final int URL_MAX = 512;

  private DiscordRenderer() {}

  /**
   * The message for {@code reply}. A reply of one line becomes plain content; anything more an
   * embed. {@code citationsKey}, when not null and the reply has quotes, adds the button that shows
   * all citations.
   */
  static MessageCreateData create(ChatReply shown, String citationsKey) {
    ChatReply reply = asWritten(shown);
    MessageCreateBuilder b = new MessageCreateBuilder();
    if (isOneLine(reply)) {
      // Discord refuses an empty message.
      b.setContent(reply.lead().isBlank() ? EMPTY : Fit.words(reply.lead(), CONTENT_MAX));
    } else {
      b.setEmbeds(embed(reply));
    }
    List<Button> buttons = new ArrayList<>();
    if (citationsKey != null && !reply.quotes().isEmpty()) {
      buttons.add(Button.secondary(CITATIONS_BUTTON + citationsKey, ALL_CITATIONS));
    }
    if (!reply.answerId().isEmpty()) {
      for (Vote v : Vote.values()) {
        buttons.add(
            Button.secondary(
                VOTE_BUTTON + v.label() + ":" + reply.answerId(), Emoji.fromUnicode(v.emoji())));
      }
    }
    if (!buttons.isEmpty()) {
      b.setComponents(ActionRow.of(buttons));
    }
    if (reply.attachment() != null) {
      b.setFiles(FileUpload.fromData(reply.attachment().data(), reply.attachment().filename()));
    }
    return noMentions(b).build();
  }

  /** The same message as {@link #create}, as an edit that replaces a deferred reply. */
  static MessageEditData edit(ChatReply reply, String citationsKey) {
    MessageEditBuilder b = MessageEditBuilder.fromCreateData(create(reply, citationsKey));
    b.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionRepliedUser(false);
    return b.build();
  }

  /** A one-line notice (rate limits, refusals, errors). */
  static MessageCreateData notice(String text) {
    return noMentions(
            new MessageCreateBuilder()
                .setContent(Fit.words(MarkdownSanitizer.escape(text), CONTENT_MAX)))
        .build();
  }

  /**
   * {@code reply} with every text in it escaped where Discord would read it as markdown (JDA's
   * {@link MarkdownSanitizer}), so that a quote's {@code *}, {@code _}, {@code ~~} or {@code ||}
   * shows as the article wrote it: the reply is plain text, and the renderer adds the only markup
   * (block quotes, links). Links' addresses are left as they are.
   */
  static ChatReply asWritten(ChatReply reply) {
    return new ChatReply(
        reply.status(),
        MarkdownSanitizer.escape(reply.lead()),
        reply.quotes().stream()
            .map(q -> new ChatReply.Quote(q.n(), MarkdownSanitizer.escape(q.text())))
            .toList(),
        reply.figures().stream().map(MarkdownSanitizer::escape).toList(),
        reply.sources().stream()
            .map(
                s ->
                    new ChatReply.SourceLine(
                        s.n(), escape(s.outlet()), s.published(), escape(s.title()), s.url()))
            .toList(),
        reply.lines().stream().map(MarkdownSanitizer::escape).toList(),
        MarkdownSanitizer.escape(reply.footer()),
        reply.attachment(),
        reply.ephemeral(),
        reply.answerId());
  }

  private static String escape(String text) {
    return text == null ? null : MarkdownSanitizer.escape(text);
  }

  private static MessageCreateBuilder noMentions(MessageCreateBuilder b) {
    return b.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionRepliedUser(false);
  }

  private static boolean isOneLine(ChatReply r) {
    return r.quotes().isEmpty()
        && r.figures().isEmpty()
        && r.sources().isEmpty()
        && r.lines().isEmpty()
        && r.footer().isEmpty()
        && r.attachment() == null;
  }

  /** The embed for {@code reply}, within every embed limit. */
  static MessageEmbed embed(ChatReply reply) {
    EmbedBuilder e = new EmbedBuilder().setColor(color(reply.status()));
    String footer = Fit.words(reply.footer(), FOOTER_MAX);
    if (!footer.isEmpty()) {
      e.setFooter(footer);
    }
    int descriptionWanted = description(reply, Integer.MAX_VALUE).length();
    int fieldsBudget =
        Math.max(FIELDS_FLOOR, EMBED_TOTAL_MAX - footer.length() - descriptionWanted);
    List<MessageEmbed.Field> fields =
        fields(reply, Math.min(fieldsBudget, EMBED_TOTAL_MAX - footer.length()));
    int used = footer.length();
    for (MessageEmbed.Field f : fields) {
      e.addField(f);
      used += f.getName().length() + f.getValue().length();
    }
    e.setDescription(description(reply, Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - used)));
    if (reply.attachment() != null && reply.attachment().contentType().startsWith("image/")) {
      e.setImage("attachment://" + reply.attachment().filename());
    }
    if (e.isEmpty()) {
      e.setDescription(EMPTY);
    }
    return e.build();
  }

  /** Lead, quotes and further lines within {@code max} characters; quotes share what is left. */
  static String description(ChatReply reply, int max) {
    String lead = Fit.words(reply.lead(), Math.min(LEAD_MAX, max));
    List<ChatReply.Quote> quotes = reply.quotes();
    List<String> lines = reply.lines();
    StringBuilder sb = new StringBuilder(lead);
    int left = max - lead.length();
    if (quotes.isEmpty()) {
      if (!lines.isEmpty() && left > 2) {
        sb.append(lead.isEmpty() ? "" : "\n\n").append(Fit.lines(lines, left - 2));
      }
      return sb.toString();
    }
    // Notes under an answer are short; they get what they need up to a quarter of the space.
    String noteText = Fit.lines(lines, Math.max(0, left / 4 - 2));
    String notes = noteText.isEmpty() ? "" : "\n\n" + noteText;
    left -= notes.length();
    List<String> marks = quotes.stream().map(q -> " [" + q.n() + "]").toList();
    int overhead = 0;
    for (String m : marks) {
      overhead += "\n\n> ".length() + m.length();
    }
    int[] share =
        shares(quotes.stream().mapToInt(q -> flat(q.text()).length()).toArray(), left - overhead);
    for (int i = 0; i < quotes.size(); i++) {
      sb.append("\n\n> ")
          .append(Fit.words(flat(quotes.get(i).text()), share[i]))
          .append(marks.get(i));
    }
    return sb.append(notes).toString();
  }

  /**
   * Splits {@code budget} among {@code wants}: short ones get all they want, long ones an equal
   * rest.
   */
  static int[] shares(int[] wants, int budget) {
    int[] share = new int[wants.length];
    int left = Math.max(0, budget);
    List<Integer> order =
        IntStream.range(0, wants.length)
            .boxed()
            .sorted(Comparator.comparingInt(i -> wants[i]))
            .toList();
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      share[i] = Math.min(wants[i], left / (order.size() - k));
      left -= share[i];
    }
    return share;
  }

  /**
   * Figures, then sources, as fields of at most 1,024 characters, at most 25, within {@code
   * budget}.
   */
  static List<MessageEmbed.Field> fields(ChatReply reply, int budget) {
    List<MessageEmbed.Field> out = new ArrayList<>();
    int left = budget;
    left = section(out, "Figures", reply.figures(), left);
    section(out, "Sources", reply.sources().stream().map(DiscordRenderer::source).toList(), left);
    return out;
  }

  private static int section(
      List<MessageEmbed.Field> out, String name, List<String> raw, int left) {
    List<String> lines = raw.stream().map(DiscordRenderer::flat).filter(l -> !l.isEmpty()).toList();
    int i = 0;
    while (i < lines.size() && out.size() < FIELDS_MAX) {
      String fieldName = i == 0 ? name : name + " (continued)";
      int room = Math.min(FIELD_VALUE_MAX, left - fieldName.length());
      if (room < 20) {
        break;
      }
      // The lines that fit in this field; the last field of all may end with "… and N more".
      List<String> rest = lines.subList(i, lines.size());
      boolean last = out.size() == FIELDS_MAX - 1 || room < FIELD_VALUE_MAX;
      String value = last ? Fit.lines(rest, room) : pack(rest, room);
      int taken = value.isEmpty() ? 0 : (int) value.lines().count();
      out.add(new MessageEmbed.Field(fieldName, value, false));
      left -= fieldName.length() + value.length();
      i += Math.max(1, taken);
      if (last) {
        break;
      }
    }
    return left;
  }

  /** As many whole lines as fit in {@code max}, at least one (trimmed if it alone is too long). */
  private static String pack(List<String> lines, int max) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (sb.isEmpty()) {
        sb.append(Fit.words(line, max));
      } else if (sb.length() + 1 + line.length() <= max) {
        sb.append('\n').append(line);
      } else {
        break;
      }
    }
    return sb.toString();
  }

  /** "[1] [Title](url) · Outlet · 2018-05-04". */
  static String source(ChatReply.SourceLine s) {
    String title = Fit.words(s.title().replace('[', '(').replace(']', ')').strip(), TITLE_MAX);
    String linked =
        s.url() == null || s.url().length() > URL_MAX || !s.url().startsWith("http")
            ? title
            : "[" + title + "](" + s.url().replace(")", "%29") + ")";
    return "[" + s.n() + "] " + linked + " · " + s.outlet() + " · " + s.published();
  }

  /** Quotes are single lines: a newline inside one would end the block quote. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static Color color(ChatReply.Status status) {
    return switch (status) {
      case ANSWER -> new Color(0x2E7D32);
      case DECLINE -> new Color(0x78909C);
      case INFO -> new Color(0x1565C0);
      case REFUSED, RATE_LIMITED -> new Color(0xEF6C00);
      case ERROR -> new Color(0xC62828);
    };
  }
}
