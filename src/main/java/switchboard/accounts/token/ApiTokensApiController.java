package switchboard.accounts.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import switchboard.accounts.Member;
import switchboard.platform.web.ApiController;

import java.util.List;

@ApiController("/api/v1/tokens")
@Tag(name = "API tokens", description = "The calling user's own tokens in this account")
class ApiTokensApiController {

    private final ApiTokens tokens;

    ApiTokensApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(operationId = "listTokens", summary = "Your live tokens in this account (never their secrets)")
    List<ApiToken> list(@AuthenticationPrincipal Member member) {
        return tokens.tokensOf(member);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createToken", summary = "Create a token", description = "The response holds the secret; it is not shown again. Store it like a password.")
    CreatedToken create(@AuthenticationPrincipal Member member, @RequestBody TokenRequest request) {
        var created = tokens.create(member, request.name());
        return new CreatedToken(created.id(), created.name(), created.secret(), created.hint());
    }

    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeToken", summary = "Revoke a token", description = "Requests with it answer 401 from now on. Another user's token answers 404.")
    void revoke(@AuthenticationPrincipal Member member, @PathVariable long tokenId) {
        tokens.revoke(member, tokenId);
    }

    record TokenRequest(String name) {
    }

    record CreatedToken(long id, String name, String token, String hint) {

        @Override
        public String toString() {
            return "CreatedToken[id=" + id + "]";
        }
    }
}
