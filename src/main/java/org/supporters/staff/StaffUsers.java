package org.supporters.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff users: who may sign in, with which role; failed sign-ins counted in the database
 * so that every instance locks the same account.
 */
@Service
class StaffUsers {

	private static final Logger logger = LoggerFactory.getLogger(StaffUsers.class);

	private final StaffRepository repository;

	private final StaffProperties properties;

	private final AdminProperties firstAdmin;

	private final AuditLog audit;

	private final Clock clock;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final PasswordEncoder passwords = new BCryptPasswordEncoder();

	StaffUsers(StaffRepository repository, StaffProperties properties, AdminProperties firstAdmin, AuditLog audit,
			Clock clock, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.repository = repository;
		this.properties = properties;
		this.firstAdmin = firstAdmin;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	PasswordEncoder passwordEncoder() {
		return this.passwords;
	}

	/**
	 * The staff user signing in with this email. Not a UserDetailsService bean: staff
	 * users sign in to the staff chain only.
	 */
	@Transactional(readOnly = true)
	UserDetails signingIn(String email) {
		StaffUser staff = this.repository.findByEmail(email.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
		return new StaffPrincipal(staff, staff.isLockedAt(this.clock.instant()));
	}

	List<StaffUser> all() {
		return this.repository.findAll();
	}

	Optional<StaffUser> byId(long id) {
		return this.repository.findById(id);
	}

	/** Adds a staff user; empty when the email is taken. */
	@Transactional
	Optional<Long> add(NewStaffForm form) {
		Optional<Long> id = this.repository.insert(form.email().trim(), form.displayName().trim(),
				this.passwords.encode(form.password()), form.role());
		id.ifPresent((added) -> this.audit.record("staff.add", "staff:" + added,
				Map.of("email", form.email().trim(), "role", form.role())));
		return id;
	}

	/**
	 * Enables or disables a staff user; a disabled one is signed out on every instance at
	 * once.
	 */
	@Transactional
	boolean setEnabled(long id, boolean enabled) {
		boolean changed = this.repository.setEnabled(id, enabled);
		if (changed) {
			this.audit.record(enabled ? "staff.enable" : "staff.disable", "staff:" + id, Map.of());
		}
		if (!enabled) {
			this.repository.findById(id)
				.map(StaffUser::email)
				.ifPresent((
						email) -> this.sessions.findByPrincipalName(email).keySet().forEach(this.sessions::deleteById));
		}
		return changed;
	}

	@Transactional
	void recordFailure(String email) {
		Instant now = this.clock.instant();
		boolean locked = this.repository.recordFailure(email.trim(), this.properties.maxFailedAttempts(),
				now.plus(this.properties.lockout()));
		this.audit.recordAnonymous(locked ? "staff.sign-in-locked" : "staff.sign-in-failed", null,
				Map.of("email", email.trim()));
	}

	@Transactional
	void recordSuccess(long id) {
		this.repository.recordSuccess(id, this.clock.instant());
		this.audit.record("staff.sign-in", "staff:" + id, Map.of());
	}

	/** Creates the first admin from the environment when there are no staff yet. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void createFirstAdmin() {
		if (this.firstAdmin.isPartlySet()) {
			logger.warn("SUPPORTERS_ADMIN_EMAIL and SUPPORTERS_ADMIN_PASSWORD must both be set to create the first "
					+ "staff admin; no admin was created");
			return;
		}
		if (!this.firstAdmin.isSet()) {
			return;
		}
		this.repository.lockForFirstAdmin();
		if (this.repository.isEmpty()) {
			this.repository.insert(this.firstAdmin.email().trim(), "Admin",
					this.passwords.encode(this.firstAdmin.password()), "ADMIN");
			logger.info("Created the first staff admin from SUPPORTERS_ADMIN_EMAIL");
		}
	}

}
