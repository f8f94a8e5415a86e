package switchboard.accounts.team;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import switchboard.accounts.InvitationDelivery;
import switchboard.accounts.InvitationLetter;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.signin.SignInThrottle;
import switchboard.accounts.token.Secret;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invites teammates by link. The link carries 256 random bits; only their SHA-256 is stored, so
 * the database alone cannot be used to join an account. A link works once, for seven days.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final InvitationRepository invitations;
    private final MemberRepository members;
    private final List<InvitationDelivery> deliveries;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final Clock clock;

    Invitations(InvitationRepository invitations, MemberRepository members, List<InvitationDelivery> deliveries,
                PasswordEncoder passwords, SignInThrottle throttle, Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.deliveries = deliveries;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Creates an invite and hands its link to every delivery; the link is returned to show once. */
    @Transactional
    public NewInvitation invite(Member inviter, String email, String roleCode, URI baseUrl) {
        String address = ValidEmail.normalize(email);
        Role role = Role.parse(roleCode);
        if (role == Role.OWNER && inviter.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can invite another owner.");
        }
        members.teammateByEmail(inviter.accountId(), address).ifPresent(existing -> {
            throw new FieldError("email", existing.active()
                    ? address + " is already a member of this account."
                    : address + " was deactivated in this account. Reactivate them in the team list instead.");
        });
        Instant now = clock.instant();
        invitations.revokePendingFor(inviter.accountId(), address, now);
        Secret token = Secret.random("");
        long id = invitations.create(inviter.accountId(), address, role, token.sha256(), inviter.userId(), now, now.plus(VALIDITY));
        Invitation invitation = invitations.find(inviter.accountId(), id).orElseThrow();
        URI link = UriComponentsBuilder.fromUri(baseUrl).path("/invitations/{token}").buildAndExpand(token.value()).toUri();
        var letter = new InvitationLetter(invitation.accountId(), invitation.accountName(), address, role, inviter.name(), link,
                invitation.expiresAt());
        deliveries.forEach(delivery -> delivery.deliver(letter));
        return new NewInvitation(invitation, link);
    }

    public List<Invitation> pending(Member viewer) {
        return invitations.pending(viewer.accountId(), clock.instant());
    }

    public void revoke(Member manager, long invitationId) {
        if (!invitations.revoke(manager.accountId(), invitationId, clock.instant())) {
            throw new NotFoundException("Pending invitation " + invitationId);
        }
    }

    /** What a link offers, whatever its state; empty when the link was never issued. */
    public Optional<Offer> offer(String token) {
        return invitations.findByTokenHash(Secret.sha256(token))
                .map(invitation -> new Offer(invitation, invitation.status(clock.instant()),
                        members.findUserByEmail(invitation.email()).isPresent()));
    }

    /** Someone new: creates their user with the invited email, then the membership. */
    @Transactional
    public Member acceptAsNewUser(String token, String name, NewPassword password) {
        Invitation invitation = pendingInvitation(token);
        String fullName = name == null ? "" : name.strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            throw new FieldError("name", "Enter your name (at most 200 characters).");
        }
        if (members.findUserByEmail(invitation.email()).isPresent()) {
            throw new ConflictException("You already have a Switchboard user. Reload the page and confirm with your password.");
        }
        claim(invitation);
        long userId;
        try {
            userId = members.createUser(invitation.email(), fullName, passwords.encode(password.value()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("You already have a Switchboard user. Reload the page and confirm with your password.");
        }
        return join(invitation, userId);
    }

    /**
     * Someone who already has a user (in another account): their password proves the link
     * reached its owner. Throttled like sign-in, since it answers whether a password is right.
     */
    @Transactional(noRollbackFor = FieldError.class)
    public Member acceptAsExistingUser(String token, String password, String remoteAddress) {
        Invitation invitation = pendingInvitation(token);
        throttle.check(invitation.email(), remoteAddress);
        MemberRepository.User user = members.findUserByEmail(invitation.email())
                .orElseThrow(() -> new ConflictException("Reload the page: this invite now asks you to choose a password."));
        if (password == null || !passwords.matches(password, user.passwordHash())) {
            throttle.recordFailure(invitation.email(), remoteAddress);
            throw new FieldError("password", "That is not the password of " + invitation.email() + ".");
        }
        throttle.recordSuccess(invitation.email());
        claim(invitation);
        return join(invitation, user.id());
    }

    private Invitation pendingInvitation(String token) {
        Offer offer = offer(token).orElseThrow(() -> new NotFoundException("Invitation"));
        if (offer.status() != Invitation.Status.PENDING) {
            throw new ConflictException(offer.explanation());
        }
        return offer.invitation();
    }

    private void claim(Invitation invitation) {
        if (!invitations.claim(invitation.id(), clock.instant())) {
            throw new ConflictException("This invite was used, revoked or expired a moment ago.");
        }
    }

    private Member join(Invitation invitation, long userId) {
        if (!members.join(invitation.accountId(), userId, invitation.role())) {
            throw new ConflictException("You already belong to " + invitation.accountName()
                    + ". If your access was turned off, ask one of its admins to turn it on again.");
        }
        // The next sign-in lands in the account just joined.
        members.markUsed(invitation.accountId(), userId, clock.instant());
        return members.activeMember(invitation.accountId(), userId).orElseThrow();
    }

    /** An invite as its link shows it, and whether the invited email has a user already. */
    public record Offer(Invitation invitation, Invitation.Status status, boolean existingUser) {

        public String explanation() {
            return switch (status) {
                case PENDING -> "This invite is waiting for you.";
                case ACCEPTED -> "This invite has already been used. Sign in with its email address.";
                case REVOKED -> "This invite was withdrawn. Ask an admin of " + invitation.accountName() + " for a new one.";
                case EXPIRED -> "This invite has expired. Ask an admin of " + invitation.accountName() + " for a new one.";
            };
        }
    }

    /** The link is in here and nowhere else: shown once to the inviter. */
    public record NewInvitation(Invitation invitation, URI link) {

        @Override
        public String toString() {
            return "NewInvitation[id=" + invitation.id() + "]";
        }
    }
}
