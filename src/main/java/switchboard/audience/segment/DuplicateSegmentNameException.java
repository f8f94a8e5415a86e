package switchboard.audience.segment;

import switchboard.platform.web.ConflictException;

/** Segment names are unique per account regardless of case. */
public class DuplicateSegmentNameException extends ConflictException {

    public DuplicateSegmentNameException(String name) {
        super("A segment named " + name + " already exists. Choose another name.");
    }
}
