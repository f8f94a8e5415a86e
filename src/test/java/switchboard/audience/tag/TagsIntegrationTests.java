package switchboard.audience.tag;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.audience.AudienceRows;
import switchboard.platform.web.FieldError;
import switchboard.platform.web.NotFoundException;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Tags service and the Tags tab as plain forms (no script). */
@SwitchboardTest
class TagsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tags tags;

    @Autowired
    JdbcClient jdbc;

    AudienceRows rows;
    Tenant tenant;

    @BeforeEach
    void account() {
        rows = new AudienceRows(jdbc);
        tenant = tenants.create("Tag Shop " + System.nanoTime());
    }

    @Test
    void namesAreTrimmedAndUniqueIgnoringCase() {
        Tag vip = tags.create(tenant.accountId(), "  VIP  ");
        assertThat(vip.name()).isEqualTo("VIP");
        assertThatThrownBy(() -> tags.create(tenant.accountId(), "vip"))
                .isInstanceOf(DuplicateTagNameException.class).hasMessage("A tag named vip already exists. Choose another name.");
        Tag other = tags.create(tenant.accountId(), "Newsletter");
        assertThatThrownBy(() -> tags.rename(tenant.accountId(), other.id(), "Vip")).isInstanceOf(DuplicateTagNameException.class);
        assertThat(tags.rename(tenant.accountId(), vip.id(), "vip").name()).as("a change of case is a rename").isEqualTo("vip");
    }

    @Test
    void refusesEmptyAndOverlongNamesNamingTheField() {
        assertThatThrownBy(() -> tags.create(tenant.accountId(), "   "))
                .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> tags.create(tenant.accountId(), "x".repeat(61)))
                .isInstanceOf(FieldError.class).hasMessageContaining("at most 60 characters");
        assertThat(tags.create(tenant.accountId(), "x".repeat(60)).name()).hasSize(60);
    }

    @Test
    void findOrCreateReturnsTheExistingTagInAnyCase() {
        Tag created = tags.findOrCreate(tenant.accountId(), "Leads");
        assertThat(tags.findOrCreate(tenant.accountId(), " LEADS ").id()).isEqualTo(created.id());
        assertThat(tags.list(tenant.accountId())).extracting(Tag::name).containsExactly("Leads");
    }

    @Test
    void tagsAndUntagsContactsAndCountsThem() {
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        long bob = rows.contact(tenant.accountId(), "Bob", "Ray");
        Tag vip = tags.create(tenant.accountId(), "VIP");
        Tag cold = tags.create(tenant.accountId(), "Cold");

        assertThat(tags.tag(tenant.accountId(), vip.id(), new long[]{ann, bob})).isEqualTo(2);
        assertThat(tags.tag(tenant.accountId(), vip.id(), new long[]{ann})).as("already tagged").isZero();
        assertThat(tags.list(tenant.accountId())).extracting(Tag::name, Tag::contactCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Cold", 0L), org.assertj.core.groups.Tuple.tuple("VIP", 2L));
        assertThat(tags.tagsOf(tenant.accountId(), ann)).extracting(Tag::name).containsExactly("VIP");

        assertThat(tags.untag(tenant.accountId(), vip.id(), new long[]{ann})).isEqualTo(1);
        assertThat(tags.get(tenant.accountId(), vip.id()).contactCount()).isEqualTo(1);
        assertThat(tags.tagsOf(tenant.accountId(), ann)).isEmpty();
        assertThat(tags.get(tenant.accountId(), cold.id()).contactCount()).isZero();
    }

    @Test
    void neverTagsAnotherAccountsContactsNorUsesItsTags() {
        Tenant other = tenants.create("Other Shop " + System.nanoTime());
        long stranger = rows.contact(other.accountId(), "Sam", "Stranger");
        Tag theirs = tags.create(other.accountId(), "Theirs");
        Tag mine = tags.create(tenant.accountId(), "Mine");

        assertThat(tags.tag(tenant.accountId(), mine.id(), new long[]{stranger})).isZero();
        assertThat(tags.tagsOf(other.accountId(), stranger)).isEmpty();
        assertThatThrownBy(() -> tags.tag(tenant.accountId(), theirs.id(), new long[]{stranger})).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tags.rename(tenant.accountId(), theirs.id(), "Mine too")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tags.delete(tenant.accountId(), theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tags.requireOwn(tenant.accountId(), java.util.List.of(mine.id(), theirs.id()), "tagIds"))
                .isInstanceOf(FieldError.class).hasMessage("Tag " + theirs.id() + " does not exist in this account.");
        assertThat(tags.get(other.accountId(), theirs.id()).name()).isEqualTo("Theirs");
    }

    @Test
    void deletingATagKeepsItsContacts() {
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        Tag vip = tags.create(tenant.accountId(), "VIP");
        tags.tag(tenant.accountId(), vip.id(), new long[]{ann});

        assertThat(tags.delete(tenant.accountId(), vip.id()).contactCount()).isEqualTo(1);
        assertThat(tags.list(tenant.accountId())).isEmpty();
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(1);
        assertThat(tags.tagsOf(tenant.accountId(), ann)).isEmpty();
    }

    @Test
    void agentAddsRenamesAndDeletesATagWithPlainForms() {
        var agent = tenants.addMember(tenant.accountId(), switchboard.accounts.Role.AGENT);
        long ann = rows.contact(tenant.accountId(), "Ann", "Lee");
        Browserless browser = new Browserless(port);
        browser.signIn(agent.email(), TestTenants.PASSWORD);

        assertThat(browser.get("/audience/tags").body()).contains("No tags yet");
        var added = browser.submit("/audience/tags", "/audience/tags", Map.of("name", "Wholesale"));
        assertThat(Browserless.redirectPath(added)).isEqualTo("/audience/tags");
        Tag wholesale = tags.list(tenant.accountId()).getFirst();
        tags.tag(tenant.accountId(), wholesale.id(), new long[]{ann});
        assertThat(browser.get("/audience/tags").body()).contains("Added the tag Wholesale.")
                .contains("/audience/contacts?tag=" + wholesale.id()).contains("1 contact");

        var duplicate = browser.submit("/audience/tags", "/audience/tags", Map.of("name", "WHOLESALE"));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body()).contains("A tag named WHOLESALE already exists.").contains("value=\"WHOLESALE\"");

        String edit = browser.get("/audience/tags/" + wholesale.id() + "/edit").body();
        assertThat(edit).contains("value=\"Wholesale\"");
        var renamed = browser.submit("/audience/tags/" + wholesale.id() + "/edit", "/audience/tags/" + wholesale.id(), Map.of("name", "Trade"));
        assertThat(Browserless.redirectPath(renamed)).isEqualTo("/audience/tags");
        assertThat(tags.get(tenant.accountId(), wholesale.id()).name()).isEqualTo("Trade");
        assertThat(browser.get("/audience/tags").body()).contains("Renamed the tag Wholesale to Trade.");

        String confirm = browser.get("/audience/tags/" + wholesale.id() + "/delete").body();
        assertThat(confirm).contains("removes the tag from 1 contact; the contacts stay");
        var deleted = browser.submit("/audience/tags/" + wholesale.id() + "/delete", "/audience/tags/" + wholesale.id() + "/delete", Map.of());
        assertThat(Browserless.redirectPath(deleted)).isEqualTo("/audience/tags");
        assertThat(browser.get("/audience/tags").body()).contains("Deleted the tag Trade and removed it from 1 contact; the contacts stay.");
        assertThat(tags.list(tenant.accountId())).isEmpty();
        assertThat(rows.contactCount(tenant.accountId())).isEqualTo(1);
    }
}
