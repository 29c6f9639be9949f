package org.supporters.importing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.supporters.supporter.SupporterSource;

import static org.jooq.generated.Tables.CAMPAIGN_MAIL;
import static org.jooq.generated.Tables.CAMPAIGN_UNSUBSCRIBE;
import static org.jooq.generated.Tables.IMPORT_PATRON;
import static org.jooq.generated.Tables.MEMBER_IMPORT;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

/** Uploads, imported patrons, the campaign's mails and unsubscribes. */
@Repository
class ImportRepository {

	private final DSLContext db;

	private final JsonMapper json;

	ImportRepository(DSLContext db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * A new upload; its content is kept for the dry run and confirmation, unless null.
	 */
	long insertUpload(SupporterSource source, String fileName, String sha256, long size, byte[] content, Long staffId,
			Instant at) {
		return this.db.insertInto(MEMBER_IMPORT)
			.set(MEMBER_IMPORT.SOURCE, source.code())
			.set(MEMBER_IMPORT.STATUS, ImportStatus.DRY_RUN.code())
			.set(MEMBER_IMPORT.FILE_NAME, fileName)
			.set(MEMBER_IMPORT.FILE_SHA256, sha256)
			.set(MEMBER_IMPORT.FILE_BYTES, size)
			.set(MEMBER_IMPORT.CONTENT, content)
			.set(MEMBER_IMPORT.UPLOADED_BY, staffId)
			.set(MEMBER_IMPORT.UPLOADED_AT, at)
			.returning(MEMBER_IMPORT.ID)
			.fetchSingle()
			.getId();
	}

	Optional<StoredImport> find(long id) {
		return this.db.selectFrom(MEMBER_IMPORT).where(MEMBER_IMPORT.ID.eq(id)).fetchOptional(this::stored);
	}

	/** The upload, locked until the transaction ends: it is confirmed once. */
	Optional<StoredImport> lock(long id) {
		return this.db.selectFrom(MEMBER_IMPORT).where(MEMBER_IMPORT.ID.eq(id)).forUpdate().fetchOptional(this::stored);
	}

	/**
	 * One import at a time writes patrons: two files with the same member cannot race.
	 */
	void lockImports() {
		this.db.execute("select pg_advisory_xact_lock(hashtextextended('member-import', 0))");
	}

	List<StoredImport> newest(int limit) {
		return this.db.selectFrom(MEMBER_IMPORT).orderBy(MEMBER_IMPORT.ID.desc()).limit(limit).fetch(this::stored);
	}

	byte[] content(long id) {
		return this.db.select(MEMBER_IMPORT.CONTENT)
			.from(MEMBER_IMPORT)
			.where(MEMBER_IMPORT.ID.eq(id))
			.fetchOptional(MEMBER_IMPORT.CONTENT)
			.orElse(null);
	}

	void saveTierMap(long id, Map<String, String> tierMap) {
		this.db.update(MEMBER_IMPORT)
			.set(MEMBER_IMPORT.TIER_MAP, JSONB.valueOf(this.json.writeValueAsString(tierMap)))
			.where(MEMBER_IMPORT.ID.eq(id))
			.execute();
	}

	void markImported(long id, Map<RowAction, Integer> counts, int total, Long staffId, Instant at) {
		this.db.update(MEMBER_IMPORT)
			.set(MEMBER_IMPORT.STATUS, ImportStatus.IMPORTED.code())
			.setNull(MEMBER_IMPORT.CONTENT)
			.set(MEMBER_IMPORT.ROWS_TOTAL, total)
			.set(MEMBER_IMPORT.ROWS_CREATED, counts.get(RowAction.NEW))
			.set(MEMBER_IMPORT.ROWS_UPDATED, counts.get(RowAction.UPDATE))
			.set(MEMBER_IMPORT.ROWS_UNCHANGED, counts.get(RowAction.UNCHANGED) + counts.get(RowAction.LEFT_AS_IS))
			.set(MEMBER_IMPORT.ROWS_SKIPPED, counts.get(RowAction.SKIPPED))
			.set(MEMBER_IMPORT.IMPORTED_BY, staffId)
			.set(MEMBER_IMPORT.IMPORTED_AT, at)
			.where(MEMBER_IMPORT.ID.eq(id))
			.execute();
	}

	/** Starts the campaign; false when it had started already. */
	boolean startCampaign(long id, Instant at) {
		return this.db.update(MEMBER_IMPORT)
			.set(MEMBER_IMPORT.CAMPAIGN_STARTED_AT, at)
			.where(MEMBER_IMPORT.ID.eq(id))
			.and(MEMBER_IMPORT.STATUS.eq(ImportStatus.IMPORTED.code()))
			.and(MEMBER_IMPORT.CAMPAIGN_STARTED_AT.isNull())
			.execute() == 1;
	}

	/** The patrons imported before with these emails, by email in lower case. */
	Map<String, StoredPatron> patrons(Collection<String> emails) {
		String[] lower = emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).toArray(String[]::new);
		Map<String, StoredPatron> found = new HashMap<>();
		// a join, not "= any": it stays a hash or index join for a hundred thousand
		// emails
		this.db.select(IMPORT_PATRON.fields())
			.from(table("unnest({0}::text[])", val(lower)).as("e", "email"))
			.join(IMPORT_PATRON)
			.on(lower(IMPORT_PATRON.EMAIL).eq(field(name("e", "email"), String.class)))
			.fetch(this::patron)
			.forEach((patron) -> found.put(patron.email().toLowerCase(Locale.ROOT), patron));
		return found;
	}

