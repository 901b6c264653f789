package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

/**
 * Every form an inbox page posts is listed: each POST endpoint under /inbox (found by reflection over the compiled
 * resources) has a saved line ({@link SavedNotice#keyFor}) or is one of the few that say their result otherwise. Every
 * key has its own words in both bundles (not the general "Saved."), and a place on a page ({@code tags/saved}).
 */
class SavedNoticeRoutesTest {

    /** POSTs that are not a save said by a line: their own page or thread says what happened. */
    private static final Set<String> OTHERWISE = Set.of(
            "/inbox/cases/RA-SINT1/reply", // the reply's line in the transcript, with its delivery state
            "/inbox/cases/RA-SINT1/reveal", // its answer is its own page
            "/inbox/language", // the page in the other language is the answer
            "/inbox/account/sessions/end"); // ends this session too: the login page

    @Test
    void shouldGiveEveryInboxFormASavedLineOrAReasonItHasNone() throws Exception {
        List<String> missing = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (String path : inboxPosts()) {
            String key = SavedNotice.keyFor(path);
            if (key == null && !OTHERWISE.contains(path)) {
                missing.add(path);
            }
            if (key != null) {
                assertFalse(OTHERWISE.contains(path), path);
                keys.add(key.replaceFirst("-[0-9]+$", ""));
            }
        }
        assertTrue(missing.isEmpty(), "forms with no saved line: " + missing);
        assertTrue(keys.size() >= 30, "found the forms: " + keys);

        String id = bundle("msg.properties"), en = bundle("msg_en.properties");
        String templates = templates();
        for (String key : keys) {
            assertTrue(id.contains("{#is '" + key + "'}"), "Bahasa Indonesia words for " + key);
            assertTrue(en.contains("{#is '" + key + "'}"), "English words for " + key);
            assertTrue(templates.contains("tags/saved key='" + key + "'") || templates.contains("tags/saved key='" + key + "-' id=")
                    || templates.contains("inject:saved.is('" + key + "-', "),
                    "a place on a page for " + key);
        }
    }

    @Test
    void shouldKeepOnlyAFormKeyAndThePagePathInTheCookie() {
        assertEquals("minutes-12", SavedNotice.keyFor("/inbox/cases/RA-SINT1/sop/interviews/12"));
        assertEquals("attachment-12", SavedNotice.keyFor("/inbox/cases/RA-SINT1/sop/interviews/12/attachment"));
        assertEquals("findings", SavedNotice.keyFor("/inbox/cases/RA-SINT1/sop/findings"));
        assertEquals("/inbox/cases/RA-SINT1/sop", SavedNotice.pageOf("findings~/inbox/cases/RA-SINT1/sop"));
        assertNull(SavedNotice.pageOf("findings~/elsewhere"), "only an inbox page");
        assertNull(SavedNotice.pageOf("<b>~/inbox"), "only a key");
        assertNull(SavedNotice.pageOf("note~/inbox/cases/RA-SINT1?x=1"), "no query");
        assertNull(SavedNotice.pageOf(null));
        assertNull(SavedNotice.keyFor("/inbox/cases/RA-SINT1/sop/unknown"));
    }

    private static List<String> inboxPosts() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("id/ruangaman"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SavedNoticeRoutesTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(POST.class)) {
                        jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                        String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                        path = path.replace("{ref}", "RA-SINT1").replaceAll("\\{[A-Za-z]*[iI]d\\}", "12");
                        if (path.startsWith("/inbox")) {
                            paths.add(path);
                        }
                    }
                }
            }
        }
        return paths;
    }

    private static String bundle(String name) throws IOException {
        try (InputStream in = SavedNoticeRoutesTest.class.getResourceAsStream("/messages/" + name)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p.getProperty("saved");
        }
    }

    private static String templates() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
