package org.supporters.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import org.supporters.catalog.Money;

import static org.jooq.impl.DSL.val;

/** The campaign report's aggregates, each one query over the import's patrons. */
@Repository
class CampaignReportRepository {

	private final DSLContext db;

	CampaignReportRepository(DSLContext db) {
		this.db = db;
	}

	CampaignReport report(long importId, Instant importedAt, Instant now) {
		var totals = this.db.resultQuery("""
				select count(*),
				       count(*) filter (where exists (select 1 from campaign_mail m
				                                      where m.patron_id = p.id and m.kind = 'invitation')),
				       count(*) filter (where p.opened_at is not null),
				       count(*) filter (where p.pledged_at is not null),
				       count(*) filter (where p.pledged_at is null and p.paid_through > {1}),
				       count(*) filter (where p.pledged_at is null and p.paid_through <= {1}),
				       count(*) filter (where exists (select 1 from campaign_unsubscribe u
				                                      where lower(u.email) = lower(p.email)))
				from import_patron p where p.first_import_id = {0}""", val(importId), val(now)).fetchSingle();
		List<Money> mrr = this.db.resultQuery("""
				select pledge_currency, sum(pledge_monthly_minor) from import_patron
				where first_import_id = {0} and pledged_at is not null
				group by pledge_currency order by pledge_currency""", val(importId))
			.fetch((row) -> Money.of(row.get(1, Long.class), row.get(0, String.class)));
		List<CampaignReport.TierLine> tiers = this.db.resultQuery("""
				select coalesce(external_tier, ''), count(*),
				       count(*) filter (where pledged_at is not null),
				       count(*) filter (where pledged_at is null and paid_through > {1}),
				       count(*) filter (where pledged_at is null and paid_through <= {1})
				from import_patron where first_import_id = {0}
				group by 1 order by 2 desc, 1""", val(importId), val(now))
			.fetch((row) -> new CampaignReport.TierLine(row.get(0, String.class), row.get(1, Long.class),
					row.get(2, Long.class), row.get(3, Long.class), row.get(4, Long.class)));
		List<CampaignReport.Week> weeks = this.db.resultQuery("""
				select to_char(w at time zone 'UTC', 'YYYY-MM-DD'),
				       (select count(*) from import_patron p where p.first_import_id = {0}
				          and p.pledged_at >= w and p.pledged_at < w + interval '7 days'),
				       (select count(*) from import_patron p where p.first_import_id = {0} and p.pledged_at is null
				          and p.paid_through >= w and p.paid_through < w + interval '7 days' and p.paid_through <= {2})
				from generate_series(date_trunc('week', {1}::timestamptz, 'UTC'),
				                     date_trunc('week', {2}::timestamptz, 'UTC'), interval '7 days') as w
				order by w""", val(importId), val(importedAt), val(now))
			.fetch((row) -> new CampaignReport.Week(row.get(0, String.class), row.get(1, Long.class),
					row.get(2, Long.class)));
		// the last half year of weeks
		weeks = weeks.subList(Math.max(0, weeks.size() - 26), weeks.size());
		return new CampaignReport(totals.get(0, Long.class), totals.get(1, Long.class), totals.get(2, Long.class),
				totals.get(3, Long.class), mrr, totals.get(4, Long.class), totals.get(5, Long.class),
				totals.get(6, Long.class), tiers, weeks);
	}

	/** The campaign's mails to a supporter, oldest first. */
	List<CampaignMailSent> mails(UUID supporterId) {
		return this.db.resultQuery("""
				select m.kind, m.days_before, m.subject, m.sent_at from campaign_mail m
				join import_patron p on p.id = m.patron_id where p.supporter_id = {0}
				order by m.sent_at, m.kind""", val(supporterId))
			.fetch((row) -> new CampaignMailSent(row.get(2, String.class), row.get(3, Instant.class)));
	}

}
