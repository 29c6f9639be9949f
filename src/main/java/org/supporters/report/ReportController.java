package org.supporters.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import org.supporters.lifecycle.SentMails;
import org.supporters.pledge.CheckoutAttributions;
import org.supporters.importing.CampaignHistory;
import org.supporters.supporter.Supporters;

/** The dashboard, the supporter list and page, and the CSV exports. */
@Controller
class ReportController {

	private final Reports reports;

	private final SupporterPages supporters;

	private final Clock clock;

	private final SentMails sentMails;

	private final CheckoutAttributions attributions;

	private final Supporters ledger;

	private final CampaignHistory campaign;

	private final MessageSource messages;

	ReportController(Reports reports, SupporterPages supporters, Clock clock, SentMails sentMails,
			CheckoutAttributions attributions, Supporters ledger, CampaignHistory campaign, MessageSource messages) {
		this.messages = messages;
		this.sentMails = sentMails;
		this.attributions = attributions;
		this.reports = reports;
		this.supporters = supporters;
		this.clock = clock;
		this.ledger = ledger;
		this.campaign = campaign;
	}

	@GetMapping("/staff")
	String dashboard(Model model) {
		Dashboard dashboard = this.reports.dashboard();
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("growthChart", Charts.growth(dashboard.months()));
		model.addAttribute("tierChart", Charts.tierMix(dashboard.tiers()));
		return "report/dashboard";
	}

	@GetMapping("/staff/supporters")
	String list(@ModelAttribute("filter") SupporterFilter filter, Model model, HttpServletResponse response) {
		Map<String, String> errors = this.supporters.errors(filter);
		model.addAttribute("errors", errors);
		model.addAttribute("tiers", this.supporters.tiers());
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("rows", List.of());
			return "report/supporters";
		}
		SupporterPages.Page page = this.supporters.page(filter);
		model.addAttribute("rows", SupporterLine.of(page.rows(), this.messages, LocaleContextHolder.getLocale()));
		model.addAttribute("nextCursor", page.nextCursor());
		return "report/supporters";
	}

	/** Streams the filtered list; the list page with messages when a filter is wrong. */
	@GetMapping(path = "/staff/supporters/export.csv")
	ModelAndView exportSupporters(@ModelAttribute("filter") SupporterFilter filter, HttpServletResponse response)
			throws IOException {
		Map<String, String> errors = this.supporters.errors(filter);
		if (!errors.isEmpty()) {
			return new ModelAndView("report/supporters",
					Map.of("errors", errors, "tiers", this.supporters.tiers(), "rows", List.of()),
					HttpStatus.BAD_REQUEST);
		}
		try (Writer out = csvResponse(response, "supporters")) {
			Csv csv = new Csv(out);
			csv.row(List.of("id", "email", "name", "joined", "status", "kind", "tier", "interval", "amount", "currency",
					"provider"));
			this.supporters.export(filter,
					(row) -> csv.row(cells(row.id().toString(), row.email(), row.name(), row.joined().toString(),
							(row.status() != null) ? row.status().code() : null,
							(row.kind() != null) ? row.kind().code() : null, row.tierName(), row.interval(),
							(row.amountMinor() != null) ? Amounts.plain(row.amountMinor(), row.currency()) : null,
							row.currency(), (row.provider() != null) ? row.provider().code() : null)));
		}
		// written to the response already
		return null;
	}

	@GetMapping("/staff/payments")
	String payments(Model model) {
		model.addAttribute("errors", Map.of());
		return "report/payments";
	}

	@GetMapping("/staff/payments/export.csv")
	ModelAndView exportPayments(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate first = date(from, "from", errors);
		LocalDate last = date(to, "to", errors);
		if (first != null && last != null && last.isBefore(first)) {
			errors.put("to", "The last day must not be before the first day.");
		}
		if (!errors.isEmpty()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("errors", errors);
			model.put("from", from);
			model.put("to", to);
			return new ModelAndView("report/payments", model, HttpStatus.BAD_REQUEST);
		}
		try (Writer out = csvResponse(response, "payments")) {
			Csv csv = new Csv(out);
			csv.row(List.of("id", "occurred_at", "email", "kind", "amount", "currency", "status", "refunded",
					"provider", "provider_ref"));
			this.supporters.exportPayments(first, last,
					(payment) -> csv.row(cells(payment.id().toString(), payment.occurredAt().toString(),
							payment.email(), payment.kind().code(),
							Amounts.plain(payment.amountMinor(), payment.currency()), payment.currency(),
							payment.status().code(), Amounts.plain(payment.refundedMinor(), payment.currency()),
							payment.provider().code(), payment.providerRef())));
		}
		// written to the response already
		return null;
	}

	@GetMapping("/staff/supporters/{id}")
	String detail(@PathVariable String id, Model model) {
		UUID supporterId = uuid(id);
		SupporterDetail detail = this.supporters.detail(supporterId).orElseThrow(NotFoundException::new);
		model.addAttribute("detail", detail);
		// what brought them: the ask, article and campaign of their checkouts
		model.addAttribute("broughtBy", this.attributions.broughtBy(detail.supporter().email()));
		model.addAttribute("tiers", this.supporters.tiers());
		model.addAttribute("mails", this.sentMails.of(supporterId));
		// an imported supporter: where they came from, and the move's mails to them
		model.addAttribute("origin", this.ledger.origin(supporterId).orElse(null));
		model.addAttribute("campaignMails", this.campaign.mails(supporterId));
		return "report/supporter";
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException();
		}
	}

	private Writer csvResponse(HttpServletResponse response, String name) throws IOException {
		String date = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + date + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
	}

	private static List<String> cells(String... values) {
		return Arrays.asList(values);
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeException ex) {
			errors.put(field, "Enter a date as year-month-day, e.g. 2026-01-31.");
			return null;
		}
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFoundException extends RuntimeException {

	}

}
