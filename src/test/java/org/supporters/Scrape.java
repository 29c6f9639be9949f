package org.supporters;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus reads at {@code /actuator/prometheus}, with the token: tests compare
 * two scrapes, as an operator's graphs do.
 */
public final class Scrape {

	private final String exposition;

	private Scrape(String exposition) {
		this.exposition = exposition;
	}

	/** Scrapes the service on this port with the tests' metrics token. */
	public static Scrape of(int port) {
		HttpResponse<String> answer = new Reader(port).get("/actuator/prometheus",
				Map.of("Authorization", "Bearer " + IntegrationTest.METRICS_TOKEN));
		assertThat(answer.statusCode()).isEqualTo(200);
		return new Scrape(answer.body());
	}

	public String text() {
		return this.exposition;
	}

	/** The sample's value whose labels include all those given; 0 when there is none. */
	public double value(String name, String... labels) {
		return valueIn(this.exposition, name, labels);
	}

	/**
	 * In an exposition already read: the sample's value whose labels include all those
	 * given.
	 */
	public static double valueIn(String exposition, String name, String... labels) {
		Matcher samples = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
		while (samples.find()) {
			String found = samples.group(1);
			boolean all = true;
			for (String label : labels) {
				all &= found.contains(label);
			}
			if (all) {
				return Double.parseDouble(samples.group(2));
			}
		}
		return 0;
	}

}
