package org.supporters.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins add, switch and delete webhook endpoints, and send a delivery again. A new
 * endpoint's secret is shown in the answer to its creation only: not in a redirect's
 * flash (that would store it in the session), not in the audit log.
 */
@Controller
class WebhookAdminController {

	private static final String PAGE = "/staff/admin/webhooks";

	private final Webhooks webhooks;

	private final WebhookUrls urls;

	WebhookAdminController(Webhooks webhooks, WebhookProperties properties) {
		this.webhooks = webhooks;
		this.urls = new WebhookUrls(properties.allowPrivate());
	}

	@GetMapping(PAGE)
	String list(Model model) {
		model.addAttribute("endpoints", this.webhooks.endpoints());
		model.addAttribute("deliveries", this.webhooks.recentDeliveries());
		model.addAttribute("eventTypes", WebhookEventType.values());
		if (!model.containsAttribute("chosen")) {
			model.addAttribute("chosen", List.of());
		}
		return "webhook/webhooks";
	}

	@PostMapping(PAGE)
	String create(@RequestParam(defaultValue = "") String url,
			@RequestParam(name = "events", required = false) List<String> events, Model model,
			HttpServletResponse response) {
		List<WebhookEventType> chosen = new ArrayList<>();
		boolean unknown = false;
		for (String code : (events != null) ? events : List.<String>of()) {
			Optional<WebhookEventType> type = WebhookEventType.of(code);
			type.filter((t) -> !chosen.contains(t)).ifPresent(chosen::add);
			unknown |= type.isEmpty();
		}
		Optional<String> urlProblem = this.urls.problemWith(url);
		String eventsProblem = (chosen.isEmpty() || unknown) ? "Choose at least one of the events listed." : null;
		if (urlProblem.isPresent() || eventsProblem != null) {
			model.addAttribute("url", (url.length() > WebhookUrls.MAX_LENGTH) ? "" : url);
			model.addAttribute("urlError", urlProblem.orElse(null));
			model.addAttribute("eventsError", eventsProblem);
			model.addAttribute("chosen", chosen.stream().map(WebhookEventType::code).toList());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return list(model);
		}
		Webhooks.Created created = this.webhooks.create(url.strip(), chosen);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", created);
		return list(model);
	}

	@PostMapping(PAGE + "/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.webhooks.setEnabled(id, true)
				? "Enabled the endpoint: its waiting events go out in order." : "No endpoint has that id.");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.webhooks.setEnabled(id, false)
				? "Disabled the endpoint: its events wait until it is enabled again." : "No endpoint has that id.");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.webhooks.delete(id) ? "Deleted the endpoint and its deliveries." : "No endpoint has that id.");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/deliveries/{id}/redeliver")
	String redeliver(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.webhooks.redeliver(id)
				? "The delivery goes out again on the next run." : "No delivery has that id.");
		return "redirect:" + PAGE;
	}

}
