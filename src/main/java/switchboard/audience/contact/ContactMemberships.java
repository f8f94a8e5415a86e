package switchboard.audience.contact;

import org.springframework.stereotype.Component;
import switchboard.audience.list.ContactList;
import switchboard.audience.list.Lists;
import switchboard.audience.tag.Tag;
import switchboard.audience.tag.Tags;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A contact's tags and lists by name, through the Tags and Lists services: reading them, putting
 * the contact into them (creating the missing ones), and making them exactly a chosen set (the
 * edit form). Names compare ignoring case, as the tags and lists tables do.
 */
@Component
class ContactMemberships {

    private final Tags tags;
    private final Lists lists;

    ContactMemberships(Tags tags, Lists lists) {
        this.tags = tags;
        this.lists = lists;
    }

    List<String> tagsOf(long accountId, long contactId) {
        return tags.tagsOf(accountId, contactId).stream().map(Tag::name).toList();
    }

    List<String> listsOf(long accountId, long contactId) {
        return lists.listsOf(accountId, contactId).stream().map(ContactList::name).toList();
    }

    void add(long accountId, long contactId, List<String> tagNames, List<String> listNames) {
        tagNames.stream().filter(name -> name != null && !name.isBlank()).forEach(name -> tag(accountId, contactId, name));
        listNames.stream().filter(name -> name != null && !name.isBlank())
                .forEach(name -> lists.add(accountId, lists.findOrCreate(accountId, name).id(), new long[] {contactId}));
    }

    /** Makes the contact's tags and lists exactly these names: adds the missing, removes the others. */
    void set(long accountId, long contactId, List<String> tagNames, List<String> listNames) {
        Set<String> wantedTags = keys(tagNames);
        tags.tagsOf(accountId, contactId).stream().filter(tag -> !wantedTags.contains(key(tag.name())))
                .forEach(tag -> tags.untag(accountId, tag.id(), new long[] {contactId}));
        Set<String> wantedLists = keys(listNames);
        lists.listsOf(accountId, contactId).stream().filter(list -> !wantedLists.contains(key(list.name())))
                .forEach(list -> lists.remove(accountId, list.id(), new long[] {contactId}));
        add(accountId, contactId, tagNames, listNames);
    }

    void tag(long accountId, long contactId, String tagName) {
        tags.tag(accountId, tags.findOrCreate(accountId, tagName).id(), new long[] {contactId});
    }

    void untag(long accountId, long contactId, String tagName) {
        tags.tagsOf(accountId, contactId).stream().filter(tag -> key(tag.name()).equals(key(tagName)))
                .forEach(tag -> tags.untag(accountId, tag.id(), new long[] {contactId}));
    }

    void addToList(long accountId, long contactId, String listName) {
        lists.add(accountId, lists.findOrCreate(accountId, listName).id(), new long[] {contactId});
    }

    /** Puts the contact on these lists of the account, all or none: an id of no list of the account is a field error on listIds. */
    void addToLists(long accountId, long contactId, List<Long> listIds) {
        lists.requireOwn(accountId, listIds, "listIds").forEach(listId -> lists.add(accountId, listId, new long[] {contactId}));
    }

    /** Takes the contact off these lists; lists it is not on are no error, ids of no list of the account are. */
    void removeFromLists(long accountId, long contactId, List<Long> listIds) {
        lists.requireOwn(accountId, listIds, "listIds").forEach(listId -> lists.remove(accountId, listId, new long[] {contactId}));
    }

    void removeFromList(long accountId, long contactId, String listName) {
        lists.listsOf(accountId, contactId).stream().filter(list -> key(list.name()).equals(key(listName)))
                .forEach(list -> lists.remove(accountId, list.id(), new long[] {contactId}));
    }

    private static Set<String> keys(List<String> names) {
        return names.stream().filter(name -> name != null && !name.isBlank()).map(ContactMemberships::key).collect(Collectors.toSet());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
