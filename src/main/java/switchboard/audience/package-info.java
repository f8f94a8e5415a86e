/**
 * Contacts, custom attributes, tags, lists, segments, search and contact imports. The API is
 * this package: the {@link switchboard.audience.Audience} facade, {@link switchboard.audience.PhoneNumber},
 * {@link switchboard.audience.ContactView}, the events ({@link switchboard.audience.ContactsImported})
 * and {@link switchboard.audience.ConsentLedger}, the interface through which imports record consent
 * in the compliance module's ledger (declared here because audience is its caller).
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "accounts"}, displayName = "Audience")
package switchboard.audience;

import org.springframework.modulith.ApplicationModule;
