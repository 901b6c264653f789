package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NumberRange;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A person answers a choice question of {@code conversations/intake.yaml} in their own words. Each row is a labelled
 * fixture: the question, what was typed, and the option it must be taken as ("-": unclear, one kind re-prompt). The
 * first rows are the inputs of walkthrough 7 that were not understood; the others share their cause.
 */
class TypedChoiceTest {

    private static Flow intake;

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            // walkthrough 7, finding 1 (after Perkosaan: the emergency-care message depends on within_72h)
            "incident_when|tadi malam|within_72h", "incident_when|semalam|within_72h",
            "incident_when|kemarin malam|within_72h", "incident_when|2 hari lalu|within_72h",
            // the same kind: relative times, the boundary on the safer side
            "incident_when|tadi|within_72h", "incident_when|barusan|within_72h", "incident_when|baru saja|within_72h",
            "incident_when|hari ini|within_72h", "incident_when|kemarin|within_72h", "incident_when|kemarin sore|within_72h",
            "incident_when|kemarin lusa|within_72h", "incident_when|dua hari yang lalu|within_72h",
            "incident_when|3 hari lalu|within_72h", "incident_when|kejadiannya tadi malam kak|within_72h",
            "incident_when|4 hari lalu|within_month", "incident_when|seminggu lalu|within_month",
            "incident_when|2 minggu lalu|within_month", "incident_when|sebulan lalu|within_month",
            "incident_when|3 bulan lalu|longer", "incident_when|tahun lalu|longer", "incident_when|sudah lama|longer",
            "incident_when|last night|within_72h", "incident_when|yesterday|within_72h",
            "incident_when|this morning|within_72h", "incident_when|2 days ago|within_72h",
            "incident_when|last week|within_month", "incident_when|a year ago|longer",
            "incident_when|kemarin atau sebulan lalu|-", "incident_when|lebih lama dari 3 hari|-", "incident_when|lupa|-",
            // at a question that reads times ago, a bare number is a real answer, never a button's position ("3" may mean
            // 3 days): with no unit it is unclear, asked again with the example
            "incident_when|3|-", "incident_when|2|-", "incident_when|1|-", "incident_when|4|-",
            // walkthrough 7, finding 3: a number against range options, a word variant, a safety signal
            "age_range|20|18_24", "campus_status|mahasiswi|student",
            "safe_to_reply|kadang ada teman kos yang pinjam hp|no",
            // the same kind
            "age_range|17|under_18", "age_range|umur 20 tahun|18_24", "age_range|45|45_plus", "age_range|dibawah 18|under_18",
            // at an age question a bare number is the age, never a button's position: "3" is under 18, not the third button
            "age_range|3|under_18", "age_range|2|under_18", "age_range|150|-", "age_range|20 atau 30|-",
            // at a choice question without ranges a bare number is the button in that place, out of range unclear
            "gender|2|male", "relation|3|staff", "campus_status|9|-", "campus_status|0|-",
            "campus_status|saya mahasiswi teknik|student", "campus_status|tendik|staff", "campus_status|bukan mahasiswa|-",
            "campus_status|mahasiswi dan dosen|-",
            "safe_to_reply|tidak aman|no", "safe_to_reply|hp ini kadang dicek pacar|no", "safe_to_reply|aman kok|yes",
            "safe_to_reply|aman, mode senyap|quiet",
            // "aman" inside a longer reply answers nothing (it may be the person, not the phone); "kadang dipinjam" does
            // (session 55; before: both, so asked again)
            "safe_to_reply|aman tapi kadang dipinjam|no",
            "relation|dia kakak tingkat saya|student", "relation|mantan pacar|partner", "relation|gak kenal|stranger",
            "gender|cewek|female", "incident_place|di kos|other", "incident_place|lewat chat|online",
            "incident_place|di luar kampus|other",
            // a negation governs what follows its verbs (MultiChoiceNegationTest): saying what is NOT so is unclear,
            // never the option it names
            "safe_to_reply|tidak ada yang pinjam|-", "safe_to_reply|no one checks my phone|-",
            "safe_to_reply|nobody reads my chats|-", "campus_status|saya tidak pernah kuliah|-",
            "relation|bukan pacar saya|-",
            // one option wanted, another named under a negation: still asked again (a single answer must be sure)
            "relation|not my boyfriend, a stranger|-"})
    void shouldUnderstandTypedAnswers(String nodeId, String typed, String expected) {
        assertEquals("-".equals(expected) ? Optional.empty() : Optional.of(expected),
                ChoiceMatcher.understand(typed, choices(nodeId), DayOfWeek.MONDAY));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"saya diperkosa|rape", "aku diperkosa dan dipukul|rape,physical_assault",
            "Perkosaan, kekerasan fisik|rape,physical_assault"})
    void shouldFindOptionsNamedInAMultiChoiceMessage(String typed, String expected) {
        List<ChoiceSpec> options = choices("violence_type");
        Optional<List<String>> ids = ChoiceMatcher.matchAll(typed, options).or(() -> Optional.of(ChoiceMatcher.mentions(typed, options).ids()));
        assertEquals(Optional.of(List.of(expected.split(","))), ids);
    }

    @Test
    void shouldEchoOnlyWhatIsNotTheLabel() {
        ChoiceSpec recent = choices("incident_when").get(0);
        assertEquals(true, ChoiceMatcher.isLabel("3 HARI TERAKHIR!", recent));
        assertEquals(true, ChoiceMatcher.isLabel("in the last 3 days", recent));
        assertEquals(false, ChoiceMatcher.isLabel("tadi malam", recent));
        assertEquals(false, ChoiceMatcher.isLabel("1", recent));
    }

    @Test
    void shouldReadRangesOnlyWhereTheFlowGivesThem() {
        List<ChoiceSpec> plain = List.of(SystemChoices.option(new OptionDefinition("a", LocalizedText.of("id", "Satu"), null, null, null), false),
                SystemChoices.option(new OptionDefinition("b", LocalizedText.of("id", "Dua"), Map.of("id", List.of("kedua")), null,
                        new NumberRange(null, 3)), false));
        assertEquals(Optional.empty(), ChoiceMatcher.understand("20", plain, DayOfWeek.MONDAY));
        assertEquals(Optional.of("b"), ChoiceMatcher.understand("kemarin", plain, DayOfWeek.MONDAY));
        assertEquals(Optional.of("b"), ChoiceMatcher.understand("yang kedua", plain, DayOfWeek.MONDAY));
    }

    private static List<ChoiceSpec> choices(String nodeId) {
        NodeDefinition node = intake.findNode(nodeId).orElseThrow();
        List<ChoiceSpec> choices = new ArrayList<>();
        node.options().forEach(option -> choices.add(SystemChoices.option(option, false)));
        choices.add(SystemChoices.skip(intake));
        return choices;
    }
}
