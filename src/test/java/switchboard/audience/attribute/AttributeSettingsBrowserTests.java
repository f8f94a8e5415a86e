package switchboard.audience.attribute;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.testsupport.BrowserTest;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings -> Contact attributes in a browser: add, a refused key explained beside its field, edit, delete with the count. */
@SwitchboardTest
class AttributeSettingsBrowserTests extends BrowserTest {

    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;

    @Test
    void ownerAddsEditsAndDeletesAnAttribute() {
        Tenant tenant = tenants.create("Attribute Bakery");
        Page page = newPage();
        signIn(page, tenant.owner().email(), TestTenants.PASSWORD);
        page.navigate("/settings");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Contact attributes")).click();
        page.waitForURL("**/settings/attributes");
        assertThat(page.getByText("No custom attributes yet")).isVisible();

        page.getByLabel("Label").fill("Email");
        page.getByLabel("Type").selectOption("text");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add attribute")).click();
        Locator key = page.getByLabel("Key");
        assertThat(key).hasAttribute("aria-invalid", "true");
        assertThat(key).hasAccessibleDescription(java.util.regex.Pattern.compile(
                "email is the key of a default field. Choose another key, for example my_email."));
        assertThat(key).isFocused();
        // What was typed stays.
        assertThat(page.getByLabel("Label")).hasValue("Email");

        page.getByLabel("Label").fill("Loyalty tier");
        page.getByLabel("Key").fill("");
        page.getByLabel("Type").selectOption("choice");
        page.getByLabel("Choices").fill("Gold\nSilver");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add attribute")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Added the attribute Loyalty tier (key loyalty_tier).");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Loyalty tier"));
        assertThat(row).containsText("loyalty_tier");
        assertThat(row).containsText("List of choices: Gold, Silver");

        long accountId = tenant.accountId();
        jdbc.sql("insert into contacts (account_id, phone, attributes, source) values (:a, '+12125550140', '{\"loyalty_tier\": \"Gold\"}', 'manual')")
                .param("a", accountId).update();
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit Loyalty tier")).click();
        assertThat(page.getByLabel("Type")).isDisabled();
        assertThat(page.getByLabel("Type")).hasAccessibleDescription(java.util.regex.Pattern.compile("The type cannot change because contacts already have values"));
        page.getByLabel("Label").fill("Tier");
        page.getByLabel("Choices").fill("Silver\nBronze");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByLabel("Choices")).hasAccessibleDescription(
                "1 contact holds 'Gold'. Once removed, it can no longer be chosen, and that contact keeps it as it is until someone changes it.");
        assertThat(page.getByLabel("Choices")).hasValue("Silver\nBronze");
        page.getByLabel("Remove 'Gold' anyway").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved the attribute Tier. Contacts that hold a removed choice keep it until it is changed.");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Tier"))).containsText("List of choices: Silver, Bronze");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Tier")).click();
        assertThat(page.getByText("1 contact has a value for it; the value is removed from that contact.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete attribute")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Deleted the attribute Tier and its value from 1 contact.");
        assertThat(page.getByText("No custom attributes yet")).isVisible();
        assertThat(jdbc.sql("select attributes::text from contacts where account_id = :a").param("a", accountId).query(String.class).single())
                .isEqualTo("{}");
    }

    @Test
    void agentsMayNotOpenTheAttributeSettings() {
        Tenant tenant = tenants.create("Agent Antiques");
        Member agent = tenants.addMember(tenant.accountId(), Role.AGENT);
        Page page = newPage();
        signIn(page, agent.email(), TestTenants.PASSWORD);

        Response response = page.navigate("/settings/attributes");

        assertThat(response.status()).isEqualTo(403);
        page.navigate("/settings/tokens");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contact attributes"))).hasCount(0);
    }
}
