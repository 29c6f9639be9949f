package org.supporters.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With private addresses not allowed (the default), URLs of the service's own networks
 * are refused; the integration tests run with them allowed, to reach their local
 * receivers.
 */
class WebhookUrlsTests {

	private final WebhookUrls urls = new WebhookUrls(false);

	@Test
	void hostsOfPrivateLoopbackLinkLocalOrMulticastAddressesAreRefused() {
		for (String url : new String[] { "http://127.0.0.1/hooks", "http://localhost:8080/hooks", "http://10.1.2.3/",
				"https://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/", "http://[fd00::1]/", "http://224.0.0.1/", "http://0.0.0.0/", "http://100.64.0.1/" }) {
			assertThat(this.urls.problemWith(url)).as(url)
				.hasValueSatisfying((problem) -> assertThat(problem).contains("webhooks go to public hosts only"));
		}
	}

	@Test
	void aPublicAddressIsAcceptedAndPrivateOnesWhenAllowed() {
		assertThat(this.urls.problemWith("https://93.184.215.14/hooks")).isEmpty();
		assertThat(new WebhookUrls(true).problemWith("http://127.0.0.1:9000/hooks")).isEmpty();
	}

	@Test
	void aHostThatDoesNotResolveIsRefused() {
		assertThat(this.urls.problemWith("https://no-such-host.invalid/hooks"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("does not resolve"));
	}

}
