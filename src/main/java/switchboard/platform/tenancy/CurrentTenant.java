package switchboard.platform.tenancy;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting principal from the security context of the current request. */
public final class CurrentTenant {

    private CurrentTenant() {
    }

    /** The current principal; fails if the request is not authenticated as a member of an account. */
    public static TenantPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("No signed-in member in this request");
    }

    public static long accountId() {
        return principal().accountId();
    }
}
