package switchboard.audience.filter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.ConsentStatus;
import switchboard.audience.attribute.AttributeDefinitionRepository;
import switchboard.audience.attribute.AttributeType;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SwitchboardTest
class ContactQueriesIntegrationTests {

    @Autowired ContactQueries queries;
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired AttributeDefinitionRepository definitions;

    long account;
    long other;
    long john;
    long joanna;
    long mary;
    long percy;

    @BeforeEach
    void contacts() {
        account = tenants.create("Queries").accountId();
        other = tenants.create("Other").accountId();
        definitions.create(account, "city", "City", AttributeType.TEXT, List.of());
        definitions.create(account, "visits", "Visits", AttributeType.NUMBER, List.of());
        definitions.create(account, "renewal", "Renewal", AttributeType.DATE, List.of());
        definitions.create(account, "vip", "VIP", AttributeType.BOOLEAN, List.of());
        definitions.create(account, "plan", "Plan", AttributeType.CHOICE, List.of("Basic", "Pro"));
        john = add(account, "John", "Smith", "+12122340101", "john@example.com", """
                {"city": "Austin", "visits": 12, "renewal": "2026-03-01", "vip": true, "plan": "Pro"}""", "opted_in");
        joanna = add(account, "Joanna", "Johnson", "+12122340102", null, """
                {"city": "Boston", "visits": 3, "renewal": "2027-01-15", "vip": false, "plan": "Basic"}""", "unknown");
        mary = add(account, "Mary", "Major", null, "mary@example.com", "{}", "opted_out");
        percy = add(account, "Percy", "Austin", "+12122340104", null, """
                {"visits": 100}""", "unknown");
        add(other, "John", "Smith", "+12122340101", "john@example.com", """
                {"city": "Austin"}""", "opted_in");
    }

    @Test
    void everyoneIsEveryContactOfTheAccountInIdOrder() {
        assertThat(ids(ContactFilter.everyone())).containsExactly(john, joanna, mary, percy);
        assertThat(queries.count(account, ContactFilter.everyone())).isEqualTo(4);
    }

    @Test
    void searchWorksAsTheSearchBoxAndCombinesWithOtherParts() {
        assertThat(ids(ContactFilter.everyone().withSearch("jo smi"))).containsExactly(john);
        assertThat(ids(ContactFilter.everyone().withSearch("(212) 234-0102"))).containsExactly(joanna);
        assertThat(ids(ContactFilter.everyone().withSearch("MARY@"))).containsExactly(mary);
        assertThat(ids(ContactFilter.everyone().withSearch("jo").withConsent(ConsentStatus.UNKNOWN))).containsExactly(joanna);
    }

    @Test
    void textConditionsCompareWithoutCaseAndFindParts() {
        assertThat(ids(where("city", ConditionOperator.EQUALS, "austin"))).containsExactly(john);
        assertThat(ids(where("city", ConditionOperator.CONTAINS, "OST"))).containsExactly(joanna);
        assertThat(ids(where("last_name", ConditionOperator.CONTAINS, "aus"))).containsExactly(percy);
        assertThat(ids(where("city", ConditionOperator.IS_SET, null))).containsExactly(john, joanna);
        assertThat(ids(where("city", ConditionOperator.NOT_SET, null))).containsExactly(mary, percy);
        assertThat(ids(where("email", ConditionOperator.NOT_SET, null))).containsExactly(joanna, percy);
    }

    @Test
    void wildcardsInAValueAreLiteral() {
        assertThat(ids(where("city", ConditionOperator.CONTAINS, "%"))).isEmpty();
        assertThat(ids(where("first_name", ConditionOperator.CONTAINS, "_"))).isEmpty();
    }

    @Test
    void numberConditionsCompareNumbersNotText() {
        assertThat(ids(where("visits", ConditionOperator.GREATER, "5"))).containsExactly(john, percy);
        assertThat(ids(where("visits", ConditionOperator.LESS, "12"))).containsExactly(joanna);
        assertThat(ids(where("visits", ConditionOperator.EQUALS, "100.0"))).containsExactly(percy);
    }

