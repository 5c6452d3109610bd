package tradebot.bench;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one article is written with, bound once so that its sentences agree (one rate, one
 * amount, one official), and the filling of templates with them. {@code {slot}} gives the value,
 * {@code {Slot}} capitalizes it, {@code {SLOT}} upper-cases it. Not thread-safe: one per article.
 */
final class Slots {
  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_0-9]+)}");
  private static final int[] RATES = {10, 15, 20, 25, 30, 34, 50, 84, 100, 125, 145};
  private static final int[] BILLIONS = {16, 34, 50, 60, 110, 200, 250, 300, 360, 450, 500};
  private static final List<String> CRITICAL =
      List.of("rare earths", "gallium", "germanium", "graphite", "antimony", "tungsten");

  private final Map<String, String> values = new HashMap<>();
  private final SplittableRandom random;
  private final Phrasebook book;
  private final Phrasebook.Outlet outlet;

  Slots(Phrasebook book, SplittableRandom random, LocalDate published) {
    this.book = book;
    this.random = random;
    this.outlet = pick(book.outlets());
    int year = published.getYear();
    boolean usImposes = random.nextInt(3) < 2; // most stories are about US tariffs
    String percent = outlet.percent();

    put("outlet", outlet.name());
    put("year", Integer.toString(year));
    put("month", CorpusGenerator.monthName(published));
    put("day", Integer.toString(published.getDayOfMonth()));
    put("weekday", published.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
    Phrasebook.City city = pick(book.cities());
    put("city", city.name());
    put("country", city.country());

    put("imposer", usImposes ? "the United States" : "China");
    put("imposer_short", usImposes ? "Washington" : "Beijing");
    put("imposer_adj", usImposes ? "US" : "Chinese");
    put("target", usImposes ? "China" : "the United States");
    put("target_short", usImposes ? "Beijing" : "Washington");
    put("target_adj", usImposes ? "Chinese" : "American");
    List<String> goods = new ArrayList<>(usImposes ? book.cnGoods() : book.usGoods());
    for (String slot : List.of("product", "product2", "product3")) {
      put(slot, goods.remove(random.nextInt(goods.size())));
    }
    put("us_product", pick(book.usGoods()));
    put("cn_product", pick(book.cnGoods()));
    put("critical", pick(CRITICAL));
    put("agency_imposer", pick(usImposes ? book.agenciesUs() : book.agenciesCn()));
    put("topic", pick(book.topics()));

    boolean biden = year >= 2021 && year <= 2024;
    put("leader", biden ? "President Joe Biden" : "President Donald Trump");
    put("leader_short", biden ? "Biden" : "Trump");
    put("admin", biden ? "Biden administration" : "Trump administration");
    put("xi_short", "Xi");
    put("first_leader", "President Donald Trump");
    put("war_start", "2018");
    Phrasebook.Official us =
        pick(book.usOfficials().stream().filter(o -> o.servedIn(year)).toList());
    Phrasebook.Official cn =
        pick(book.cnOfficials().stream().filter(o -> o.servedIn(year)).toList());
    Phrasebook.Analyst analyst = pick(book.analysts());
    put("us_name", us.name());
    put("us_role", us.role());
    put("us_last", us.name().substring(us.name().lastIndexOf(' ') + 1));
    put("cn_name", cn.name());
    put("cn_role", cn.role());
    put("cn_last", cn.name().substring(0, cn.name().indexOf(' '))); // family name first
    put("analyst_name", analyst.name());
    put("analyst_role", analyst.role());

    int rate = RATES[1 + random.nextInt(RATES.length - 1)];
    int oldRate = RATES[random.nextInt(indexOf(rate))];
    put("rate", rate + percent);
    put("old_rate", oldRate + percent);
    put("amount", "$" + BILLIONS[random.nextInt(BILLIONS.length)] + " billion");
    put("amount2", "$" + BILLIONS[random.nextInt(BILLIONS.length)] + " billion");
    put("trade_total", "$" + (500 + random.nextInt(200)) + " billion");
    put("pct", String.format(Locale.ROOT, "%.1f", 0.3 + random.nextInt(58) / 10.0) + percent);
    put("count", String.format(Locale.US, "%,d", 200 + random.nextInt(8800)));
    put("pages", Integer.toString(10 + random.nextInt(390)));
    put("days", Integer.toString(List.of(30, 60, 90, 120, 180).get(random.nextInt(5))));
    put("talk_days", random.nextBoolean() ? "two" : "three");
    put("weeks", Integer.toString(2 + random.nextInt(11)));
    put("yuan", String.format(Locale.ROOT, "%.2f", 6.8 + random.nextInt(55) / 100.0));
    put("growth", String.format(Locale.ROOT, "%.1f", 0.2 + random.nextInt(14) / 10.0));
    put("effective", monthDay(published.plusDays(7 + random.nextInt(54))));
    put("deadline", monthDay(published.plusDays(30 + random.nextInt(90))));
    put("earlier_month", CorpusGenerator.monthName(published.minusMonths(1 + random.nextInt(6))));
    put("venue", pick(book.venues()));
    put("summit", pick(book.summits()));
    Phrasebook.Market market = pick(book.markets());
    put("market", market.name());
  }

  /** The outlet this article is written for. */
  Phrasebook.Outlet outlet() {
    return outlet;
  }

  /** A value bound for the whole article, or a fresh pick for page furniture. */
  String get(String name) {
    String v = values.get(name);
    if (v != null) {
      return v;
    }
    return switch (name) {
      case "reporter" -> pick(book.reporters());
      case "editor" -> pick(book.editors());
      case "photographer" -> pick(book.photographers());
      case "agency" -> pick(book.agencies());
      case "port" -> pick(book.ports());
      case "place" -> pick(book.cities()).name();
      case "clock" ->
          String.format(Locale.ROOT, "%02d:%02d", random.nextInt(12), random.nextInt(60));
      case "reading" -> Integer.toString(2 + random.nextInt(10));
      case "email" ->
          pick(book.reporters()).toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + outlet.host();
      case "title" -> fill(pick(book.titles()));
      default ->
          throw new IllegalArgumentException(
              "unknown slot {" + name + "} in " + Phrasebook.RESOURCE);
    };
  }

  /** {@code template} with every slot replaced. */
  String fill(String template) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String value(String name) {
    if (name.equals(name.toUpperCase(Locale.ROOT)) && !values.containsKey(name)) {
      return get(name.toLowerCase(Locale.ROOT)).toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(name.charAt(0)) && !values.containsKey(name)) {
      String v = get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      return v.isEmpty() ? v : Character.toUpperCase(v.charAt(0)) + v.substring(1);
    }
    return get(name);
  }

  private void put(String name, String value) {
    values.put(name, value);
  }

  private static int indexOf(int rate) {
    for (int i = 0; i < RATES.length; i++) {
      if (RATES[i] == rate) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a listed rate: " + rate);
  }

  private static String monthDay(LocalDate date) {
    return CorpusGenerator.monthName(date) + " " + date.getDayOfMonth();
  }
}
