/**
 * SMS consent on record (the ledger of opt-ins and opt-outs with their evidence) now; opt-out
 * keywords, quiet hours and frequency caps with the SMS and campaign issues. Depends on audience:
 * it implements the audience's {@link switchboard.audience.ConsentLedger} for imports.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "audience"}, displayName = "Compliance")
package switchboard.compliance;

import org.springframework.modulith.ApplicationModule;
