package id.ruangaman.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ruangaman.conversation.definition.LocalizedText;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The one loader of the conversations folder's text files: its schema, and each lint rule failing on a bad file. */
class TextFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("_texts.yaml"), yaml, StandardCharsets.UTF_8);
    }

    private String problem(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(ConfigurationException.class, () -> TextFile.read(file)).getMessage();
    }

    @Test
    void shouldReadTextsAndGroupsInFileOrder() throws IOException {
        TextFile file = TextFile.read(write("""
                hello: {id: "Halo, {name}.", en: "Hello, {name}."}
                reply:
                  title: {id: Judul, en: Title}
                  text: {id: Isi, en: Body}
                """));
        assertEquals(List.of("hello", "reply.title", "reply.text"), List.copyOf(file.texts().keySet()));
        assertEquals(List.of("hello", "reply"), file.keys());
        assertEquals(new LocalizedText(Map.of("id", "Judul", "en", "Title")), file.group("reply").get("title"));
        assertEquals("Hello, Sari.", file.text("hello", "en", Map.of("name", "Sari")));
        assertEquals("Halo, Sari.", file.text("hello", "jv", Map.of("name", "Sari")), "an unknown language falls back to id");
        assertEquals("Halo, {name}.\nHello, {name}.", file.text("hello", null, Map.of()), "no language chosen yet: both");
    }

    @Test
    void shouldReadAFileThatIsOneText() throws IOException {
        TextFile file = TextFile.read(write("id: Penting.\nen: Important.\n"));
        assertEquals("Important.", file.single().in("en", "id"));
        TextFile keyed = TextFile.read(write("a: {id: x, en: y}\n"));
        assertTrue(assertThrows(ConfigurationException.class, keyed::single).getMessage().endsWith("must be one text: 'id:' and 'en:' at the top level"));
    }

    /** Each rule, on a file that breaks only it; the message names the file and the key. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing en                | a: {id: Halo}                                 | text 'a' has no 'en'
            missing id                | a: {en: Hello}                                | text 'a' has no 'id'
            blank id                  | a: {id: '  ', en: Hello}                      | text 'a' has a blank 'id'
            empty en                  | a: {id: Halo, en: ''}                         | text 'a' has a blank 'en'
            en is not text            | a: {id: Halo, en: [x]}                        | text 'a' has no text in 'en'
            placeholder missing in en | a: {id: 'Halo {name}', en: Hello}             | text 'a' has placeholders [name] in 'id' but [] in 'en'
            placeholder renamed       | a: {id: 'Halo {nama}', en: 'Hello {name}'}    | text 'a' has placeholders [nama] in 'id' but [name] in 'en'
            key that is no language   | a: {id: Halo, en: Hello, title: x}            | text 'a' has 'title', which is not a language code
            in a group                | r: {title: {id: Judul}, text: {id: x, en: y}} | text 'r.title' has no 'en'
            a plain string            | a: Halo                                       | 'a' is not a text {id: ..., en: ...} or a group of texts
            a list                    | replies: [{title: x}]                         | 'replies' is not a text {id: ..., en: ...} or a group of texts
            nested too deep           | r: {title: {short: {id: x, en: y}}}           | 'r.title' is not a text {id: ..., en: ...}
            a dot in a key            | a.b: {id: x, en: y}                           | key 'a.b' may not contain '.' (a text in a group is named group.key)
            an empty group            | r: {}                                         | 'r' is not a text {id: ..., en: ...} or a group of texts
            a list at the top         | '- a'                                         | the file must be a map of texts {id: ..., en: ...} (or groups of them)
            duplicate key             | a: {id: x, en: y}\\nb: {id: x, en: y}\\na: {id: z, en: w} | duplicate key 'a' at line 3
            """)
    void shouldRefuseABadFileNamingFileAndKey(String rule, String yaml, String expected) throws IOException {
        String message = problem(yaml.replace("\\n", "\n"));
        assertEquals(dir.resolve("_texts.yaml") + ": " + expected, message, rule);
    }

    @Test
    void shouldReportEveryProblemAtOnce() throws IOException {
        String message = problem("a: {id: Halo}\nb: {id: '', en: x}\nc: {id: x, en: y}\n");
        assertEquals(2, message.lines().count(), message);
        assertTrue(message.contains("text 'a' has no 'en'") && message.contains("text 'b' has a blank 'id'"), message);
    }

    @Test
    void shouldAcceptAThirdLanguageThatIsComplete() throws IOException {
        assertEquals("Sugeng {x}", TextFile.read(write("a: {id: 'Halo {x}', en: 'Hello {x}', jv: 'Sugeng {x}'}\n"))
                .text("a", "jv", Map.of()));
        assertTrue(problem("a: {id: 'Halo {x}', en: 'Hello {x}', jv: Sugeng}\n").endsWith("[x] in 'id' but [] in 'jv'"));
    }

    @Test
    void shouldCheckTheKeysAConsumerNeeds() throws IOException {
        TextFile file = TextFile.read(write("a: {id: x, en: y}\nr: {title: {id: x, en: y}}\n"));
        assertTrue(assertThrows(ConfigurationException.class, () -> file.require(List.of("a", "b"))).getMessage()
                .endsWith("_texts.yaml: text 'b' is missing"));
        assertTrue(assertThrows(ConfigurationException.class, () -> TextFile.read(write("a: {id: x, en: y}\n")).allowOnly(List.of("b")))
                .getMessage().endsWith("unknown key 'a'"));
        assertTrue(assertThrows(ConfigurationException.class, () -> file.groupsOf(List.of("title", "text"))).getMessage()
                .contains("'a' must be a group of exactly the texts [title, text]"));
    }

    /** The example of conversations/README.md's "Text files" section passes the lint it documents. */
    @Test
    void shouldReadTheReadmesExample() throws IOException {
        String readme = Files.readString(Path.of("conversations/README.md"));
        int section = readme.indexOf("## Text files");
        int start = readme.indexOf("```yaml", section) + 7;
        TextFile file = TextFile.read(write(readme.substring(start, readme.indexOf("```", start))));
        assertEquals(List.of("media_too_large", "safety_check"), file.keys());
        assertEquals(List.of("title", "text"), List.copyOf(file.group("safety_check").keySet()));
    }

    @Test
    void shouldNameAMissingFileAndInvalidYaml() throws IOException {
        assertTrue(assertThrows(ConfigurationException.class, () -> TextFile.read(dir.resolve("_none.yaml"))).getMessage()
                .contains("_none.yaml is missing"));
        assertTrue(TextFile.readIfPresent(dir.resolve("_none.yaml")).isEmpty());
        assertTrue(problem("a: {id: x\n").startsWith(dir.resolve("_texts.yaml") + ": invalid YAML at line"));
    }
}
