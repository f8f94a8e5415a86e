package switchboard.accounts.signin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import switchboard.accounts.Member;
import switchboard.accounts.Role;
import switchboard.accounts.team.MemberRepository;
import switchboard.testsupport.Browserless;
import switchboard.testsupport.SwitchboardTest;
import switchboard.testsupport.TestTenants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in and sign-out: messages, throttling, sessions in PostgreSQL, remember-me, CSRF. */
@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class SignInIntegrationTests {

    private static final String SESSION_COOKIE = "SWITCHBOARD_SESSION";

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

    private final List<String> emailsUsed = new ArrayList<>();

    /** Failures are counted per address too, and every test signs in from this machine: leave no count behind. */
    @AfterEach
    void forgetFailures() {
        emailsUsed.forEach(email -> jdbc.sql("delete from sign_in_failures where email = :email").param("email", email).update());
    }

    @Test
    void aWrongPasswordOrUnknownEmailGetsTheSameClearMessage() {
        Member owner = owner();
        Browserless browser = new Browserless(port);

        var wrong = browser.signIn(owner.email(), "not the password");
        assertThat(Browserless.redirectPath(wrong)).isEqualTo("/sign-in?error");
        assertThat(browser.get("/sign-in?error").body()).contains("That email and password do not match an account.");

        String stranger = "nobody-" + System.nanoTime() + "@example.com";
        emailsUsed.add(stranger);
        browser.signIn(stranger, "whatever password");
        assertThat(browser.get("/sign-in?error").body()).contains("That email and password do not match an account.");
        assertThat(Browserless.redirectPath(browser.get("/chats"))).isEqualTo("/sign-in");
    }

    @Test
    void repeatedFailuresSlowDownEvenTheRightPasswordAndAreLoggedWithoutThePassword(CapturedOutput output) {
        Member owner = owner();
        Browserless browser = new Browserless(port);
        for (int guess = 1; guess <= SignInThrottle.FREE_FAILURES_PER_EMAIL; guess++) {
            browser.signIn(owner.email(), "guess number " + guess);
            assertThat(browser.get("/sign-in?error").body()).contains("do not match");
        }
        assertThat(failuresOf(owner.email())).isEqualTo(SignInThrottle.FREE_FAILURES_PER_EMAIL);
        // As if the guessing had gone on from elsewhere: five more failures just now make the wait 2^5 = 32 s,
        // long enough that this test cannot outrun it on a slow machine.
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into sign_in_failures (email, remote_address) values (:email, 'elsewhere')").param("email", owner.email()).update();
        }

        var refused = browser.signIn(owner.email(), TestTenants.PASSWORD);

        assertThat(Browserless.redirectPath(refused)).isEqualTo("/sign-in?error");
        Matcher wait = Pattern.compile("Too many failed sign-ins. Wait (\\d+) seconds, then try again.").matcher(browser.get("/sign-in?error").body());
        assertThat(wait.find()).isTrue();
        assertThat(Integer.parseInt(wait.group(1))).isBetween(20, 32);
        assertThat(Browserless.redirectPath(browser.get("/chats"))).isEqualTo("/sign-in");
        assertThat(output.getOut()).contains("Failed sign-in for " + owner.email())
                .contains("Sign-in refused for " + owner.email())
                .doesNotContain("guess number").doesNotContain(TestTenants.PASSWORD);
    }

    @Test
    void theWaitDoublesWithEachFailureBeyondTheAllowanceAndASuccessClearsIt() {
        var clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
        var throttle = new SignInThrottle(jdbc, clock);
        String email = uniqueEmail("doubling");
        String address = "test-" + System.nanoTime();

        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_EMAIL; i++) {
            assertThatCode(() -> throttle.check(email, address)).doesNotThrowAnyException();
            throttle.recordFailure(email, address);
        }
        assertThatThrownBy(() -> throttle.check(email, address)).hasMessageContaining("Wait 1 seconds");
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check(email, address)).doesNotThrowAnyException();
        throttle.recordFailure(email, address);
        clock.advance(Duration.ofMillis(1500));
        assertThatThrownBy(() -> throttle.check(email, address)).isInstanceOf(SignInThrottledException.class);
        clock.advance(Duration.ofMillis(500));
        assertThatCode(() -> throttle.check(email, address)).doesNotThrowAnyException();

        throttle.recordSuccess(email);
        throttle.recordFailure(email, address);
        assertThatCode(() -> throttle.check(email, address)).doesNotThrowAnyException();
        assertThat(SignInThrottle.requiredWait(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.requiredWait(40)).isEqualTo(SignInThrottle.LONGEST_WAIT);
    }

    @Test
    void manyFailuresFromOneAddressSlowDownEveryEmailFromThereAndOldFailuresExpire() {
        var clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
        var throttle = new SignInThrottle(jdbc, clock);
        String address = "test-sprayer-" + System.nanoTime();

        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.recordFailure(uniqueEmail("spray" + i), address);
        }

        assertThatThrownBy(() -> throttle.check(uniqueEmail("next"), address)).isInstanceOf(SignInThrottledException.class);
        assertThatCode(() -> throttle.check(uniqueEmail("next"), "test-another-address")).doesNotThrowAnyException();
        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        assertThatCode(() -> throttle.check(uniqueEmail("next"), address)).doesNotThrowAnyException();
        jdbc.sql("delete from sign_in_failures where remote_address = :address").param("address", address).update();
    }

    @Test
    void theSessionIdChangesAtSignInAndTheSessionIsARowInPostgres() {
        Member owner = owner();
        Browserless browser = new Browserless(port);
        browser.get("/sign-in");
        String before = sessionId(browser);
        assertThat(before).isNotNull();

        browser.signIn(owner.email(), TestTenants.PASSWORD);

        String after = sessionId(browser);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", before).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id").param("id", after).query(String.class).single())
                .isEqualTo(Long.toString(owner.userId()));
        assertThat(jdbc.sql("""
                        select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                        where s.session_id = :id and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
                .param("id", after).query(Integer.class).single()).isEqualTo(1);
        assertThat(browser.get("/chats").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyRememberMeGivesACookieThatOutlivesTheBrowser() {
        Member owner = owner();

        Browserless forgetful = new Browserless(port);
        String sessionCookie = setCookie(forgetful.signIn(owner.email(), TestTenants.PASSWORD));
        assertThat(sessionCookie).doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires").containsIgnoringCase("HttpOnly");
        assertThat(maxInactiveSeconds(sessionId(forgetful))).isEqualTo(12 * 3600);

        Browserless remembered = new Browserless(port);
        String persistentCookie = setCookie(remembered.submit("/sign-in", "/sign-in",
                Map.of("email", owner.email(), "password", TestTenants.PASSWORD, "remember-me", "true")));
        // Spring Session gives a remembered cookie the longest Max-Age; the session itself ends after 30 days unused.
        assertThat(persistentCookie).containsPattern("(?i)Max-Age=\\d+").containsIgnoringCase("Expires=");
        assertThat(maxInactiveSeconds(sessionId(remembered))).isEqualTo(30 * 24 * 3600);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Member owner = owner();
        Browserless browser = signedIn(owner);

        var forged = browser.post("/settings/tokens", Map.of("name", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        var forgedSignIn = new Browserless(port).post("/sign-in", Map.of("email", owner.email(), "password", TestTenants.PASSWORD));
        assertThat(forgedSignIn.statusCode()).isEqualTo(403);
        assertThat(tokensNamed(owner, "Forged")).isZero();
    }

    @Test
    void htmxRequestsSendTheCsrfTokenInAHeader() throws Exception {
        Member owner = owner();
        Browserless browser = signedIn(owner);
        String page = browser.get("/chats").body();
        String header = meta(page, "csrf-header");
        String token = meta(page, "csrf-token");
        assertThat(header).isEqualTo("X-CSRF-TOKEN");

        var http = HttpClient.newBuilder().cookieHandler(browser.cookies()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/settings/tokens"))
                .header("HX-Request", "true").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=From+htmx"));
        HttpResponse<String> withHeader = http.send(request.copy().header(header, token).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutHeader = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withHeader.statusCode()).isEqualTo(200);
        assertThat(withoutHeader.statusCode()).isEqualTo(403);
        assertThat(tokensNamed(owner, "From htmx")).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSessionInTheDatabase() {
        Browserless browser = signedIn(owner());
        String session = sessionId(browser);

        var signedOut = browser.submit("/chats", "/sign-out", Map.of());

        assertThat(Browserless.redirectPath(signedOut)).isEqualTo("/sign-in?signed-out");
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", session).query(Integer.class).single()).isZero();
        assertThat(Browserless.redirectPath(browser.get("/chats"))).isEqualTo("/sign-in");
    }

    @Test
    void someoneWithALongNameAndEmailSignsIn() throws IOException {
        var tenant = tenants.create("Long Names Ltd");
        String email = "a".repeat(120) + "-" + System.nanoTime() + "@example-with-a-long-domain.com";
        long userId = members.createUser(email, "N".repeat(200), passwords.encode(TestTenants.PASSWORD));
        members.addMembership(tenant.accountId(), userId, Role.AGENT);
        emailsUsed.add(email);

        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(email, TestTenants.PASSWORD))).isEqualTo("/chats");
        assertThat(browser.get("/chats").body()).contains("N".repeat(200));
        assertThat(jdbc.sql("select password_hash from users where id = :id").param("id", userId).query(String.class).single())
                .startsWith("{argon2}$argon2id$").doesNotContain(TestTenants.PASSWORD);
    }

    private Member owner() {
        Member owner = tenants.create("Corner Bakery").owner();
        emailsUsed.add(owner.email());
        return owner;
    }

    private Browserless signedIn(Member member) {
        Browserless browser = new Browserless(port);
        assertThat(Browserless.redirectPath(browser.signIn(member.email(), TestTenants.PASSWORD))).isEqualTo("/chats");
        return browser;
    }

    private String uniqueEmail(String name) {
        String email = name + "-" + System.nanoTime() + "@example.com";
        emailsUsed.add(email);
        return email;
    }

    private int failuresOf(String email) {
        return jdbc.sql("select count(*) from sign_in_failures where email = :email").param("email", email).query(Integer.class).single();
    }

    private int tokensNamed(Member member, String name) {
        return jdbc.sql("select count(*) from api_tokens where user_id = :userId and name = :name")
                .param("userId", member.userId()).param("name", name).query(Integer.class).single();
    }

    private int maxInactiveSeconds(String sessionId) {
        return jdbc.sql("select max_inactive_interval from spring_session where session_id = :id").param("id", sessionId)
                .query(Integer.class).single();
    }

    private static String sessionId(Browserless browser) {
        String cookie = browser.cookie(SESSION_COOKIE);
        return cookie == null ? null : new String(Base64.getDecoder().decode(cookie));
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .reduce((first, last) -> last).orElseThrow();
    }

    private static String meta(String page, String name) {
        Matcher meta = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page);
        assertThat(meta.find()).as("meta " + name).isTrue();
        return meta.group(1);
    }

    /** A clock the test moves forward, so waits are checked without waiting. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
