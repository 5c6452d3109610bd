package tradebot.knowledge;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The characters a line must hold for a rule's regex to match anywhere in it, read off the regex:
 * the literal characters of its top-level sequence that no quantifier makes optional ("(" and ")"
 * of {@code \(...\)$}, ":" of {@code Photos?: ...}). A line without one of them is not tried, which
 * spares a scan of every position for most lines. The reading is conservative: a regex with a
 * top-level alternative or a flag that changes how literals match requires nothing, and groups,
 * classes and escapes other than escaped punctuation are never counted. Immutable.
 */
final class RequiredChars {
  private static final RequiredChars NONE = new RequiredChars("");

  private final String chars;

  private RequiredChars(String chars) {
    this.chars = chars;
  }

  /** The characters {@code regex} requires (none when unsure). */
  static RequiredChars of(Pattern regex) {
    if (regex.flags() != 0) {
      return NONE;
    }
    String r = regex.pattern();
    Set<Character> required = new LinkedHashSet<>();
    int i = 0;
    Character last = null; // the previous atom when it is a literal
    while (i < r.length()) {
      char c = r.charAt(i);
      int next;
      Character literal = null;
      boolean quantifier = false;
      switch (c) {
        case '|' -> {
          return NONE; // an alternative at the top: nothing is required of every match
        }
        case '\\' -> {
          if (i + 1 >= r.length()) {
            return NONE;
          }
          char e = r.charAt(i + 1);
          if (Character.isLetterOrDigit(e) || e > 0x7F || Character.isSurrogate(e)) {
            // \d, \s, \p{L}, \Q...\E, \x41, \1: anything but a plain literal. Skip it safely.
            next = skipEscape(r, i);
            if (next < 0) {
              return NONE;
            }
          } else {
            literal = e;
            next = i + 2;
          }
        }
        case '[' -> {
          next = skipClass(r, i);
          if (next < 0) {
            return NONE;
          }
        }
        case '(' -> {
          if (r.startsWith("(?", i) && isFlagGroup(r, i)) {
            return NONE; // "(?i)" changes how the literals after it match
          }
          next = skipGroup(r, i);
          if (next < 0) {
            return NONE;
          }
        }
        case '*', '?' -> {
          last = null; // the literal before may be absent (or "+?": it is read as if it might)
          next = i + 1;
          quantifier = true;
        }
        case '+' -> {
          next = i + 1;
          quantifier = true;
        }
        case '{' -> {
          int close = r.indexOf('}', i);
          if (close < 0) {
            return NONE;
          }
          String min = r.substring(i + 1, close).split(",", -1)[0].strip();
          if (min.isEmpty() || !min.chars().allMatch(Character::isDigit)) {
            return NONE;
          }
          if (Integer.parseInt(min) == 0) {
            last = null;
          }
          next = close + 1;
          quantifier = true;
        }
        case '.', '^', '$', ')' -> next = i + 1;
        default -> {
          // Half of a character beyond the BMP: a quantifier after it would take both halves.
          literal = Character.isSurrogate(c) ? null : c;
          next = i + 1;
        }
      }
      if (!quantifier) {
        // A new atom: the literal before it stands, unless a quantifier removed it.
        if (last != null) {
          required.add(last);
        }
        last = literal;
      }
      i = next;
    }
    if (last != null) {
      required.add(last);
    }
    StringBuilder sb = new StringBuilder();
    required.forEach(sb::append);
    return sb.isEmpty() ? NONE : new RequiredChars(sb.toString());
  }

  /** Whether {@code line} holds every required character. */
  boolean allIn(String line) {
    for (int i = 0; i < chars.length(); i++) {
      if (line.indexOf(chars.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The characters, for tests. */
  String chars() {
    return chars;
  }

  private static boolean isFlagGroup(String r, int at) {
    int i = at + 2;
    while (i < r.length() && (Character.isLetter(r.charAt(i)) || r.charAt(i) == '-')) {
      i++;
    }
    return i > at + 2 && i < r.length() && r.charAt(i) == ')';
  }

  /** The index after an escape that is not a plain literal, or -1 when unsure. */
  private static int skipEscape(String r, int at) {
    char e = r.charAt(at + 1);
    if (e == 'p' || e == 'P') {
      if (at + 2 < r.length() && r.charAt(at + 2) == '{') {
        int close = r.indexOf('}', at + 2);
        return close < 0 ? -1 : close + 1;
      }
      return at + 3;
    }
    if (e == 'Q'
        || e == 'x'
        || e == 'u'
        || e == 'k'
        || e == 'N'
        || e == 'c'
        || Character.isDigit(e)) {
      return -1; // quoting and numeric or named escapes: not worth reading
    }
    return at + 2;
  }

  /** The index after the class opening at {@code at}, or -1 when unsure. */
  private static int skipClass(String r, int at) {
    int depth = 0;
    int i = at;
    while (i < r.length()) {
      char c = r.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        if (i + 1 < r.length() && r.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < r.length() && r.charAt(i + 1) == ']') {
          i++; // a ']' right at the start is a member
        }
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -1;
  }

  /** The index after the group opening at {@code at}, or -1 when unsure. */
  private static int skipGroup(String r, int at) {
    int depth = 0;
    int i = at;
    while (i < r.length()) {
      char c = r.charAt(i);
      if (c == '\\') {
        if (i + 1 < r.length() && r.charAt(i + 1) == 'Q') {
          int end = r.indexOf("\\E", i + 2);
          if (end < 0) {
            return -1;
          }
          i = end + 2;
          continue;
        }
        i += 2;
        continue;
      }
      if (c == '[') {
        int after = skipClass(r, i);
        if (after < 0) {
          return -1;
        }
        i = after;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -1;
  }
}
