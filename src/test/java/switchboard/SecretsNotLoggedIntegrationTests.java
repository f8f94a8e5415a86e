package switchboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import switchboard.testsupport.BearerClient;
import switchboard.testsupport.CurrentLogFile;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;
import switchboard.testsupport.TestTenants.Tenant;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords and API tokens never reach the logs, even with the web and security loggers at DEBUG
 * (what an operator turns on when hunting a problem).
 */
@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIntegrationTests {

    private static final List<String> LOUD = List.of("switchboard", "org.springframework.web", "org.springframework.security",
            "org.apache.catalina", "org.apache.coyote.http11");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void turnUpLogging() {
        LOUD.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void turnLoggingBackDown() {
        LOUD.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void neitherPasswordsNorApiTokensAppearInTheLogs(CapturedOutput output) throws Exception {
        Tenant tenant = tenants.create("Secretive");
        String wrongPassword = "wrong-" + System.nanoTime();
        String unknownToken = "sb_unknown" + System.nanoTime();

        var browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(tenant.owner().email(), wrongPassword))).isEqualTo("/sign-in?error");
        assertThat(Browserless.redirectPath(browser.signIn(tenant.owner().email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        assertThat(browser.get("/settings/inboxes").statusCode()).isEqualTo(200);

        BearerClient api = new BearerClient(port);
        assertThat(api.post("/api/v1/inboxes", tenant.ownerToken(), "{\"name\": \"Quiet\"}").status()).isEqualTo(201);
        assertThat(api.get("/actuator/prometheus", tenant.ownerToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/inboxes", unknownToken).status()).isEqualTo(401);

        String logs = output.getAll() + Files.readString(CurrentLogFile.path());
        assertThat(output.getAll()).as("the loggers did write at DEBUG").contains("DEBUG").contains("/api/v1/inboxes");
        assertThat(logs).doesNotContain(TestTenants.PASSWORD).doesNotContain(wrongPassword)
                .doesNotContain(tenant.ownerToken()).doesNotContain(unknownToken)
                .doesNotContain(tenant.ownerToken().substring(3, 20));
    }
}
