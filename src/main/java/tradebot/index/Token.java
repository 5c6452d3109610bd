package tradebot.index;

/**
 * One index term of a sentence and where it stands in the sentence's text, as the passage fields
 * analyze it. Lets callers compare a question's words with a passage's and measure how far apart
 * they are, without analyzing the passage again. Immutable.
 *
 * @param term the analyzed term (lower-cased, stemmed)
 * @param start offset of the word's first character in the sentence text
 * @param end offset after the word's last character
 */
public record Token(String term, int start, int end) {}
