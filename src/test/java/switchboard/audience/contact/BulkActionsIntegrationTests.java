package switchboard.audience.contact;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.audience.ContactView;
import switchboard.audience.filter.ContactFilter;
import switchboard.audience.tag.Tag;
import switchboard.audience.tag.Tags;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SwitchboardTest
class BulkActionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Contacts contacts;

    @Autowired
    BulkActions bulk;

    @Autowired
    Tags tags;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSelectionTagsOnlyTheTickedContacts() {
        Tenant tenant = tenants.create("Selected Saddlery");
        List<Long> ids = make(tenant, "Sel", 5);
        Tag vip = tags.findOrCreate(tenant.accountId(), "VIP");

        String said = bulk.tag(tenant.owner(), new BulkSelection(List.of(ids.get(1), ids.get(3)), false, ContactFilter.everyone()), vip);
        assertThat(said).isEqualTo("Tagged 2 contacts with VIP.");
        assertThat(tagged(tenant, vip.id())).containsExactly(ids.get(1), ids.get(3));
        assertThat(bulk.tag(tenant.owner(), new BulkSelection(List.of(ids.get(1)), false, ContactFilter.everyone()), vip))
                .isEqualTo("No contact was tagged: the chosen contacts already have VIP.");
    }

    @Test
    void everyContactMatchingTheFilterIsTaggedAcrossPagesAndUntagged() {
        Tenant tenant = tenants.create("Matching Millinery");
        make(tenant, "Match", 130);
        make(tenant, "Other", 20);
        Tag promo = tags.findOrCreate(tenant.accountId(), "Promo");
        BulkSelection matching = new BulkSelection(List.of(), true, ContactFilter.everyone().withSearch("match"));

        assertThat(bulk.tag(tenant.owner(), matching, promo)).isEqualTo("Tagged 130 contacts with Promo.");
        assertThat(tagged(tenant, promo.id())).hasSize(130);
        BulkSelection promoted = new BulkSelection(List.of(), true, ContactFilter.everyone().withTagIds(List.of(promo.id())));
        assertThat(bulk.count(tenant.owner(), promoted)).isEqualTo(130);
        assertThat(bulk.untag(tenant.owner(), matching, promo)).isEqualTo("Removed the tag Promo from 130 contacts.");
        assertThat(tagged(tenant, promo.id())).isEmpty();
    }

    @Test
    void addingToAListGivesTheNewMembersTheListsTags() {
        Tenant tenant = tenants.create("Listed Luthiers");
        List<Long> ids = make(tenant, "List", 3);
        var leads = bulk.listOf(tenant.owner(), null, "Leads");
        Tag lead = tags.findOrCreate(tenant.accountId(), "Lead");
        jdbc.sql("insert into list_tags (account_id, list_id, tag_id) values (:a, :l, :t)")
                .param("a", tenant.accountId()).param("l", leads.id()).param("t", lead.id()).update();

        assertThat(bulk.addToList(tenant.owner(), new BulkSelection(ids, false, null), leads)).isEqualTo("Added 3 contacts to the list Leads.");
        assertThat(tagged(tenant, lead.id())).containsExactlyElementsOf(ids);
        assertThat(bulk.addToList(tenant.owner(), new BulkSelection(ids, false, null), leads)).isEqualTo("The chosen contacts are on the list Leads already.");
    }

    @Test
    void noBulkActionEverTouchesAnotherAccount() {
        Tenant mine = tenants.create("Mine Mercantile");
        Tenant theirs = tenants.create("Theirs Threads");
        make(mine, "Same", 3);
        List<Long> theirIds = make(theirs, "Same", 3);
        Tag theirTag = tags.findOrCreate(theirs.accountId(), "Theirs");
        Tag myTag = tags.findOrCreate(mine.accountId(), "Mine");
        Member me = mine.owner();

        assertThat(bulk.tag(me, new BulkSelection(theirIds, false, null), myTag)).startsWith("No contact was tagged");
        assertThat(bulk.tag(me, new BulkSelection(List.of(), true, ContactFilter.everyone()), myTag)).isEqualTo("Tagged 3 contacts with Mine.");
        assertThat(bulk.delete(me, new BulkSelection(theirIds, false, null))).isEqualTo("Deleted 0 contacts.");
        assertThatThrownBy(() -> bulk.tagOf(me, theirTag.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(bulk.delete(me, new BulkSelection(List.of(), true, ContactFilter.everyone()))).isEqualTo("Deleted 3 contacts.");

        assertThat(jdbc.sql("select count(*) from contacts where account_id = :a").param("a", theirs.accountId()).query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from contact_tags where contact_id in (:ids)").param("ids", theirIds).query(Long.class).single())
                .isZero();
    }

    @Test
    void deleteFromTheListAsksWithTheCountThenReportsIt() {
        Tenant tenant = tenants.create("Counted Chandlery");
        List<Long> ids = make(tenant, "Gone", 4);
        Browserless browser = new Browserless(port);
        browser.signIn(tenant.owner().email(), TestTenants.PASSWORD);

        HttpResponse<String> confirm = browser.submit("/audience/contacts", "/audience/contacts/bulk",
                Map.of("action", "delete", "all", "true", "query", "q=gone"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete 4 contacts?", "cannot be undone");
        assertThat(count(tenant)).isEqualTo(4);

        HttpResponse<String> done = browser.submit("/audience/contacts", "/audience/contacts/bulk",
                Map.of("action", "delete", "all", "true", "query", "q=gone", "confirmed", "true"));
        assertThat(Browserless.redirectPath(done)).isEqualTo("/audience/contacts?q=gone");
        assertThat(browser.get("/audience/contacts?q=gone").body()).contains("Deleted 4 contacts.");
        assertThat(count(tenant)).isZero();

        HttpResponse<String> nothing = browser.submit("/audience/contacts", "/audience/contacts/bulk", Map.of("action", "tag", "newTag", "X"));
        assertThat(Browserless.redirectPath(nothing)).isEqualTo("/audience/contacts");
        assertThat(browser.get("/audience/contacts").body()).contains("Tick the contacts first");
        assertThat(ids).hasSize(4);
    }

    private List<Long> make(Tenant tenant, String name, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ContactView contact = contacts.create(tenant.owner(), new ContactForm(name + i, "Bulk", "",
                    name.toLowerCase() + i + "-" + System.nanoTime() + "@example.com", "", Map.of(), List.of(), List.of()), Contacts.Source.MANUAL);
            ids.add(contact.id());
        }
        return ids;
    }

    private List<Long> tagged(Tenant tenant, long tagId) {
        return jdbc.sql("select contact_id from contact_tags where account_id = :a and tag_id = :t order by contact_id")
                .param("a", tenant.accountId()).param("t", tagId).query(Long.class).list();
    }

    private long count(Tenant tenant) {
        return jdbc.sql("select count(*) from contacts where account_id = :a").param("a", tenant.accountId()).query(Long.class).single();
    }
}
