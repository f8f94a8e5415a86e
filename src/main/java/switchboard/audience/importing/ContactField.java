package switchboard.audience.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The default contact attributes a column can fill, with the header names spreadsheets, CRMs
 * and databases use for them. Headers are compared after lower-casing and dropping everything
 * but letters and digits, so "First Name", "first_name" and "FIRST-NAME" are one synonym.
 */
public enum ContactField {
    FIRST_NAME("first_name", "First name", Set.of("firstname", "fname", "first", "givenname", "forename", "christianname", "contactfirstname")),
    LAST_NAME("last_name", "Last name", Set.of("lastname", "lname", "last", "surname", "familyname", "contactlastname")),
    FULL_NAME("full_name", "Full name (split into first and last)", Set.of("name", "fullname", "contactname", "contact", "customername", "displayname")),
    PHONE("phone", "Phone", Set.of("phone", "phonenumber", "phoneno", "mobile", "mobilephone", "mobilenumber", "mobileno",
            "cell", "cellphone", "cellnumber", "cellphonenumber", "mobilephonenumber", "telephone", "telephonenumber", "tel",
            "sms", "smsnumber", "number", "msisdn", "primaryphone", "phone1", "contactphone", "whatsapp")),
    EMAIL("email", "Email", Set.of("email", "emailaddress", "mail", "emailaddr", "contactemail", "primaryemail", "email1")),
    COMPANY("company", "Company", Set.of("company", "companyname", "organization", "organisation", "org", "business",
            "businessname", "employer", "accountname", "firm"));

    private final String code;
    private final String label;
    private final Set<String> synonyms;

    ContactField(String code, String label, Set<String> synonyms) {
        this.code = code;
        this.label = label;
        this.synonyms = synonyms;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The field a header names, if it is one of the known synonyms. */
    public static Optional<ContactField> forHeader(String header) {
        String key = normalizedHeader(header);
        for (ContactField field : values()) {
            if (field.synonyms.contains(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public static ContactField ofCode(String code) {
        for (ContactField field : values()) {
            if (field.code.equals(code)) {
                return field;
            }
        }
        throw new IllegalArgumentException("Unknown contact field " + code);
    }

    static String normalizedHeader(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]", "");
    }
}
