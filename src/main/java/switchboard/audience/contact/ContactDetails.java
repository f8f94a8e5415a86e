package switchboard.audience.contact;

/**
 * A contact's own fields, validated and normalized (phone in E.164, blanks as null), with its
 * custom attribute values as the JSON object text stored in contacts.attributes.
 */
record ContactDetails(String firstName, String lastName, String phone, String email, String company, String attributesJson) {
}
