package org.supporters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	// reading the classes is the slow part: both tests share one reading
	private static final ApplicationModules modules = ApplicationModules.of(SupportersApplication.class);

	private static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	private static final Path COMMITTED = Path.of("docs", "modules");

	@Test
	void modulesOnlyUseEachOthersPublicTypes() {
		modules.verify();
	}

	/**
	 * The diagrams in docs/modules are drawn from the code on every build, so a change to
	 * the modules' dependencies that is not in the committed diagrams fails the build.
	 * Lines are compared in any order: the exporter does not promise one.
	 */
	@Test
	void committedModuleDiagramsAreTheOnesTheCodeDraws() throws IOException {
		new Documenter(modules, GENERATED.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

		assertThat(diagrams(COMMITTED))
			.as("docs/modules differs from the diagrams of the code; to update it, run: cp %s/*.puml %s/", GENERATED,
					COMMITTED)
			.isEqualTo(diagrams(GENERATED));
	}

	private static Map<String, List<String>> diagrams(Path folder) throws IOException {
		Map<String, List<String>> diagrams = new TreeMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".puml")).toList()) {
					diagrams.put(file.getFileName().toString(), Files.readAllLines(file).stream().sorted().toList());
				}
			}
		}
		return diagrams;
	}

}
