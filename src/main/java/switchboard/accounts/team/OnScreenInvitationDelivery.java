package switchboard.accounts.team;

import org.springframework.stereotype.Component;
import switchboard.accounts.InvitationDelivery;
import switchboard.accounts.InvitationLetter;

/**
 * The delivery that exists while Switchboard has no mail server: nothing is sent; the team
 * page (or the API response) shows the link once, and the inviter passes it on.
 */
@Component
class OnScreenInvitationDelivery implements InvitationDelivery {

    @Override
    public void deliver(InvitationLetter letter) {
        // Deliberately nothing: the inviter sees the link on screen.
    }
}
