package org.supporters.pledge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PledgePropertiesTests {

	@Test
	void limitsSetThroughEnvironmentVariablesApplyToTheirCurrency() {
		PledgeProperties limits = new PledgeProperties(Map.of("jpy", 300L), Map.of("gbp", 500000L), 200L, 1000000L,
				List.of(500L), null);

		assertThat(limits.minimumFor("JPY")).isEqualTo(300);
		assertThat(limits.maximumFor("GBP")).isEqualTo(500000);
		assertThat(limits.minimumFor("EUR")).isEqualTo(200);
		assertThat(limits.maximumFor("EUR")).isEqualTo(1000000);
	}

	@Test
	void withNothingSetEachCurrencyHasLimitsAndOneOffAmountsOfItsOwn() {
		PledgeProperties defaults = bind(Map.of());

		for (String currency : List.of("EUR", "GBP", "USD")) {
			assertThat(defaults.minimumFor(currency)).as(currency).isEqualTo(200);
			assertThat(defaults.maximumFor(currency)).as(currency).isEqualTo(1000000);
			assertThat(defaults.presetsFor(currency)).as(currency).containsExactly(500L, 1000L, 2500L, 5000L);
		}
		assertThat(defaults.minimumFor("SEK")).isEqualTo(2000);
		assertThat(defaults.presetsFor("SEK")).containsExactly(5000L, 10000L, 25000L, 50000L);
		// a currency without built-in values gets those for any currency
		assertThat(defaults.minimumFor("PLN")).isEqualTo(200);
		assertThat(defaults.presetsFor("PLN")).containsExactly(500L, 1000L, 2500L, 5000L);
	}

	@Test
	void aCurrencysOwnSettingWinsOverTheSettingForEveryCurrencyWhichWinsOverTheBuiltInValues() {
		PledgeProperties limits = bind(Map.of("SUPPORTERS_PLEDGE_PRESETS_GBP", "300,700,1500",
				"SUPPORTERS_PLEDGE_ONE_OFF_PRESETS", "1000,2000", "SUPPORTERS_PLEDGE_DEFAULT_MINIMUM", "400",
				"SUPPORTERS_PLEDGE_MINIMUM_GBP", "250"));

		assertThat(limits.presetsFor("GBP")).containsExactly(300L, 700L, 1500L);
		assertThat(limits.presetsFor("EUR")).containsExactly(1000L, 2000L);
		assertThat(limits.presetsFor("SEK")).containsExactly(1000L, 2000L);
		assertThat(limits.minimumFor("GBP")).isEqualTo(250);
		assertThat(limits.minimumFor("EUR")).isEqualTo(400);
		assertThat(limits.minimumFor("SEK")).isEqualTo(400);
		assertThat(limits.maximumFor("EUR")).isEqualTo(1000000);
	}

	private static PledgeProperties bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					environment));
		return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("supporters.pledge",
				PledgeProperties.class);
	}

}
