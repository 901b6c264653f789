package id.ruangaman.security;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Who an account is, for what people read: the name of the person who uses it ({@link Account#displayName()}, the
 * username until a coordinator writes the name) and its role's code, which templates show as a label
 * ({@code inject:labels.accountRole}). In templates: {@code inject:people.name(username)}, {@code inject:people.names(csv)}.
 * The records keep usernames (the audit log's actors, a letter's team): this turns them into names when shown. The
 * accounts are read once per request (a handful of rows); a username that is no account (a system actor) is returned as
 * it is.
 */
@RequestScoped
@Named("people")
public class People {

    private record Person(String name, String role) {
    }

    private final AccountRepository accounts;
    private Map<String, Person> byUsername;

    People(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The person's name for {@code username}; the username when the account has no name or there is no such account. */
    public String name(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null ? username : p.name();
    }

    /** Whether {@code username} is an account (not a system actor such as the bot). */
    public boolean known(String username) {
        return username != null && all().containsKey(username);
    }

    /** The account's role code ({@link Role}), null for no such account. */
    public String role(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null ? null : p.role();
    }

    /** Comma-separated usernames as the people's names, "Sri Wahyuni, Budi"; "" for null. */
    public String names(String csv) {
        if (csv == null || csv.isBlank()) {
            return "";
        }
        return Arrays.stream(csv.split(",")).filter(u -> !u.isBlank()).map(this::name).collect(Collectors.joining(", "));
    }

    private Map<String, Person> all() {
        if (byUsername == null) {
            byUsername = QuarkusTransaction.joiningExisting().call(() -> accounts.listAll().stream()
                    .collect(Collectors.toUnmodifiableMap(a -> a.username, a -> new Person(a.displayName(), a.role))));
        }
        return byUsername;
    }
}
