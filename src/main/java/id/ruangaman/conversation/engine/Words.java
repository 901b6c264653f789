package id.ruangaman.conversation.engine;

import java.util.List;

/** Typed words accepted for the buttons the engine adds, in both languages (yes and no: {@code AnswerWords}). */
final class Words {

    static final List<String> SKIP = List.of("lewati", "lewat", "skip", "lompati", "pass");
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
