package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The first words of a line an edit changes ({@link TranscriptLine#excerpt}), as the edit line quotes them. */
class TranscriptLineExcerptTest {

    @Test
    void shouldQuoteAShortTypedTextWholeOnOneLine() {
        assertEquals("\u201cTanggal 13 Maret di kampus\u201d", TranscriptLine.excerpt("Tanggal 13\n  Maret\tdi kampus ", true));
    }

    @Test
    void shouldCutALongTextAtAWordWithinSixtyCharacters() {
        String text = "Kejadiannya di asrama kampus sekitar jam sembilan malam setelah kegiatan himpunan selesai";
        String excerpt = TranscriptLine.excerpt(text, true);
        assertEquals("\u201cKejadiannya di asrama kampus sekitar jam sembilan malam\u2026\u201d", excerpt);
    }

    @Test
    void shouldCutAWordLongerThanTheExcerptAtSixtyCharacters() {
        assertEquals("a".repeat(60) + "\u2026", TranscriptLine.excerpt("a".repeat(80), false));
    }

    @Test
    void shouldNeverCutAnEmojiInHalf() {
        // "aku takut banget kak" and a row of emoji: the cut at 60 chars fell between the two halves of one (tester, session 55)
        String text = "aku takut banget kak " + "\uD83D\uDE2D".repeat(25);
        String excerpt = TranscriptLine.excerpt(text, false);
        assertTrue(excerpt.endsWith("\uD83D\uDE2D\u2026"), excerpt);
        assertTrue(excerpt.codePoints().noneMatch(c -> Character.isSurrogate((char) c)), "no lone half: " + excerpt);
    }

    @Test
    void shouldNeverCutAnEmojiInHalfInAFoldedLinesPreview() {
        String text = "ab" + "\uD83D\uDE2D".repeat(60); // the cut at 89 chars falls inside an emoji
        TranscriptLine line = new TranscriptLine(1, false, TranscriptLine.Author.BOT, null, "text", text, null, "SENT", null,
                java.time.Instant.EPOCH, null, false, null, null, null, null, null, false, null, false, null, false);
        assertTrue(line.preview().endsWith("\uD83D\uDE2D\u2026"), line.preview());
    }

    /**
     * A quote of a bot message names its question: the last paragraph that asks something, without the progress line
     * and without a note before it (the tester of session 56 saw "Membalas Pesan itu diteruskan…" and "Keselamatan yang
     * paling penting…" instead of the question).
     */
    @Test
    void shouldNameTheQuestionOfAQuotedBotMessage() {
        java.util.Set<String> progress = TranscriptLines.progressForms(java.util.List.of("Langkah {n} dari {total}"));
        assertEquals("Kejadian ini dialami siapa?", TranscriptLines.quotedWords(
                "Maaf, saya belum mengerti.\n\nLangkah 3 dari 9\n\nKejadian ini dialami siapa?", progress), "a re-prompt: its question");
        assertEquals("Ini ringkasanmu. Sudah benar?", TranscriptLines.quotedWords(
                "Langkah 9 dari 9\n\nIni ringkasanmu. Sudah benar?\n\nCerita: sintetis", progress), "the question above the summary");
        assertEquals("Keselamatan yang paling penting.\nHubungi 112.\n\nKalau sudah aman, kita bisa lanjut.",
                TranscriptLines.quotedWords("Keselamatan yang paling penting.\nHubungi 112.\n\nKalau sudah aman, kita bisa lanjut.",
                        progress), "no question: the words as they are");
        assertEquals("Terima kasih sudah bercerita.", TranscriptLines.quotedWords("Langkah 2 dari 9\n\nTerima kasih sudah bercerita.",
                progress), "without the progress line");
    }

    @Test
    void shouldLeaveAKindLabelUnquoted() {
        assertEquals("[Foto]", TranscriptLine.excerpt("[Foto]", false));
    }

    @Test
    void shouldGiveNothingOfAnErasedLine() {
        assertNull(TranscriptLine.excerpt(null, true));
    }
}
