package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.LabelCoverageTest.visibleText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The chat and the inbox name a choice the same way (walkthrough 7, finding 5: "Ditemani konselor Satgas" was shown as
 * "Konseling lanjutan"). Every option of every question of the flows in {@code conversations/} is shown in the inbox
 * either by the flow's own label, or, for the answers the inbox deliberately classifies ({@link Labels#CLASSIFIED}:
 * GBVIMS kinds of violence, SOP reporter roles), by a classification term that has an entry for every option and none
 * for anything else, labelled as such on the case page with the survivor's own choice beside it.
 */
@QuarkusTest
class AnswerLabelMeaningTest {

    @Inject
    FlowRegistry flows;
    @Inject
    ConversationConfig conversations;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowEveryOptionByTheFlowsOwnLabelOrALabelledClassification() throws Exception {
        Flow flow = flows.current(conversations.defaultFlow());
        assertEquals(Set.of(conversations.defaultFlow()), flows.flowIds(), "the inbox labels the answers of the default flow only");
        List<String> wrong = new ArrayList<>();
        for (String language : flow.languages()) {
            Labels labels = Labels.in(flows, conversations, language);
            String unknown = labels.option("no_such_key", "no_such_option");
            for (NodeDefinition node : flow.nodes()) {
                if (node.key() == null || node.options().isEmpty()) {
                    continue;
                }
                for (OptionDefinition option : node.options()) {
                    String own = option.label().in(language, "id");
                    String where = language + " " + node.key() + ":" + option.id();
                    check(wrong, where + " answer", own, labels.option(node.key(), option.id()));
                    if (Labels.CLASSIFIED.containsKey(node.key())) {
                        String term = labels.classified(node.key(), option.id());
                        if (term.equals(unknown) || term.equals(option.id())) {
                            wrong.add(where + ": no " + Labels.CLASSIFIED.get(node.key()) + " term");
                        }
                        check(wrong, where + " survivor's own words", own.equals(term) ? "" : own, labels.ownWords(node.key(), option.id()));
                    } else {
                        check(wrong, where + " classified", own, labels.classified(node.key(), option.id()));
                    }
                    if (Labels.SERVICES_KEY.equals(node.key())) {
                        check(wrong, where + " service", own, labels.service(option.id()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "inbox labels that differ from the flow's");
    }

    @Test
    void shouldKeepEveryMappingTableToTheFlowsOptionsNoneMissingNoneStale() throws Exception {
        Flow flow = flows.current(conversations.defaultFlow());
        // The classification terms: exactly the options of their question, in both inbox languages.
        for (String bundle : List.of("msg", "msg_en")) {
            assertEquals(optionIds(flow, "violence_type"), bundleCodes(bundle, "violence"), bundle + " violence (GBVIMS)");
            assertEquals(optionIds(flow, "reporter_role"), bundleCodes(bundle, "role"), bundle + " role (SOP)");
            assertFalse(bundleHas(bundle, "service"), bundle + ": services are labelled by the flow, no second table");
        }
        for (String bundle : List.of("sop", "sop_en")) {
            assertFalse(bundleHas(bundle, "place_of"), bundle + ": places are labelled by the flow, no second table");
        }
        // The code lists that filter and count by option: the same options.
        assertEquals(optionIds(flow, "violence_type"), new LinkedHashSet<>(CaseFilter.VIOLENCE_TYPES));
        assertEquals(optionIds(flow, "reporter_role"), new LinkedHashSet<>(CaseFilter.ROLES));
        assertEquals(optionIds(flow, Labels.SERVICES_KEY), new LinkedHashSet<>(CaseFilter.SERVICES));
        // (The services a provider can offer: referral.ReferralServiceCodesTest.)
    }

    @Test
    void shouldShowTheClassificationAsSuchWithTheSurvivorsOwnChoiceBesideIt() {
        fixtures.account("meaning-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("meaning-coordinator");
        String ref = fixtures.fullyAnsweredCase();
        String id = tight(getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString());
        assertTrue(id.contains("Jenis kekerasan (istilah GBVIMS): Serangan seksual (pilihan pelapor: \u201cSentuhan seksual paksa\u201d)"), id);
        assertTrue(id.contains("Pelapor (istilah SOP) Korban (pilihan pelapor: \u201cSaya sendiri\u201d)"), id);
        String en = tight(getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/cases/" + ref).then().extract().asString());
        assertTrue(en.contains("(GBVIMS term): Sexual assault"), en);
        // (The transcript's "Tapped: Sexual assault (the reporter chose …)" is the button as tapped, not the classification.)
        assertFalse(en.contains("(GBVIMS term): Sexual assault (the reporter chose"), "same words: nothing to add");
        assertTrue(en.contains("Victim (the reporter chose \u201cMe\u201d)"), en);
        // The case list names the help asked for in the survivor's words (this case's row: on the unfiltered first page
        // of a suite's shared database a new case comes after every older unanswered one, and other cases' rows are there).
        String list = visibleText(getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox?ref=" + ref).then().extract().asString());
        assertTrue(list.contains("Konseling untuk memahami hak dan pilihan"), list);
        assertFalse(list.contains("Konseling lanjutan"), list);
        assertNotEquals(-1, list.indexOf("istilah GBVIMS"));
    }

    /** The visible text, without the space a tag boundary leaves before ")" or ":". */
    private static String tight(String html) {
        return visibleText(html).replaceAll(" ([):])", "$1");
    }

    private static void check(List<String> wrong, String where, String expected, String shown) {
        if (!expected.equals(shown)) {
            wrong.add(where + ": flow \u201c" + expected + "\u201d, inbox \u201c" + shown + "\u201d");
        }
    }

    private static Set<String> optionIds(Flow flow, String key) {
        Set<String> ids = new LinkedHashSet<>();
        flow.nodeForKey(key).orElseThrow().options().forEach(o -> ids.add(o.id()));
        return ids;
    }

    private static Properties bundle(String name) throws java.io.IOException {
        Properties texts = new Properties();
        try (var in = AnswerLabelMeaningTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static boolean bundleHas(String name, String key) throws java.io.IOException {
        return bundle(name).containsKey(key);
    }

    /** The codes a {@code {#when key}{#is 'code'}…} entry has a label for, in file order. */
    private static Set<String> bundleCodes(String name, String key) throws java.io.IOException {
        String entry = bundle(name).getProperty(key);
        assertTrue(entry != null, name + " has no " + key);
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\{#is '([^']+)'\\}").matcher(entry);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
