package switchboard.accounts;

/** A new account (business) exists; its creator is its owner. */
public record AccountCreated(long accountId) {
}
