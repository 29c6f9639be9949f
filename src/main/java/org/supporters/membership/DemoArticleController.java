package org.supporters.membership;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * An article page that uses members.js exactly as a news site would; a few more articles
 * ({@code /demo/article/1} to {@code /9}) let a reader reach an ask's minimum article
 * count.
 */
@Controller
class DemoArticleController {

	@GetMapping({ "/demo/article", "/demo/article/{number:[1-9]}" })
	String article() {
		return "membership/demo-article";
	}

}
