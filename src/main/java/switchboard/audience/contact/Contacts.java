package switchboard.audience.contact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import switchboard.accounts.AccountView;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.audience.ConsentEntry;
import switchboard.audience.ConsentLedger;
import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import switchboard.audience.InvalidPhoneNumberException;
import switchboard.audience.ManualConsentChange;
import switchboard.audience.PhoneNumber;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.audience.tag.TagName;
import switchboard.platform.live.LiveEvents;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adding, editing and deleting contacts one at a time (the form, the profile, the API), with the
 * rules every writer of a single contact follows: names and company trimmed, the phone in E.164
 * with the account's default country, a plausible email, custom attribute values valid for their
 * type, a phone or an email present, and no second contact with the same phone or email (the
 * error names the existing one). Every change announces itself to the account's open tabs.
 *
 * <p>A deleted contact can be put back for {@link #UNDO_WINDOW}, with its id, tags, lists and notes.
 */
@Service
public class Contacts {

    public static final Duration UNDO_WINDOW = Duration.ofMinutes(10);
    public static final String LIVE_TYPE = "audience.contact.changed";
    private static final Logger log = LoggerFactory.getLogger(Contacts.class);
    /** Deliberately loose: one @, no spaces, a dot in the domain. The mailbox is the judge of the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int MAX_NAME = 200;
    private static final int MAX_EVIDENCE = 2000;

    private final ContactRepository contacts;
    private final AttributeDefinitionRepository definitions;
    private final ContactMemberships memberships;
    private final ConsentLedger ledger;
    private final Accounts accounts;
    private final LiveEvents live;
    private final Clock clock;

    Contacts(ContactRepository contacts, AttributeDefinitionRepository definitions, ContactMemberships memberships,
             ConsentLedger ledger, Accounts accounts, LiveEvents live, Clock clock) {
        this.contacts = contacts;
        this.definitions = definitions;
        this.memberships = memberships;
        this.ledger = ledger;
        this.accounts = accounts;
        this.live = live;
        this.clock = clock;
    }

    /** Where a contact came from: the Add form or the API. */
    public enum Source {
        MANUAL("manual"), API("api");

        private final String code;

        Source(String code) {
            this.code = code;
        }
    }

    public ContactView get(Member member, long contactId) {
        return contacts.find(member.accountId(), contactId).orElseThrow(() -> notFound(contactId));
    }

    public Optional<ContactView> find(Member member, long contactId) {
        return contacts.find(member.accountId(), contactId);
    }

    /**
     * @throws InvalidContactException   naming every invalid field
     * @throws DuplicateContactException when the phone or email belongs to another contact
     */
    @Transactional
    public ContactView create(Member member, ContactForm form, Source source) {
        ContactDetails details = validate(member.accountId(), form, null);
        long id;
        try {
            id = contacts.insert(member.accountId(), details, source.code, clock.instant());
        } catch (DuplicateKeyException race) {
            // Another request took the phone or email between the check and the insert.
            throw duplicateOf(member.accountId(), details, null).orElseThrow(() -> race);
        }
        memberships.add(member.accountId(), id, form.tags(), form.lists());
        ContactView created = get(member, id);
        log.info("Contact {} created in account {} by user {} ({})", id, member.accountId(), member.userId(), source.code);
        live.publish(member.accountId(), LIVE_TYPE, id, ContactNames.of(created) + " was added by " + member.name());
        return created;
    }

    /** Replaces the contact's fields and custom attributes with the form's; tags and lists are left alone. */
    @Transactional
    public ContactView update(Member member, long contactId, ContactForm form) {
        if (!contacts.lock(member.accountId(), contactId)) {
            throw notFound(contactId);
        }
        ContactDetails details = validate(member.accountId(), form, contactId);
        try {
            contacts.update(member.accountId(), contactId, details, clock.instant());
        } catch (DuplicateKeyException race) {
            throw duplicateOf(member.accountId(), details, contactId).orElseThrow(() -> race);
        }
        ContactView updated = get(member, contactId);
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(updated) + " was edited by " + member.name());
        return updated;
    }

    /** Changes one default field ("phone") or custom attribute ("attributes.birthday"), as inline editing does. */
    @Transactional
    public ContactView updateField(Member member, long contactId, String field, String value) {
        if (!contacts.lock(member.accountId(), contactId)) {
            throw notFound(contactId);
        }
        ContactForm current = current(member, contactId);
        if (!isField(member.accountId(), field)) {
            throw new FieldError(field, "There is no contact field " + field + ".");
        }
        return update(member, contactId, current.with(field, value == null ? "" : value));
    }

    /**
     * The stored contact as a form to change, with only the custom attributes still defined: a
     * value left behind by a deleted attribute must not block editing the contact's other fields.
     */
    public ContactForm current(Member member, long contactId) {
        ContactForm stored = ContactForm.of(get(member, contactId), List.of(), List.of());
        Map<String, String> defined = new LinkedHashMap<>();
        definitions.all(member.accountId()).forEach(definition -> {
            String value = stored.attributes().get(definition.key());
            if (value != null) {
                defined.put(definition.key(), value);
            }
        });
        return new ContactForm(stored.firstName(), stored.lastName(), stored.phone(), stored.email(), stored.company(), defined,
                List.of(), List.of());
    }

    /** True for a default field's key and for "attributes.<key>" of a defined custom attribute. */
    public boolean isField(long accountId, String field) {
        if (List.of("first_name", "last_name", "phone", "email", "company").contains(field)) {
            return true;
        }
        return field != null && field.startsWith("attributes.") && definitions.all(accountId).stream()
                .anyMatch(definition -> field.equals("attributes." + definition.key()));
    }

    /** Deletes the contact; {@link #undoDelete} puts it back within {@link #UNDO_WINDOW}. Returns it as it was. */
    @Transactional
    public ContactView delete(Member member, long contactId) {
        ContactView contact = get(member, contactId);
        Instant now = clock.instant();
        if (!contacts.trash(member.accountId(), contactId, member.userId(), now, now.minus(UNDO_WINDOW))) {
            throw notFound(contactId);
        }
        log.info("Contact {} deleted in account {} by user {}", contactId, member.accountId(), member.userId());
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was deleted by " + member.name());
        return contact;
    }

    /**
     * Restores a contact deleted less than {@link #UNDO_WINDOW} ago.
     *
     * @throws NotFoundException when there is nothing to undo (never deleted, restored already, or too late)
     * @throws ConflictException when its phone or email has been given to another contact since
     */
    @Transactional
    public ContactView undoDelete(Member member, long contactId) {
        Instant after = clock.instant().minus(UNDO_WINDOW);
        ContactView trashed = contacts.trashed(member.accountId(), contactId, after)
                .orElseThrow(() -> new NotFoundException("A deleted contact " + contactId + " that can still be restored"));
        ContactDetails details = new ContactDetails(trashed.firstName(), trashed.lastName(), trashed.phone(), trashed.email(),
                trashed.company(), "{}");
        Optional<DuplicateContactException> taken = duplicateOf(member.accountId(), details, null);
        if (taken.isPresent()) {
            throw new ConflictException("Cannot restore " + ContactNames.of(trashed) + ": " + taken.get().getMessage());
        }
        contacts.restore(member.accountId(), contactId, after);
        log.info("Contact {} restored in account {} by user {}", contactId, member.accountId(), member.userId());
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(trashed) + " was restored by " + member.name());
        return get(member, contactId);
    }

    /**
     * A teammate opts the contact in or out (or back to unknown) by hand: one entry in the
     * compliance ledger with who and the evidence, and the contact's current status in step, in
     * one transaction. Opting in needs evidence (how the contact gave permission).
     */
    @Transactional
    public ContactView changeConsent(Member member, long contactId, ConsentStatus status, String evidence) {
        if (!contacts.lock(member.accountId(), contactId)) {
            throw notFound(contactId);
        }
        if (status == null) {
            throw new FieldError("status", "Choose opted in, opted out or unknown.");
        }
        String text = evidence == null ? "" : evidence.strip();
        if (status == ConsentStatus.OPTED_IN && text.isEmpty()) {
            throw new FieldError("evidence", "Say how the contact gave permission to be texted (for example: signed the form at the front desk on 3 May).");
        }
        if (text.length() > MAX_EVIDENCE) {
            throw new FieldError("evidence", "The evidence has at most " + MAX_EVIDENCE + " characters.");
        }
        Instant now = clock.instant();
        ledger.recordManualChange(new ManualConsentChange(member.accountId(), contactId, status, member.userId(),
                text.isEmpty() ? null : text, now));
        contacts.setConsent(member.accountId(), contactId, status, now);
        ContactView changed = get(member, contactId);
        live.publish(member.accountId(), LIVE_TYPE, contactId,
                "SMS consent of " + ContactNames.of(changed) + " set to " + ConsentLabels.of(status) + " by " + member.name());
        return changed;
    }

    public List<String> tagsOf(Member member, long contactId) {
        return memberships.tagsOf(member.accountId(), contactId);
    }

    public List<String> listsOf(Member member, long contactId) {
        return memberships.listsOf(member.accountId(), contactId);
    }

    /** Tags the contact, creating the tag when no tag of the account has that name (in any case). */
    @Transactional
    public void tag(Member member, long contactId, String tagName) {
        ContactView contact = get(member, contactId);
        String name = tagName(tagName);
        memberships.tag(member.accountId(), contactId, name);
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was tagged " + name + " by " + member.name());
    }

    /** Removes the tag from the contact; a tag it does not have (or that does not exist) is no error. */
    @Transactional
    public void untag(Member member, long contactId, String tagName) {
        ContactView contact = get(member, contactId);
        String name = text(tagName);
        memberships.untag(member.accountId(), contactId, name);
        live.publish(member.accountId(), LIVE_TYPE, contactId, "Tag " + name + " removed from " + ContactNames.of(contact) + " by " + member.name());
    }

    @Transactional
    public void addToList(Member member, long contactId, String listName) {
        ContactView contact = get(member, contactId);
        memberships.addToList(member.accountId(), contactId, listName);
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was added to a list by " + member.name());
    }

    @Transactional
    public void removeFromList(Member member, long contactId, String listName) {
        ContactView contact = get(member, contactId);
        memberships.removeFromList(member.accountId(), contactId, listName == null ? "" : listName);
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was taken off a list by " + member.name());
    }

    /**
     * Adds the contact to the lists named by id (the API), with each list's tags, as adding it to
     * the list from the list's side does. A list it is on already stays.
     *
     * @throws FieldError on listIds when an id is missing or names no list of the account
     */
    @Transactional
    public void addToLists(Member member, long contactId, List<Long> listIds) {
        ContactView contact = get(member, contactId);
        memberships.addToLists(member.accountId(), contactId, requireListIds(listIds));
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was added to lists by " + member.name());
    }

    /**
     * Takes the contact off the lists named by id; it keeps its tags, as when taken off from the
     * list's side.
     *
     * @throws FieldError on listIds when an id is missing or names no list of the account
     */
    @Transactional
    public void removeFromLists(Member member, long contactId, List<Long> listIds) {
        ContactView contact = get(member, contactId);
        memberships.removeFromLists(member.accountId(), contactId, requireListIds(listIds));
        live.publish(member.accountId(), LIVE_TYPE, contactId, ContactNames.of(contact) + " was taken off lists by " + member.name());
    }

    /** The edit form: fields, attributes, and exactly the chosen tags and lists, all or nothing. */
    @Transactional
    public ContactView updateWithMemberships(Member member, long contactId, ContactForm form) {
        ContactView updated = update(member, contactId, form);
        memberships.set(member.accountId(), contactId, form.tags(), form.lists());
        return updated;
    }

    private static List<Long> requireListIds(List<Long> listIds) {
        if (listIds == null) {
            throw new FieldError("listIds", "Give listIds, the ids of the lists (GET /api/v1/lists).");
        }
        return listIds;
    }

    private static String tagName(String text) {
        return new TagName(text).value();
    }

    private static String text(String name) {
        if (name == null || name.isBlank()) {
            throw new FieldError("name", "Name the tag to remove.");
        }
        return name.strip();
    }

    public List<ConsentEntry> consentHistory(Member member, long contactId) {
        get(member, contactId);
        return ledger.history(member.accountId(), contactId);
    }

    public List<AttributeDefinition> attributes(long accountId) {
        return definitions.all(accountId);
    }

    public ZoneId timeZone(long accountId) {
        return accounts.account(accountId).map(account -> ZoneId.of(account.timeZone())).orElse(ZoneId.of("UTC"));
    }

    public String defaultCountry(long accountId) {
        return accounts.account(accountId).map(AccountView::defaultCountry).orElse("US");
    }

    // --- validation ---------------------------------------------------------------------------

    private ContactDetails validate(long accountId, ContactForm form, Long self) {
        List<FieldError> errors = new ArrayList<>();
        String firstName = name(form.firstName(), "first_name", "The first name", errors);
        String lastName = name(form.lastName(), "last_name", "The last name", errors);
        String company = name(form.company(), "company", "The company", errors);
        String phone = null;
        if (!blank(form.phone())) {
            try {
                phone = PhoneNumber.parse(form.phone(), defaultCountry(accountId)).e164();
            } catch (InvalidPhoneNumberException e) {
                errors.add(new FieldError("phone", e.getMessage() + "."));
            }
        }
        String email = blank(form.email()) ? null : form.email().strip();
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "'" + email + "' is not an email address (name@example.com)."));
        }
        if (blank(form.phone()) && email == null) {
            errors.add(new FieldError("phone", "Enter a phone number or an email address: a contact needs at least one."));
        }
        Map<String, Object> held = self == null ? Map.of() : contacts.find(accountId, self).map(ContactView::attributes).orElse(Map.of());
        String attributes = attributes(accountId, form.attributes(), held, errors);
        if (!errors.isEmpty()) {
            throw new InvalidContactException(errors);
        }
        ContactDetails details = new ContactDetails(firstName, lastName, phone, email, company, attributes);
        duplicateOf(accountId, details, self).ifPresent(duplicate -> {
            throw duplicate;
        });
        return details;
    }

    /**
     * The custom attribute values as a JSON object, each valid for its type. One exception: a
     * choice the contact already holds that an admin has since removed from the choices stays as
     * it is, so editing the contact's other fields keeps working; choosing it anew is refused.
     */
    private String attributes(long accountId, Map<String, String> values, Map<String, Object> held, List<FieldError> errors) {
        Map<String, AttributeDefinition> byKey = new LinkedHashMap<>();
        definitions.all(accountId).forEach(definition -> byKey.put(definition.key(), definition));
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, text) -> {
            AttributeDefinition definition = byKey.get(key);
            if (definition == null) {
                errors.add(new FieldError("attributes." + key, "There is no custom attribute '" + key
                        + "'. An admin adds it in Settings, Contact attributes."));
                return;
            }
            if (blank(text)) {
                return;
            }
            String value;
            if (definition.type() == AttributeType.CHOICE && !definition.offers(text) && text.strip().equals(held.get(key))) {
                value = AttributeType.quoted(text.strip());
            } else {
                try {
                    value = definition.type().toJson(text, definition.choices());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("attributes." + key, definition.label() + ": " + e.getMessage() + "."));
                    return;
                }
            }
            json.append(json.length() > 1 ? ", " : "").append(AttributeType.quoted(key)).append(": ").append(value);
        });
        return json.append('}').toString();
    }

    private Optional<DuplicateContactException> duplicateOf(long accountId, ContactDetails details, Long self) {
        if (details.phone() != null) {
            Optional<ContactView> other = contacts.findByPhone(accountId, details.phone())
                    .filter(contact -> self == null || contact.id() != self);
            if (other.isPresent()) {
                return Optional.of(new DuplicateContactException("phone", details.phone(), other.get().id(), ContactNames.of(other.get())));
            }
        }
        if (details.email() != null) {
            Optional<ContactView> other = contacts.findByEmail(accountId, details.email())
                    .filter(contact -> self == null || contact.id() != self);
            if (other.isPresent()) {
                return Optional.of(new DuplicateContactException("email", details.email(), other.get().id(), ContactNames.of(other.get())));
            }
        }
        return Optional.empty();
    }

    private static String name(String text, String field, String what, List<FieldError> errors) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_NAME) {
            errors.add(new FieldError(field, what + " has at most " + MAX_NAME + " characters."));
        }
        return value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static NotFoundException notFound(long contactId) {
        return new NotFoundException("Contact " + contactId);
    }
}
