package switchboard.audience.importing;

/**
 * What an import does to a contact that already exists (same phone or same email), and to a
 * row repeating an earlier row of the same file. Empty cells never erase a stored value.
 */
public enum DuplicatePolicy {
    /** Fill only the contact's empty attributes from the row. */
    UPDATE_EMPTY,
    /** Replace the contact's attributes with the row's non-empty values. */
    OVERWRITE,
    /** Leave the contact as it is (it is still added to the list and tagged). */
    SKIP
}
