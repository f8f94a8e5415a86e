package switchboard.audience.contact;

import switchboard.audience.ConsentStatus;
import switchboard.audience.ContactView;
import switchboard.audience.attribute.AttributeDefinition;
import switchboard.audience.note.Note;

import java.util.List;

/**
 * Everything the profile panel shows of one contact: its fields (default and custom, each
 * editable in place), tags, lists, consent with its history, and teammates' notes.
 */
public record ContactProfile(ContactView contact, String name, List<Field> fields, List<String> tags, List<String> lists,
                             List<ConsentLine> consentHistory, List<NoteLine> notes, String source) {

    /**
     * One editable field: key "phone" or "attributes.birthday", the text an input starts with,
     * and the text shown. attribute is null for default fields.
     */
    public record Field(String key, String label, String value, String display, AttributeDefinition attribute) {

        public String domId() {
            return "field-" + key.replace('.', '-');
        }

        public boolean isLink() {
            return attribute != null && attribute.type().code().equals("url") && !value.isEmpty();
        }
    }

    public record ConsentLine(ConsentStatus status, String statusLabel, String when, String how, String who, String evidence,
                              String attestation) {
    }

    public record NoteLine(Note note, String when, boolean mine) {
    }

    public String consentLabel() {
        return ConsentLabels.of(contact.consentStatus());
    }

    public Field field(String key) {
        return fields.stream().filter(field -> field.key().equals(key)).findFirst().orElse(null);
    }
}
