package id.ruangaman.channel;

import id.ruangaman.transcript.Channel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Real platform traffic, one labelled fixture per file in {@code src/test/resources/channel/platform-inputs/}: the
 * cases handed over in issue 19 (same names as in {@code shared/cases/platform-inputs}, exact payloads) and more of
 * the same kinds ({@code k<kind>-...}). Each file is a list of webhook payloads with placeholders, posted in order over
 * HTTP to the webhook, and the checks it names: {@code no_5xx}, {@code acked}, {@code no_error_log},
 * {@code db_no_failed}, {@code callbacks_answered}, {@code max_matches:REGEX:N}, {@code min_matches:REGEX:N},
 * {@code no_reply_matches:REGEX}, {@code reply_sent}, and per step {@code no_reply}, {@code reply_sent},
 * {@code max_replies:N} (at most N messages for one input: never a flood), {@code reply_matches:REGEX},
 * {@code no_reply_matches:REGEX}. A step may name its own {@code contact} (a group, a
 * new number) and be posted {@code times} times, and name in {@code quote} a pattern of an earlier message sent to the
 * person: {@code {{QUOTED}}} is then that message's id (a reply that quotes it). Replies of {@code setup} steps are
 * not counted; a step with {@code "settle": false} is posted without waiting (an album arrives at once).
 */
@QuarkusTest
class PlatformInputsTest extends WebhookTest {

    static final Path FOLDER = Path.of("src/test/resources/channel/platform-inputs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMERIC = Pattern.compile(
            "\"\\{\\{(CHAT|UPD|MSGID|LAST_OUT|LAST_BUTTONS|QUOTED|BOTID|GROUPID|GROUPID2|NOW(?:-\\d+)?)\\}\\}\"");
    private static final Pattern ANY = Pattern.compile("\\{\\{([A-Z_0-9]+(?:-\\d+)?)\\}\\}");
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    private final LogLines errors = LogLines.errors();

    @BeforeEach
    void listen() {
        errors.start();
    }

