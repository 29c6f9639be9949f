package org.supporters.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.jooq.generated.Tables.MAIL_OUTBOX;
import static org.jooq.impl.DSL.lower;

/**
 * Mail to readers. Every mail is first stored in the outbox (PostgreSQL); when an SMTP
 * server is configured ({@code spring.mail.host}), it is handed over at once and retried
 * with backoff if that fails. Without one, mails stay in the outbox, shown at
 * /dev/mailbox in sandbox mode.
 */
@Component
public class Mail {

	private static final Logger log = LoggerFactory.getLogger(Mail.class);

	private final DSLContext db;

	private final TransactionTemplate transaction;

	private final ObjectProvider<JavaMailSender> smtp;

	private final Clock clock;

	private final String from;

	Mail(DSLContext db, TransactionTemplate transaction, ObjectProvider<JavaMailSender> smtp, Clock clock,
			SupportersProperties properties) {
		this.db = db;
		this.transaction = transaction;
		this.smtp = smtp;
		this.clock = clock;
		this.from = "Supporters <no-reply@" + properties.publicUri().getHost() + ">";
	}

	/** An erased reader's mails go: their bodies hold sign-in links and the address. */
	@EventListener
	void on(ReaderErased erased) {
		this.db.deleteFrom(MAIL_OUTBOX).where(lower(MAIL_OUTBOX.RECIPIENT).eq(lower(erased.email()))).execute();
	}

	/** Stores the mail and, when SMTP is configured, sends it now. */
	public void send(String recipient, String subject, String body) {
		Instant now = this.clock.instant();
		this.db.insertInto(MAIL_OUTBOX)
			.set(MAIL_OUTBOX.RECIPIENT, recipient)
			.set(MAIL_OUTBOX.SUBJECT, subject)
			.set(MAIL_OUTBOX.BODY, body)
			.set(MAIL_OUTBOX.CREATED_AT, now)
			.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
			.execute();
		deliverDue();
	}

	/**
	 * Hands every due mail to SMTP, one transaction each; several instances may run it.
	 */
	public void deliverDue() {
		JavaMailSender sender = this.smtp.getIfAvailable();
		if (sender == null) {
			return;
		}
		while (Boolean.TRUE.equals(this.transaction.execute((status) -> deliverNext(sender)))) {
			// next one
		}
	}

	private boolean deliverNext(JavaMailSender sender) {
		Instant now = this.clock.instant();
		Optional<OutboxMail> due = this.db
			.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.ATTEMPTS)
			.from(MAIL_OUTBOX)
			.where(MAIL_OUTBOX.SENT_AT.isNull())
			.and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
			.orderBy(MAIL_OUTBOX.ID)
			.limit(1)
			.forUpdate()
			.skipLocked()
			.fetchOptional((row) -> new OutboxMail(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					null, null));
		due.ifPresent((mail) -> deliver(sender, mail, now));
		return due.isPresent();
	}

	private void deliver(JavaMailSender sender, OutboxMail mail, Instant now) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.recipient());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		try {
			sender.send(message);
			this.db.update(MAIL_OUTBOX)
				.set(MAIL_OUTBOX.SENT_AT, now)
				.set(MAIL_OUTBOX.ATTEMPTS, mail.attempts() + 1)
				.where(MAIL_OUTBOX.ID.eq(mail.id()))
				.execute();
		}
		catch (MailException ex) {
			int attempts = mail.attempts() + 1;
			Duration backoff = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts, 7)));
			log.warn("Mail {} not sent (attempt {}): {}", mail.id(), attempts, ex.getMessage());
			this.db.update(MAIL_OUTBOX)
				.set(MAIL_OUTBOX.ATTEMPTS, attempts)
				.set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plus(backoff))
				.set(MAIL_OUTBOX.LAST_ERROR, truncate(String.valueOf(ex.getMessage())))
				.where(MAIL_OUTBOX.ID.eq(mail.id()))
				.execute();
		}
	}

	/** The newest mails in the outbox, for the sandbox's mailbox page. */
	List<OutboxMail> newest(int limit) {
		return this.db
			.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY, MAIL_OUTBOX.ATTEMPTS,
					MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT)
			.from(MAIL_OUTBOX)
			.orderBy(MAIL_OUTBOX.ID.desc())
			.limit(limit)
			.fetch((row) -> new OutboxMail(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					row.value6(), row.value7()));
	}

	private static String truncate(String message) {
		return (message.length() > 1000) ? message.substring(0, 1000) : message;
	}

	record OutboxMail(long id, String recipient, String subject, String body, int attempts, Instant createdAt,
			Instant sentAt) {
	}

}
