package org.supporters.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of bench/membership: GET /membership answers the JSON of the file
 * {@code --bare.json-file}, as a bare Spring Boot webmvc app does. With
 * {@code --bare.security=true}, behind a Spring Security chain that permits everything;
 * without, Spring Security is left out (bench/membership excludes its auto-configuration).
 */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

	@RestController
	static class Membership {

		private final String json;

		Membership(@Value("${bare.json-file}") Path file) throws IOException {
			this.json = Files.readString(file);
		}

		@GetMapping(path = "/membership", produces = MediaType.APPLICATION_JSON_VALUE)
		String membership() {
			return this.json;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("bare.security")
	static class Security {

		@Bean
		SecurityFilterChain permitAll(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
