package tradebot.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tradebot.config.ConfigException;
import tradebot.config.ConfigFiles;
import tradebot.text.Months;

/**
 * The words the tariff extractor reads sentences with, as moderators edit them in {@code
 * config/tariffs.yaml}: tariff and goods nouns, status cues, stacking and date words, the people
 * who act for a country. Immutable and thread-safe; a reload makes a new one.
 *
 * @param tariffNouns words that make a clause about a tariff ("tariffs", "duties", "levy")
 * @param goodsNouns what a tariff covers ("goods", "imports")
 * @param amountQualifiers words before an amount that belong to the coverage ("another")
 * @param rateQualifiers words before a rate that belong to the rate as written ("up to")
 * @param status status cues by status
 * @param suspensionNouns nouns that mark a suspension only alongside a rate or an amount
 * @param suspensionObjects what a tariff-less sentence may suspend ("the planned increase")
 * @param conditional words that turn an announcement into a threat ("if")
 * @param hypothetical words that make a clause speculation, yielding no event
 * @param stacking words that stack one rate on another ("on top of")
 * @param totals words that mark a stated total of stacked rates ("bringing the total to")
 * @param sameLevel words that repeat the rate before them ("the same level")
 * @param rangeCues words that make "from X to Y" a range rather than a change
 * @param effectCues words after which a date is the date a rate applies ("effective")
 * @param datePrepositions words after which a date is the date of what was done ("on Friday")
 * @param speechVerbs words after which a date is when something was said ("said")
 * @param relativeDays day words to days from the article's date ("tomorrow" to 1)
 * @param midnight words for midnight
 * @param weekdays the seven weekday names, Monday first
 * @param actors ISO code to people and bodies that act for the country ("Trump" for US)
 * @param defaultCounterparts the other side when a sentence names one ("US" to "CN")
 * @param globalScope words that mark a tariff on everyone when no target is named
 * @param displayOrder directions shown first ("US-CN"); others follow alphabetically
 * @param planWindowDays how many days before a suspension a plan it cancels may be announced
 * @param sameDateDays how many days apart sources still count as of about the same date
 * @param questions the words a question about tariff levels is read with
 */
