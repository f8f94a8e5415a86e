package switchboard.audience.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import switchboard.audience.filter.SqlCondition;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Bulk changes as single set-based statements over the contacts a {@link SqlCondition} chooses
 * (a filter's, or "c.id in (...)" for a selection): tagging a million contacts is one insert ...
 * select inside the database, never a million ids in Java. Every statement names the account,
 * both for the contacts and for the rows it writes.
 */
@Repository
class BulkActionRepository {

    private final JdbcClient jdbc;

    BulkActionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tags every chosen contact; returns how many were newly tagged. */
    int tagMatching(long accountId, long tagId, SqlCondition condition) {
        return jdbc.sql("""
                        insert into contact_tags (account_id, tag_id, contact_id)
                        select c.account_id, :b_tag, c.id from contacts c where c.account_id = :b_account and (%s)
                        on conflict do nothing""".formatted(condition.sql()))
                .param("b_account", accountId).param("b_tag", tagId).params(condition.params()).update();
    }

    /** Removes the tag from every chosen contact; returns how many carried it. */
    int untagMatching(long accountId, long tagId, SqlCondition condition) {
        return jdbc.sql("""
                        delete from contact_tags ct using contacts c
                        where ct.account_id = :b_account and ct.tag_id = :b_tag
                          and c.account_id = :b_account and c.id = ct.contact_id and (%s)""".formatted(condition.sql()))
                .param("b_account", accountId).param("b_tag", tagId).params(condition.params()).update();
    }

    /**
     * Adds every chosen contact to the list, and gives the newly added ones the tags applied to
     * the list as a whole (as adding one contact does); returns how many were newly added.
     */
    int addToListMatching(long accountId, long listId, SqlCondition condition, Instant now) {
        return jdbc.sql("""
                        with added as (
                            insert into list_members (account_id, list_id, contact_id, added_at)
                            select c.account_id, :b_list, c.id, :b_now from contacts c where c.account_id = :b_account and (%s)
                            on conflict do nothing
                            returning contact_id),
                        tagged as (
                            insert into contact_tags (account_id, tag_id, contact_id)
                            select :b_account, lt.tag_id, a.contact_id from added a
                            join list_tags lt on lt.account_id = :b_account and lt.list_id = :b_list
                            on conflict do nothing)
                        select count(*) from added""".formatted(condition.sql()))
                .param("b_account", accountId).param("b_list", listId).param("b_now", Timestamp.from(now))
                .params(condition.params()).query(Integer.class).single();
    }

    /** Deletes every chosen contact (the contacts trigger removes what names them); returns how many. */
    int deleteMatching(long accountId, SqlCondition condition) {
        return jdbc.sql("delete from contacts c where c.account_id = :b_account and (%s)".formatted(condition.sql()))
                .param("b_account", accountId).params(condition.params()).update();
    }

    int countMatching(long accountId, SqlCondition condition) {
        return jdbc.sql("select count(*) from contacts c where c.account_id = :b_account and (%s)".formatted(condition.sql()))
                .param("b_account", accountId).params(condition.params()).query(Integer.class).single();
    }
}
