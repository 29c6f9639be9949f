package org.supporters.importing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.supporters.catalog.Catalog;
import org.supporters.staff.SignedInStaff;
import org.supporters.supporter.SupporterSource;

/**
 * Admins import members: upload a file, read its dry run, map the tiers, confirm; then
 * start the campaign and watch the move on the import's page.
 */
@Controller
class ImportController {

	/** The dry-run page shows this many rows; the CSV download has all of them. */
	static final int SHOWN_ROWS = 500;

	private final MemberImports imports;

	private final CampaignReportRepository reports;

	private final Catalog catalog;

	private final SignedInStaff staff;

	private final ImportProperties properties;

	private final Clock clock;

	ImportController(MemberImports imports, CampaignReportRepository reports, Catalog catalog, SignedInStaff staff,
			ImportProperties properties, Clock clock) {
		this.imports = imports;
		this.reports = reports;
		this.catalog = catalog;
		this.staff = staff;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/staff/admin/import")
	String imports(Model model) {
		return list(model, null);
	}

	private String list(Model model, String error) {
		model.addAttribute("imports", this.imports.newest());
		model.addAttribute("maxSize", this.properties.maxFileSize().toMegabytes() + " MB");
		model.addAttribute("uploadError", error);
		return "importing/imports";
	}

	@PostMapping("/staff/admin/import")
	String upload(@RequestParam(name = "source", required = false) String source,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		SupporterSource chosen = "csv".equals(source) ? SupporterSource.CSV
				: "patreon".equals(source) ? SupporterSource.PATREON : null;
		String error = null;
		if (chosen == null) {
			error = "Choose where the file comes from: Patreon, or a generic CSV.";
		}
		else if (file == null || file.isEmpty()) {
			error = "Choose a file to upload: the file is empty or missing.";
		}
		else if (file.getSize() > this.properties.maxFileSize().toBytes()) {
			error = tooLarge(file.getSize());
		}
		if (error != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model, error);
		}
		long id = this.imports.upload(chosen, fileName(file.getOriginalFilename()), file.getBytes(),
				this.staff.id().orElse(null));
		return "redirect:/staff/admin/import/" + id;
	}

	String tooLarge(long bytes) {
		return String.format(
				"The file is %.1f MB; the import reads files up to %d MB (about 100,000 patrons). "
						+ "Split it into smaller files and import them one after the other.",
				bytes / 1048576.0, this.properties.maxFileSize().toMegabytes());
	}

	@GetMapping("/staff/admin/import/{id}")
	String show(@PathVariable String id, Model model) {
		StoredImport upload = find(id);
		model.addAttribute("upload", upload);
		if (upload.imported()) {
			CampaignReport report = this.reports.report(upload.id(), upload.importedAt(), this.clock.instant());
			model.addAttribute("report", report);
			model.addAttribute("chart", MoveChart.weeks(report.weeks()));
			return "importing/report";
		}
		DryRun dryRun = this.imports.dryRun(upload);
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("counts", dryRun.counts());
		model.addAttribute("shown", shown(dryRun));
		model.addAttribute("hiddenRows", dryRun.rows().size() - shown(dryRun).size());
		model.addAttribute("tiers", this.catalog.activeTiers());
		model.addAttribute("tierMap", upload.tierMap());
		return "importing/dry-run";
	}

	/** The rows with a problem, and the first rows of the file. */
	private static List<RowPlan> shown(DryRun dryRun) {
		List<RowPlan> rows = dryRun.rows();
		return java.util.stream.IntStream.range(0, rows.size())
			.filter((i) -> i < SHOWN_ROWS || !rows.get(i).problems().isEmpty())
			.limit(SHOWN_ROWS * 4L)
			.mapToObj(rows::get)
			.toList();
	}

	@PostMapping("/staff/admin/import/{id}/tiers")
	String mapTiers(@PathVariable String id, @RequestParam Map<String, String> fields) {
		StoredImport upload = find(id);
		if (upload.imported()) {
			return "redirect:/staff/admin/import/" + upload.id();
		}
		Map<String, String> tierMap = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("tier:") && value != null && !value.isBlank() && !"closest".equals(value)) {
				tierMap.put(name.substring("tier:".length()), value);
			}
		});
		this.imports.mapTiers(upload.id(), tierMap);
		return "redirect:/staff/admin/import/" + upload.id();
	}

	@PostMapping("/staff/admin/import/{id}/confirm")
	String confirm(@PathVariable String id, RedirectAttributes redirect) {
		StoredImport upload = find(id);
		MemberImports.Outcome outcome = this.imports.confirm(upload.id(), this.staff.id().orElse(null));
		redirect.addFlashAttribute("notice", outcome.imported() ? "Imported." : outcome.refusal());
		return "redirect:/staff/admin/import/" + upload.id();
	}

	@PostMapping("/staff/admin/import/{id}/campaign")
	String startCampaign(@PathVariable String id, RedirectAttributes redirect) {
		StoredImport upload = find(id);
		boolean started = upload.imported() && this.imports.startCampaign(upload.id());
		redirect.addFlashAttribute("notice",
				started ? "The campaign has started: the invitations go out within minutes."
						: "The campaign had started already.");
		return "redirect:/staff/admin/import/" + upload.id();
	}

	/** Every line of the dry run as CSV; no cell can run as a spreadsheet formula. */
	@GetMapping("/staff/admin/import/{id}/dry-run.csv")
	void dryRunCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		StoredImport upload = find(id);
		if (upload.imported()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		DryRun dryRun = this.imports.dryRun(upload);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"dry-run-" + upload.id() + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			csv.printRecord("line", "email", "name", "action", "what happens", "problems");
			for (RowPlan row : dryRun.rows()) {
				csv.printRecord(row.row().line(), safe(row.row().email()), safe(row.row().name()), row.action().label(),
						safe(row.words()),
						safe(String.join(" ", row.problems().stream().map(Problem::describe).toList())));
			}
		}
	}

	/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	private StoredImport find(String id) {
		long parsed;
		try {
			parsed = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.imports.find(parsed).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String fileName(String original) {
		if (original == null || original.isBlank()) {
			return "upload.csv";
		}
		String name = original.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "");
		return name.isBlank() ? "upload.csv" : (name.length() > 200) ? name.substring(0, 200) : name;
	}

}
