package id.ruangaman.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A form as a browser submits it, read from a rendered page: the {@code <form>} that holds an element (its submit
 * button, usually), its action, its hidden fields, checked boxes, selected options, text areas and the pressed
 * button's name and value. A test then fills in what a person would type ({@link #with}) and submits it.
 */
public final class RenderedForm {

    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern TAG = Pattern.compile("(?is)<(input|button)\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("(?is)<textarea\\b([^>]*)>(.*?)</textarea>");
    private static final Pattern SELECT = Pattern.compile("(?is)<select\\b([^>]*)>(.*?)</select>");
    private static final Pattern OPTION = Pattern.compile("(?is)<option\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)(?:=\"([^\"]*)\")?");

    private final String action;
    private final Map<String, List<String>> fields;

    private RenderedForm(String action, Map<String, List<String>> fields) {
        this.action = action;
        this.fields = fields;
    }

    /** The form on {@code html} that holds the element with {@code id="elementId"}; fails when there is none. */
    public static RenderedForm holding(String html, String elementId) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String body = form.group(2);
            if (!body.contains("id=\"" + elementId + "\"")) {
                continue;
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Matcher tag = TAG.matcher(body);
            while (tag.find()) {
                Map<String, String> a = attributes(tag.group(2));
                String name = a.get("name");
                if (name == null) {
                    continue;
                }
                String type = a.getOrDefault("type", tag.group(1).equalsIgnoreCase("button") ? "submit" : "text");
                boolean pressed = type.equals("submit") && elementId.equals(a.get("id"));
                boolean kept = switch (type) {
                    case "submit" -> pressed;
                    case "checkbox", "radio" -> a.containsKey("checked");
                    case "file" -> false;
                    default -> true;
                };
                if (kept) {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(a.getOrDefault("value", "")));
                }
            }
            Matcher area = TEXTAREA.matcher(body);
            while (area.find()) {
                String name = attributes(area.group(1)).get("name");
                if (name != null) {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(area.group(2)));
                }
            }
            Matcher select = SELECT.matcher(body);
            while (select.find()) {
                String name = attributes(select.group(1)).get("name");
                Matcher option = OPTION.matcher(select.group(2));
                while (name != null && option.find()) {
                    Map<String, String> a = attributes(option.group(1));
                    if (a.containsKey("selected")) {
                        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(decode(a.getOrDefault("value", "")));
                    }
                }
            }
            return new RenderedForm(decode(attributes(form.group(1)).getOrDefault("action", "")), fields);
        }
        throw new AssertionError("no form holds #" + elementId);
    }

    public String action() {
        return action;
    }

    /** The values the form would send under {@code name} (empty when none). */
    public List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** What a person types or chooses: replaces the field's values. */
    public RenderedForm with(String name, String... values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(fields);
        copy.put(name, List.of(values));
        return new RenderedForm(action, copy);
    }

    /**
     * The {@code application/x-www-form-urlencoded} body a browser sends for it (UTF-8, the HTML standard's
     * urlencoded serializer): for a test that sends it by hand, with something appended a browser never sends.
     */
    public String body() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                out.append(out.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /**
     * Submits it as a browser does (form-encoded, asking for HTML, redirects not followed) with the session cookie
     * ({@code session} null: none yet, the login form).
     */
    public Response submit(String session) {
        var request = given().redirects().follow(false).contentType(ContentType.URLENC).accept("text/html,application/xhtml+xml");
        if (session != null) {
            request = request.cookie("ruangaman-session", session);
        }
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            request = request.formParam(field.getKey(), field.getValue().toArray());
        }
        return request.when().post(action);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) == null ? "" : m.group(2));
        }
        return out;
    }

    private static String decode(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
