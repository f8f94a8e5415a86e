package switchboard.platform.tenancy;

/**
 * Who is acting and in which account. Every tenant-scoped query takes its account id from here
 * (the signed-in user's current account, or the API token's account), never from the request.
 */
public interface TenantPrincipal {

    long accountId();

    long userId();
}
