package org.supporters.membership;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** An article page that uses members.js exactly as a news site would. */
@Controller
class DemoArticleController {

	@GetMapping("/demo/article")
	String article() {
		return "membership/demo-article";
	}

}
