package switchboard.audience.contact;

import switchboard.audience.ContactView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact as typed into the form or sent to the API, before validation: texts as given,
 * custom attribute values as text by attribute key (a blank value clears it), and the names of
 * tags and lists to put it in (new names create the tag or list).
 */
public record ContactForm(String firstName, String lastName, String phone, String email, String company,
                          Map<String, String> attributes, List<String> tags, List<String> lists) {

    public ContactForm {
        attributes = attributes == null ? Map.of() : attributes;
        tags = tags == null ? List.of() : tags;
        lists = lists == null ? List.of() : lists;
    }

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", "", Map.of(), List.of(), List.of());
    }

    /** The stored contact as form values (phone in E.164, attribute values as their text). */
    public static ContactForm of(ContactView contact, List<String> tags, List<String> lists) {
        Map<String, String> attributes = new LinkedHashMap<>();
        contact.attributes().forEach((key, value) -> attributes.put(key, value == null ? "" : String.valueOf(value)));
        return new ContactForm(text(contact.firstName()), text(contact.lastName()), text(contact.phone()), text(contact.email()),
                text(contact.company()), attributes, tags, lists);
    }

    /** The same contact with one default field or custom attribute ("attributes.<key>") changed. */
    public ContactForm with(String field, String value) {
        return switch (field) {
            case "first_name" -> new ContactForm(value, lastName, phone, email, company, attributes, tags, lists);
            case "last_name" -> new ContactForm(firstName, value, phone, email, company, attributes, tags, lists);
            case "phone" -> new ContactForm(firstName, lastName, value, email, company, attributes, tags, lists);
            case "email" -> new ContactForm(firstName, lastName, phone, value, company, attributes, tags, lists);
            case "company" -> new ContactForm(firstName, lastName, phone, email, value, attributes, tags, lists);
            default -> {
                if (!field.startsWith("attributes.")) {
                    throw new IllegalArgumentException("Not a contact field: " + field);
                }
                Map<String, String> changed = new LinkedHashMap<>(attributes);
                changed.put(field.substring("attributes.".length()), value);
                yield new ContactForm(firstName, lastName, phone, email, company, changed, tags, lists);
            }
        };
    }

    /** The form's value of a default field or "attributes.<key>". */
    public String value(String field) {
        return switch (field) {
            case "first_name" -> firstName;
            case "last_name" -> lastName;
            case "phone" -> phone;
            case "email" -> email;
            case "company" -> company;
            default -> attributes.getOrDefault(field.substring(field.indexOf('.') + 1), "");
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
