/**
 * Accounts (tenants), users, roles, invitations, API tokens, sign-in and first-run setup.
 * The API is this package: the {@link switchboard.accounts.Accounts} facade, {@link switchboard.accounts.Member}
 * (the signed-in principal), {@link switchboard.accounts.Role} and the events.
 */
@ApplicationModule(allowedDependencies = "platform :: *", displayName = "Accounts")
package switchboard.accounts;

import org.springframework.modulith.ApplicationModule;