    @Test
    void dateConditionsCompareDays() {
        assertThat(ids(where("renewal", ConditionOperator.BEFORE, "2026-12-31"))).containsExactly(john);
        assertThat(ids(where("renewal", ConditionOperator.AFTER, "3/1/2026"))).containsExactly(joanna);
        assertThat(ids(where("renewal", ConditionOperator.EQUALS, "2027-01-15"))).containsExactly(joanna);
        assertThat(ids(where("created_at", ConditionOperator.AFTER, "2000-01-01"))).containsExactly(john, joanna, mary, percy);
        assertThat(ids(where("created_at", ConditionOperator.BEFORE, "2000-01-01"))).isEmpty();
    }

    @Test
    void yesNoChoiceAndPhoneConditions() {
        assertThat(ids(where("vip", ConditionOperator.EQUALS, "yes"))).containsExactly(john);
        assertThat(ids(where("vip", ConditionOperator.EQUALS, "no"))).containsExactly(joanna);
        assertThat(ids(where("plan", ConditionOperator.EQUALS, "basic"))).containsExactly(joanna);
        assertThat(ids(where("phone", ConditionOperator.EQUALS, "212-234-0104"))).containsExactly(percy);
        assertThat(ids(where("phone", ConditionOperator.CONTAINS, "0102"))).containsExactly(joanna);
        assertThat(ids(where("source", ConditionOperator.EQUALS, "manual"))).containsExactly(john, joanna, mary, percy);
    }

