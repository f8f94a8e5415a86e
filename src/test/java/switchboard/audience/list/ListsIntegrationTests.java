package switchboard.audience.list;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.audience.tag.Tag;
import switchboard.audience.tag.Tags;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lists service (members, list tags) and the Lists tab as plain forms. */
@SwitchboardTest
class ListsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Lists lists;

    @Autowired
    Tags tags;

    @Autowired
    JdbcClient jdbc;

    AudienceRows rows;
    Tenant tenant;

    @BeforeEach
    void account() {
        rows = new AudienceRows(jdbc);
        tenant = tenants.create("List Shop " + System.nanoTime());
    }

    @Test
    void addsAndRemovesMembersCountingOnlyChanges() {
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        long bob = rows.contact(tenant.accountId(), "Bob", "Ray");
        ContactList leads = lists.create(tenant.accountId(), " Leads ");
        assertThat(leads.name()).isEqualTo("Leads");

        assertThat(lists.add(tenant.accountId(), leads.id(), new long[]{ann, bob})).isEqualTo(2);
        assertThat(lists.add(tenant.accountId(), leads.id(), new long[]{ann})).isZero();
        assertThat(lists.get(tenant.accountId(), leads.id()).memberCount()).isEqualTo(2);
        assertThat(lists.listsOf(tenant.accountId(), ann)).extracting(ContactList::name).containsExactly("Leads");

        assertThat(lists.remove(tenant.accountId(), leads.id(), new long[]{ann})).isEqualTo(1);
        assertThat(lists.list(tenant.accountId())).extracting(ContactList::memberCount).containsExactly(1L);
        assertThat(lists.listsOf(tenant.accountId(), ann)).isEmpty();
        assertThat(rows.contactCount(tenant.accountId())).as("removed from the list, still a contact").isEqualTo(2);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndFindOrCreateReusesThem() {
        ContactList customers = lists.create(tenant.accountId(), "Customers");
        assertThatThrownBy(() -> lists.create(tenant.accountId(), "CUSTOMERS"))
                .isInstanceOf(DuplicateListNameException.class).hasMessage("A list named CUSTOMERS already exists. Choose another name.");
        assertThat(lists.findOrCreate(tenant.accountId(), "customers").id()).isEqualTo(customers.id());
        assertThatThrownBy(() -> lists.create(tenant.accountId(), ""))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void taggingAListTagsItsMembersNowAndContactsAddedLater() {
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        long bob = rows.contact(tenant.accountId(), "Bob", "Ray");
        long outsider = rows.contact(tenant.accountId(), "Out", "Sider");
        ContactList leads = lists.create(tenant.accountId(), "Leads");
        Tag lead = tags.create(tenant.accountId(), "Lead");
        lists.add(tenant.accountId(), leads.id(), new long[]{ann});

        assertThat(lists.addTag(tenant.accountId(), leads.id(), lead.id())).isEqualTo(1);
        assertThat(tags.tagsOf(tenant.accountId(), ann)).extracting(Tag::name).containsExactly("Lead");
        assertThat(lists.get(tenant.accountId(), leads.id()).tags()).extracting(ContactList.ListTag::name).containsExactly("Lead");

        lists.add(tenant.accountId(), leads.id(), new long[]{bob});
        assertThat(tags.tagsOf(tenant.accountId(), bob)).as("added later").extracting(Tag::name).containsExactly("Lead");
        assertThat(tags.tagsOf(tenant.accountId(), outsider)).isEmpty();

        lists.removeTag(tenant.accountId(), leads.id(), lead.id());
        long carol = rows.contact(tenant.accountId(), "Carol", "Kim");
        lists.add(tenant.accountId(), leads.id(), new long[]{carol});
        assertThat(tags.tagsOf(tenant.accountId(), carol)).as("the tag no longer applies to new members").isEmpty();
        assertThat(tags.tagsOf(tenant.accountId(), ann)).as("current members keep it").extracting(Tag::name).containsExactly("Lead");
    }

    @Test
    void deletingAListKeepsItsMembersAndTheirTags() {
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        ContactList leads = lists.create(tenant.accountId(), "Leads");
        Tag lead = tags.create(tenant.accountId(), "Lead");
        lists.add(tenant.accountId(), leads.id(), new long[]{ann});
        lists.addTag(tenant.accountId(), leads.id(), lead.id());

        assertThat(lists.delete(tenant.accountId(), leads.id()).memberCount()).isEqualTo(1);
        assertThat(lists.list(tenant.accountId())).isEmpty();
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(1);
        assertThat(tags.tagsOf(tenant.accountId(), ann)).extracting(Tag::name).containsExactly("Lead");
    }

    @Test
    void neverTouchesAnotherAccountsListsContactsOrTags() {
        Tenant other = tenants.create("Other List Shop " + System.nanoTime());
        long stranger = rows.contact(other.accountId(), "Sam", "Stranger");
        ContactList theirs = lists.create(other.accountId(), "Theirs");
        Tag theirTag = tags.create(other.accountId(), "Their tag");
        ContactList mine = lists.create(tenant.accountId(), "Mine");

        assertThat(lists.add(tenant.accountId(), mine.id(), new long[]{stranger})).isZero();
        assertThatThrownBy(() -> lists.requireContacts(tenant.accountId(), new long[]{stranger}, "contactIds"))
                .isInstanceOf(FieldError.class).hasMessage("Not contacts of this account: " + stranger + ".");
        assertThatThrownBy(() -> lists.add(tenant.accountId(), theirs.id(), new long[]{stranger})).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.addTag(tenant.accountId(), mine.id(), theirTag.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.setTags(tenant.accountId(), mine.id(), List.of(theirTag.id())))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("tagIds"));
        assertThatThrownBy(() -> lists.delete(tenant.accountId(), theirs.id())).isInstanceOf(NotFoundException.class);
        assertThat(lists.get(other.accountId(), theirs.id()).memberCount()).isZero();
    }

    @Test
    void agentAddsTagsRenamesAndDeletesAListWithPlainForms() {
        var agent = tenants.addMember(tenant.accountId(), switchboard.accounts.Role.AGENT);
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        Browserless browser = new Browserless(port);
        browser.signIn(agent.email(), TestTenants.PASSWORD);

        assertThat(browser.get("/audience/lists").body()).contains("No lists yet");
        assertThat(Browserless.redirectPath(browser.submit("/audience/lists", "/audience/lists", Map.of("name", "Leads"))))
                .isEqualTo("/audience/lists");
        ContactList leads = lists.list(tenant.accountId()).getFirst();
        lists.add(tenant.accountId(), leads.id(), new long[]{ann});
        assertThat(browser.get("/audience/lists").body()).contains("Added the list Leads.").contains("1 member")
                .contains("/audience/contacts?list=" + leads.id());

        String path = "/audience/lists/" + leads.id();
        var tagged = browser.submit(path, path + "/tags", Map.of("tagName", "Warm"));
        assertThat(Browserless.redirectPath(tagged)).isEqualTo(path);
        assertThat(browser.get(path).body()).contains("Tagged the list Leads with Warm: 1 member newly tagged");
        assertThat(tags.tagsOf(tenant.accountId(), ann)).extracting(Tag::name).containsExactly("Warm");
        assertThat(browser.get("/audience/lists").body()).contains("Warm");

        var duplicate = browser.submit("/audience/lists", "/audience/lists", Map.of("name", "leads"));
        assertThat(duplicate.body()).contains("A list named leads already exists.");
        assertThat(Browserless.redirectPath(browser.submit(path, path, Map.of("name", "Hot leads")))).isEqualTo(path);
        assertThat(lists.get(tenant.accountId(), leads.id()).name()).isEqualTo("Hot leads");

        assertThat(browser.get(path + "/delete").body()).contains("Its 1 member stays as a contact, with its tags.");
        assertThat(Browserless.redirectPath(browser.submit(path + "/delete", path + "/delete", Map.of()))).isEqualTo("/audience/lists");
        assertThat(browser.get("/audience/lists").body()).contains("Deleted the list Hot leads; its 1 member stays as a contact.");
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(1);
    }
}
