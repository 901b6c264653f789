package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditDetail;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * People see labels, never codes: every page and print of a case whose every question was answered is rendered,
 * in both inbox languages, and its visible text (tags, attributes, scripts removed) must hold no answer key and
 * no option id of the intake flow, and no raw status, channel or audit code.
 */
@QuarkusTest
class LabelCoverageTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData referrals;
    @Inject
    FlowRegistry flows;
    @Inject
    ConversationConfig conversations;
    @Inject
    AuditLog audit;
    @Inject
    CaseFileRepository cases;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("labels-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("labels-coordinator");
    }

    @Test
    void shouldShowNoCodeOnAnyPageOrPrintOfAFullyAnsweredCase() throws Exception {
        String ref = fixtures.fullyAnsweredCase();
        String base = "/inbox/cases/" + ref;
        as(session).formParam("status", "in_verification").when().post(base + "/status").then().statusCode(303);
        as(session).formParam("evidence_examined", "Tangkapan layar sintetis").when().post(base + "/sop/findings").then().statusCode(303);
        for (String component : VerificationComponent.ALL) {
            as(session).formParam("component", component).when().post(base + "/checks").then().statusCode(303);
        }
        as(session).formParam("condition", "stable").formParam("risk_level", "low").formParam("risks", "Risiko sintetis")
                .formParam("mitigation", "Mitigasi sintetis").when().post(base + "/sop/assessment").then().statusCode(303);
        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(303);
        as(session).formParam("text", "Catatan sintetis").when().post(base + "/notes").then().statusCode(303);
        as(session).formParam("text", "Balasan sintetis").when().post(base + "/reply").then().statusCode(303);

        var draft = as(session).formParam("provider", String.valueOf(referrals.provider("contoh-lbh"))).formParam("service", "legal");
        for (String part : List.of("identity", "contact", "chronology", "evidence", "needs")) {
            draft = draft.formParam("part", part);
        }
        String location = draft.when().post(base + "/referrals").then().statusCode(303).extract().header("Location");
        String referral = location.substring(location.lastIndexOf('/') + 1);
        as(session).formParam("reason", "Wali menyetujui lewat pertemuan (sintetis)").when()
                .post("/inbox/referrals/" + referral + "/guardian").then().statusCode(303);

        Set<String> extra = Set.copyOf(List.of("TELEGRAM", "WHATSAPP", "DEV", "in_verification", "verified_report", "intake_form", "case_view",
                "status_change", "referral_change", "awaiting_consent", "consented_parts", "psychological", "legal", "medical"));
        List<String> pages = List.of(base, base + "/transcript", base + "/print/intake-form", base + "/print/verified-report",
                base + "/referrals", "/inbox/referrals/" + referral, "/inbox/referrals/" + referral + "/letter",
                "/inbox?ref=" + ref, "/inbox/audit?ref=" + ref);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (String lang : List.of("id", "en")) {
            Set<String> codes = flowCodes(flows.current("intake"), naturalWords(lang));
            codes.addAll(extra);
            for (String page : pages) {
                String html = getAs(session).cookie("ruangaman-lang", lang).when().get(page).then().statusCode(200).extract().asString();
                String text = visibleText(html);
                Set<String> hits = new TreeSet<>();
                for (String code : codes) {
                    Matcher hit = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_-])").matcher(text);
                    if (hit.find()) {
                        hits.add(code + " in \u2026" + text.substring(Math.max(0, hit.start() - 40), Math.min(text.length(), hit.end() + 40)));
                    }
                }
                if (!hits.isEmpty()) {
                    found.put(lang + " " + page, hits);
                }
            }
        }
        assertEquals(Map.of(), found, "codes shown as visible text");

        // And the labels are there: a sample of what the counsellor should read instead.
        String view = visibleText(getAs(session).cookie("ruangaman-lang", "id").when().get(base).then().extract().asString());
        for (String label : List.of("Umur", "18–24", "Dosen", "Perempuan", "Di kampus", "Hubungan dengan terlapor",
                "Konseling dengan psikolog", "Bantuan hukum", "Chat uji coba (dev)", "Terverifikasi")) {
            assertTrue(view.contains(label), "missing label " + label);
        }
        String letter = visibleText(getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/referrals/" + referral + "/letter")
                .then().extract().asString());
        assertTrue(letter.contains("Status di kampus") && letter.contains("Dosen") && letter.contains("Kanal"), letter);
    }

    @Test
    void shouldLabelDurationsInTheInboxLanguage() {
        String ref = fixtures.submittedCase(true);
        String id = visibleText(getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox?ref=" + ref).then().extract().asString());
        assertTrue(Pattern.compile("\\b2 hari 2[0-3] jam\\b").matcher(id).find(), id);
        String en = visibleText(getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox?ref=" + ref).then().extract().asString());
        assertTrue(Pattern.compile("\\b2 days 2[0-3] hours\\b").matcher(en).find(), en);
    }

    /**
     * Every audit action and every word an {@code audit.record…(…)} call writes into a detail has a label in both inbox
     * languages: the words are read from the source, so a new detail shape without a label (or missing from
     * {@link AuditDetail}) fails here.
     */
    @Test
    void shouldLabelEveryAuditActionAndDetailWordTheCodeRecords() throws java.io.IOException {
        Set<String> recorded = new TreeSet<>();
        Pattern call = Pattern.compile("audit\\.record\\w*\\([^;]*?AuditAction\\.[A-Z_]+([^;]*);", Pattern.DOTALL);
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
                    while (literal.find()) {
                        for (String token : literal.group(1).trim().split("\\s+")) {
                            Matcher name = Pattern.compile("([a-z_]+):").matcher(token);
                            while (name.find()) {
                                recorded.add(name.group(1));
                            }
                            if (token.matches("[a-z_]+")) {
                                recorded.add(token);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(recorded.size() > 30, "the scan found the audit calls: " + recorded);
        Set<String> unlisted = new TreeSet<>(recorded);
        unlisted.removeAll(AuditDetail.WORDS);
        assertEquals(Set.of(), unlisted, "detail words recorded but missing from AuditDetail.WORDS");

        Map<String, Set<String>> unlabelled = new LinkedHashMap<>();
        for (String lang : List.of("id", "en")) {
            Labels labels = Labels.in(flows, conversations, lang);
            String unknown = labels.auditAction("no_such_action");
            Set<String> missing = new TreeSet<>();
            for (AuditAction action : AuditAction.values()) {
                if (labels.auditAction(action.code()).equals(unknown)) {
                    missing.add("action " + action.code());
                }
            }
            for (String word : AuditDetail.WORDS) {
                if (labels.auditDetail(word).contains(unknown)) {
                    missing.add("word " + word);
                }
            }
            for (String value : AuditDetail.VALUES) {
                if (labels.auditDetail("source:" + value).contains(unknown)) {
                    missing.add("value " + value);
                }
            }
            // The coordinator's reasons, and /hapus's (ReporterErasure records reason:request_in_chat).
            for (String reason : java.util.stream.Stream.concat(CaseErasure.REASONS.stream(), java.util.stream.Stream.of("request_in_chat"))
                    .toList()) {
                if (labels.auditDetail("reason:" + reason).contains(unknown)) {
                    missing.add("erase reason " + reason);
                }
            }
            if (!missing.isEmpty()) {
                unlabelled.put(lang, missing);
            }
        }
        assertEquals(Map.of(), unlabelled, "audit actions and detail words without a label");
    }

    /**
     * Walkthrough 8, finding 9: an actor the code records that is not an account ({@code "survivor-chat"}) is shown by
     * its label, and a count in a detail ({@code cases:1}) reads as a count, never as "#1" (which reads as an id).
     * Actors written as literals in {@code audit.record…("…", …)} calls are read from the source, so a new one
     * without a label fails here.
     */
    @Test
    void shouldLabelEveryActorThatIsNotAnAccountAndShowCountsAsCounts() throws java.io.IOException {
        Set<String> actors = new TreeSet<>();
        Pattern call = Pattern.compile("audit\\.record\\w*\\(\\s*\"([^\"]+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    actors.add(m.group(1));
                }
            }
        }
        actors.add(AuditDetail.CHAT_ACTOR);
        Set<String> unlisted = new TreeSet<>(actors);
        unlisted.removeAll(AuditDetail.SYSTEM_ACTORS);
        assertEquals(Set.of(), unlisted, "actors recorded by the code but missing from AuditDetail.SYSTEM_ACTORS");
        for (String lang : List.of("id", "en")) {
            Labels labels = Labels.in(flows, conversations, lang);
            for (String actor : AuditDetail.SYSTEM_ACTORS) {
                String label = labels.actor(actor);
                assertTrue(!label.equals(actor) && !label.contains(actor), lang + ": " + actor + " shown as " + label);
            }
            for (String count : AuditDetail.COUNTS) {
                String shown = labels.auditDetail(count + ":1");
                assertTrue(!shown.contains("#") && shown.contains("1"), lang + ": " + count + ":1 shown as " + shown);
            }
        }
        assertEquals("1 kasus", Labels.in(flows, conversations, "id").auditDetail("cases:1"));
        assertEquals("2 cases", Labels.in(flows, conversations, "en").auditDetail("cases:2"));
        assertEquals("Pelapor (lewat chat)", Labels.in(flows, conversations, "id").actor("survivor-chat"));
        assertEquals("Reporter (via chat)", Labels.in(flows, conversations, "en").actor("survivor-chat"));
    }

    /**
     * A referral drafted or changed with no part ticked records {@code parts:none}: its history says "—", not
     * "(tidak dikenal)" (walkthrough: a counsellor's first draft read as if the service did not know what was shared).
     */
    @Test
    void shouldShowNoPartsAsNoneNotAsUnknown() {
        for (String lang : List.of("id", "en")) {
            String shown = Labels.in(flows, conversations, lang).auditDetail("referral:4 parts:none");
            assertFalse(shown.contains("(tidak dikenal)") || shown.contains("(unknown)") || shown.contains("none"), lang + ": " + shown);
            assertTrue(shown.endsWith(" —"), lang + ": " + shown);
        }
    }

    /** The audit log page as a person reads it: the tester's rows show labels, the value of a detail included. */
    @Test
    void shouldShowAuditRowsAndTheActionFilterAsLabels() {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("labels-coordinator", AuditAction.CASE_VIEW, id, "casework");
            audit.record("labels-coordinator", AuditAction.ASSESSMENT, id, "risk:medium");
            audit.record("labels-coordinator", AuditAction.REPORT_VIEW, id, "csv period:month:2026:11");
            audit.record("labels-coordinator", AuditAction.ERASE, id, "reason:request_by_phone cases:2");
            audit.record("labels-coordinator", AuditAction.TRANSCRIPT_VIEW, id, null);
            audit.record("labels-coordinator", AuditAction.SESSIONS_ENDED, id, "sessions:3");
            audit.record("labels-coordinator", AuditAction.PASSWORD_CHANGE, id, "account:7");
        });
        String id_ = visibleText(getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/audit?ref=" + ref)
                .then().statusCode(200).extract().asString());
        assertTrue(!id_.contains("(tidak dikenal)"), id_);
        for (String label : List.of("Penanganan kasus", "Tingkat risiko: Sedang", "Periode: bulan 2026 11", "Unduhan CSV",
                "Menghapus data pelapor", "Membuka percakapan", "Mengakhiri sesi masuk", "Mengganti kata sandi", "Sesi diakhiri: 3")) {
            assertTrue(id_.contains(label), "missing " + label + " in " + id_);
        }
        String en = visibleText(getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/audit?ref=" + ref)
                .then().statusCode(200).extract().asString());
        assertTrue(!en.contains("(unknown)"), en);
        assertTrue(en.contains("Risk level: Medium") && en.contains("Changed password"), en);
    }

    /**
     * Lower-case words people read in {@code lang}: every {@code lang} text of the conversation files (labels,
     * questions, messages; some are bilingual) and of the inbox bundles, with the bundles' template code removed.
     * An option id that is also such a word ("consent" in English) is not a code when it appears in running text.
     */
    static Set<String> naturalWords(String lang) throws java.io.IOException {
        Set<String> words = new TreeSet<>();
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("conversations"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                collect(yaml.readTree(file.toFile()), lang, words);
            }
        }
        String suffix = "id".equals(lang) ? "" : "_" + lang;
        for (String bundle : List.of("msg", "rf")) {
            java.util.Properties texts = new java.util.Properties();
            try (var in = LabelCoverageTest.class.getResourceAsStream("/messages/" + bundle + suffix + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            texts.values().forEach(v -> addWords(v.toString().replaceAll("\\{[^}]*\\}", " "), words));
        }
        return words;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, String lang, Set<String> words) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals(lang) && e.getValue().isTextual()) {
                addWords(e.getValue().asText(), words);
            } else {
                collect(e.getValue(), lang, words);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collect(child, lang, words));
        }
    }

    private static void addWords(String text, Set<String> words) {
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            words.add(word.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Answer keys and option ids of the flow, except natural words of the page's language. */
    static Set<String> flowCodes(Flow flow, Set<String> words) {
        Set<String> codes = new TreeSet<>();
        for (NodeDefinition node : flow.nodes()) {
            if (node.key() != null) {
                codes.add(node.key());
            }
            for (OptionDefinition option : node.options()) {
                if (!option.label().values().containsValue(option.id())) {
                    codes.add(option.id());
                }
            }
        }
        codes.removeIf(code -> code.length() < 3 || words.contains(code));
        return codes;
    }

    /** What a reader sees: no script or style, no tags (so no attributes), entities decoded. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?is)<title>.*?</title>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        Matcher m = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ");
    }

}
