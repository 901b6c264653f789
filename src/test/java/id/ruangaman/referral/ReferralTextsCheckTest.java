package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.texts.TextFile;

/**
 * The referral texts the service ships keep the provider (which may be a "Pusat Krisis ...") and the help asked for off
 * the first line, which a discreet chat shows under its neutral line, in both languages.
 */
class ReferralTextsCheckTest {

    private static Discretion discretion() {
        return ShippedFlows.intake().definition().discretion();
    }

    private static Map<String, LocalizedText> shipped() {
        return new LinkedHashMap<>(TextFile.read(Path.of("conversations/" + ReferralTexts.FILE)).texts());
    }

    @Test
    void shouldFindNoProblemInTheShippedReferralTexts() throws IOException {
        assertEquals(List.of(), ReferralTextsCheck.problems(discretion(), shipped()));
    }

    @Test
    void shouldKeepEveryProviderAndServiceOffTheFirstLine() {
        shipped().forEach((key, text) -> text.values().forEach((language, value) -> {
            String first = value.strip().lines().findFirst().orElse("");
            assertTrue(ReferralTextsCheck.NEVER_FIRST.contains(key) || !first.contains("{provider}") && !first.contains("{service}"),
                    key + " (" + language + "): " + first);
        }));
    }

    @Test
    void shouldReportAProviderOnTheFirstLine() throws IOException {
        Map<String, LocalizedText> texts = shipped();
        texts.put("withdrawn", new LocalizedText(Map.of("id", "Persetujuan untuk {provider} dicabut.", "en", "Consent for {provider} withdrawn.")));

        assertEquals(List.of(
                "_referral_texts.yaml: 'withdrawn' (en) begins a message to a discreet chat and its first line shows '{provider}'",
                "_referral_texts.yaml: 'withdrawn' (id) begins a message to a discreet chat and its first line shows '{provider}'"),
                ReferralTextsCheck.problems(discretion(), texts));
    }
}