    @Test
    void badConditionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> ids(where("shoe_size", ConditionOperator.EQUALS, "9")))
                .isInstanceOf(InvalidConditionException.class).hasMessageContaining("shoe_size");
        assertThatThrownBy(() -> ids(where("visits", ConditionOperator.CONTAINS, "1")))
                .isInstanceOf(InvalidConditionException.class).hasMessageContaining("Visits");
        assertThatThrownBy(() -> ids(where("visits", ConditionOperator.GREATER, "many")))
                .isInstanceOf(InvalidConditionException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ids(where("source", ConditionOperator.EQUALS, "fax")))
                .isInstanceOf(InvalidConditionException.class).hasMessageContaining("not one of");
        // A custom choice an admin may have removed while contacts held it: those contacts are
        // found as they hold it (RemovedChoiceIntegrationTests); nobody here holds Gold.
        assertThat(ids(where("plan", ConditionOperator.EQUALS, "Gold"))).isEmpty();
        assertThatThrownBy(() -> new AttributeCondition("city", ConditionOperator.EQUALS, " "))
                .isInstanceOf(InvalidConditionException.class);
    }

    @Test
    void tagsAndListsMatchAnyOfTheirIds() {
        long lead = tag(account, "lead");
        long customer = tag(account, "customer");
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, :t, :c)").param("a", account).param("t", lead).param("c", john).update();
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, :t, :c)").param("a", account).param("t", customer).param("c", mary).update();
        long list = list(account, "Expo");
        member(list, joanna);
        assertThat(ids(ContactFilter.everyone().withTagIds(List.of(lead, customer)))).containsExactly(john, mary);
        assertThat(ids(ContactFilter.everyone().withTagIds(List.of(lead)).withConsent(ConsentStatus.OPTED_OUT))).isEmpty();
        assertThat(ids(ContactFilter.everyone().withListIds(List.of(list)))).containsExactly(joanna);
    }

    @Test
    void aSegmentIsAnyOfItsTagsListsAndPickedContactsNarrowedByEveryCondition() {
        long lead = tag(account, "lead");
        jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) values (:a, :t, :c)").param("a", account).param("t", lead).param("c", john).update();
        long list = list(account, "Expo");
        member(list, joanna);
        long segment = segment(account, "Warm", """
                [{"attribute": "visits", "operator": "greater", "value": "1"}]""");
        jdbc.sql("insert into segment_tags (account_id, segment_id, tag_id) values (:a, :s, :t)").param("a", account).param("s", segment).param("t", lead).update();
        jdbc.sql("insert into segment_lists (account_id, segment_id, list_id) values (:a, :s, :l)").param("a", account).param("s", segment).param("l", list).update();
        jdbc.sql("insert into segment_contacts (account_id, segment_id, contact_id) values (:a, :s, :c)").param("a", account).param("s", segment).param("c", mary).update();
        // Mary is picked but has no visits: the condition leaves her out; Percy matches the condition but no source.
        assertThat(ids(ContactFilter.everyone().withSegmentIds(List.of(segment)))).containsExactly(john, joanna);
        assertThat(queries.count(account, ContactFilter.everyone().withSegmentIds(List.of(segment)))).isEqualTo(2);

        long conditionsOnly = segment(account, "Frequent", """
                [{"attribute": "visits", "operator": "greater", "value": "10"}]""");
        assertThat(ids(ContactFilter.everyone().withSegmentIds(List.of(conditionsOnly)))).containsExactly(john, percy);
        long empty = segment(account, "Nothing yet", "[]");
        assertThat(ids(ContactFilter.everyone().withSegmentIds(List.of(empty)))).isEmpty();
        assertThat(ids(ContactFilter.everyone().withSegmentIds(List.of(empty, conditionsOnly)))).containsExactly(john, percy);
    }

    @Test
    void anotherAccountsSegmentIsUnknown() {
        long theirs = segment(other, "Theirs", "[]");
        assertThatThrownBy(() -> ids(ContactFilter.everyone().withSegmentIds(List.of(theirs))))
                .isInstanceOf(InvalidConditionException.class);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsBothWays() {
        assertThat(queries.page(account, ContactFilter.everyone(), null, 3)).extracting(ContactSummary::id).containsExactly(john, joanna, mary);
        assertThat(queries.page(account, ContactFilter.everyone(), mary, 3)).extracting(ContactSummary::id).containsExactly(percy);
        assertThat(queries.pageBefore(account, ContactFilter.everyone(), percy, 2)).extracting(ContactSummary::id).containsExactly(joanna, mary);
        ContactFilter austin = ContactFilter.everyone().withSearch("aus");
        assertThat(queries.page(account, austin, null, 1)).extracting(ContactSummary::id).containsExactly(percy);
        assertThat(queries.countUpTo(account, ContactFilter.everyone(), 2)).isEqualTo(2);
        assertThat(queries.countUpTo(account, ContactFilter.everyone(), 10)).isEqualTo(4);
    }

    @Test
    void rareMembersAreFoundThroughTheirMembershipRowsBeyondTheProbeWindow() {
        // More contacts than the first step filters, tagged only far apart: the page comes from the
        // membership rows, checked against the rest of the filter, in id order.
        jdbc.sql("""
                insert into contacts (account_id, first_name, source, attributes)
                select :a, 'Filler ' || n, 'import', case when n % 2 = 0 then '{"city": "Austin"}'::jsonb else '{}'::jsonb end
                from generate_series(1, :n) n""").param("a", account).param("n", ContactQueries.PROBE_WINDOW + 30_000).update();
        long rare = tag(account, "rare");
        jdbc.sql("""
                insert into contact_tags (account_id, tag_id, contact_id)
                select account_id, :t, id from contacts where account_id = :a and first_name like 'Filler %' and id % 131 = 0""")
                .param("a", account).param("t", rare).update();
        List<Long> expected = jdbc.sql("""
                        select c.id from contacts c join contact_tags t on t.account_id = c.account_id and t.contact_id = c.id
                        where c.account_id = :a and t.tag_id = :t and c.attributes ->> 'city' = 'Austin' order by c.id""")
                .param("a", account).param("t", rare).query(Long.class).list();
        assertThat(expected).hasSizeGreaterThan(100);
        ContactFilter filter = ContactFilter.everyone().withTagIds(List.of(rare))
                .withConditions(List.of(new AttributeCondition("city", ConditionOperator.EQUALS, "Austin")));
        List<Long> first = queries.page(account, filter, null, 100).stream().map(ContactSummary::id).toList();
        List<Long> rest = queries.page(account, filter, first.getLast(), 500).stream().map(ContactSummary::id).toList();
        assertThat(first).containsExactlyElementsOf(expected.subList(0, 100));
        assertThat(rest).containsExactlyElementsOf(expected.subList(100, expected.size()));

        long segment = segment(account, "Rare Austin", """
                [{"attribute": "city", "operator": "equals", "value": "austin"}]""");
        jdbc.sql("insert into segment_tags (account_id, segment_id, tag_id) values (:a, :s, :t)").param("a", account).param("s", segment).param("t", rare).update();
        long empty = segment(account, "Empty", "[]");
        assertThat(queries.page(account, ContactFilter.everyone().withSegmentIds(List.of(empty, segment)), null, 100))
                .extracting(ContactSummary::id).containsExactlyElementsOf(expected.subList(0, 100));

        // Every filler tagged, and the rest of the filter matching only near the end: the rounds of
        // candidates run out and the page continues from where they stopped.
        long everyone = tag(account, "everyone");
        int tagged = jdbc.sql("insert into contact_tags (account_id, tag_id, contact_id) select account_id, :t, id from contacts where account_id = :a")
                .param("a", account).param("t", everyone).update();
        // As every writer of many memberships does (without it this page took 80 s: see membershipsChanged).
        queries.membershipsChanged(tagged);
        long late = jdbc.sql("select id from contacts where account_id = :a and first_name = 'Filler 49000'").param("a", account)
                .query(Long.class).single();
        assertThat(queries.page(account, ContactFilter.everyone().withTagIds(List.of(everyone))
                .withConditions(List.of(new AttributeCondition("first_name", ConditionOperator.EQUALS, "filler 49000"))), null, 100))
                .extracting(ContactSummary::id).containsExactly(late);
        assertThat(queries.page(account, ContactFilter.everyone().withTagIds(List.of(everyone)).withSearch("filler 49000"), null, 100))
                .extracting(ContactSummary::id).containsExactly(late);
    }

    @Test
    void theConditionServesSetBasedStatements() {
        SqlCondition condition = queries.condition(account, where("city", ConditionOperator.IS_SET, null));
        int updated = jdbc.sql("update contacts c set company = 'Matched' where c.account_id = :account and (" + condition.sql() + ")")
                .param("account", account).params(condition.params()).update();
        assertThat(updated).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from contacts where company = 'Matched'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void fieldsAreTheDefaultsThenTheCustomAttributes() {
        assertThat(queries.fields(account)).extracting(AttributeField::key)
                .startsWith("first_name", "last_name", "phone", "email", "company")
                .contains("city", "visits", "renewal", "vip", "plan");
        assertThat(queries.fields(other)).extracting(AttributeField::key).doesNotContain("city");
    }

    private ContactFilter where(String attribute, ConditionOperator operator, String value) {
        return ContactFilter.everyone().withConditions(List.of(new AttributeCondition(attribute, operator, value)));
    }

    private List<Long> ids(ContactFilter filter) {
        List<Long> paged = queries.page(account, filter, null, 100).stream().map(ContactSummary::id).toList();
        assertThat(queries.count(account, filter)).as("count agrees with the page").isEqualTo(paged.size());
        return paged;
    }

    private long add(long accountId, String first, String last, String phone, String email, String attributes, String consent) {
        return jdbc.sql("""
                        insert into contacts (account_id, first_name, last_name, phone, email, attributes, consent_status, source)
                        values (:a, :first, :last, :phone, :email, cast(:attributes as jsonb), :consent, 'manual') returning id""")
                .param("a", accountId).param("first", first).param("last", last).param("phone", phone).param("email", email)
                .param("attributes", attributes).param("consent", consent).query(Long.class).single();
    }

    private long tag(long accountId, String name) {
        return jdbc.sql("insert into tags (account_id, name) values (:a, :n) returning id").param("a", accountId).param("n", name).query(Long.class).single();
    }

    private long list(long accountId, String name) {
        return jdbc.sql("insert into lists (account_id, name) values (:a, :n) returning id").param("a", accountId).param("n", name).query(Long.class).single();
    }

    private void member(long list, long contact) {
        jdbc.sql("insert into list_members (account_id, list_id, contact_id) values (:a, :l, :c)").param("a", account).param("l", list).param("c", contact).update();
    }

    private long segment(long accountId, String name, String conditions) {
        return jdbc.sql("insert into segments (account_id, name, conditions) values (:a, :n, cast(:c as jsonb)) returning id")
                .param("a", accountId).param("n", name).param("c", conditions).query(Long.class).single();
    }
}
