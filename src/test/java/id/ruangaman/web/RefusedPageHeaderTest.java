package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A page refused for the account's role ("Halaman ini tidak bisa dibuka") is rendered where the accounts' names cannot
 * be read; its header then says "Akun saya", as the link's own page is called, not the username (walkthrough of
 * 7 December 2026: a leader's and a counsellor's refused pages showed "pimpinan1" and "konselor1" where every other page
 * showed their names). Ordinary pages keep the rule: the name, or the username until a name is written, as for these
 * synthetic accounts.
 */
@QuarkusTest
class RefusedPageHeaderTest {

    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldNotShowTheUsernameInTheHeaderOfARefusedPage() {
        fixtures.account("header-leader-sintetis", Role.PIMPINAN);
        fixtures.account("header-counsellor-sintetis", Role.COUNSELLOR);
        for (String username : new String[] { "header-leader-sintetis", "header-counsellor-sintetis" }) {
            String session = InboxFixtures.login(username);
            getAs(session).accept(HTML).when().get("/inbox/accounts").then().statusCode(403)
                    .body(containsString("<a class=\"who\" href=\"/inbox/account\">Akun saya</a>"))
                    .body(not(containsString(username)));
        }
        String leader = InboxFixtures.login("header-leader-sintetis");
        getAs(leader).accept(HTML).when().get("/inbox/pimpinan").then().statusCode(200)
                .body(containsString("<a class=\"who\" href=\"/inbox/account\">header-leader-sintetis</a>"));
    }
}