	Optional<StoredPatron> patron(long id) {
		return this.db.selectFrom(IMPORT_PATRON).where(IMPORT_PATRON.ID.eq(id)).fetchOptional(this::patron);
	}

	Optional<StoredPatron> patronOfSupporter(UUID supporterId) {
		return this.db.selectFrom(IMPORT_PATRON)
			.where(IMPORT_PATRON.SUPPORTER_ID.eq(supporterId))
			.forUpdate()
			.fetchOptional(this::patron);
	}

	/** A patron as the import writes them. */
	record PatronWrite(String email, String name, UUID supporterId, String externalTier, Long tierId,
			boolean tierMapped, Long amountMinor, String currency, String interval, Instant paidThrough, UUID compId,
			String digest) {
	}

	/** Creates or updates the patrons in one statement. */
	void upsertPatrons(long importId, List<PatronWrite> patrons, Instant at) {
		if (patrons.isEmpty()) {
			return;
		}
		int size = patrons.size();
		String[] emails = new String[size];
		String[] names = new String[size];
		UUID[] supporters = new UUID[size];
		String[] tiers = new String[size];
		Long[] tierIds = new Long[size];
		Boolean[] mapped = new Boolean[size];
		Long[] amounts = new Long[size];
		String[] currencies = new String[size];
		String[] intervals = new String[size];
		String[] paidThrough = new String[size];
		UUID[] comps = new UUID[size];
		String[] digests = new String[size];
		for (int i = 0; i < size; i++) {
			PatronWrite patron = patrons.get(i);
			emails[i] = patron.email();
			names[i] = patron.name();
			supporters[i] = patron.supporterId();
			tiers[i] = patron.externalTier();
			tierIds[i] = patron.tierId();
			mapped[i] = patron.tierMapped();
			amounts[i] = patron.amountMinor();
			currencies[i] = patron.currency();
			intervals[i] = patron.interval();
			paidThrough[i] = patron.paidThrough().toString();
			comps[i] = patron.compId();
			digests[i] = patron.digest();
		}
		this.db.execute(
				"""
						insert into import_patron (email, name, supporter_id, first_import_id, last_import_id, external_tier, tier_id,
						    tier_mapped, amount_minor, currency, billing_interval, paid_through, comp_id, row_digest, updated_at)
						select e, n, s, {12}, {12}, t, ti, m, a, c, i, p::timestamptz, comp, d, {13}
						from unnest({0}::text[], {1}::text[], {2}::uuid[], {3}::text[], {4}::bigint[], {5}::boolean[],
						            {6}::bigint[], {7}::text[], {8}::text[], {9}::text[], {10}::uuid[], {11}::text[])
						     as r (e, n, s, t, ti, m, a, c, i, p, comp, d)
						on conflict (lower(email)) do update set
						    name = excluded.name, last_import_id = excluded.last_import_id, external_tier = excluded.external_tier,
						    tier_id = excluded.tier_id, tier_mapped = excluded.tier_mapped, amount_minor = excluded.amount_minor,
						    currency = excluded.currency, billing_interval = excluded.billing_interval,
						    paid_through = excluded.paid_through, comp_id = excluded.comp_id, row_digest = excluded.row_digest,
						    updated_at = excluded.updated_at""",
				val(emails), val(names), val(supporters), val(tiers), val(tierIds), val(mapped), val(amounts),
				val(currencies), val(intervals), val(paidThrough), val(comps), val(digests), val(importId), val(at));
	}

