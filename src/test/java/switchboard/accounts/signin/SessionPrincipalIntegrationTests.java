package switchboard.accounts.signin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class SessionPrincipalIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    MemberRepository members;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInAMemberWithALongEmailAndNameAndIndexesTheSessionByUserId() {
        long accountId = tenants.create("Long Names Ltd").accountId();
        String email = "a.very.long.mailbox.name.for.testing.purposes." + System.nanoTime() + "@subdomain.example.com";
        long userId = members.createUser(email, "Maximilian Alexander Bartholomew Featherstonehaugh-Worthington", passwords.encode(TestTenants.PASSWORD));
        members.addMembership(accountId, userId, Role.AGENT);

        var browser = new Browserless(port);
        var signedIn = browser.signIn(email, TestTenants.PASSWORD);

        assertThat(Browserless.redirectPath(signedIn)).isEqualTo("/chats");
        assertThat(browser.get("/chats").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :name")
                .param("name", Long.toString(userId)).query(Integer.class).single()).isEqualTo(1);
    }
}
