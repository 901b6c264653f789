package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowLoader;

/**
 * The services a provider can offer and a referral can name are the intake's own service options (all but "not sure"),
 * so every referral text and page can name them in the flow's words (walkthrough 7, finding 5).
 */
class ReferralServiceCodesTest {

    @Test
    void shouldOfferExactlyTheIntakesServiceOptionsButNotSure() throws Exception {
        Path file = Path.of("conversations/intake.yaml");
        Flow flow = new FlowLoader().load(file.getFileName().toString(), Files.readAllBytes(file));
        Set<String> options = new LinkedHashSet<>();
        flow.nodeForKey("services").orElseThrow().options().forEach(o -> options.add(o.id()));
        options.remove("not_sure");
        assertEquals(options, new LinkedHashSet<>(ReferralService.SERVICES));
    }
}
