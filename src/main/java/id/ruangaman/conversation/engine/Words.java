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
    static final List<String> DONE = List.of("selesai", "done", "sudah", "cukup", "finish", "finished", "that's all");
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
