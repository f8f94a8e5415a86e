package switchboard.accounts;

/**
 * Sends an invite link to the person invited. Switchboard has no mail server yet, so the only
 * delivery today shows the link to the inviter, who passes it on; a mail (or chat) delivery is
 * one more bean implementing this, and every delivery bean is called.
 */
public interface InvitationDelivery {

    void deliver(InvitationLetter letter);
}
