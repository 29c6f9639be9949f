package org.supporters.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.supporters.catalog.Catalog;
import org.supporters.catalog.Money;
import org.supporters.catalog.Tier;
import org.supporters.importing.ImportRepository.PatronWrite;
import org.supporters.membership.CompGrant;
import org.supporters.membership.MembershipService;
import org.supporters.staff.AuditLog;
import org.supporters.supporter.ImportedSupporter;
import org.supporters.supporter.SupporterImports;
import org.supporters.supporter.SupporterOrigin;
import org.supporters.supporter.SupporterSource;
import org.supporters.supporter.Supporters;

/**
 * The import: a dry run that changes nothing, then, once staff confirm a dry run without
 * blocking problems, every row in one transaction (all or none), audited with the file's
 * hash. The writes go in a few statements for all rows at once, not one per row.
 */
@Service
class MemberImports {

	private final ImportRepository repository;

	private final Supporters supporters;

	private final SupporterImports supporterImports;

	private final MembershipService memberships;

	private final Catalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	MemberImports(ImportRepository repository, Supporters supporters, SupporterImports supporterImports,
			MembershipService memberships, Catalog catalog, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.supporters = supporters;
		this.supporterImports = supporterImports;
		this.memberships = memberships;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/** What importing the file would do, changing nothing. */
	@Transactional(readOnly = true)
	public DryRun dryRun(SupporterSource source, byte[] content, Map<String, String> tierMap) {
		String currency = this.catalog.currency();
		RowReader.Rows rows = RowReader.read(MemberFile.read(content), source, currency, this.clock.instant());
		List<String> emails = rows.rows()
			.stream()
			.filter((row) -> row.email() != null && row.skip() == null)
			.map(MemberRow::email)
			.toList();
		Set<String> here = this.supporters.idsOf(emails).keySet();
		Map<String, StoredPatron> imported = emails.isEmpty() ? Map.of() : this.repository.patrons(emails);
		return new Planner(this.catalog.activeTiers(), lowerKeys(tierMap), here, imported, currency).plan(source,
				Planner.sha256(content), rows);
	}

	/**
	 * Keeps an upload for its dry run and confirmation, with the last import's tier
	 * mapping.
	 */
	@Transactional
	public long upload(SupporterSource source, String fileName, byte[] content, Long staffId) {
		long id = this.repository.insertUpload(source, fileName, Planner.sha256(content), content.length, content,
				staffId, this.clock.instant());
		// a newer export starts from the tier mapping the last import of that source used
		this.repository.newest(50)
			.stream()
			.filter((earlier) -> earlier.imported() && earlier.source() == source)
			.findFirst()
			.ifPresent((earlier) -> this.repository.saveTierMap(id, earlier.tierMap()));
		this.audit.record("import.upload", "import:" + id, Map.of("source", source.code(), "file", fileName, "sha256",
				Planner.sha256(content), "bytes", content.length));
		return id;
	}

	/** The upload's dry run with its current tier mapping. */
	@Transactional(readOnly = true)
	public DryRun dryRun(StoredImport upload) {
		byte[] content = this.repository.content(upload.id());
		return dryRun(upload.source(), (content != null) ? content : new byte[0], upload.tierMap());
	}

	@Transactional
	public void mapTiers(long id, Map<String, String> tierMap) {
		this.repository.saveTierMap(id, lowerKeys(tierMap));
	}

	/** What a confirmation did: the dry run it followed, and whether it imported. */
	record Outcome(DryRun dryRun, boolean imported, String refusal) {
	}

	/**
	 * Imports the upload if its dry run (again, now) has no blocking problem: all rows or
	 * none.
	 */
	@Transactional
	public Outcome confirm(long id, Long staffId) {
		this.repository.lockImports();
		StoredImport upload = this.repository.lock(id).orElseThrow();
		if (upload.imported()) {
			return new Outcome(null, false, "This file was imported already.");
		}
		DryRun dryRun = dryRun(upload);
		if (dryRun.blocked()) {
			return new Outcome(dryRun, false,
					"The dry run has problems that stop the import: fix the file and " + "upload it again.");
		}
		write(upload, dryRun, staffId);
		return new Outcome(dryRun, true, null);
	}

	/**
	 * The command line's import: the dry run and, when it has no blocking problem, every
	 * row, in one transaction; the file is read once and not kept.
	 */
	@Transactional
	public Outcome importFile(SupporterSource source, String fileName, byte[] content, Map<String, String> tierMap) {
		this.repository.lockImports();
		DryRun dryRun = dryRun(source, content, tierMap);
		if (dryRun.blocked()) {
			return new Outcome(dryRun, false, "the dry run has problems that stop the import.");
		}
		long id = this.repository.insertUpload(source, fileName, dryRun.fileSha256(), content.length, null, null,
				this.clock.instant());
		this.repository.saveTierMap(id, lowerKeys(tierMap));
		write(this.repository.lock(id).orElseThrow(), dryRun, null);
		return new Outcome(dryRun, true, null);
	}

	private void write(StoredImport upload, DryRun dryRun, Long staffId) {
		Instant now = this.clock.instant();
		List<RowPlan> writes = dryRun.rows()
			.stream()
			.filter((row) -> row.action() == RowAction.NEW || row.action() == RowAction.UPDATE)
			.toList();
		List<ImportedSupporter> imported = new ArrayList<>(writes.size());
		for (RowPlan plan : writes) {
			MemberRow row = plan.row();
			imported.add(
					new ImportedSupporter(row.email(), row.name(),
							new SupporterOrigin(upload.source(), row.since(),
									(row.lifetimeMinor() != null) ? Money.of(row.lifetimeMinor(), row.currency())
											: null,
									row.externalTier(),
									(row.amountMinor() != null) ? Money.of(row.amountMinor(), row.currency()) : null,
									row.interval(), row.note(), now, now)));
		}
		Map<String, UUID> ids = this.supporterImports.record(imported, now);
		String reason = "Moved from " + ((upload.source() == SupporterSource.PATREON) ? "Patreon" : "a CSV import")
				+ " (import " + upload.id() + "): paid there until this date";
		List<CompGrant> grants = new ArrayList<>();
		Map<UUID, Instant> moved = new HashMap<>();
		Map<String, UUID> keptComps = new HashMap<>();
		for (RowPlan plan : writes) {
			String email = plan.row().email().toLowerCase(Locale.ROOT);
			UUID supporterId = ids.get(email);
			Tier tier = plan.tier();
			StoredPatron previous = plan.previous();
			boolean sameTier = previous != null && previous.compId() != null && tier != null
					&& previous.tierId() != null && previous.tierId() == tier.id();
			if (sameTier) {
				moved.put(previous.compId(), plan.row().paidThrough());
				keptComps.put(email, previous.compId());
				continue;
			}
			if (previous != null && previous.compId() != null) {
				this.memberships.revokeComp(previous.compId(), staffId);
			}
			if (tier != null) {
				grants.add(new CompGrant(supporterId, tier.id(), plan.row().paidThrough(), reason));
			}
		}
		this.memberships.moveCompEnds(moved);
		Map<UUID, UUID> newComps = this.memberships.grantComps(grants, staffId);
		List<PatronWrite> patrons = new ArrayList<>(writes.size());
		for (RowPlan plan : writes) {
			MemberRow row = plan.row();
			String email = row.email().toLowerCase(Locale.ROOT);
			UUID supporterId = ids.get(email);
			UUID compId = keptComps.getOrDefault(email, newComps.get(supporterId));
			patrons.add(new PatronWrite(row.email(), row.name(), supporterId, row.externalTier(),
					(plan.tier() != null) ? plan.tier().id() : null, plan.tierHow() != TierChoice.How.CLOSEST_PRICE,
					row.amountMinor(), row.currency(), (row.interval() != null) ? row.interval().code() : null,
					row.paidThrough(), compId, plan.digest()));
		}
		this.repository.upsertPatrons(upload.id(), patrons, now);
		Map<RowAction, Integer> counts = dryRun.counts();
		this.repository.markImported(upload.id(), counts, dryRun.rows().size(), staffId, now);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", upload.source().code());
		details.put("file", upload.fileName());
		details.put("sha256", upload.fileSha256());
		details.put("rows", dryRun.rows().size());
		details.put("counts",
				counts.entrySet()
					.stream()
					.collect(Collectors.toMap((entry) -> entry.getKey().label(), Map.Entry::getValue)));
		details.put("tiers", upload.tierMap());
		this.audit.record("import.confirm", "import:" + upload.id(), details);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<StoredImport> find(long id) {
		return this.repository.find(id);
	}

	@Transactional(readOnly = true)
	public List<StoredImport> newest() {
		return this.repository.newest(50);
	}

	/** Starts the invitation campaign of an import; false when it had started. */
	@Transactional
	public boolean startCampaign(long id) {
		boolean started = this.repository.startCampaign(id, this.clock.instant());
		if (started) {
			this.audit.record("import.campaign.start", "import:" + id, Map.of());
		}
		return started;
	}

	private static Map<String, String> lowerKeys(Map<String, String> tierMap) {
		Map<String, String> lower = new LinkedHashMap<>();
		tierMap.forEach((name, slug) -> lower.put(Planner.key(name), slug.trim().toLowerCase(Locale.ROOT)));
		return lower;
	}

}
