package switchboard.compliance.consent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.ConsentAttestation;
import switchboard.audience.ConsentEntry;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ManualConsentChange;
import switchboard.compliance.ConsentRecord;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The consent ledger: attestations and consent events. */
@Repository
public class ConsentEventRepository {

    private final JdbcClient jdbc;

    ConsentEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long recordAttestation(ConsentAttestation attestation) {
        return jdbc.sql("""
                        insert into consent_attestations (account_id, source, import_id, text, user_id, attested_at)
                        values (:account, 'import', :import, :text, :user, :at) returning id""")
                .param("account", attestation.accountId()).param("import", attestation.importId())
                .param("text", attestation.text()).param("user", attestation.userId())
                .param("at", Timestamp.from(attestation.attestedAt()))
                .query(Long.class).single();
    }

    /** One opted-in entry per contact, in one statement (an import batch holds tens of thousands). */
    void recordImportOptIns(ConsentAttestation attestation, long attestationId, long[] contactIds) {
        jdbc.sql("""
                        insert into consent_events (account_id, contact_id, status, source, attestation_id, user_id, occurred_at)
                        select :account, c.id, 'opted_in', 'import', :attestation, :user, :at
                        from unnest(cast(:ids as bigint[])) as c(id)""")
                .param("account", attestation.accountId()).param("attestation", attestationId)
                .param("user", attestation.userId()).param("at", Timestamp.from(attestation.attestedAt()))
                .param("ids", LongStream.of(contactIds).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}")))
                .update();
    }

    public List<ConsentRecord> history(long accountId, long contactId) {
        return jdbc.sql("""
                        select e.contact_id, e.status, e.source, a.import_id, e.user_id, coalesce(e.evidence, a.text) as evidence, e.occurred_at
                        from consent_events e left join consent_attestations a on a.id = e.attestation_id
                        where e.account_id = :account and e.contact_id = :contact
                        order by e.occurred_at, e.id""")
                .param("account", accountId).param("contact", contactId)
                .query((row, n) -> new ConsentRecord(row.getLong("contact_id"), ConsentStatus.ofCode(row.getString("status")),
                        row.getString("source"), (Long) row.getObject("import_id"), (Long) row.getObject("user_id"),
                        row.getString("evidence"), row.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    void recordManualChange(ManualConsentChange change) {
        jdbc.sql("""
                        insert into consent_events (account_id, contact_id, status, source, user_id, evidence, occurred_at)
                        values (:account, :contact, :status, 'manual', :user, :evidence, :at)""")
                .param("account", change.accountId()).param("contact", change.contactId()).param("status", change.status().code())
                .param("user", change.userId()).param("evidence", change.evidence()).param("at", Timestamp.from(change.occurredAt()))
                .update();
    }

    /** Newest first, as the profile shows it; evidence and attestation apart, so each is labelled. */
    List<ConsentEntry> entries(long accountId, long contactId) {
        return jdbc.sql("""
                        select e.status, e.source, a.import_id, e.user_id, e.evidence, a.text as attestation, e.occurred_at
                        from consent_events e left join consent_attestations a on a.id = e.attestation_id and a.account_id = e.account_id
                        where e.account_id = :account and e.contact_id = :contact
                        order by e.occurred_at desc, e.id desc""")
                .param("account", accountId).param("contact", contactId)
                .query((row, n) -> new ConsentEntry(ConsentStatus.ofCode(row.getString("status")), row.getString("source"),
                        (Long) row.getObject("import_id"), (Long) row.getObject("user_id"), row.getString("evidence"),
                        row.getString("attestation"), row.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
