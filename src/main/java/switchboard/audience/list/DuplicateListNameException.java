package switchboard.audience.list;

import switchboard.platform.web.ConflictException;

/** List names are unique per account regardless of case. */
public class DuplicateListNameException extends ConflictException {

    public DuplicateListNameException(String name) {
        super("A list named " + name + " already exists. Choose another name.");
    }
}
