package switchboard.accounts;

/** A user's membership in one account, as the team list and other modules see it. */
public record Teammate(long userId, String email, String name, Role role, boolean active) {
}
