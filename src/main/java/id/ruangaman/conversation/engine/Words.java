package id.ruangaman.conversation.engine;

import java.util.List;

/** Typed words accepted for the buttons the engine adds, in both languages (yes and no: {@code AnswerWords}). */
final class Words {

    static final List<String> SKIP = List.of("lewati", "lewat", "skip", "lompati", "pass");
    /**
     * "I don't know" as a whole answer: at a choice question that may be left out it is the answer Lewati gives (not
     * known), at once, instead of one re-prompt and then a skip. Only for choice questions: in a story a message
     * "lupa" is part of the story. Typed forms with and without apostrophes.
     */
    static final List<String> DONT_KNOW = List.of("lupa", "aku lupa", "saya lupa", "lupa kapan", "aku lupa kapan",
            "saya lupa kapan", "sudah lupa", "udah lupa", "lupa lupa ingat", "tidak ingat", "tdk ingat", "nggak ingat",
            "ngga ingat", "gak ingat", "ga ingat", "gak inget", "ga inget", "nggak inget", "udah gak ingat",
            "sudah tidak ingat", "tidak tahu", "tidak tau", "tdk tahu", "nggak tahu", "nggak tau", "gak tahu", "gak tau",
            "ga tau", "ga tahu", "gatau", "entahlah", "forgot", "i forgot", "i forget", "no idea", "not sure",
            "i don't know", "i dont know", "don't know", "dont know", "i do not know", "i don't remember",
            "i dont remember", "don't remember", "dont remember", "i do not remember", "i can't remember",
            "i cant remember", "can't remember", "cant remember", "i cannot remember", "cannot remember");
    /**
     * "Not sure" as a whole answer to a yes/no question: neither yes nor no ({@code YesNoHandler#dontKnow}), although
     * most begin with a no word. A "maybe" ("mungkin") was never a no and keeps its re-prompt.
     */
    static final List<String> NOT_SURE = List.of("tidak yakin", "tdk yakin", "gak yakin", "ga yakin", "gk yakin",
            "nggak yakin", "ngga yakin", "enggak yakin", "kurang yakin", "belum yakin", "tidak tahu juga", "unsure",
            "i'm not sure", "im not sure", "i am not sure", "not really sure");
    /**
     * A reply that declines to give an answer, as a whole: at a free-text question with {@code no_means_skip} (a name, a
     * code word) it is the skip button said in words. With the no words of the answer words file.
     */
    static final List<String> DECLINE = List.of("ga mau", "gak mau", "gk mau", "nggak mau", "ngga mau", "enggak mau",
            "engga mau", "ndak mau", "tidak mau", "tdk mau", "gamau", "gakmau", "ogah", "ga usah", "gak usah", "gk usah",
            "nggak usah", "ngga usah", "enggak usah", "tidak usah", "tdk usah", "gausah", "gak perlu", "ga perlu",
            "nggak perlu", "tidak perlu", "jangan", "rahasia", "tidak ada", "gak ada", "ga ada", "nggak ada",
            "tidak mau kasih tahu", "gak mau kasih tau", "ga mau kasih tau", "nggak mau kasih tau", "no thanks",
            "no thank you", "rather not", "i'd rather not", "id rather not", "i would rather not", "prefer not",
            "i prefer not", "prefer not to say", "i prefer not to say", "i'd prefer not to", "don't want to",
            "dont want to", "i don't want to", "i dont want to", "not telling", "none", "no name", "nda usah", "ndak usah",
            "ndak perlu", "nda perlu", "emoh", "no need");
    /**
     * Particles and address words that add nothing to a decline around them ("ngga deh", "gak ah", "ga usah dong kak",
     * "nope deh"): left out before a reply is compared with the declining words. A reply of particles only declines
     * nothing.
     */
    static final java.util.Set<String> DECLINE_PARTICLES = java.util.Set.of("deh", "dong", "ya", "yah", "sih", "kok", "aja",
            "saja", "ah", "lah", "nih", "kak", "ka", "kk", "mas", "mbak", "mba", "bang", "please", "pls", "thanks");
    /**
     * "Selesai" said in words, as a whole message: also the chat spellings of "sudah" (udah, udh, sdh) and "that's all"
     * (itu aja, segitu aja), which a story's last message often is. Before, "udah" at "Ceritakan apa yang terjadi" was
     * kept as a line of the story and the person was asked to go on.
     */
    static final List<String> DONE = List.of("selesai", "done", "sudah", "cukup", "finish", "finished", "that's all",
            "udah", "udh", "sdh", "sudah selesai", "udah selesai", "udh selesai", "selesai kak", "sudah kak", "udah kak",
            "itu aja", "itu saja", "itu aja kak", "itu saja kak", "udah itu aja", "udah itu saja", "sudah itu saja",
            "sudah itu aja", "segitu aja", "segitu saja", "udah segitu aja", "sudah segitu saja", "cukup itu aja",
            "cukup itu saja", "cukup segitu", "that's it", "thats it", "that is all", "thats all", "that's all for now",
            "i'm done", "im done", "i am done", "all done", "finished now");
    static final List<String> CONTINUE = List.of("lanjut", "lanjutkan", "continue", "resume");
    static final List<String> RESTART = List.of("ulang", "mulai lagi", "mulai ulang", "restart", "start over");
    static final List<String> CONFIRM = List.of("kirim", "send", "submit", "konfirmasi", "confirm");
    static final List<String> EDIT = List.of("ubah", "edit", "change", "ganti");
    static final List<String> NEW_REPORT = List.of("baru", "laporan baru", "new", "new report");
    static final List<String> ADDITION = List.of("tambahan", "tambah", "addition", "add", "lama");
    static final List<String> BACK = List.of("kembali", "back", "batal", "cancel");

    private Words() {
    }
}
