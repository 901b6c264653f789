package id.ruangaman.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The code that runs on every request or message compiles no regular expression per call: String.matches,
 * replaceAll, replaceFirst and split with a regex compile their pattern each time, on every page, form post, webhook
 * and line of a transcript. A precompiled {@link Pattern} (a constant) or no regex at all does the same once. A split
 * on one plain character (or a backslash and one symbol) takes the JDK's fast path, compiles nothing, and is allowed.
 *
 * <p>Scans the web, inbox, security, channel, transcript, casework and referral packages, and the conversation engine
 * ({@code id.ruangaman.conversation}), whose word matching reads every line a person types. A {@code Pattern.compile}
 * is allowed only where it makes a constant ({@code static final}).
 */
class RegexCompiledOnceTest {

    private static final List<String> PACKAGES = List.of(
            "web", "inbox", "security", "channel", "transcript", "casework", "referral", "conversation");
    /**
     * A String call that compiles its first argument, written as a string literal: replaceAll and replaceFirst with two
     * arguments (a Matcher's take one), matches and split with one.
     */
    private static final Pattern CALL = Pattern.compile(
            "\\.(matches|split|replaceAll|replaceFirst)\\(\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*,)?");

    /** Pattern.compile, and the line or the one before it that opens the statement. */
    private static final Pattern COMPILE = Pattern.compile("\\bPattern\\.(compile|matches)\\(");
    private static final Pattern CONSTANT = Pattern.compile("\\bstatic\\s+final\\b");

    @Test
    void shouldCompileNoRegexPerCallOnRequestAndMessagePaths() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/id/ruangaman", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (COMPILE.matcher(lines.get(i)).find() && !constant(lines, i)) {
                            found.add(file + ":" + (i + 1) + " Pattern.compile outside a constant");
                        }
                        Matcher call = CALL.matcher(lines.get(i));
                        while (call.find()) {
                            boolean twoArguments = call.group(3) != null;
                            boolean stringCall = call.group(1).startsWith("replace") ? twoArguments : true;
                            if (stringCall && !("split".equals(call.group(1)) && fastSplit(call.group(2)))) {
                                found.add(file + ":" + (i + 1) + " ." + call.group(1) + "(\"" + call.group(2) + "\")");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "a regex compiled on each call: use a precompiled Pattern constant");
    }

    /**
     * Whether the Pattern.compile on line {@code i} makes a {@code static final} field: that line, or the line above it
     * when the declaration wraps, says so. A record's constructor that takes the regex as text ({@code this(Pattern.compile(
     * regex), ...)}) builds the constants of a list such as Refusals' routes and is allowed too.
     */
    private static boolean constant(List<String> lines, int i) {
        return lines.get(i).strip().startsWith("this(Pattern.compile(") || CONSTANT.matcher(lines.get(i)).find() || i > 0 && CONSTANT.matcher(lines.get(i - 1)).find()
                && lines.get(i - 1).strip().endsWith("=");
    }

    /** String.split's fast path, as written in Java source: one character that is no regex symbol, or an escaped symbol. */
    private static boolean fastSplit(String literal) {
        if (literal.length() == 1) {
            return ".$|()[{^?*+\\".indexOf(literal.charAt(0)) < 0;
        }
        if (literal.length() == 2 && literal.charAt(0) == '\\') {
            char c = literal.charAt(1); // a Java escape: \n, \t, \r are one plain character
            return c == 'n' || c == 't' || c == 'r';
        }
        // "\\." in source is a backslash and a dot: an escaped symbol, the fast path
        return literal.length() == 3 && literal.startsWith("\\\\") && !Character.isLetterOrDigit(literal.charAt(2));
    }
}
