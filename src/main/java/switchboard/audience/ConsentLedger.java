package switchboard.audience;

import java.util.List;

/**
 * Where imports and teammates record consent, and where the profile reads its history. Declared here, where it is called, and implemented by the
 * compliance module, which owns the ledger: so audience needs no dependency on compliance and
 * compliance may depend on audience (it looks contacts up when a STOP arrives).
 *
 * <p>Every method joins the caller's transaction: an imported batch (or a manual change and the
 * contact's current status) and its ledger entries commit together or not at all.
 */
public interface ConsentLedger {

    /** Stores the attestation once; returns its id for {@link #recordImportOptIns}. */
    long recordAttestation(ConsentAttestation attestation);

    /** One ledger entry per contact: opted in by the import, with the attestation as evidence. */
    void recordImportOptIns(ConsentAttestation attestation, long attestationId, long[] contactIds);

    /** One ledger entry: a teammate opted the contact in or out by hand, with their evidence. */
    void recordManualChange(ManualConsentChange change);

    /** The contact's consent history, newest first. */
    List<ConsentEntry> history(long accountId, long contactId);
}
