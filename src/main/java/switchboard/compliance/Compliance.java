package switchboard.compliance;

import org.springframework.stereotype.Service;
import switchboard.compliance.consent.ConsentEventRepository;

import java.util.List;

/** What other modules may ask of compliance: a contact's consent history. */
@Service
public class Compliance {

    private final ConsentEventRepository events;

    Compliance(ConsentEventRepository events) {
        this.events = events;
    }

    /** The contact's consent history, oldest first. */
    public List<ConsentRecord> consentHistory(long accountId, long contactId) {
        return events.history(accountId, contactId);
    }
}
