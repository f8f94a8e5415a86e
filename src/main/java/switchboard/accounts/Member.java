package switchboard.accounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import switchboard.platform.tenancy.TenantPrincipal;

import java.io.Serializable;
import java.util.List;

/**
 * The principal of every authenticated request: a user acting in one account with one role.
 * Kept in the (database-stored) session, so it must stay serializable; the role and active flag
 * are re-read on every request so a change by an admin applies at once.
 */
public record Member(long userId, long accountId, String email, String name, Role role)
        implements TenantPrincipal, Serializable {

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    public boolean managesAccount() {
        return role.managesAccount();
    }

    public Member withRole(Role newRole) {
        return new Member(userId, accountId, email, name, newRole);
    }

    /** Free of personal data, since principals end up in logs and error messages. */
    @Override
    public String toString() {
        return "Member[userId=" + userId + ", accountId=" + accountId + ", role=" + role + "]";
    }
}
