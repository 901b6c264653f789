package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void shouldGiveAPassiveTypeItsExtensionAndAnyOtherNone() {
        assertEquals(".pdf", DownloadName.extension("application/pdf"));
        assertEquals(".jpg", DownloadName.extension(" Image/JPEG "), "case and spaces do not matter");
        assertEquals(".ogg", DownloadName.extension("audio/ogg; codecs=opus"), "parameters are ignored");
        assertEquals("", DownloadName.extension("text/html"));
        assertEquals("", DownloadName.extension("image/svg+xml"));
        assertEquals("", DownloadName.extension("application/x-msdownload"));
        assertEquals(".docx", DownloadName.extension("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertEquals("", DownloadName.extension("application/msword"), "the older Office formats can carry macros");
        assertEquals("", DownloadName.extension("application/vnd.ms-excel"));
        assertEquals("", DownloadName.extension("application/vnd.ms-powerpoint"));
        assertEquals("", DownloadName.extension(""));
        assertEquals("", DownloadName.extension(null));
        assertEquals("inline; filename=\"evidence-7.png\"", DownloadName.header("inline", "evidence", 7, "image/png"));
    }
}
