package switchboard.audience.attribute;

import switchboard.platform.web.FieldError;

import java.util.List;

/**
 * An edit of a list of choices removes choices that contacts hold. Allowed once the admin
 * confirms; the message says how many contacts hold them and what removing them means.
 */
public class ChoicesInUseException extends FieldError {

    private final List<String> choices;
    private final long contacts;

    ChoicesInUseException(List<String> choices, long contacts) {
        super("choices", (contacts == 1 ? "1 contact holds " : contacts + " contacts hold ") + quoted(choices) + ". Once removed, "
                + (choices.size() == 1 ? "it can" : "they can") + " no longer be chosen, and "
                + (contacts == 1 ? "that contact keeps " : "those contacts keep ")
                + (choices.size() == 1 ? "it as it is until someone changes it." : "them as they are until someone changes them."));
        this.choices = List.copyOf(choices);
        this.contacts = contacts;
    }

    /** The removed choices that contacts hold, as the admin defined them. */
    public List<String> choices() {
        return choices;
    }

    public long contacts() {
        return contacts;
    }

    /** 'Gold', 'Silver' */
    public String quotedChoices() {
        return quoted(choices);
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(value -> "'" + value + "'").toList());
    }
}
