package org.supporters;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.supporters.account.ReadsAnotherModulesTable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module owns its tables: only its own classes touch their jOOQ classes (tables and
 * records), except where a read model is declared here. Others use its API or its events.
 */
class TableOwnershipTests {

	/** Each module and the tables it owns, by jOOQ's class names. */
	static final Map<String, Set<String>> OWNED = Map.ofEntries(
			Map.entry("catalog", Set.of("Tier", "TierPrice", "CatalogCurrency", "Benefit")),
			Map.entry("supporter",
					Set.of("Supporter", "Pledge", "Payment", "SupporterOrigin", "LedgerSummaryRule", "LedgerDay",
							"LedgerPart", "LedgerPartNow")),
			Map.entry("membership", Set.of("Comp", "ApiKey", "MembershipSigningKey")),
			Map.entry("payment",
					Set.of("ProviderEvent", "SandboxSession", "SandboxSubscription", "SandboxClock", "SandboxPayment",
							"StripeCustomer", "StripeSubscriptionState", "StripeDrift")),
			Map.entry("pledge", Set.of("Checkout")), Map.entry("ask", Set.of("Ask", "AskVariant", "AskEventCount")),
			Map.entry("account", Set.of("SignInRequest", "PledgeChange")),
			Map.entry("staff", Set.of("StaffUser", "AuditLog")),
			Map.entry("platform",
					Set.of("AppSecret", "RateLimitHit", "MailOutbox", "SpringSession", "SpringSessionAttributes",
							"Shedlock")),
			Map.entry("lifecycle", Set.of("LifecycleMail", "ReaderLocale")), Map.entry("site", Set.of("SiteBrand")),
			Map.entry("importing", Set.of("MemberImport", "ImportPatron", "CampaignMail", "CampaignUnsubscribe")),
			Map.entry("webhook", Set.of("WebhookEndpoint", "WebhookDelivery", "WebhookAttempt", "WebhookMembership")));

	/** Read models: tables a module reads though another owns them. */
	static final Map<String, Set<String>> ALSO_READS = Map.of(
			// the dashboard's aggregates, the supporter list and its exports, and the
			// provider events that mention a supporter; the ledger's summary for the
			// dashboard
			"report", Set.of("Supporter", "Pledge", "Payment", "Tier", "ProviderEvent", "LedgerDay", "LedgerPart"),
			// the gauges: what waits in the inbox and the mail outbox, payments per
			// currency
			"metrics", Set.of("ProviderEvent", "MailOutbox", "Payment"));

	static final ArchRule RULE = classes().should(new ArchCondition<JavaClass>(
			"touch only the jOOQ tables of their own module, or of a declared read model") {

		@Override
		public void check(JavaClass type, ConditionEvents events) {
			String module = moduleOf(type);
			if (module == null) {
				return;
			}
			Set<String> allowed = Stream
				.concat(OWNED.getOrDefault(module, Set.of()).stream(),
						ALSO_READS.getOrDefault(module, Set.of()).stream())
				.collect(Collectors.toSet());
			Stream
				.concat(type.getDirectDependenciesFromSelf().stream().map((dependency) -> dependency.getTargetClass()),
						type.getFieldAccessesFromSelf()
							.stream()
							.filter((access) -> access.getTargetOwner().getName().equals("org.jooq.generated.Tables"))
							.map((access) -> access.getTarget().resolveMember().map((field) -> field.getRawType()))
							.flatMap(java.util.Optional::stream))
				.map(TableOwnershipTests::tableOf)
				.filter((table) -> table != null && !allowed.contains(table))
				.distinct()
				.forEach((table) -> events.add(SimpleConditionEvent.violated(type, type.getName() + " (module " + module
						+ ") touches table " + table + " of module " + ownerOf(table))));
		}

	});

	@Test
	void eachModuleTouchesOnlyItsOwnTablesAndItsDeclaredReadModels() {
		RULE.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.supporters"));
	}

	@Test
	void theRuleReportsAModuleThatReadsAnotherModulesTable() {
		JavaClasses planted = new ClassFileImporter().importClasses(ReadsAnotherModulesTable.class);

		EvaluationResult result = RULE.evaluate(planted);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anySatisfy((detail) -> assertThat(detail)
			.contains("ReadsAnotherModulesTable (module account) touches table Pledge of module supporter"));
	}

	/** The module of a class of the application: its package under org.supporters. */
	private static String moduleOf(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith("org.supporters.")) {
			return null;
		}
		return name.substring("org.supporters.".length()).split("\\.")[0];
	}

	/** The table a jOOQ class is for: {@code Pledge} for both Pledge and PledgeRecord. */
	private static String tableOf(JavaClass type) {
		String name = type.getPackageName();
		if (name.equals("org.jooq.generated.tables")) {
			return type.getSimpleName();
		}
		if (name.equals("org.jooq.generated.tables.records")) {
			return type.getSimpleName().replaceFirst("Record$", "");
		}
		return null;
	}

	private static String ownerOf(String table) {
		return OWNED.entrySet()
			.stream()
			.filter((owned) -> owned.getValue().contains(table))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("none");
	}

}
