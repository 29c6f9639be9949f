package org.supporters.pledge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supporters.Browser;
import org.supporters.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support page as a reader sees it on a phone, in a real Chromium.
 */
class SupportPageBrowserTests extends IntegrationTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Test
	void readerOnAPhoneSeesTheThreeExampleTiersWithinTheScreen() {
		Page page = openSupportPageOnAPhone();

		for (String name : List.of("Friend", "Supporter", "Patron")) {
			Locator tier = page.getByText(name, new Page.GetByTextOptions().setExact(true));
			PlaywrightAssertions.assertThat(tier).isVisible();
			BoundingBox box = tier.boundingBox();
			assertThat(box.x).as("left edge of %s", name).isGreaterThanOrEqualTo(0);
			assertThat(box.x + box.width).as("right edge of %s", name).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
		}
	}

	@Test
	void supportPageFitsAPhoneScreenWithoutScrollingSideways() {
		Page page = openSupportPageOnAPhone();

		Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
		assertThat(page.viewportSize().width).isEqualTo(Browser.PHONE_WIDTH);
		assertThat(((Number) scrollWidth).intValue()).as("page width (document scrollWidth)")
			.isLessThanOrEqualTo(Browser.PHONE_WIDTH);
	}

	@Test
	void supportPageLoadsNothingFromOtherOrigins() {
		Page page = browser.phone().newPage();
		List<String> requested = new CopyOnWriteArrayList<>();
		page.onRequest((request) -> requested.add(request.url()));

		page.navigate(url("/support"), new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));

		assertThat(requested).contains(url("/support"))
			.allSatisfy((address) -> assertThat(address).as("every request goes to the service itself")
				.startsWith(url("/")));
	}

	private Page openSupportPageOnAPhone() {
		Page page = browser.phone().newPage();
		assertThat(page.navigate(url("/support")).status()).isEqualTo(200);
		return page;
	}

}
