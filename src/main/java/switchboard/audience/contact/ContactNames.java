package switchboard.audience.contact;

import switchboard.audience.ContactView;

/** How a contact is named on screen and in messages: its name, else its email or phone. */
public final class ContactNames {

    private ContactNames() {
    }

    public static String of(ContactView contact) {
        return of(contact.id(), contact.firstName(), contact.lastName(), contact.email(), contact.phone());
    }

    public static String of(long id, String firstName, String lastName, String email, String phone) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        if (email != null && !email.isBlank()) {
            return email;
        }
        return phone != null && !phone.isBlank() ? phone : "Contact " + id;
    }
}
