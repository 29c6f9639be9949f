# Supporters: build the jar with the Maven wrapper, then run it on a JRE.
# docker compose up   (see docker-compose.yml)  or
# docker build -t supporters . && docker run -p 8080:8080 supporters

FROM eclipse-temurin:17-jdk AS build
# the build starts an embedded PostgreSQL to generate jOOQ code from db/migration,
# and PostgreSQL refuses to run as root
RUN useradd --uid 10001 --create-home build
USER build
WORKDIR /home/build/src
COPY --chown=build:build . .
# the Maven repository is a build cache, kept between builds and out of the image
RUN --mount=type=cache,target=/home/build/.m2,uid=10001,gid=10001 \
	./mvnw -B -DskipTests package \
	&& cp target/supporters-*.jar /home/build/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --create-home app
WORKDIR /app
# without SPRING_DATASOURCE_URL the service keeps an embedded PostgreSQL in ./var
RUN mkdir var && chown app:app var
COPY --from=build /home/build/app.jar app.jar
USER app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
