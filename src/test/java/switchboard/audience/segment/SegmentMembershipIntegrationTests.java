package switchboard.audience.segment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactSummary;
import switchboard.audience.list.Lists;
import switchboard.audience.tag.Tags;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static switchboard.audience.filter.ConditionOperator.AFTER;
import static switchboard.audience.filter.ConditionOperator.BEFORE;
import static switchboard.audience.filter.ConditionOperator.CONTAINS;
import static switchboard.audience.filter.ConditionOperator.EQUALS;
import static switchboard.audience.filter.ConditionOperator.GREATER;
import static switchboard.audience.filter.ConditionOperator.IS_SET;
import static switchboard.audience.filter.ConditionOperator.LESS;
import static switchboard.audience.filter.ConditionOperator.NOT_SET;

/** Who is in a segment: any of its tags, lists and picked contacts, then every condition; never another account's contacts. */
@SwitchboardTest
class SegmentMembershipIntegrationTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    Segments segments;

    @Autowired
    Tags tags;

    @Autowired
    Lists lists;

    @Autowired
    JdbcClient jdbc;

    long account;
    long ann;
    long bob;
    long cy;
    long dee;
    long eve;
    long lead;
    long customer;
    long trial;

    @BeforeEach
    void contacts() {
        Tenant tenant = tenants.create("Segment Shop " + System.nanoTime());
        account = tenant.accountId();
        AudienceRows rows = new AudienceRows(jdbc);
        attribute("city", "City", "text", "{}");
        attribute("score", "Score", "number", "{}");
        attribute("renewal", "Renewal", "date", "{}");
        attribute("vip", "VIP", "boolean", "{}");
        attribute("plan", "Plan", "choice", "{basic,pro}");
        ann = rows.contact(account, "Ann", "Lee", "Acme Corp", Map.of("city", "\"Austin\"", "score", "10",
                "renewal", "\"2026-01-15\"", "vip", "true", "plan", "\"pro\""));
        bob = rows.contact(account, "Bob", "Ray", "Bobco", Map.of("city", "\"Boston\"", "score", "50",
                "renewal", "\"2026-06-01\"", "vip", "false", "plan", "\"basic\""));
        cy = rows.contact(account, "Cy", "Young", null, Map.of());
        dee = rows.contact(account, "Dee", "Park", null, Map.of("city", "\"austin\""));
        eve = rows.contact(account, "Eve", "Out", null, Map.of("city", "\"Austin\""));
        lead = tags.create(account, "Lead").id();
        customer = tags.create(account, "Customer").id();
        trial = lists.create(account, "Trial").id();
        tags.tag(account, lead, new long[]{ann});
        tags.tag(account, customer, new long[]{bob});
        lists.add(account, trial, new long[]{cy});
    }

    @Test
    void aContactInAnyOfTheTagsListsOrPickedContactsIsInAndOthersAreOut() {
        Segment segment = segments.create(account, new SegmentDefinition("Everyone we know", List.of(lead, customer), List.of(trial),
                List.of(dee), List.of()));
        assertThat(members(segment)).containsExactly(ann, bob, cy, dee);
        assertThat(segments.count(account, segment.id())).isEqualTo(4);
        assertThat(members(segment)).as("a contact in none of them").doesNotContain(eve);

        assertThat(members(segments.create(account, new SegmentDefinition("Leads", List.of(lead), List.of(), List.of(), List.of()))))
                .containsExactly(ann);
        assertThat(members(segments.create(account, new SegmentDefinition("Trial", List.of(), List.of(trial), List.of(), List.of()))))
                .containsExactly(cy);
        assertThat(members(segments.create(account, new SegmentDefinition("Picked", List.of(), List.of(), List.of(dee, eve), List.of()))))
                .containsExactly(dee, eve);
    }

    @Test
    void conditionsNarrowTheChosenContactsAndAllMustMatch() {
        List<Long> all = List.of(lead, customer);
        assertThat(members(List.of(lead, customer), List.of(trial), List.of(dee), condition("city", EQUALS, "AUSTIN")))
                .as("Eve is in Austin but in none of the sources").containsExactly(ann, dee);
        assertThat(members(all, List.of(), List.of(), condition("city", CONTAINS, "ost"), condition("score", GREATER, "20")))
                .containsExactly(bob);
        assertThat(members(all, List.of(), List.of(), condition("city", CONTAINS, "ost"), condition("score", LESS, "20"))).isEmpty();
    }

    @Test
    void conditionsAloneSelectEveryMatchingContact() {
        assertThat(members(condition("city", EQUALS, "austin"))).containsExactly(ann, dee, eve);
        assertThat(members(condition("city", CONTAINS, "BOS"))).containsExactly(bob);
        assertThat(members(condition("city", IS_SET, null))).containsExactly(ann, bob, dee, eve);
        assertThat(members(condition("city", NOT_SET, null))).containsExactly(cy);
    }

    @Test
    void numberConditionsCompareNumbers() {
        assertThat(members(condition("score", EQUALS, "10"))).containsExactly(ann);
        assertThat(members(condition("score", GREATER, "9"))).containsExactly(ann, bob);
        assertThat(members(condition("score", GREATER, "10"))).containsExactly(bob);
        assertThat(members(condition("score", LESS, "50"))).containsExactly(ann);
        assertThat(members(condition("score", IS_SET, null))).containsExactly(ann, bob);
        assertThat(members(condition("score", NOT_SET, null))).containsExactly(cy, dee, eve);
    }

    @Test
    void dateConditionsCompareDays() {
        assertThat(members(condition("renewal", BEFORE, "2026-03-01"))).containsExactly(ann);
        assertThat(members(condition("renewal", AFTER, "2026-01-15"))).containsExactly(bob);
        assertThat(members(condition("renewal", EQUALS, "2026-01-15"))).containsExactly(ann);
        assertThat(members(condition("renewal", IS_SET, null))).containsExactly(ann, bob);
        assertThat(members(condition("created_at", AFTER, "2000-01-01"))).containsExactly(ann, bob, cy, dee, eve);
        assertThat(members(condition("created_at", BEFORE, "2000-01-01"))).isEmpty();
    }

    @Test
    void booleanChoiceAndDefaultFieldConditions() {
        assertThat(members(condition("vip", EQUALS, "yes"))).containsExactly(ann);
        assertThat(members(condition("vip", EQUALS, "no"))).containsExactly(bob);
        assertThat(members(condition("plan", EQUALS, "Basic"))).containsExactly(bob);
        assertThat(members(condition("company", CONTAINS, "corp"))).containsExactly(ann);
        assertThat(members(condition("company", NOT_SET, null))).containsExactly(cy, dee, eve);
        assertThat(members(condition("first_name", EQUALS, "cy"))).containsExactly(cy);
    }

    @Test
    void anotherAccountsContactsAreNeverCounted() {
        Tenant other = tenants.create("Other Segment Shop " + System.nanoTime());
        long stranger = new AudienceRows(jdbc).contact(other.accountId(), "Sam", "Stranger");
        long theirTag = tags.create(other.accountId(), "Lead").id();
        tags.tag(other.accountId(), theirTag, new long[]{stranger});

        Segment everyoneNamed = segments.create(account, new SegmentDefinition("Named", List.of(), List.of(), List.of(),
                List.of(condition("first_name", IS_SET, null))));
        assertThat(segments.count(account, everyoneNamed.id())).isEqualTo(5);
        assertThat(members(everyoneNamed)).doesNotContain(stranger);

        assertThatThrownBy(() -> segments.create(account, new SegmentDefinition("Theirs", List.of(theirTag), List.of(), List.of(), List.of())))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("tagIds"));
        assertThatThrownBy(() -> segments.create(account, new SegmentDefinition("Theirs", List.of(), List.of(), List.of(stranger), List.of())))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("contactIds"));
        assertThatThrownBy(() -> segments.count(other.accountId(), everyoneNamed.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesConditionsThatDoNotFitTheAttribute() {
        assertThatThrownBy(() -> members(condition("score", CONTAINS, "1")))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("conditions"))
                .hasMessageStartingWith("Condition 1: ");
        assertThatThrownBy(() -> members(condition("score", GREATER, "many"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> members(condition("shoe_size", EQUALS, "42"))).hasMessageContaining("shoe_size");
        assertThatThrownBy(() -> segments.create(account, new SegmentDefinition("Empty", List.of(), List.of(), List.of(), List.of())))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("members"));
    }

    @Test
    void aSegmentWhoseAttributeWasDeletedNeedsFixingInsteadOfFailing() {
        Segment segment = segments.create(account, new SegmentDefinition("Scored", List.of(), List.of(), List.of(),
                List.of(condition("score", GREATER, "1"))));
        jdbc.sql("delete from attribute_definitions where account_id = :a and key = 'score'").param("a", account).update();
        assertThatThrownBy(() -> segments.count(account, segment.id()))
                .isInstanceOf(SegmentNeedsFixingException.class).hasMessageStartingWith("The segment Scored needs fixing: ");
        assertThatThrownBy(() -> segments.contacts(account, segment.id(), null, 10)).isInstanceOf(SegmentNeedsFixingException.class);
    }

    @Test
    void previewCountsADraftWithoutSavingIt() {
        long count = segments.preview(account, new SegmentDefinition("", List.of(lead), List.of(trial), List.of(), List.of()));
        assertThat(count).isEqualTo(2);
        assertThat(segments.list(account)).isEmpty();
    }

    @Test
    void editingChangesTheMembers() {
        Segment segment = segments.create(account, new SegmentDefinition("Leads", List.of(lead), List.of(), List.of(), List.of()));
        Segment edited = segments.update(account, segment.id(), new SegmentDefinition("Customers in Boston", List.of(customer), List.of(),
                List.of(), List.of(condition("city", EQUALS, "Boston"))));
        assertThat(edited.name()).isEqualTo("Customers in Boston");
        assertThat(edited.conditions()).containsExactly(condition("city", EQUALS, "Boston"));
        assertThat(members(edited)).containsExactly(bob);
        segments.delete(account, segment.id());
        assertThat(segments.list(account)).isEmpty();
        assertThat(new AudienceRows(jdbc).contactCount(account)).isEqualTo(5);
    }

    private List<Long> members(Segment segment) {
        return segments.contacts(account, segment.id(), null, 100).stream().map(ContactSummary::id).toList();
    }

    private List<Long> members(AttributeCondition... conditions) {
        return members(List.of(), List.of(), List.of(), conditions);
    }

    private List<Long> members(List<Long> tagIds, List<Long> listIds, List<Long> contactIds, AttributeCondition... conditions) {
        Segment segment = segments.create(account, new SegmentDefinition("Segment " + System.nanoTime(), tagIds, listIds, contactIds,
                List.of(conditions)));
        return members(segment);
    }

    private static AttributeCondition condition(String attribute, ConditionOperator operator, String value) {
        return new AttributeCondition(attribute, operator, value);
    }

    private void attribute(String key, String label, String type, String choices) {
        jdbc.sql("insert into attribute_definitions (account_id, key, label, type, choices) values (:a, :k, :l, :t, cast(:c as text[]))")
                .param("a", account).param("k", key).param("l", label).param("t", type).param("c", choices).update();
    }
}
