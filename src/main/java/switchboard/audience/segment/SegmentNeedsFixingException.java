package switchboard.audience.segment;

import switchboard.platform.web.ConflictException;

/**
 * A saved segment whose condition no longer applies (its custom attribute was deleted or changed
 * type): it has no members until someone edits it. The API answers 409 rather than a server error.
 */
public class SegmentNeedsFixingException extends ConflictException {

    public SegmentNeedsFixingException(String segmentName, String reason) {
        super("The segment " + segmentName + " needs fixing: " + reason + ". Edit its conditions.");
    }
}