public record TariffCues(
    List<String> tariffNouns,
    List<String> goodsNouns,
    List<String> amountQualifiers,
    List<String> rateQualifiers,
    Map<TariffTimeline.Status, List<String>> status,
    List<String> suspensionNouns,
    List<String> suspensionObjects,
    List<String> conditional,
    List<String> hypothetical,
    List<String> stacking,
    List<String> totals,
    List<String> sameLevel,
    List<String> rangeCues,
    List<String> effectCues,
    List<String> datePrepositions,
    List<String> speechVerbs,
    Map<String, Integer> relativeDays,
    List<String> midnight,
    List<String> weekdays,
    Map<String, List<String>> actors,
    Map<String, String> defaultCounterparts,
    List<String> globalScope,
    List<String> displayOrder,
    @JsonProperty(required = true) int planWindowDays,
    @JsonProperty(required = true) int sameDateDays,
    Questions questions) {

  private static <K> Map<K, List<String>> copyLists(Map<K, List<String>> map) {
    Map<K, List<String>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, list(v)));
    return Map.copyOf(out);
  }

  /** Month names and abbreviations, lower case, to month numbers: the one table, {@link Months}. */
  private static final Map<String, Integer> MONTHS = Months.lowerCase();

  /**
   * The words that make a question one about a tariff level ("what is the US tariff on Chinese
   * goods now?") or its change ("how did it change from 2018 to 2025?"), beside the tariff nouns,
   * goods nouns, country names and months above.
   *
   * @param levyVerbs verbs that ask what one country charges another when no tariff noun is there
   *     ("what does China charge on US goods")
   * @param now words that ask for the level today ("now", "currently", "latest")
   * @param present verbs in the present tense: a level question without a date asks about today
   * @param past verbs in the past tense: without a date, the question is not about a level
   * @param change words that ask how a level changed ("change", "history")
   * @param since words before the start of the period a change is asked over ("since", "after")
   * @param levelWords words that ask for the level itself and narrow nothing ("rate", "overall")
   * @param goodsWords words for goods in general, in chat ("stuff"), beside the goods nouns
   */
  public record Questions(
      List<String> levyVerbs,
      List<String> now,
      List<String> present,
      List<String> past,
      List<String> change,
      List<String> since,
      List<String> levelWords,
      List<String> goodsWords) {
    public Questions {
      levyVerbs = list(levyVerbs);
      now = list(now);
      present = list(present);
      past = list(past);
      change = list(change);
      since = list(since);
      levelWords = list(levelWords);
      goodsWords = list(goodsWords);
    }

    /** No words: no question is read as a tariff question. */
    public static Questions none() {
      return new Questions(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  /** Keys the file leaves out are empty lists and maps; only the numbers of days are required. */
  public TariffCues {
    tariffNouns = list(tariffNouns);
    goodsNouns = list(goodsNouns);
    amountQualifiers = list(amountQualifiers);
    rateQualifiers = list(rateQualifiers);
    status = status == null ? Map.of() : copyLists(status);
    suspensionNouns = list(suspensionNouns);
    suspensionObjects = list(suspensionObjects);
    conditional = list(conditional);
    hypothetical = list(hypothetical);
    stacking = list(stacking);
    totals = list(totals);
    sameLevel = list(sameLevel);
    rangeCues = list(rangeCues);
    effectCues = list(effectCues);
    datePrepositions = list(datePrepositions);
    speechVerbs = list(speechVerbs);
    relativeDays = relativeDays == null ? Map.of() : lowerKeys(relativeDays);
    midnight = list(midnight);
    weekdays = list(weekdays);
    actors = actors == null ? Map.of() : copyLists(actors);
    defaultCounterparts = defaultCounterparts == null ? Map.of() : Map.copyOf(defaultCounterparts);
    globalScope = list(globalScope);
    displayOrder = list(displayOrder);
    questions = questions == null ? Questions.none() : questions;
    if (!weekdays.isEmpty() && weekdays.size() != 7) {
      throw new IllegalArgumentException("weekdays needs seven names, Monday first: " + weekdays);
    }
    if (planWindowDays < 0) {
      throw new IllegalArgumentException(
          "plan_window_days must not be negative: " + planWindowDays);
    }
    if (sameDateDays < 0) {
      throw new IllegalArgumentException("same_date_days must not be negative: " + sameDateDays);
    }
  }

  /** No cues at all: the extractor finds nothing. */
  public static TariffCues empty() {
    return new TariffCues(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        0,
        0,
        Questions.none());
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TariffCues load(Path file) {
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tariff cues " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code yaml}, the contents of {@code file}.
   *
   * @throws ConfigException naming the file, line and key of what is wrong
   */
  public static TariffCues parse(byte[] yaml, Path file) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(
                new SimpleModule()
                    .addKeyDeserializer(
                        TariffTimeline.Status.class,
                        new KeyDeserializer() {
                          @Override
                          public Object deserializeKey(String key, DeserializationContext ctx) {
                            return TariffTimeline.Status.fromLabel(key);
                          }
                        }));
    try {
      TariffCues cues = mapper.readValue(yaml, TariffCues.class);
      if (cues == null) {
        throw new IllegalArgumentException("the file is empty");
      }
      if (cues.tariffNouns().isEmpty()) {
        throw new IllegalArgumentException("tariff_nouns must list at least one word");
      }
      return cues;
    } catch (JsonProcessingException e) {
      throw ConfigFiles.yamlError(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tariff cues " + file + ": " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(file, e.getMessage());
    }
  }

  /** The cues of one status, or none. */
  public List<String> cues(TariffTimeline.Status s) {
    return status.getOrDefault(s, List.of());
  }

  private static List<String> list(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  /** Month names and abbreviations, lower case, to month numbers (1-12). */
  public Map<String, Integer> months() {
    return MONTHS;
  }

  private static Map<String, Integer> lowerKeys(Map<String, Integer> map) {
    Map<String, Integer> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(out);
  }
}
