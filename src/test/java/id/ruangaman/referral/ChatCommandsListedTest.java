package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowLoader;
import id.ruangaman.conversation.definition.MessageKey;

/**
 * What the survivor reads about the chat's commands and the case's status (walkthrough 7, finding 7): /bantuan lists
 * every command the chat answers, /cabut included (answered by {@link ReferralChat} before the flow), and /status after
 * verification says what happens next instead of sounding finished ("Sudah diperiksa").
 */
class ChatCommandsListedTest {

    @Test
    void shouldListTheWithdrawCommandInTheHelpAndSayWhatHappensAfterVerification() throws Exception {
        Path file = Path.of("conversations/intake.yaml");
        Flow flow = new FlowLoader().load(file.getFileName().toString(), Files.readAllBytes(file));
        for (String language : List.of("id", "en")) {
            String help = flow.message(MessageKey.HELP).in(language, "id");
            String withdraw = "id".equals(language) ? "/cabut" : "/withdraw";
            assertTrue(help.contains(withdraw + " \u2013 "), language + " help lacks " + withdraw + ":\n" + help);
            assertTrue(ReferralChat.isWithdrawCommand(withdraw), withdraw + " is not a command the chat answers");
        }
        String verified = flow.message(MessageKey.STATUS_VERIFIED).in("id", "id");
        assertTrue(verified.contains("Berikutnya") && !verified.contains("Sudah diperiksa"), verified);
        assertTrue(flow.message(MessageKey.STATUS_VERIFIED).in("en", "id").contains("Next"), "en status_verified");
    }
}
