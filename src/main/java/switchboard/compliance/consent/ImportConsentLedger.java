package switchboard.compliance.consent;

import org.springframework.stereotype.Component;
import switchboard.audience.ConsentAttestation;
import switchboard.audience.ConsentLedger;

/** The ledger as the audience's imports see it; joins the import batch's transaction. */
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
}
