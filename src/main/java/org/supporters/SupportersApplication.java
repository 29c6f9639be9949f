package org.supporters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// Spring's generated in-memory user signs in nowhere: every chain has its own users
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SupportersApplication {

	public static void main(String[] args) {
		// jOOQ's logo and tip of the day say nothing to whoever runs the service
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		SpringApplication.run(SupportersApplication.class, args);
	}

}
