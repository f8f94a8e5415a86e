package switchboard.accounts.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import switchboard.accounts.AccountSettings;
import switchboard.accounts.AccountView;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;
import switchboard.platform.web.NotFoundException;

import java.time.Instant;

@ApiController("/api/v1/account")
@Tag(name = "Account", description = "The business the API token belongs to")
class AccountApiController {

    private final AccountService accounts;
    private final AccountRepository repository;

    AccountApiController(AccountService accounts, AccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    @GetMapping
    @Operation(operationId = "getAccount", summary = "The account's name, time zone and default country")
    AccountResponse account(@AuthenticationPrincipal Member member) {
        return AccountResponse.of(current(member));
    }

    @PatchMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "updateAccount", summary = "Change the account's settings (owners and admins)",
            description = "Fields left out keep their value. An invalid field answers 400 with a problem detail whose 'field' names it.")
    AccountResponse update(@AuthenticationPrincipal Member member, @RequestBody AccountPatch patch) {
        AccountView now = current(member);
        accounts.update(member, new AccountSettings(
                patch.name() == null ? now.name() : patch.name(),
                patch.timeZone() == null ? now.timeZone() : patch.timeZone(),
                patch.defaultCountry() == null ? now.defaultCountry() : patch.defaultCountry()));
        return AccountResponse.of(current(member));
    }

    private AccountView current(Member member) {
        return repository.find(member.accountId()).orElseThrow(() -> new NotFoundException("Account"));
    }

    /** timeZone is an IANA zone id (America/New_York); defaultCountry an ISO 3166 code (US). */
    record AccountResponse(long id, String name, @Schema(example = "America/New_York") String timeZone,
                           @Schema(example = "US") String defaultCountry, Instant createdAt) {

        static AccountResponse of(AccountView account) {
            return new AccountResponse(account.id(), account.name(), account.timeZone(), account.defaultCountry(), account.createdAt());
        }
    }

    record AccountPatch(String name, @Schema(example = "America/New_York") String timeZone, @Schema(example = "US") String defaultCountry) {
    }
}