	void markOpened(long patronId, Instant at) {
		this.db.update(IMPORT_PATRON)
			.set(IMPORT_PATRON.OPENED_AT, at)
			.where(IMPORT_PATRON.ID.eq(patronId))
			.and(IMPORT_PATRON.OPENED_AT.isNull())
			.execute();
	}

	void markPledged(long patronId, String currency, long monthlyMinor, Instant at) {
		this.db.update(IMPORT_PATRON)
			.set(IMPORT_PATRON.PLEDGED_AT, at)
			.set(IMPORT_PATRON.PLEDGE_CURRENCY, currency)
			.set(IMPORT_PATRON.PLEDGE_MONTHLY_MINOR, monthlyMinor)
			.set(IMPORT_PATRON.UPDATED_AT, at)
			.where(IMPORT_PATRON.ID.eq(patronId))
			.and(IMPORT_PATRON.PLEDGED_AT.isNull())
			.execute();
	}

	/**
	 * Stops the campaign's mails to this address for good; false when already stopped.
	 */
	boolean unsubscribe(String email, Instant at) {
		return this.db.insertInto(CAMPAIGN_UNSUBSCRIBE)
			.set(CAMPAIGN_UNSUBSCRIBE.EMAIL, email)
			.set(CAMPAIGN_UNSUBSCRIBE.UNSUBSCRIBED_AT, at)
			.onConflict(lower(CAMPAIGN_UNSUBSCRIBE.EMAIL))
			.doNothing()
			.execute() == 1;
	}

	boolean unsubscribed(String email) {
		return this.db.fetchExists(CAMPAIGN_UNSUBSCRIBE, lower(CAMPAIGN_UNSUBSCRIBE.EMAIL).eq(lower(val(email))));
	}

	/** A reader's data went: the patron keeps a pseudonym, and is never mailed again. */
	void erase(UUID supporterId, String oldEmail, String replacementEmail, Instant at) {
		this.db.update(IMPORT_PATRON)
			.set(IMPORT_PATRON.EMAIL, replacementEmail)
			.setNull(IMPORT_PATRON.NAME)
			.where(IMPORT_PATRON.SUPPORTER_ID.eq(supporterId))
			.execute();
		this.db.deleteFrom(CAMPAIGN_UNSUBSCRIBE)
			.where(lower(CAMPAIGN_UNSUBSCRIBE.EMAIL).eq(lower(val(oldEmail))))
			.execute();
		unsubscribe(replacementEmail, at);
	}

