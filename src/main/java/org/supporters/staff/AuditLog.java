package org.supporters.staff;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What staff did: every change and every export, with who, when and from where. Rows are
 * only ever added (the table refuses updates and deletes).
 */
@Service
public class AuditLog {

	private final AuditRepository repository;

	private final SignedInStaff staff;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditRepository repository, SignedInStaff staff, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.staff = staff;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an action of the signed-in staff member, in the caller's transaction when
	 * there is one, so the record and the change stand or fall together.
	 * @param action what was done, e.g. {@code comp.grant}
	 * @param target what it was done to, e.g. {@code supporter:<id>}, or {@code null}
	 * @param details more about it: no passwords, no payment details
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String target, Map<String, ?> details) {
		this.repository.insert(this.clock.instant(), this.staff.id().orElse(null), action, target,
				this.json.writeValueAsString(details), remoteAddress());
	}

	/** Records an action by someone not signed in, such as a failed sign-in. */
	void recordAnonymous(String action, String target, Map<String, ?> details) {
		this.repository.insert(this.clock.instant(), null, action, target, this.json.writeValueAsString(details),
				remoteAddress());
	}

	List<AuditEntry> page(Long beforeId, int size) {
		return this.repository.page(beforeId, size);
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String address = request.getRemoteAddr();
			return (address != null && address.length() > 100) ? address.substring(0, 100) : address;
		}
		return null;
	}

}