    @AfterEach
    void stop() {
        errors.stop();
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The ids one case uses: fresh per run, synthetic. */
    private final class Ids {
        final long chat = TelegramFixtures.newChatId();
        final long group = TelegramFixtures.newGroupId();
        final long group2 = TelegramFixtures.newGroupId();
        final String phone = WhatsAppFixtures.newNumber();
        final String phone2 = WhatsAppFixtures.newNumber();
        final String bsuid = "ID." + IDS.incrementAndGet() + "0042" + IDS.incrementAndGet();
        final String bsuid2 = "ID." + IDS.incrementAndGet() + "0043" + IDS.incrementAndGet();
        final long now = System.currentTimeMillis() / 1000;
        final List<String> callbackIds = new ArrayList<>();
        /** The step's {@code quote}: a pattern of the earlier message sent to the person that {@code {{QUOTED}}} names. */
        Pattern quote;

        String value(String name, boolean telegramChannel, String contact) {
            if (name.startsWith("NOW-")) {
                return String.valueOf(now - Long.parseLong(name.substring(4)));
            }
            return switch (name) {
                case "CHAT" -> String.valueOf(chat);
                case "GROUPID" -> telegramChannel ? String.valueOf(group) : "120363000000" + Math.abs(group) + "@g.us";
                case "GROUPID2" -> String.valueOf(group2);
                case "UPD" -> String.valueOf(TelegramFixtures.newUpdateId());
                case "MSGID" -> String.valueOf(TelegramFixtures.nextMessageId());
                case "CBQ" -> {
                    String id = "cbq-" + IDS.incrementAndGet();
                    callbackIds.add(id);
                    yield id;
                }
                case "LAST_OUT" -> String.valueOf(telegram.lastMessageId(chat));
                case "QUOTED" -> telegramChannel ? quotedMessageId() : quotedWamid(contact);
                case "LAST_BUTTONS" -> telegramChannel ? String.valueOf(telegram.lastButtonsMessageId(chat)) : lastInteractiveWamid(contact);
                case "BOTID" -> "123456";
                case "NOW", "TS" -> String.valueOf(now);
                case "PHONE" -> phone;
                case "PHONE2" -> phone2;
                case "BSUID" -> bsuid;
                case "BSUID2" -> bsuid2;
                case "WAMID" -> WhatsAppFixtures.newWamid();
                case "PNID" -> "100200300";
                case "OTHER_PNID" -> "100200399";
                case "DISPLAY" -> "15550000000";
                default -> throw new IllegalArgumentException("unknown placeholder {{" + name + "}}");
            };
        }

        String render(String template, boolean telegramChannel, String contact) {
            String text = template;
            if (telegramChannel) {
                Matcher numeric = NUMERIC.matcher(text);
                StringBuilder out = new StringBuilder();
                while (numeric.find()) {
                    numeric.appendReplacement(out, Matcher.quoteReplacement(value(numeric.group(1), true, contact)));
                }
                numeric.appendTail(out);
                text = out.toString();
            }
            Matcher any = ANY.matcher(text);
            StringBuilder out = new StringBuilder();
            while (any.find()) {
                any.appendReplacement(out, Matcher.quoteReplacement(value(any.group(1), telegramChannel, contact)));
            }
            any.appendTail(out);
            return out.toString();
        }

        /** The wamid of the last message sent to the person that the step's {@code quote} finds; a case that names none fails. */
        private String quotedWamid(String contact) {
            List<FakeGraph.Sent> sent = graph.sentTo(contact);
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (quote != null && sent.get(i).text() != null && quote.matcher(sent.get(i).text()).find()) {
                    return sent.get(i).wamid();
                }
            }
            throw new IllegalStateException("no message sent matches the step's quote " + quote);
        }

        private String quotedMessageId() {
            int id = quote == null ? 0 : telegram.lastMessageIdMatching(chat, quote);
            if (id == 0) {
                throw new IllegalStateException("no message sent matches the step's quote " + quote);
            }
            return String.valueOf(id);
        }

        private String lastInteractiveWamid(String contact) {
            List<FakeGraph.Sent> sent = graph.sentTo(contact);
            for (int i = sent.size() - 1; i >= 0; i--) {
                if ("interactive".equals(sent.get(i).type())) {
                    return sent.get(i).wamid();
                }
            }
            return "wamid.none";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerRealTrafficAsAPersonExpects(String file) throws Exception {
        JsonNode spec = JSON.readTree(FOLDER.resolve(file).toFile());
        boolean onTelegram = "telegram".equals(spec.path("channel").asText());
        Ids ids = new Ids();
        String contact = onTelegram ? String.valueOf(ids.chat)
                : spec.path("contact").asText("{{PHONE}}").replace("{{PHONE}}", ids.phone).replace("{{BSUID}}", ids.bsuid)
                        .replace("{{PHONE2}}", ids.phone2).replace("{{BSUID2}}", ids.bsuid2);
        List<String> counted = new ArrayList<>(); // replies of the steps that are not setup
        List<String> posted = new ArrayList<>();
        List<String> unsettled = new ArrayList<>();
        int before = 0;
        for (JsonNode step : spec.path("steps")) {
            String note = step.path("note").asText("step");
            String address = step.has("contact") ? ids.render(step.path("contact").asText(), onTelegram, contact) : contact;
            if (unsettled.isEmpty()) {
                // steps posted without settling form one burst: its replies count from before its first step, since the
                // service may answer the first ones before the last is posted
                before = replies(onTelegram, address).size();
            }
            ids.quote = step.has("quote") ? Pattern.compile(step.path("quote").asText(), Pattern.CASE_INSENSITIVE) : null;
            for (int time = 0; time < step.path("times").asInt(1); time++) {
                String payload = ids.render(JSON.writeValueAsString(step.path("payload")), onTelegram, address);
                int status = (onTelegram ? TelegramChats.post(payload) : WhatsAppFixtures.post(payload)).statusCode();
                assertEquals(200, status, file + " / " + note + ": not acknowledged with 200");
                unsettled.addAll(providerIds(onTelegram, payload));
            }
            if (step.path("settle").asBoolean(true)) {
                settle(onTelegram, unsettled, address, file + " / " + note);
                posted.addAll(unsettled);
                unsettled.clear();
            } else {
                continue;
            }
            // A reply a step names may still be on its way where the outbox cannot say so: after /hapus the person's
            // contact is gone, so "their outbox is drained" holds before the erasure's last message has left.
            int from = before;
            for (JsonNode check : step.path("checks")) {
                if (check.asText().startsWith("reply_matches:")) {
                    Pattern named = Pattern.compile(check.asText().substring("reply_matches:".length()), Pattern.CASE_INSENSITIVE);
                    Eventually.await(file + " / " + note + ": a reply matching " + named, Duration.ofSeconds(30), () -> {
                        List<String> all = replies(onTelegram, address);
                        return all.subList(from, all.size()).stream().anyMatch(reply -> named.matcher(reply).find());
                    });
                }
            }
            List<String> stepReplies = replies(onTelegram, address).subList(before, replies(onTelegram, address).size());
            if (!step.path("setup").asBoolean(false)) {
                counted.addAll(stepReplies);
            }
            for (JsonNode check : step.path("checks")) {
                stepCheck(check.asText(), stepReplies, file + " / " + note);
            }
        }
        for (JsonNode check : spec.path("checks")) {
            caseCheck(check.asText(), counted, posted, ids, file);
        }
    }

    private List<String> replies(boolean onTelegram, String address) {
        return onTelegram ? telegram.sentTo(Long.parseLong(address)).stream().map(FakeTelegram.Call::text).toList()
                : graph.sentTo(address).stream().map(FakeGraph.Sent::text).toList();
    }

    private static List<String> providerIds(boolean onTelegram, String payload) throws IOException {
        JsonNode tree = JSON.readTree(payload);
        if (onTelegram) {
            return List.of("123456:" + tree.path("update_id").asLong());
        }
        List<String> wamids = new ArrayList<>();
        for (JsonNode entry : tree.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode message : change.path("value").path("messages")) {
                    wamids.add(message.path("id").asText());
                }
            }
        }
        return wamids;
    }

