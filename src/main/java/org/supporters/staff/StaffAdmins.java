package org.supporters.staff;

import java.util.List;

import org.springframework.stereotype.Service;

/** Who to tell when something needs an admin: the enabled admins' addresses. */
@Service
public class StaffAdmins {

	private final StaffRepository repository;

	StaffAdmins(StaffRepository repository) {
		this.repository = repository;
	}

	public List<String> emails() {
		return this.repository.findAll()
			.stream()
			.filter((user) -> user.enabled() && "ADMIN".equals(user.role()))
			.map(StaffUser::email)
			.toList();
	}

}
