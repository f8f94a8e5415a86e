package switchboard.accounts.token;

import org.springframework.stereotype.Service;
import switchboard.accounts.Member;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.util.List;
import java.util.Optional;

/** Personal API tokens: made from 256 random bits, shown once, stored as SHA-256 only. */
@Service
public class ApiTokens {

    static final String PREFIX = "sb_";
    private final ApiTokenRepository repository;

    ApiTokens(ApiTokenRepository repository) {
        this.repository = repository;
    }

    public NewToken create(Member creator, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new FieldError("name", "Name the token after where it will be used (at most 100 characters).");
        }
        Secret secret = Secret.random(PREFIX);
        String hint = secret.value().substring(secret.value().length() - 4);
        long id = repository.create(creator.accountId(), creator.userId(), label, secret.sha256(), hint);
        return new NewToken(id, label, secret.value(), hint);
    }

    public List<ApiToken> tokensOf(Member member) {
        return repository.tokensOf(member.accountId(), member.userId());
    }

    public void revoke(Member member, long tokenId) {
        if (!repository.revoke(member.accountId(), member.userId(), tokenId)) {
            throw new NotFoundException("API token " + tokenId);
        }
    }

    Optional<Member> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return repository.memberFor(Secret.sha256(secret)).map(found -> {
            repository.touch(found.tokenId());
            return found.member();
        });
    }

    /** The secret leaves the server only in this value, once. */
    public record NewToken(long id, String name, String secret, String hint) {

        @Override
        public String toString() {
            return "NewToken[id=" + id + ", name=" + name + "]";
        }
    }
}
