package switchboard.audience.importing;

import switchboard.platform.web.FieldError;

import java.util.List;

/**
 * The importer's choices besides the mapping: the list the contacts go to (created if new), the
 * tags they get, what to do with duplicates, and the consent attestation (null when the
 * importer does not attest; the contacts' consent then stays as it is).
 */
public record ImportOptions(String listName, List<String> tags, DuplicatePolicy duplicatePolicy, String consentAttestation) {

    public ImportOptions {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        duplicatePolicy = duplicatePolicy == null ? DuplicatePolicy.UPDATE_EMPTY : duplicatePolicy;
        consentAttestation = consentAttestation == null || consentAttestation.isBlank() ? null : consentAttestation.strip();
    }

    void requireValid() {
        if (listName == null || listName.isBlank()) {
            throw new FieldError("listName", "Name the list the imported contacts go to");
        }
        if (listName.strip().length() > 100) {
            throw new FieldError("listName", "A list name has at most 100 characters");
        }
        for (String tag : tags) {
            if (tag.length() > 60) {
                throw new FieldError("tags", "Tag '" + tag.substring(0, 20) + "...' is longer than 60 characters");
            }
        }
        if (consentAttestation != null && consentAttestation.length() > 2000) {
            throw new FieldError("consentAttestation", "The consent statement has at most 2000 characters");
        }
    }
}
