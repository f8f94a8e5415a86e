package switchboard.audience.segment;

/** A contact picked by hand for a segment, as the editor lists it. */
public record PickedContact(long id, String firstName, String lastName, String phone, String email) {

    /** "First Last", or the phone or email when the contact has no name. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return phone != null ? phone : email != null ? email : "Contact " + id;
    }

    /** What tells two people of the same name apart: phone, else email. */
    public String detail() {
        return phone != null ? phone : email;
    }
}
