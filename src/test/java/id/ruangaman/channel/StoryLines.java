package id.ruangaman.channel;

import java.util.List;

import id.ruangaman.testing.IntakeWalk;

/**
 * A story typed in short lines, and the shipped intake's way to its story question: what the tests of a story's
 * acknowledgements send (synthetic). {@code SAVED} and {@code EMERGENCY} open the routine acknowledgement and the
 * emergency numbers in Indonesian.
 */
final class StoryLines {

    static final String SAVED = "Tersimpan.";
    static final String EMERGENCY = "Keselamatan yang paling penting.";
    static final List<String> LINES = List.of("Jadi gini kak", "kejadiannya sore di lab", "dia dosen pembimbingku",
            "dia pegang tanganku", "aku langsung keluar");
    static final IntakeWalk TO_THE_STORY = IntakeWalk.of("language:id", "consent:yes", "in_danger:no",
            "safe_to_reply:yes", "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages",
            "violence_type:done", "incident_when:longer", "victim_minor:no", "incident_place:campus");

    private StoryLines() {
    }
}
