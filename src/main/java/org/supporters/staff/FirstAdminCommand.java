package org.supporters.staff;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.supporters.platform.EmailAddresses;
import org.supporters.platform.StartupNote;

/**
 * The operator's way to the first admin, run instead of the service:
 * {@code java -jar supporters.jar --create-admin=EMAIL}. The password comes from
 * {@code SUPPORTERS_ADMIN_PASSWORD}, or is asked for twice on the terminal. Also the
 * start-up banner's note while no staff user exists.
 */
@Component
class FirstAdminCommand implements ApplicationRunner, StartupNote {

	static final String OPTION = "create-admin";

	private final StaffRepository repository;

	private final StaffUsers users;

	private final AdminProperties admin;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final ConfigurableApplicationContext context;

	FirstAdminCommand(StaffRepository repository, StaffUsers users, AdminProperties admin, AuditLog audit,
			TransactionTemplate transaction, ConfigurableApplicationContext context) {
		this.repository = repository;
		this.users = users;
		this.admin = admin;
		this.audit = audit;
		this.transaction = transaction;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption(OPTION)) {
			int code = execute(arguments.getOptionValues(OPTION), System.console(), System.out);
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

	/** Creates the admin; the process's exit code: 0 when created. */
	int execute(List<String> values, Console console, PrintStream out) {
		if (values == null || values.size() != 1 || !EmailAddresses.isValid(values.get(0).trim())) {
			out.println("Give the admin's email address: --create-admin=you@example.com");
			return 2;
		}
		String email = values.get(0).trim();
		Optional<String> password = password(console, out);
		if (password.isEmpty()) {
			return 2;
		}
		Optional<Long> created = this.transaction.execute((status) -> {
			Optional<Long> id = this.repository.insert(email, "Admin",
					this.users.passwordEncoder().encode(password.get()), "ADMIN");
			id.ifPresent((added) -> this.audit.recordAnonymous("staff.add", "staff:" + added,
					Map.of("email", email, "role", "ADMIN", "by", "--create-admin")));
			return id;
		});
		if (created.isEmpty()) {
			out.println(email + " is already a staff user: nothing changed.");
			return 1;
		}
		out.println("Created staff admin " + email + ". Start the service and sign in at /staff.");
		return 0;
	}

	private Optional<String> password(Console console, PrintStream out) {
		if (this.admin.password() != null && !this.admin.password().isBlank()) {
			return validated(this.admin.password(), out);
		}
		if (console == null) {
			out.println("No terminal to ask for the password: set SUPPORTERS_ADMIN_PASSWORD (12 to 72 characters).");
			return Optional.empty();
		}
		char[] first = console.readPassword("Password for the new admin (12 to 72 characters): ");
		char[] again = console.readPassword("The same password again: ");
		if (first == null || again == null || !String.valueOf(first).equals(String.valueOf(again))) {
			out.println("The two passwords differ: nothing changed.");
			return Optional.empty();
		}
		return validated(String.valueOf(first), out);
	}

	private static Optional<String> validated(String password, PrintStream out) {
		if (password.length() < 12 || password.length() > 72) {
			out.println("A password has between 12 and 72 characters: nothing changed.");
			return Optional.empty();
		}
		return Optional.of(password);
	}

	@Override
	public Optional<String> note(StartupCommand command) {
		if (!this.repository.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of("No staff user yet: nobody can sign in at /staff. Stop the service and create the first admin with\n    "
					+ command.with("--" + OPTION + "=you@example.com")
					+ "\n  (it asks for the password), or start with SUPPORTERS_ADMIN_EMAIL and SUPPORTERS_ADMIN_PASSWORD set.");
	}

}
