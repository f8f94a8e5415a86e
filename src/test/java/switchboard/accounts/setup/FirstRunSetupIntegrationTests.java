package switchboard.accounts.setup;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own context (and so its own empty database): setup can only be seen before any account exists. */
@SwitchboardTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class FirstRunSetupIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void setsUpTheFirstAccountOnceThenSignsItsOwnerIn() {
        var browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.get("/"))).isEqualTo("/setup");
        assertThat(Browserless.redirectPath(browser.get("/sign-in"))).isEqualTo("/setup");

        var invalid = browser.submit("/setup", "/setup", Map.of("businessName", "Acme", "timeZone", "Mars/Olympus",
                "defaultCountry", "US", "ownerName", "Olga", "email", "olga@example.com", "password", "long enough password"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Choose a time zone");

        var created = browser.submit("/setup", "/setup", Map.of("businessName", "Acme Plumbing", "timeZone", "Europe/Berlin",
                "defaultCountry", "DE", "ownerName", "Olga Owner", "email", "Olga@Example.com", "password", "long enough password"));
        assertThat(Browserless.redirectPath(created)).isEqualTo("/sign-in");
        assertThat(jdbc.sql("select name || '|' || time_zone || '|' || default_country from accounts").query(String.class).single())
                .isEqualTo("Acme Plumbing|Europe/Berlin|DE");
        assertThat(jdbc.sql("select role from memberships").query(String.class).single()).isEqualTo("owner");
        assertThat(jdbc.sql("select password_hash from users").query(String.class).single()).startsWith("{argon2}$argon2id$");

        var stranger = new Browserless(port);
        assertThat(Browserless.redirectPath(stranger.get("/setup"))).isEqualTo("/sign-in");
        var secondAttempt = stranger.submit("/sign-in", "/setup", Map.of("businessName", "Evil", "timeZone", "UTC",
                "defaultCountry", "US", "ownerName", "Eve", "email", "eve@example.com", "password", "long enough password"));
        assertThat(secondAttempt.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from accounts").query(Integer.class).single()).isEqualTo(1);

        browser.get("/sign-in");
        String sessionBefore = browser.cookie("SWITCHBOARD_SESSION");
        var signedIn = browser.signIn("olga@example.com", "long enough password");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.cookie("SWITCHBOARD_SESSION")).isNotNull().isNotEqualTo(sessionBefore);
        var chats = browser.get("/chats");
        assertThat(chats.statusCode()).isEqualTo(200);
        assertThat(chats.body()).contains("Acme Plumbing").contains("Olga Owner");
    }
}