    private void settle(boolean onTelegram, List<String> providerIds, String address, String what) {
        Channel channel = onTelegram ? Channel.TELEGRAM : Channel.WHATSAPP;
        for (String id : providerIds) {
            Eventually.await(what + ": update processed", Duration.ofSeconds(30), () -> {
                String status = chats.status(channel, id);
                return status != null && !"PENDING".equals(status);
            });
        }
        Eventually.await(what + ": replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(channel, address));
    }

    private static void stepCheck(String check, List<String> replies, String what) {
        if (check.equals("no_reply")) {
            assertEquals(List.of(), replies, what + ": expected no reply");
        } else if (check.equals("reply_sent")) {
            assertTrue(!replies.isEmpty(), what + ": expected a reply");
        } else if (check.startsWith("max_replies:")) {
            int most = Integer.parseInt(check.substring("max_replies:".length()));
            assertTrue(replies.size() <= most, what + ": " + replies.size() + " messages for one input (a flood): " + replies);
        } else if (check.startsWith("no_reply_matches:")) {
            Pattern pattern = Pattern.compile(check.substring("no_reply_matches:".length()), Pattern.CASE_INSENSITIVE);
            assertEquals(List.of(), replies.stream().filter(reply -> pattern.matcher(reply).find()).toList(), what + ": replies match " + pattern);
        } else if (check.startsWith("reply_matches:")) {
            Pattern pattern = Pattern.compile(check.substring("reply_matches:".length()), Pattern.CASE_INSENSITIVE);
            assertTrue(replies.stream().anyMatch(reply -> pattern.matcher(reply).find()), what + ": no reply matches "
                    + pattern + " in " + replies);
        } else {
            throw new IllegalArgumentException("unknown step check " + check);
        }
    }

    private void caseCheck(String check, List<String> replies, List<String> posted, Ids ids, String file) {
        if (check.equals("no_5xx") || check.equals("acked")) {
            return; // every post was asserted 200 above
        }
        if (check.equals("reply_sent")) {
            assertTrue(!replies.isEmpty(), file + ": expected a reply");
        } else if (check.equals("no_error_log")) {
            assertEquals(List.of(), errors.lines(), file + ": ERROR log lines");
        } else if (check.equals("db_no_failed")) {
            for (String id : posted) {
                String status = chats.status(id.startsWith("123456:") ? Channel.TELEGRAM : Channel.WHATSAPP, id);
                assertNotEquals("FAILED", status, file + ": an inbound update FAILED");
            }
        } else if (check.equals("callbacks_answered")) {
            for (String id : ids.callbackIds) {
                Eventually.await(file + ": answerCallbackQuery " + id, Duration.ofSeconds(60), () -> telegram.calls("answerCallbackQuery")
                        .stream().anyMatch(call -> id.equals(call.body().get("callback_query_id"))));
            }
        } else if (check.startsWith("max_matches:")) {
            String rest = check.substring("max_matches:".length());
            int colon = rest.lastIndexOf(':');
            Pattern pattern = Pattern.compile(rest.substring(0, colon), Pattern.CASE_INSENSITIVE);
            long count = replies.stream().filter(reply -> pattern.matcher(reply).find()).count();
            assertTrue(count <= Integer.parseInt(rest.substring(colon + 1)), file + ": " + pattern + " sent " + count + " times: " + replies);
        } else if (check.startsWith("min_matches:")) {
            String rest = check.substring("min_matches:".length());
            int colon = rest.lastIndexOf(':');
            Pattern pattern = Pattern.compile(rest.substring(0, colon), Pattern.CASE_INSENSITIVE);
            long count = replies.stream().filter(reply -> pattern.matcher(reply).find()).count();
            assertTrue(count >= Integer.parseInt(rest.substring(colon + 1)), file + ": " + pattern + " sent " + count + " times: " + replies);
        } else if (check.startsWith("no_reply_matches:")) {
            Pattern pattern = Pattern.compile(check.substring("no_reply_matches:".length()), Pattern.CASE_INSENSITIVE);
            assertEquals(List.of(), replies.stream().filter(reply -> pattern.matcher(reply).find()).toList(), file + ": replies match " + pattern);
        } else {
            throw new IllegalArgumentException("unknown check " + check);
        }
    }

    @Test
    void shouldCountEachKindOfIgnoredInputByReason() throws Exception {
        Ids ids = new Ids();
        String service = ids.render("{\"update_id\": \"{{UPD}}\", \"message\": {\"message_id\": \"{{MSGID}}\", \"date\": \"{{NOW}}\", "
                + "\"chat\": {\"id\": \"{{CHAT}}\", \"type\": \"private\"}, \"message_auto_delete_timer_changed\": "
                + "{\"message_auto_delete_time\": 86400}}}", true, null);
        String group = WhatsAppFixtures.raw("text.json").replace("__FROM__", ids.phone).replace("__WAMID__", WhatsAppFixtures.newWamid())
                .replace("__TS__", String.valueOf(ids.now)).replace("\"__TEXT__\"", "\"halo\"");
        group = group.replaceFirst("\\{", "{\"group_id\": \"120363000000@g.us\", ");
        assertEquals(200, TelegramChats.post(service).statusCode());
        assertEquals(200, WhatsAppFixtures.post(WhatsAppFixtures.payload(ids.phone, List.of(group))).statusCode());
        Eventually.await("both counted", Duration.ofSeconds(60), () -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            return metrics.contains("ruangaman_inbound_ignored_total{channel=\"telegram\",reason=\"service_message\"")
                    && metrics.contains("ruangaman_inbound_ignored_total{channel=\"whatsapp\",reason=\"group\"");
        });
    }
}