	/**
	 * Records that a campaign mail goes out: false when that mail went already, so each
	 * goes at most once, whichever instance sends it.
	 */
	boolean recordMail(long patronId, CampaignMailKind kind, int daysBefore, String subject, Instant at) {
		return this.db.insertInto(CAMPAIGN_MAIL)
			.set(CAMPAIGN_MAIL.PATRON_ID, patronId)
			.set(CAMPAIGN_MAIL.KIND, kind.code())
			.set(CAMPAIGN_MAIL.DAYS_BEFORE, daysBefore)
			.set(CAMPAIGN_MAIL.SUBJECT, subject)
			.set(CAMPAIGN_MAIL.SENT_AT, at)
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** A patron the campaign may mail, with what it sent them so far. */
	record Recipient(long patronId, SupporterSource source, String email, String name, Instant paidThrough,
			Invitation invitation, Instant invitedAt, List<Integer> remindersSent, boolean endedSent) {
	}

	/**
	 * What the support page is pre-filled with: the mapped tier (when staff or the names
	 * chose it), else the patron's own amount, at their interval.
	 */
	record Invitation(long patronId, String email, Long tierId, boolean tierMapped, Long amountMinor, String currency,
			String interval) {
	}

	Optional<Invitation> invitation(long patronId) {
		return this.db.selectFrom(IMPORT_PATRON)
			.where(IMPORT_PATRON.ID.eq(patronId))
			.fetchOptional((row) -> new Invitation(row.getId(), row.getEmail(), row.getTierId(), row.getTierMapped(),
					row.getAmountMinor(), row.getCurrency(), row.getBillingInterval()));
	}

	/**
	 * Patrons in a started campaign who have not pledged or unsubscribed and are due a
	 * mail by now: not yet invited (while their comp lasts), or invited and near or past
	 * their comp's end.
	 */
	List<Recipient> recipients(Instant now, Instant remindFrom, long afterId, int limit) {
		return this.db.resultQuery("""
				select p.id, p.email, p.name, p.paid_through, p.tier_id, p.tier_mapped, p.amount_minor, p.currency,
				       p.billing_interval,
				       (select m.sent_at from campaign_mail m where m.patron_id = p.id and m.kind = 'invitation'),
				       coalesce((select array_agg(m.days_before) from campaign_mail m
				                 where m.patron_id = p.id and m.kind = 'reminder'), '{}'::int[]),
				       exists (select 1 from campaign_mail m where m.patron_id = p.id and m.kind = 'ended'),
				       i.source
				from import_patron p
				join member_import i on i.id = p.first_import_id and i.campaign_started_at is not null
				where p.pledged_at is null and p.id > {3}
				  and not exists (select 1 from campaign_unsubscribe u where lower(u.email) = lower(p.email))
				  and ((not exists (select 1 from campaign_mail m where m.patron_id = p.id and m.kind = 'invitation')
				        and p.paid_through > {0})
				    or (exists (select 1 from campaign_mail m where m.patron_id = p.id and m.kind = 'invitation')
				        and p.paid_through <= {1}
				        and not exists (select 1 from campaign_mail m where m.patron_id = p.id and m.kind = 'ended')))
				order by p.id
				limit {2}""", val(now), val(remindFrom), val(limit), val(afterId))
			.fetch((row) -> new Recipient(row.get(0, Long.class), SupporterSource.of(row.get(12, String.class)),
					row.get(1, String.class), row.get(2, String.class), row.get(3, Instant.class),
					new Invitation(row.get(0, Long.class), row.get(1, String.class), row.get(4, Long.class),
							row.get(5, Boolean.class), row.get(6, Long.class), row.get(7, String.class),
							row.get(8, String.class)),
					row.get(9, Instant.class), List.of(row.get(10, Integer[].class)), row.get(11, Boolean.class)));
	}

	private StoredImport stored(Record row) {
		JSONB map = row.get(MEMBER_IMPORT.TIER_MAP);
		Map<String, String> tierMap = (map != null) ? this.json.readValue(map.data(), new TypeReference<>() {
		}) : Map.of();
		return new StoredImport(row.get(MEMBER_IMPORT.ID), SupporterSource.of(row.get(MEMBER_IMPORT.SOURCE)),
				ImportStatus.of(row.get(MEMBER_IMPORT.STATUS)), row.get(MEMBER_IMPORT.FILE_NAME),
				row.get(MEMBER_IMPORT.FILE_SHA256), row.get(MEMBER_IMPORT.FILE_BYTES), tierMap,
				row.get(MEMBER_IMPORT.ROWS_TOTAL), row.get(MEMBER_IMPORT.ROWS_CREATED),
				row.get(MEMBER_IMPORT.ROWS_UPDATED), row.get(MEMBER_IMPORT.ROWS_UNCHANGED),
				row.get(MEMBER_IMPORT.ROWS_SKIPPED), row.get(MEMBER_IMPORT.UPLOADED_AT),
				row.get(MEMBER_IMPORT.IMPORTED_AT), row.get(MEMBER_IMPORT.CAMPAIGN_STARTED_AT));
	}

	private StoredPatron patron(Record row) {
		return new StoredPatron(row.get(IMPORT_PATRON.ID), row.get(IMPORT_PATRON.EMAIL),
				row.get(IMPORT_PATRON.SUPPORTER_ID), row.get(IMPORT_PATRON.TIER_ID),
				row.get(IMPORT_PATRON.PAID_THROUGH), row.get(IMPORT_PATRON.COMP_ID), row.get(IMPORT_PATRON.ROW_DIGEST),
				row.get(IMPORT_PATRON.PLEDGED_AT) != null);
	}

}
