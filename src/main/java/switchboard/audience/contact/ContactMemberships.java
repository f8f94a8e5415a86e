package switchboard.audience.contact;

import org.springframework.stereotype.Component;
import switchboard.audience.list.ListRepository;
import switchboard.audience.tag.TagRepository;

import java.util.List;

/** A contact's tags and lists by name: reading them, and putting the contact into them (creating missing ones). */
@Component
class ContactMemberships {

    private final TagRepository tags;
    private final ListRepository lists;

    ContactMemberships(TagRepository tags, ListRepository lists) {
        this.tags = tags;
        this.lists = lists;
    }

    List<String> tagsOf(long accountId, long contactId) {
        return tags.namesOf(accountId, contactId);
    }

    List<String> listsOf(long accountId, long contactId) {
        return lists.namesOf(accountId, contactId);
    }

    void add(long accountId, long contactId, List<String> tagNames, List<String> listNames) {
        if (!tagNames.isEmpty() || !listNames.isEmpty()) {
            throw new UnsupportedOperationException("tags and lists arrive with the Tags and Lists services");
        }
    }

    void tag(long accountId, long contactId, String tagName) {
        throw new UnsupportedOperationException("tags arrive with the Tags service");
    }

    void untag(long accountId, long contactId, String tagName) {
        throw new UnsupportedOperationException("tags arrive with the Tags service");
    }
}
