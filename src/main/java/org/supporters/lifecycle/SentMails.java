package org.supporters.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.lifecycle.LifecycleRepository.Written;
import org.supporters.platform.Mail;

/** Which lifecycle mails a supporter was sent, and when: for staff. */
@Service
public class SentMails {

	private final LifecycleRepository repository;

	private final Mail mail;

	SentMails(LifecycleRepository repository, Mail mail) {
		this.repository = repository;
		this.mail = mail;
	}

	/** The supporter's lifecycle mails, oldest first. */
	@Transactional(readOnly = true)
	public List<SentMail> of(UUID supporterId) {
		List<Written> written = this.repository.written(supporterId);
		Map<Long, Instant> sent = this.mail
			.sentAt(written.stream().map(Written::outboxId).filter(Objects::nonNull).toList());
		return written.stream()
			.map((mail) -> new SentMail(mail.kind(), mail.createdAt(),
					(mail.outboxId() != null) ? sent.get(mail.outboxId()) : null))
			.toList();
	}

}
