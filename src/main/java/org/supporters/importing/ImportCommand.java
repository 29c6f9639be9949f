package org.supporters.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import org.supporters.supporter.SupporterSource;

/**
 * The operators' import, run instead of the service:
 * {@code java -jar supporters.jar --import-members=members.csv --source=patreon} prints
 * the dry run and changes nothing; with {@code --confirm} it imports (when the dry run
 * has no blocking problem), and {@code --map-tier="Patreon tier=slug"} (repeatable) maps
 * a tier of the file to ours, or to {@code none}.
 */
@Component
class ImportCommand implements ApplicationRunner {

	private final MemberImports imports;

	private final ImportProperties properties;

	private final ConfigurableApplicationContext context;

	ImportCommand(MemberImports imports, ImportProperties properties, ConfigurableApplicationContext context) {
		this.imports = imports;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption("import-members")) {
			int status = execute(arguments, System.out);
			System.exit(SpringApplication.exit(this.context, () -> status));
		}
	}

	/** Runs the import the arguments name; returns the exit status. */
	int execute(ApplicationArguments arguments, PrintStream out) {
		List<String> files = arguments.getOptionValues("import-members");
		List<String> sources = arguments.getOptionValues("source");
		if (files == null || files.size() != 1 || files.get(0).isBlank()) {
			out.println("Give one file: --import-members=members.csv --source=patreon|csv");
			return 2;
		}
		if (sources == null || sources.size() != 1 || !List.of("patreon", "csv").contains(sources.get(0))) {
			out.println("Say where the file comes from: --source=patreon or --source=csv");
			return 2;
		}
		SupporterSource source = SupporterSource.of(sources.get(0));
		Map<String, String> tierMap = new LinkedHashMap<>();
		for (String mapping : (arguments.getOptionValues("map-tier") != null) ? arguments.getOptionValues("map-tier")
				: List.<String>of()) {
			int equals = mapping.lastIndexOf('=');
			if (equals < 1 || equals == mapping.length() - 1) {
				out.println("--map-tier takes \"Patreon tier=our-slug\" (or =none), not \"" + mapping + "\"");
				return 2;
			}
			tierMap.put(mapping.substring(0, equals), mapping.substring(equals + 1));
		}
		Path path = Path.of(files.get(0));
		byte[] content;
		try {
			if (Files.size(path) > this.properties.maxFileSize().toBytes()) {
				out.println("The file is larger than the import reads (" + this.properties.maxFileSize().toMegabytes()
						+ " MB, SUPPORTERS_IMPORT_MAX_FILE_SIZE). Split it into smaller files.");
				return 2;
			}
			content = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			out.println("Cannot read " + path + ": " + ex.getMessage());
			return 2;
		}
		long started = System.nanoTime();
		if (!arguments.containsOption("confirm")) {
			DryRun dryRun = this.imports.dryRun(source, content, tierMap);
			print(dryRun, out);
			out.println("Dry run took " + seconds(started) + ".");
			out.println(dryRun.blocked() ? "Nothing imported: fix the blocking problems above first."
					: "Nothing imported yet (dry run). Run again with --confirm to import.");
			return dryRun.blocked() ? 1 : 0;
		}
		MemberImports.Outcome outcome = this.imports.importFile(source, path.getFileName().toString(), content,
				tierMap);
		print(outcome.dryRun(), out);
		if (!outcome.imported()) {
			out.println("Nothing imported: " + outcome.refusal());
			return 1;
		}
		Map<RowAction, Integer> counts = outcome.dryRun().counts();
		out.println("Imported: " + counts.get(RowAction.NEW) + " new, " + counts.get(RowAction.UPDATE) + " updated, "
				+ counts.get(RowAction.UNCHANGED) + " unchanged, " + counts.get(RowAction.LEFT_AS_IS) + " left as is, "
				+ counts.get(RowAction.SKIPPED) + " skipped, in " + seconds(started)
				+ " (the dry run and every row in one transaction).");
		return 0;
	}

	private static String seconds(long startedNanos) {
		return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	static void print(DryRun dryRun, PrintStream out) {
		out.println("Dry run of " + dryRun.rows().size() + " rows (file SHA-256 " + dryRun.fileSha256() + ")");
		dryRun.fileProblems()
			.forEach((problem) -> out.println((problem.blocking() ? "BLOCKING " : "notice ") + problem.describe()));
		out.println("Tiers:");
		for (TierChoice choice : dryRun.tiers()) {
			out.println("  \"" + (choice.externalTier().isEmpty() ? "(no tier)" : choice.externalTier()) + "\" ("
					+ choice.rows() + " rows) → " + ((choice.tier() != null)
							? choice.tier().slug() + " (" + choice.how().label() + ")" : choice.how().label()));
		}
		for (RowPlan row : dryRun.rows()) {
			out.println("Line " + row.row().line() + ": "
					+ ((row.row().email() != null) ? row.row().email() + ": " : "") + row.words());
			row.problems()
				.forEach((problem) -> out
					.println("    " + (problem.blocking() ? "BLOCKING " : "notice ") + problem.describe()));
		}
		Map<RowAction, Integer> counts = dryRun.counts();
		StringBuilder summary = new StringBuilder("Summary:");
		counts.forEach(
				(action, count) -> summary.append(' ').append(action.label()).append(' ').append(count).append(','));
		out.println(summary.substring(0, summary.length() - 1));
	}

}
