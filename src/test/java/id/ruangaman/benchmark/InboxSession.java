package id.ruangaman.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A logged-in inbox session over plain HTTP/1.1: form login, then GETs carrying the (renewed) session cookie. */
final class InboxSession {

    static final String SESSION_COOKIE = "ruangaman-session";

    /** One answered GET: status, body and the wall time from sending to the last byte read. */
    record Page(int status, String body, long nanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String session;

    private InboxSession(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static InboxSession login(String baseUrl, String username, String password) throws IOException, InterruptedException {
        InboxSession s = new InboxSession(baseUrl);
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = s.http.send(HttpRequest.newBuilder(URI.create(s.baseUrl + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        s.remember(response);
        if (s.session == null) {
            throw new IllegalStateException("login as " + username + " was refused (HTTP " + response.statusCode() + ", no session cookie)");
        }
        return s;
    }

    Page get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", SESSION_COOKIE + "=" + session)
                .timeout(Duration.ofSeconds(30)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        remember(response);
        return new Page(response.statusCode(), response.body(), nanos);
    }

    private void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            if (pair.startsWith(SESSION_COOKIE + "=") && pair.length() > SESSION_COOKIE.length() + 1) {
                session = pair.substring(SESSION_COOKIE.length() + 1);
            }
        }
    }
}
