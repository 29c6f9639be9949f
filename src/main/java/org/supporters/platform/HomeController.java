package org.supporters.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /} is not a page of its own: it sends the visitor to {@code SUPPORTERS_HOME}.
 */
@Controller
class HomeController {

	private final OperationsProperties properties;

	HomeController(OperationsProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/")
	String home() {
		return "redirect:" + this.properties.home();
	}

}
