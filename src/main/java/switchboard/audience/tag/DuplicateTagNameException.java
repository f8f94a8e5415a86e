package switchboard.audience.tag;

import switchboard.platform.web.ConflictException;

/** Tag names are unique per account regardless of case, so "vip" clashes with "VIP". */
public class DuplicateTagNameException extends ConflictException {

    public DuplicateTagNameException(String name) {
        super("A tag named " + name + " already exists. Choose another name.");
    }
}
