package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.texts.TextFile;

/**
 * The notices the service ships (and the example legal notice) pass the intake flow's discretion rules, on their own
 * and where a node includes them: no first line names the service or the violence under a discreet chat's neutral line.
 */
class SharedTextsCheckTest {

    private static FlowDefinition intake() {
        return ShippedFlows.intake().definition();
    }

    @Test
    void shouldFindNoProblemInTheShippedNotices() throws IOException {
        Map<String, LocalizedText> notices = new LinkedHashMap<>(TextFile.read(Path.of("conversations/_notices.yaml")).texts());
        Path example = Files.copy(Path.of("conversations/_legal_notice.yaml.example"), Files.createTempFile("legal", ".yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        notices.put("legal_notice", TextFile.read(example).single());

        assertEquals(List.of(), SharedTextsCheck.problems("intake.yaml", intake(), notices));
    }

    @Test
    void shouldReportANoticeTheServiceSendsOnItsOwnThatNamesTheServiceOnItsFirstLine() throws IOException {
        Map<String, LocalizedText> notices = new LinkedHashMap<>(TextFile.read(Path.of("conversations/_notices.yaml")).texts());
        notices.put("flood", new LocalizedText(Map.of("id", "Ruang Aman: tunggu sebentar.", "en", "Please wait.")));
        notices.put("media_failed", new LocalizedText(Map.of("id", "Maaf.\nBukti laporanmu tidak terkirim.", "en", "Sorry.")));

        assertEquals(List.of(
                "_notices.yaml: 'flood' (id) begins a message to a discreet chat and its first line shows 'Ruang Aman'",
                "_notices.yaml: 'media_failed' (id) can be sent before consent and contains 'lapor'"),
                SharedTextsCheck.problems("intake.yaml", intake(), notices));
    }
}
