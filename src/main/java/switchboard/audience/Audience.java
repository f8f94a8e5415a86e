package switchboard.audience;

import org.springframework.stereotype.Service;
import switchboard.audience.contact.ContactRepository;

import java.util.Optional;

/** What other modules may ask of the audience: contacts by id, phone or email. */
@Service
public class Audience {

    private final ContactRepository contacts;

    Audience(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Optional<ContactView> contact(long accountId, long contactId) {
        return contacts.find(accountId, contactId);
    }

    public Optional<ContactView> contactByPhone(long accountId, PhoneNumber phone) {
        return contacts.findByPhone(accountId, phone.e164());
    }

    public Optional<ContactView> contactByEmail(long accountId, String email) {
        return contacts.findByEmail(accountId, email);
    }
}
