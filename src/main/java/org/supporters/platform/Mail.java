package org.supporters.platform;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.generated.Tables.MAIL_OUTBOX;
import static org.jooq.impl.DSL.lower;

/**
 * Mail to readers. Every mail is first stored in the outbox (PostgreSQL), in the caller's
 * transaction when there is one; when an SMTP server is configured
 * ({@code spring.mail.host}), it is handed over once that transaction commits (a mail of
 * a change that rolls back is never sent), and retried with backoff if that fails.
 * Without one, mails stay in the outbox, shown at /dev/mailbox in sandbox mode.
 */
@Component
public class Mail {

	private static final Logger log = LoggerFactory.getLogger(Mail.class);

	private final DSLContext db;

	private final TransactionTemplate ownTransaction;

	private final ObjectProvider<JavaMailSender> smtp;

	private final Clock clock;

	private final String fromAddress;

	private final Publication publication;

	Mail(DSLContext db, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> smtp, Clock clock,
			SupportersProperties properties, Publication publication) {
		this.db = db;
		// delivery runs after the caller's commit, in transactions of its own
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.smtp = smtp;
		this.clock = clock;
		this.publication = publication;
		this.fromAddress = "no-reply@" + properties.publicUri().getHost();
	}

	/** An erased reader's mails go: their bodies hold sign-in links and the address. */
	@EventListener
	void on(ReaderErased erased) {
		this.db.deleteFrom(MAIL_OUTBOX).where(lower(MAIL_OUTBOX.RECIPIENT).eq(lower(erased.email()))).execute();
	}

	/** Stores a plain-text mail and, when SMTP is configured, sends it. */
	public void send(String recipient, String subject, String body) {
		store(recipient, subject, body, null);
	}

	/**
	 * Stores a mail with a plain-text and an HTML part (readers' programs show the one
	 * they can) and, when SMTP is configured, sends it once the caller's transaction
	 * commits.
	 * @return the mail's id in the outbox
	 */
	public long send(String recipient, String subject, String text, String html) {
		return store(recipient, subject, text, html);
	}

	/** When each of these mails was handed to SMTP; a mail not sent yet is left out. */
	public Map<Long, Instant> sentAt(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.SENT_AT)
			.from(MAIL_OUTBOX)
			.where(MAIL_OUTBOX.ID.in(ids))
			.and(MAIL_OUTBOX.SENT_AT.isNotNull())
			.fetchMap(MAIL_OUTBOX.ID, MAIL_OUTBOX.SENT_AT);
	}

	private long store(String recipient, String subject, String text, String html) {
		Instant now = this.clock.instant();
		long id = this.db.insertInto(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.RECIPIENT, recipient)
			.set(MAIL_OUTBOX.SUBJECT, subject)
			.set(MAIL_OUTBOX.BODY, text)
			.set(MAIL_OUTBOX.HTML_BODY, html)
			.set(MAIL_OUTBOX.CREATED_AT, now)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
			.returning(MAIL_OUTBOX.ID)
			.fetchSingle()
			.getId();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					deliverDue();
				}

			});
		}
		else {
			deliverDue();
		}
		return id;
	}

	/**
	 * Hands every due mail to SMTP, one transaction each; several instances may run it.
	 */
	public void deliverDue() {
		JavaMailSender sender = this.smtp.getIfAvailable();
		if (sender == null) {
			return;
		}
		while (Boolean.TRUE.equals(this.ownTransaction.execute((status) -> deliverNext(sender)))) {
			// next one
		}
	}

	private boolean deliverNext(JavaMailSender sender) {
		Instant now = this.clock.instant();
		Optional<OutboxMail> due = this.db
			.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.HTML_BODY,
					MAIL_OUTBOX.ATTEMPTS)
			.from(MAIL_OUTBOX)
			.where(MAIL_OUTBOX.SENT_AT.isNull())
			.and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
			.orderBy(MAIL_OUTBOX.ID)
			.limit(1)
			.forUpdate()
			.skipLocked()
			.fetchOptional((row) -> new OutboxMail(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					row.value6(), null, null));
		due.ifPresent((mail) -> deliver(sender, mail, now));
		return due.isPresent();
	}

	private void deliver(JavaMailSender sender, OutboxMail mail, Instant now) {
		try {
			sender.send(message(sender, mail));
			this.db.update(MAIL_OUTBOX)
				.set(MAIL_OUTBOX.SENT_AT, now)
				.set(MAIL_OUTBOX.ATTEMPTS, mail.attempts() + 1)
				.where(MAIL_OUTBOX.ID.eq(mail.id()))
				.execute();
		}
		catch (MailException | MessagingException ex) {
			int attempts = mail.attempts() + 1;
			Duration backoff = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts, 7)));
			Counter.builder("supporters.mail.send.failures")
				.description("Attempts SMTP refused; each mail is retried")
				.register(Metrics.globalRegistry)
				.increment();
			log.warn("Mail {} not sent (attempt {}): {}", mail.id(), attempts, ex.getMessage());
			this.db.update(MAIL_OUTBOX)
				.set(MAIL_OUTBOX.ATTEMPTS, attempts)
				.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plus(backoff))
				.set(MAIL_OUTBOX.LAST_ERROR, truncate(String.valueOf(ex.getMessage())))
				.where(MAIL_OUTBOX.ID.eq(mail.id()))
				.execute();
		}
	}

	/** Plain text alone, or text and HTML as alternatives of one multipart message. */
	private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
		try {
			helper.setFrom(this.fromAddress, this.publication.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is part of every JDK", ex);
		}
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.body(), mail.html());
		}
		else {
			helper.setText(mail.body());
		}
		return message;
	}

	/** The newest mails in the outbox, for the sandbox's mailbox page. */
	List<OutboxMail> newest(int limit) {
		return this.db
			.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.HTML_BODY,
					MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT)
			.from(MAIL_OUTBOX)
			.orderBy(MAIL_OUTBOX.ID.desc())
			.limit(limit)
			.fetch((row) -> new OutboxMail(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					row.value6(), row.value7(), row.value8()));
	}

	private static String truncate(String message) {
		return (message.length() > 1000) ? message.substring(0, 1000) : message;
	}

	/** A stored mail; {@code html} is {@code null} for a plain-text one. */
	record OutboxMail(long id, String recipient, String subject, String body, String html, int attempts,
			Instant createdAt, Instant sentAt) {
	}

}
