package org.supporters.membership;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Operators' commands, run instead of the service:
 * {@code java -jar supporters.jar --create-api-key="Site name"},
 * {@code --revoke-api-key=<id>}, {@code --rotate-signing-key}. Each prints its result and
 * exits.
 */
@Component
class ApiKeyCommand implements ApplicationRunner {

	private final ApiKeys keys;

	private final SigningKeys signingKeys;

	private final ConfigurableApplicationContext context;

	ApiKeyCommand(ApiKeys keys, SigningKeys signingKeys, ConfigurableApplicationContext context) {
		this.keys = keys;
		this.signingKeys = signingKeys;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (execute(arguments, System.out)) {
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

	/** Runs the command the arguments name; false when they name none. */
	boolean execute(ApplicationArguments arguments, PrintStream out) {
		if (arguments.containsOption("create-api-key")) {
			String name = single(arguments.getOptionValues("create-api-key"));
			ApiKeys.CreatedKey created = this.keys.create(name, null);
			out.println("API key " + created.id() + " for \"" + created.name() + "\":");
			out.println(created.secret());
			out.println("It is shown only now: store it in the site's server configuration.");
			return true;
		}
		if (arguments.containsOption("revoke-api-key")) {
			UUID id = UUID.fromString(single(arguments.getOptionValues("revoke-api-key")));
			out.println(this.keys.revoke(id) ? "Revoked API key " + id : "No live API key " + id);
			return true;
		}
		if (arguments.containsOption("rotate-signing-key")) {
			out.println("Membership tokens are now signed with key " + this.signingKeys.rotate()
					+ "; the previous key stays in the JWKS until its tokens expire.");
			return true;
		}
		return false;
	}

	private static String single(List<String> values) {
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			throw new IllegalArgumentException("Give exactly one value, e.g. --create-api-key=\"Example News\"");
		}
		return values.get(0);
	}

}
