package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ruangaman.conversation.Input;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The reviewable data files: the shipped ones load, broken ones stop the start-up with file, key and problem. */
class ReferralDataFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void shouldLoadTheShippedDirectoryOfFictionalProviders() {
        Map<String, ProviderDirectory.Entry> entries = ProviderDirectory.read(Path.of("conversations", ProviderDirectory.FILE));
        assertTrue(entries.size() >= 5);
        entries.forEach((key, entry) -> {
            assertTrue(entry.name().startsWith("Contoh:") && entry.name().endsWith("(fiktif)"), "clearly fictional: " + key);
            assertTrue(entry.contactChannels() == null || !entry.contactChannels().matches(".*\\b0[1-9][0-9]{7,}.*"),
                    "no real-looking phone number: " + key);
        });
        for (String service : ReferralService.SERVICES) {
            assertTrue(entries.values().stream().anyMatch(e -> e.services().contains(service)), "someone offers " + service);
        }
    }

    @Test
    void shouldRefuseABrokenProviderWithItsKeyAndProblem() throws IOException {
        Path unknownService = write("a.yaml", "x-1:\n  name: N\n  services: [astrology]\n  region: R\n  city: C\n  cost: free\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> ProviderDirectory.read(unknownService)).getMessage()
                .endsWith("provider 'x-1' has an unknown service 'astrology'"));
        Path noCost = write("b.yaml", "x-2:\n  name: N\n  services: [legal]\n  region: R\n  city: C\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> ProviderDirectory.read(noCost)).getMessage()
                .endsWith("provider 'x-2' needs cost: free or paid"));
        Path badKey = write("c.yaml", "Bad Key:\n  name: N\n  services: [legal]\n  region: R\n  city: C\n  cost: paid\n");
        assertThrows(ConfigurationException.class, () -> ProviderDirectory.read(badKey));
        Path unknownField = write("d.yaml", "x-4:\n  name: N\n  services: [legal]\n  region: R\n  city: C\n  cost: paid\n  phone: 1\n");
        assertThrows(ConfigurationException.class, () -> ProviderDirectory.read(unknownField));
    }

    @Test
    void shouldLoadTheChatTextsInBothLanguagesAndRefuseAMissingTranslation() throws IOException {
        ReferralTexts texts = new ReferralTexts(null);
        texts.load(Path.of("conversations", ReferralTexts.FILE));
        assertTrue(texts.text("consent_question", "en", Map.of("provider", "P")).contains("P"));
        assertTrue(texts.text("consent_question", "id", Map.of()).contains("/cabut"));
        assertTrue(texts.text("consent_question", "en", Map.of()).contains("/withdraw"));
        for (String button : List.of("button_yes", "button_no", "withdraw_keep")) {
            assertTrue(texts.text(button, "id").length() <= 20 && texts.text(button, "en").length() <= 20, button);
        }
        Path missing = write("t.yaml", "consent_question:\n  id: Halo\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new ReferralTexts(null).load(missing));
        assertTrue(e.getMessage().endsWith("text 'consent_question' has no 'en'"), e.getMessage());
        Path complete = Files.copy(Path.of("conversations", ReferralTexts.FILE), dir.resolve("all.yaml"));
        Files.writeString(complete, "consent_questoin: {id: Halo, en: Hello}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        e = assertThrows(ConfigurationException.class, () -> new ReferralTexts(null).load(complete));
        assertTrue(e.getMessage().endsWith("unknown key 'consent_questoin'"), e.getMessage());
    }

    @Test
    void shouldKeepCallbackDataWithinSixtyBytes() {
        String consent = ChatTexts.CONSENT_NODE_PREFIX + Long.MAX_VALUE + ":yes";
        String withdraw = ChatTexts.WITHDRAW_NODE + ":" + Long.MAX_VALUE;
        assertTrue(consent.getBytes(StandardCharsets.UTF_8).length <= 60);
        assertTrue(withdraw.getBytes(StandardCharsets.UTF_8).length <= 60);
        assertEquals(new Input.ButtonPress("_ref42", "yes"), Input.ButtonPress.fromCallbackData("_ref42:yes"));
    }
}
