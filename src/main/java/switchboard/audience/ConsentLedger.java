package switchboard.audience;

/**
 * Where imports record consent. Declared here, where it is called, and implemented by the
 * compliance module, which owns the ledger: so audience needs no dependency on compliance and
 * compliance may depend on audience (it looks contacts up when a STOP arrives).
 *
 * <p>Both methods join the caller's transaction: an imported batch and its ledger entries commit
 * together or not at all.
 */
public interface ConsentLedger {

    /** Stores the attestation once; returns its id for {@link #recordImportOptIns}. */
    long recordAttestation(ConsentAttestation attestation);

    /** One ledger entry per contact: opted in by the import, with the attestation as evidence. */
    void recordImportOptIns(ConsentAttestation attestation, long attestationId, long[] contactIds);
}
