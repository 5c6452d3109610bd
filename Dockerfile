# syntax=docker/dockerfile:1
# Build: docker build -t tradebot .
# Run:   docker run --rm -e DISCORD_TOKEN -p 8080:8080 tradebot discord --bind 0.0.0.0
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -DskipTests || true
COPY src ./src
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:21-jre
RUN groupadd --system tradebot && useradd --system --gid tradebot --home-dir /app tradebot
WORKDIR /app
COPY --from=build /src/target/tradebot.jar /app/tradebot.jar
COPY knowledge /app/knowledge
COPY config /app/config
RUN mkdir -p /app/data && chown -R tradebot:tradebot /app/data
USER tradebot
EXPOSE 8080
# Tokens come only from the environment: DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
# SLACK_APP_TOKEN, TRADEBOT_ADMIN_TOKEN. None is baked into the image.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/tradebot.jar"]
CMD ["serve", "--bind", "0.0.0.0"]
