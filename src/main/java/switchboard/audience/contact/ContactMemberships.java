package switchboard.audience.contact;

import org.springframework.stereotype.Component;

import java.util.List;

/** Puts a contact into tags and lists by name, creating the ones that do not exist yet. */
@Component
class ContactMemberships {

    void add(long accountId, long contactId, List<String> tagNames, List<String> listNames) {
        if (!tagNames.isEmpty() || !listNames.isEmpty()) {
            throw new UnsupportedOperationException("tags and lists arrive with the Tags and Lists services");
        }
    }
}
