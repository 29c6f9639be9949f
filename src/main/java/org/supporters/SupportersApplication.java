package org.supporters;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportersApplication {

	public static void main(String[] args) {
		SpringApplication.run(SupportersApplication.class, args);
	}

}
