package id.ruangaman.conversation.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ruangaman.conversation.FlowLinter;
import id.ruangaman.conversation.LintProblem;
import id.ruangaman.conversation.SharedTexts;
import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Texts kept outside the flow files are held to the flow's discretion rules, on their own and where a node includes them. */
class SharedTextsRuleTest {

    private static FlowDefinition intake;
    private static Discretion discretion;

    @BeforeAll
    static void loadIntake() throws IOException {
        intake = ShippedFlows.intake().definition();
        discretion = intake.discretion();
    }

    private static LocalizedText text(String id, String en) {
        return new LocalizedText(Map.of("id", id, "en", en));
    }

    @Test
    void shouldReportAProviderOrServiceOnTheFirstLineOfAText() {
        Map<String, LocalizedText> texts = Map.of(
                "offer", text("Kami ingin menghubungkan kamu dengan {provider}.", "We would like to connect you with {provider}."),
                "news", text("Kabar: bantuan {service} sudah siap.", "News: {service} is ready."),
                "list", text("{list}\nPilih satu.", "{list}\nChoose one."),
                "fine", text("Ada pertanyaan untukmu.\nKami ingin menghubungkan kamu dengan {provider}.",
                        "One question for you.\nWe would like to connect you with {provider}."),
                "labels", text("Ketuk \"{yes}\" atau \"{no}\" ({n} dari {total}).", "Tap \"{yes}\" or \"{no}\" ({n} of {total})."));

        assertEquals(List.of(
                "_x.yaml: 'list' (en) begins a message to a discreet chat and its first line shows '{list}'",
                "_x.yaml: 'list' (id) begins a message to a discreet chat and its first line shows '{list}'",
                "_x.yaml: 'news' (en) begins a message to a discreet chat and its first line shows '{service}'",
                "_x.yaml: 'news' (id) begins a message to a discreet chat and its first line shows '{service}'",
                "_x.yaml: 'offer' (en) begins a message to a discreet chat and its first line shows '{provider}'",
                "_x.yaml: 'offer' (id) begins a message to a discreet chat and its first line shows '{provider}'"),
                SharedTextsRule.check(discretion, "_x.yaml", texts, Set.of(), texts.keySet()));
    }

    @Test
    void shouldReportAServiceNameOrAvoidedWordOnTheFirstLineUnlessTheTextNeverBeginsAMessage() {
        Map<String, LocalizedText> texts = Map.of(
                "greeting", text("Halo. Ruang Aman hanya melayani chat pribadi.", "Hello. This works in private chats only."),
                "prefix", text("Konselor Satgas:", "Task force counsellor:"),
                "prefix_discreet", text("Konselor:", "Counsellor:"),
                "label", text("Lapor", "Report"));

        assertEquals(List.of(
                "_x.yaml: 'greeting' (id) begins a message to a discreet chat and its first line shows 'Ruang Aman'"),
                SharedTextsRule.check(discretion, "_x.yaml", texts, Set.of("label"), texts.keySet()));
    }

    @Test
    void shouldReportAnAvoidedWordAnywhereInATextSentBeforeConsent() {
        Map<String, LocalizedText> texts = Map.of(
                "early", text("Tunggu sebentar.\nLaporanmu aman.", "Please wait.\nYour report is safe."),
                "late", text("Tunggu sebentar.\nLaporanmu aman.", "Please wait.\nYour report is safe."));

        assertEquals(List.of(
                "_x.yaml: 'early' (en) can be sent before consent and contains 'report'",
                "_x.yaml: 'early' (id) can be sent before consent and contains 'lapor'"),
                SharedTextsRule.check(discretion, "_x.yaml", texts, Set.of(), Set.of("late")));
    }

    @Test
    void shouldCheckAnIncludedNoticeWhereTheNodeShowsIt() {
        SharedTexts shared = SharedTexts.of(Map.of(
                "legal_notice", text("Catatan: data kekerasan disimpan.", "Note: data about violence is kept."),
                "quiet_mode", text("Mode senyap.", "Quiet mode."),
                "quiet_mode_on", text("Ruang Aman: mode senyap nyala.", "Ruang Aman: quiet mode is on."),
                "child_online_reporting", text("Cara melaporkan kontennya:", "How to report the content:")));

        List<String> problems = new FlowLinter().lintIncludes("intake.yaml", intake, shared).stream().map(LintProblem::toString).toList();

        assertEquals(List.of(
                "intake.yaml: node 'quiet_info': 'text' (en) begins a message to a discreet chat and its first line shows 'Ruang Aman'",
                "intake.yaml: node 'quiet_info': 'text' (id) begins a message to a discreet chat and its first line shows 'Ruang Aman'",
                "intake.yaml: node 'about': 'text' (id) is sent before consent and contains 'kekerasan'",
                "intake.yaml: node 'about': 'text' (en) is sent before consent and contains 'violence'",
                "intake.yaml: node 'about': 'discreet_text' (id) is sent before consent and contains 'kekerasan'",
                "intake.yaml: node 'about': 'discreet_text' (en) is sent before consent and contains 'violence'"),
                problems.stream().filter(p -> p.contains("'about'") || p.contains("'quiet_info'")).distinct().toList());
    }

    @Test
    void shouldFindNothingInTheFlowWhenTheIncludedNoticesAreDiscreet() {
        assertEquals(List.of(), new FlowLinter().lintIncludes("intake.yaml", intake, SharedTexts.NONE));
    }
}
