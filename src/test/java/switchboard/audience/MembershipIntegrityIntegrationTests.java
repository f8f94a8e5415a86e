package switchboard.audience;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-statement checks that replaced the foreign keys from memberships and consent entries
 * (migrations audience 1500 and compliance 1510): what the foreign keys guaranteed still holds,
 * and the account must match too.
 */
@SwitchboardTest
class MembershipIntegrityIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aTagOrListOfAnotherAccountOrOfNoneIsRefused() {
        long mine = tenants.create("Integrity Mine " + System.nanoTime()).accountId();
        long theirs = tenants.create("Integrity Theirs " + System.nanoTime()).accountId();
        long contact = new AudienceRows(jdbc).contact(mine, "Ann", "Lee");
        long theirTag = tag(theirs, "Theirs");
        long theirList = list(theirs, "Theirs");

        assertThatThrownBy(() -> jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, :t, :c)")
                .param("a", mine).param("t", theirTag).param("c", contact).update())
                .hasMessageContaining("tag " + theirTag + " does not exist in account " + mine);
        assertThatThrownBy(() -> jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, -1, :c)")
                .param("a", mine).param("c", contact).update())
                .hasMessageContaining("tag -1 does not exist");
        assertThatThrownBy(() -> jdbc.sql("insert into list_members (account_id, list_id, contact_id) values (:a, :l, :c)")
                .param("a", mine).param("l", theirList).param("c", contact).update())
                .hasMessageContaining("list " + theirList + " does not exist in account " + mine);
        assertThat(jdbc.sql("select count(*) from contact_tags where contact_id = :c").param("c", contact).query(Long.class).single())
                .isZero();
    }

    @Test
    void aConsentEntryNeedsAnAttestationOfItsOwnAccount() {
        long mine = tenants.create("Integrity Consent Mine " + System.nanoTime()).accountId();
        long theirs = tenants.create("Integrity Consent Theirs " + System.nanoTime()).accountId();
        long contact = new AudienceRows(jdbc).contact(mine, "Ann", "Lee");
        long theirAttestation = jdbc.sql("""
                        insert into consent_attestations (account_id, source, text, attested_at)
                        values (:a, 'import', 'They agreed.', now()) returning id""")
                .param("a", theirs).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into consent_events (account_id, contact_id, status, source, attestation_id, occurred_at)
                        values (:a, :c, 'opted_in', 'import', :attestation, now())""")
                .param("a", mine).param("c", contact).param("attestation", theirAttestation).update())
                .hasMessageContaining("consent attestation " + theirAttestation + " does not exist in account " + mine);
        jdbc.sql("""
                        insert into consent_events (account_id, contact_id, status, source, occurred_at)
                        values (:a, :c, 'opted_out', 'manual', now())""")
                .param("a", mine).param("c", contact).update();
    }

    @Test
    void deletingATagOrListRemovesItsMembershipsAndKeepsTheContacts() {
        long account = tenants.create("Integrity Delete " + System.nanoTime()).accountId();
        AudienceRows rows = new AudienceRows(jdbc);
        long ann = rows.contact(account, "Ann", "Lee");
        long bob = rows.contact(account, "Bob", "Ray");
        long vip = tag(account, "VIP");
        long other = tag(account, "Other");
        long leads = list(account, "Leads");
        for (long contact : new long[]{ann, bob}) {
            jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, :t, :c), (:a, :o, :c)")
                    .param("a", account).param("t", vip).param("o", other).param("c", contact).update();
            jdbc.sql("insert into list_members (account_id, list_id, contact_id) values (:a, :l, :c)")
                    .param("a", account).param("l", leads).param("c", contact).update();
        }

        jdbc.sql("delete from tags where id = :t").param("t", vip).update();
        jdbc.sql("delete from lists where id = :l").param("l", leads).update();

        assertThat(count("select count(*) from contact_tags where account_id = :a and tag_id = :id", account, vip)).isZero();
        assertThat(count("select count(*) from contact_tags where account_id = :a and tag_id = :id", account, other)).isEqualTo(2);
        assertThat(count("select count(*) from list_members where account_id = :a and list_id = :id", account, leads)).isZero();
        assertThat(rows.contactCount(account)).isEqualTo(2);
    }

    /** As with the foreign key: the delete waits for the tagging transaction, then removes what it committed. */
    @Test
    void aTagDeletedWhileContactsAreBeingTaggedTakesTheirTagsWithIt() throws Exception {
        long account = tenants.create("Integrity Race " + System.nanoTime()).accountId();
        long ann = new AudienceRows(jdbc).contact(account, "Ann", "Lee");
        long vip = tag(account, "VIP");

        try (Connection tagging = dataSource.getConnection(); Connection deleting = dataSource.getConnection()) {
            tagging.setAutoCommit(false);
            execute(tagging, "insert into contact_tags (account_id, tag_id, contact_id) values (" + account + ", " + vip + ", " + ann + ")");

            CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> execute(deleting, "delete from tags where id = " + vip));
            Thread.sleep(300);
            assertThat(delete).as("the delete waits for the tagging transaction").isNotDone();

            tagging.commit();
            delete.get(10, TimeUnit.SECONDS);
        }
        assertThat(count("select count(*) from contact_tags where account_id = :a and tag_id = :id", account, vip)).isZero();
    }

    private long tag(long account, String name) {
        return jdbc.sql("insert into tags (account_id, name) values (:a, :n) returning id")
                .param("a", account).param("n", name).query(Long.class).single();
    }

    private long list(long account, String name) {
        return jdbc.sql("insert into lists (account_id, name) values (:a, :n) returning id")
                .param("a", account).param("n", name).query(Long.class).single();
    }

    private long count(String sql, long account, long id) {
        return jdbc.sql(sql).param("a", account).param("id", id).query(Long.class).single();
    }

    private static void execute(Connection connection, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
