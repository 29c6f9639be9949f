package org.supporters.pledge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PledgePropertiesTests {

	@Test
	void limitsSetThroughEnvironmentVariablesApplyToTheirCurrency() {
		PledgeProperties limits = new PledgeProperties(Map.of("jpy", 300L), Map.of("gbp", 500000L), 200, 1000000,
				List.of(500L));

		assertThat(limits.minimumFor("JPY")).isEqualTo(300);
		assertThat(limits.maximumFor("GBP")).isEqualTo(500000);
		assertThat(limits.minimumFor("EUR")).isEqualTo(200);
		assertThat(limits.maximumFor("EUR")).isEqualTo(1000000);
	}

}
