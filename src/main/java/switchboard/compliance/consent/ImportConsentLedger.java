package switchboard.compliance.consent;

import org.springframework.stereotype.Component;
import switchboard.audience.ConsentAttestation;
import switchboard.audience.ConsentEntry;
import switchboard.audience.ConsentLedger;
import switchboard.audience.ManualConsentChange;

import java.util.List;

/** The ledger as the audience sees it (imports, manual changes on a profile, the history); joins the caller's transaction. */
@Component
class ImportConsentLedger implements ConsentLedger {

    private final ConsentEventRepository events;

    ImportConsentLedger(ConsentEventRepository events) {
        this.events = events;
    }

    @Override
    public long recordAttestation(ConsentAttestation attestation) {
        return events.recordAttestation(attestation);
    }

    @Override
    public void recordImportOptIns(ConsentAttestation attestation, long attestationId, long[] contactIds) {
        events.recordImportOptIns(attestation, attestationId, contactIds);
    }

    @Override
    public void recordManualChange(ManualConsentChange change) {
        events.recordManualChange(change);
    }

    @Override
    public List<ConsentEntry> history(long accountId, long contactId) {
        return events.entries(accountId, contactId);
    }
}
