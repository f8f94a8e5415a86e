package switchboard.inbox.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InboxRepository {

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count(long accountId) {
        return jdbc.sql("select count(*) from inboxes where account_id = :accountId")
                .param("accountId", accountId).query(Integer.class).single();
    }
}
