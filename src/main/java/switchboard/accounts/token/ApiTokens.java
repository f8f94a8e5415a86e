package switchboard.accounts.token;

import org.springframework.stereotype.Service;
import switchboard.accounts.Member;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: made from 256 random bits, shown once, stored as SHA-256 only. */
@Service
public class ApiTokens {

    static final String PREFIX = "sb_";
    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository repository;

    ApiTokens(ApiTokenRepository repository) {
        this.repository = repository;
    }

    public NewToken create(Member creator, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new FieldError("name", "Name the token after where it will be used (at most 100 characters).");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hint = secret.substring(secret.length() - 4);
        long id = repository.create(creator.accountId(), creator.userId(), label, sha256(secret), hint);
        return new NewToken(id, label, secret, hint);
    }

    public List<ApiTokenRepository.ApiToken> tokensOf(Member member) {
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
        return repository.memberFor(sha256(secret)).map(found -> {
            repository.touch(found.tokenId());
            return found.member();
        });
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The secret leaves the server only in this value, once. */
    public record NewToken(long id, String name, String secret, String hint) {
    }
}
