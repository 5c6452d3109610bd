package tradebot.cli;

/**
 * A subcommand that measures the product rather than being part of it ({@code bench}, {@code
 * gen-corpus}): it lives in src/bench/java, ships only in the benchmark jar ({@code mvn -Pbench
 * package}, which {@code ./tradebot bench} and {@code ./tradebot gen-corpus} run), and is found
 * there through {@link java.util.ServiceLoader}. Implementations are picocli commands with a public
 * no-argument constructor.
 */
public interface MeasurementCommand {}
