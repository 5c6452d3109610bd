# syntax=docker/dockerfile:1
# Build: docker build -t tradebot .
# Run:   docker run --rm -e DISCORD_TOKEN -p 8080:8080 tradebot discord --bind 0.0.0.0
# Base images are pinned to a version (pin them to a digest too where the registry is reachable:
# FROM maven:3.9.9-eclipse-temurin-21@sha256:...).
FROM maven:3.9.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
# Dependencies and plugins first, in their own layer (a failure fails the build; what go-offline
# misses, the package step below still downloads).
RUN mvn -B -ntp dependency:go-offline -Dmaven.test.skip=true
COPY src/main ./src/main
# No tests are compiled or run here (maven.test.skip): CI runs them (./tradebot test).
RUN mvn -B -ntp -Dmaven.test.skip=true -Dspotless.check.skip=true package

FROM eclipse-temurin:21.0.5_11-jre
RUN groupadd --system tradebot && useradd --system --gid tradebot --home-dir /app tradebot \
    && apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/tradebot.jar /app/tradebot.jar
COPY config /app/config
COPY knowledge /app/knowledge
RUN mkdir -p /app/data && chown -R tradebot:tradebot /app/data /app/knowledge
# The articles and the index live on volumes: mount your own knowledge/ (a /reload sees new files)
# and keep data/ (the index, and the feedback database tradebot.db) across restarts.
VOLUME ["/app/knowledge", "/app/data"]
USER tradebot
EXPOSE 8080
# Tokens come only from the environment: DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
# SLACK_APP_TOKEN, TRADEBOT_ADMIN_TOKEN, REDIS_PASSWORD. None is baked into the image.
# /readyz answers 503 while the index loads and 200 once it serves.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/readyz >/dev/null || exit 1
# Sized for the container: the heap may take 75% of its memory limit.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/tradebot.jar"]
CMD ["serve", "--bind", "0.0.0.0"]
