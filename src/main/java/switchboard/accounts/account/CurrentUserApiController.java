package switchboard.accounts.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;

@ApiController("/api/v1/me")
@Tag(name = "Current user", description = "Who the API token acts as")
class CurrentUserApiController {

    @GetMapping
    @Operation(operationId = "getCurrentUser", summary = "The token's user, account and role", description = "The role is the user's role in the account now, not when the token was created.")
    CurrentUser me(@AuthenticationPrincipal Member member) {
        return new CurrentUser(member.userId(), member.name(), member.email(), member.accountId(), member.role().code());
    }

    record CurrentUser(long userId, String name, String email, long accountId,
                       @Schema(allowableValues = {"owner", "admin", "agent"}) String role) {
    }
}
